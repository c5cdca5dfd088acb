"""Supervision items (督办) as pages and the bulletin show them."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.present.labels import department_word


def _cell(value) -> str:
    return value if isinstance(value, str) and value else "—"


def _day(value) -> str:
    return "—" if value is None or value != value else str(value)[:10]


def items_view(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per item: what is asked of whom by when, its state, the answer."""
    return pd.DataFrame(
        {
            text("supervision.column.item", lang): items["item_id"].astype(int).tolist(),
            text("indicator", lang): [_cell(v) for v in items[in_lang("name", lang)]],
            text("department", lang): [department_word(d, lang) for d in items["department"]],
            text("supervision.column.asked", lang): items["asked"].tolist(),
            text("supervision.column.deadline", lang): [_day(d) for d in items["deadline"]],
            text("supervision.column.state", lang): [
                text(f"supervision.state.{s}", lang) for s in items["shown_state"]
            ],
            text("supervision.column.measures", lang): [_cell(v) for v in items["measures"]],
            text("supervision.column.progress", lang): [_cell(v) for v in items["progress"]],
            text("supervision.column.extensions", lang): items["extensions"].astype(int).tolist(),
            text("supervision.column.note", lang): [_cell(v) for v in items["note"]],
        }
    )


def item_label(item: dict, lang: str) -> str:
    """'#3 新建改造供气管网 · 2026-12-31'."""
    return text(
        "supervision.item_label",
        lang,
        id=int(item["item_id"]),
        name=item[in_lang("name", lang)] or item["id"],
        deadline=_day(item["deadline"]),
    )


def item_lines(items: pd.DataFrame, lang: str) -> list[str]:
    """One sentence per item (detail page, overview, bulletin)."""
    return [
        text(
            f"supervision.line.{r['shown_state']}",
            lang,
            id=int(r["item_id"]),
            name=r[in_lang("name", lang)] or r["id"],
            department=department_word(r["department"], lang),
            asked=r["asked"],
            deadline=_day(r["deadline"]),
        )
        for r in items.to_dict("records")
    ]
