"""The named items of an items target, as the detail page and the exports list them
(no Streamlit here): each item with its state, the words it was reported with, the month
of its latest report, its due date and the month it was done."""

import pandas as pd

from dashboard.core.explain import due_text, missing
from dashboard.core.messages import in_lang, text

STATE_WORDS = {
    "not_started": "item.not_started",
    "in_progress": "item.in_progress",
    "done": "item.done",
    "done_late": "item.done_late",
    "overdue": "item.overdue",
    "withdrawn": "item.withdrawn",
}
ITEM_HEADERS = ("item_col", "item_state", "item_words", "item_reported", "item_due", "item_done")


def items_view(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per item, in the order they were first reported; empty without items."""
    if items.empty:
        return pd.DataFrame(columns=[text(h, lang) for h in ITEM_HEADERS])
    cells = {
        "item_col": items["item"].tolist(),
        "item_state": [text(STATE_WORDS[s], lang) for s in items["state"]],
        "item_words": [w if isinstance(w, str) else "" for w in items["words"]],
        "item_reported": [_month(m, lang) for m in items["reported_month"]],
        "item_due": [due_text(d, lang) for d in items["due_date"]],
        "item_done": [_month(m, lang) for m in items["done_month"]],
    }
    return pd.DataFrame({text(h, lang): cells[h] for h in ITEM_HEADERS})


def items_count(items: pd.DataFrame, lang: str) -> str:
    """'共6项，已完成4项，逾期1项' | '6 items, 4 done, 1 overdue' (withdrawn items are
    off the list)."""
    items = items[items["state"] != "withdrawn"]
    done = items["state"].isin(("done", "done_late")).sum()
    overdue = (items["state"] == "overdue").sum()
    return text("items_count", lang, total=len(items), done=int(done), overdue=int(overdue))


def _month(m, lang: str) -> str:
    return "" if missing(m) else text(f"month.{int(m)}", lang)


def items_export(items: pd.DataFrame, progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The items of the targets in `progress` (an export may be filtered), each under its
    target's name."""
    keys = progress[["entity", "year", "id", in_lang("name", lang)]]
    mine = items.merge(keys, on=["entity", "year", "id"], how="inner")
    view = items_view(mine, lang)
    view.insert(0, text("export.column.target_name", lang), mine[in_lang("name", lang)].tolist())
    return view
