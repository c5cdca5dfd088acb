"""Tables for the upload page: the preview of what will be stored, rows not stored, and
problems by row, in the reader's language."""

from dataclasses import replace

import pandas as pd

from dashboard.core.amounts import scale
from dashboard.core.messages import TABLE, in_lang, text
from dashboard.core.milestones import state_word
from dashboard.core.periods import period_text
from dashboard.core.problems import Problem, Skipped
from dashboard.present.labels import amount, item_value


def _companion(value, unit, lang: str) -> str:
    return "" if pd.isna(value) else amount(value, None if pd.isna(unit) else unit, lang)


def _change(change: str, old, new, unit: str, lang: str, target: str | None = None) -> str:
    """'修订 1,790 → 17,900亿元' | 'revision 0.179 → 1.79 trillion yuan': a revision shows
    the value it replaces, in the unit and magnitude of the new one."""
    word = text(f"change.{change}", lang)
    if change != "revision" or pd.isna(old):
        return word
    if unit == "类":  # a water class is a word, not a figure on a scale
        return f"{word} {amount(old, unit, lang)} → {amount(new, unit, lang)}"
    s = scale(unit, lang, [old, new], target)
    return f"{word} {s.figure(old)} → {s.with_word(new)}"


def item_lines(figures: pd.DataFrame, file: str, lang: str) -> list[str]:
    """The named items a file reports, per target and month, for the command line's dry
    run: a heading, then one line per item with its state, its words and its own due date
    (in file row order)."""
    if "item" not in figures or not figures["item"].notna().any():
        return []
    named = figures[figures["item"].notna()]
    lines = []
    for (tid, year, month), group in named.groupby(["id", "year", "period_end"], sort=False):
        period = f"{int(year)}-{int(month):02d}"
        lines.append(text("cli.items.head", lang, file=file, id=tid, period=period, n=len(group)))
        for item, code, words, due in zip(
            group["item"], group["value"], group["raw"], group["item_due"], strict=True
        ):
            due_said = "" if due is None or pd.isna(due) else text("cli.items.due", lang, due=due)
            state = item_value(code, words, lang)
            lines.append(text("cli.items.line", lang, item=item, state=state, due=due_said))
    return lines


def _as_states(table: pd.DataFrame, figures: pd.DataFrame, states: list, lang: str):
    """A milestone's or a named item's figure is a state code, not an amount: its state
    and the words reported as the value, a revision as one state to another."""
    value, change = text("value", lang), text("change", lang)
    previous = figures.get("previous", pd.Series([None] * len(figures))).tolist()
    table[value] = [
        item_value(code, words, lang) if is_state else shown
        for is_state, code, words, shown in zip(
            states, figures["value"], figures["raw"], table[value], strict=True
        )
    ]
    table[change] = [
        f"{text('change.revision', lang)} {state_word(old, lang)} → {state_word(code, lang)}"
        if is_state and c == "revision" and not pd.isna(old)
        else (text(f"change.{c}", lang) if is_state else shown)
        for is_state, c, old, code, shown in zip(
            states, figures["change"], previous, figures["value"], table[change], strict=True
        )
    ]
    return table


def _with_items(table: pd.DataFrame, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The item and its own due date beside each item's row (items targets); a file
    without items keeps the table as it was."""
    if "item" not in figures or not figures["item"].notna().any():
        return table
    value = text("value", lang)
    items = [v if isinstance(v, str) else "" for v in figures["item"]]
    table.insert(table.columns.get_loc(text("indicator", lang)) + 1, text("item_col", lang), items)
    dues = figures.get("item_due", pd.Series([None] * len(figures)))
    dues = ["" if pd.isna(d) else str(d)[:10] for d in dues]
    table.insert(table.columns.get_loc(value) + 1, text("item_due", lang), dues)
    return table


def preview_table(
    figures: pd.DataFrame, targets: pd.DataFrame, lang: str, show_entity: bool = False
) -> pd.DataFrame:
    """What will be stored, row by row. `targets`: every catalogue (a figure is named and
    measured by its entity's target; a year without a catalogue of that entity is a
    reference year, last year's figures for 去年同期). `show_entity` adds whose figure it is."""
    latest = targets.sort_values("year", kind="stable")
    latest = latest.drop_duplicates(["entity", "id"], keep="last")
    info = latest.set_index(["entity", "id"])
    years = targets.groupby("entity")["year"].agg(set).to_dict()
    keys = list(zip(figures["entity"], figures["id"], strict=True))
    name = in_lang("name", lang)
    units = [info.at[k, "unit"] if k in info.index else "" for k in keys]
    companion_value = figures.get("companion_value", pd.Series([None] * len(figures)))
    companion_unit = figures.get("companion_unit", pd.Series([None] * len(figures)))
    previous = figures.get("previous", pd.Series([None] * len(figures)))
    whose = {text("entity_column", lang): list(figures["entity"])} if show_entity else {}
    table = pd.DataFrame(
        {
            text("row", lang): figures["source_row"],
            **whose,
            text("indicator", lang): [info.at[k, name] if k in info.index else k[1] for k in keys],
            text("period", lang): [
                f"{y} {period_text(int(s), int(e), lang)}"
                + (
                    f" · {text('reference_year', lang)}"
                    if years and y not in years.get(entity, ())
                    else ""
                )
                for entity, y, s, e in zip(
                    figures["entity"],
                    figures["year"],
                    figures["period_start"],
                    figures["period_end"],
                    strict=True,
                )
            ],
            text("value", lang): [
                amount(v, u, lang, t)
                for v, u, t in zip(figures["value"], units, figures["id"], strict=True)
            ],
            text("companion", lang): [
                _companion(v, u, lang)
                for v, u in zip(companion_value.tolist(), companion_unit.tolist(), strict=True)
            ],
            text("change", lang): [
                _change(c, o, v, u, lang, t)
                for c, o, v, u, t in zip(
                    figures["change"],
                    previous.tolist(),
                    figures["value"],
                    units,
                    figures["id"],
                    strict=True,
                )
            ],
        }
    )
    named = figures["item"].notna() if "item" in figures else pd.Series(False, figures.index)
    milestone = [k in info.index and info.at[k, "comparator"] == "milestone" for k in keys]
    states = [bool(n) or m for n, m in zip(named, milestone, strict=True)]
    return _with_items(_as_states(table, figures, states, lang), figures, lang)


def skipped_table(skipped: list[Skipped], lang: str) -> pd.DataFrame:
    """Rows not stored, with why, as the file has them."""
    return pd.DataFrame(
        {
            text("row", lang): [s.row for s in skipped],
            text("label_in_file", lang): [s.label for s in skipped],
            text("skip_reason", lang): [s.reason_in(lang) for s in skipped],
        }
    )


def problem_table(
    problems: list[Problem], lang: str, targets: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every problem by row, in the reader's language, with how to fix it (where, what
    and how first: a phone shows the first columns). With `targets` (the catalogue) a
    target is named as the reader knows it, not by its id (the command line keeps ids)."""
    problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or ""))
    names = {} if targets is None else targets.set_index("id")[in_lang("name", lang)].to_dict()
    return pd.DataFrame(
        {
            text("row", lang): pd.array([p.row for p in problems], dtype="Int64"),
            text("column", lang): [p.column for p in problems],
            text("message", lang): [_named(p, names).message_in(lang) for p in problems],
            text("hint", lang): [p.hint_in(lang) for p in problems],
            text("severity", lang): [text(f"severity.{p.severity}", lang) for p in problems],
            text("file", lang): [p.file for p in problems],
        }
    )


def _named(p: Problem, names: dict[str, str]) -> Problem:
    """The problem with its target's name where it names the target by id."""
    target = p.params.get("id")
    if not isinstance(target, str) or target not in names:
        return p
    return replace(p, params={**p.params, "id": names[target]})


def read_as(file: str, encoding: str, layout: str, lang: str) -> str:
    """'chargers.csv · GBK 中文编码文本 · 长表：每行一个数据': how the file was read."""
    return text(
        "read_as",
        lang,
        file=file,
        encoding=_word(f"read.encoding.{encoding}", encoding, lang),
        layout=_word(f"read.layout.{layout}", layout, lang),
    )


def _word(key: str, code: str, lang: str) -> str:
    return text(key, lang) if key in TABLE else code
