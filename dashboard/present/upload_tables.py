"""Tables for the upload page: the preview of what will be stored, and problems by row."""

import pandas as pd

from dashboard.core.explain import num
from dashboard.core.messages import in_lang, text
from dashboard.core.periods import period_text
from dashboard.core.problems import Problem, Skipped


def _companion(value, unit) -> str:
    return "" if pd.isna(value) else f"{num(value)}{'' if pd.isna(unit) else unit}"


def _change(change: str, old, new, unit: str, lang: str) -> str:
    """'修订 1,790 → 17,900亿元': a revision shows the value it replaces."""
    word = text(f"change.{change}", lang)
    if change != "revision" or pd.isna(old):
        return word
    return f"{word} {num(old)} → {num(new)}{unit}"


def preview_table(figures: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    info = targets.drop_duplicates("id").set_index("id")
    name = in_lang("name", lang)
    units = [info.at[i, "unit"] if i in info.index else "" for i in figures["id"]]
    years = targets["year"].max() if len(targets) else None
    companion_value = figures.get("companion_value", pd.Series([None] * len(figures)))
    companion_unit = figures.get("companion_unit", pd.Series([None] * len(figures)))
    previous = figures.get("previous", pd.Series([None] * len(figures)))
    return pd.DataFrame(
        {
            text("row", lang): figures["source_row"],
            text("indicator", lang): [
                info.at[i, name] if i in info.index else i for i in figures["id"]
            ],
            text("period", lang): [
                f"{y} {period_text(int(s), int(e), lang)}"
                + (f" · {text('reference_year', lang)}" if years and y < years else "")
                for y, s, e in zip(
                    figures["year"], figures["period_start"], figures["period_end"], strict=True
                )
            ],
            text("value", lang): [
                f"{num(v)}{u}" for v, u in zip(figures["value"], units, strict=True)
            ],
            text("companion", lang): [
                _companion(v, u)
                for v, u in zip(companion_value.tolist(), companion_unit.tolist(), strict=True)
            ],
            text("change", lang): [
                _change(c, o, v, u, lang)
                for c, o, v, u in zip(
                    figures["change"], previous.tolist(), figures["value"], units, strict=True
                )
            ],
        }
    )


def skipped_table(skipped: list[Skipped], lang: str) -> pd.DataFrame:
    """Rows not stored, with why, as the file has them."""
    return pd.DataFrame(
        {
            text("row", lang): [s.row for s in skipped],
            text("label_in_file", lang): [s.label for s in skipped],
            text("skip_reason", lang): [s.reason_in(lang) for s in skipped],
        }
    )


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("file", lang): [p.file for p in problems],
            text("row", lang): [p.row for p in problems],
            text("column", lang): [p.column for p in problems],
            text("severity", lang): [text(f"severity.{p.severity}", lang) for p in problems],
            # English until the upload page's tests move to the reader's language
            # (p.message_in(lang), p.hint_in(lang)): the UI issue decides that.
            text("message", lang): [p.message for p in problems],
            text("hint", lang): [p.hint for p in problems],
        }
    )
