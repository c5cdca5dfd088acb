"""Tables for the upload page: the preview of what will be stored, and problems by row."""

import pandas as pd

from dashboard.core.explain import num
from dashboard.core.messages import in_lang, text
from dashboard.core.periods import period_text
from dashboard.core.problems import Problem


def preview_table(figures: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    info = targets.set_index("id")
    name = in_lang("name", lang)
    return pd.DataFrame(
        {
            text("row", lang): figures["source_row"],
            text("indicator", lang): [
                info.at[i, name] if i in info.index else i for i in figures["id"]
            ],
            text("period", lang): [
                f"{y} {period_text(int(s), int(e), lang)}"
                for y, s, e in zip(
                    figures["year"], figures["period_start"], figures["period_end"], strict=True
                )
            ],
            text("value", lang): [
                f"{num(v)}{info.at[i, 'unit'] if i in info.index else ''}"
                for v, i in zip(figures["value"], figures["id"], strict=True)
            ],
            text("change", lang): [text(f"change.{c}", lang) for c in figures["change"]],
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
