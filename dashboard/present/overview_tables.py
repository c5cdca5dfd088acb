"""Overview tables: status counts, filters and the compact table (no Streamlit here)."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.core.palette import TILE_ORDER, tile_key, tiles
from dashboard.present.labels import caption, headline


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
    return table.reset_index().rename(columns={"department": text("department", lang)})


def filter_progress(
    progress: pd.DataFrame, sections=(), departments=(), statuses=(), query: str = ""
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
    return progress[keep]


def table_view(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Compact table with units in every number's text."""
    records = progress.to_dict("records")
    return pd.DataFrame(
        {
            text("section", lang): progress["section"],
            text("indicator", lang): progress[in_lang("name", lang)],
            text("status", lang): progress[in_lang("status_label", lang)],
            text("actual", lang): [headline(r, lang) for r in records],
            text("target", lang): [caption(r, lang) for r in records],
            text("department", lang): progress["department"],
            text("explanation", lang): progress[in_lang("explanation", lang)],
        }
    )
