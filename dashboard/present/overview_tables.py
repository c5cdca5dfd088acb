"""Overview tables: status counts, filters, the gap order and the compact table (no
Streamlit here)."""

import pandas as pd

from dashboard.core.messages import glossary, text
from dashboard.core.palette import TILE_ORDER, tile_key, tiles
from dashboard.present.labels import (
    actual_text,
    department_word,
    gap_points,
    name_of,
    period_of,
    section_word,
    status_word,
    target_text,
)

# Which gaps (points behind − or ahead + of the time share or the bar) each filter keeps;
# targets without a gap (milestones, levels) only under "all".
GAP_FILTERS = {
    "all": None,
    "behind": lambda gap: gap < 0,
    "behind_5": lambda gap: gap <= -5,
    "behind_10": lambda gap: gap <= -10,
    "level_or_ahead": lambda gap: gap >= 0,
}
SORTS = ("catalogue", "behind_first", "ahead_first")


def status_counts(progress: pd.DataFrame) -> dict[str, int]:
    """Targets per tile (超序时 and 达序时 apart, 未报送 on its own). Counted, never
    averaged across unlike targets."""
    counts = tiles(progress).value_counts()
    return {s: int(counts.get(s, 0)) for s in TILE_ORDER}


def department_counts(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Department × tile, the departments with overdue reports first."""
    table = pd.crosstab(progress["department"], tiles(progress)).reindex(
        columns=list(TILE_ORDER), fill_value=0
    )
    table = table.sort_values(["overdue_report", "no_data", "off_track"], ascending=False)
    table = table.rename(columns={c: text(tile_key(c), lang) for c in TILE_ORDER})
    table.index = [glossary("department", d, lang) for d in table.index]
    return table.rename_axis(text("department", lang)).reset_index()


def entity_counts(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per entity (in the order given: the office's own first): its targets and
    how many are in each tile. Counted, never averaged across unlike targets."""
    order = list(dict.fromkeys(progress["entity"]))
    table = pd.crosstab(progress["entity"], tiles(progress)).reindex(
        index=order, columns=list(TILE_ORDER), fill_value=0
    )
    table.insert(0, "targets", table.sum(axis=1))
    table = table.rename(columns={c: text(tile_key(c), lang) for c in TILE_ORDER})
    table = table.rename(columns={"targets": text("catalogue.targets", lang)})
    table.index = [glossary("entity", e, lang) for e in table.index]
    return table.rename_axis(text("entity_column", lang)).reset_index()


def filter_progress(
    progress: pd.DataFrame,
    sections=(),
    departments=(),
    statuses=(),
    query: str = "",
    gap: str = "all",
) -> pd.DataFrame:
    keep = pd.Series(True, index=progress.index)
    if sections:
        keep &= progress["section"].isin(sections)
    if departments:
        keep &= progress["department"].isin(departments)
    if statuses:
        keep &= tiles(progress).isin(statuses)
    if query.strip():
        q = query.strip().lower()
        keep &= (
            progress["name_zh"].str.contains(q, regex=False)
            | progress["name_en"].str.lower().str.contains(q, regex=False)
            | progress["id"].str.contains(q, regex=False)
        )
    if GAP_FILTERS.get(gap):
        wanted = [g is not None and GAP_FILTERS[gap](g) for g in gaps(progress)]
        keep &= pd.Series(wanted, index=progress.index, dtype=bool)
    return progress[keep]


def gaps(progress: pd.DataFrame) -> list[float | None]:
    return [gap_points(r) for r in progress.to_dict("records")]


def sort_progress(progress: pd.DataFrame, order: str) -> pd.DataFrame:
    """Catalogue order, or by gap (targets without a gap last, in catalogue order)."""
    if order == "catalogue":
        return progress
    key = pd.Series(gaps(progress), index=progress.index, dtype=float)
    return progress.loc[
        key.sort_values(ascending=order == "behind_first", na_position="last", kind="stable").index
    ]


def table_view(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per target. Completion, time share and gap are numbers (sortable, their
    unit in the header); actual and target are words with their own units. The figures
    come right after the name, so that a phone shows them beside it; the section last."""
    records = progress.to_dict("records")
    return pd.DataFrame(
        {
            text("indicator", lang): [name_of(r, lang) for r in records],
            text("target", lang): [target_text(r, lang) for r in records],
            text("actual", lang): [actual_text(r, lang) for r in records],
            text("completion_pct", lang): _numbers(progress, "completion_pct"),
            text("time_share_pct", lang): _numbers(progress, "time_share_pct"),
            text("gap_points", lang): gaps(progress),
            text("status", lang): [status_word(r, lang) for r in records],
            text("data_month", lang): [period_of(r, lang) for r in records],
            text("department", lang): [department_word(d, lang) for d in progress["department"]],
            text("section", lang): [section_word(s, lang) for s in progress["section"]],
        }
    )


def _numbers(progress: pd.DataFrame, column: str) -> list[float | None]:
    """Completion and time share of amounts; None for other targets (a growth rate's
    "completion" would be a ratio of two percentages)."""
    values = pd.to_numeric(progress[column], errors="coerce").where(progress["family"] == "flow")
    return [None if pd.isna(v) else float(v) for v in values]
