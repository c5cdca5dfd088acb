"""Overview tables: status counts, filters and the compact table (no Streamlit here)."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.core.palette import STATUS_ORDER
from dashboard.present.labels import caption, headline


def status_counts(progress: pd.DataFrame) -> dict[str, int]:
    """Targets per status. Counted, never averaged across unlike targets."""
    counts = progress["status"].value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUS_ORDER}


def filter_progress(
    progress: pd.DataFrame, sections=(), departments=(), statuses=(), query: str = ""
) -> pd.DataFrame:
    keep = pd.Series(True, index=progress.index)
    if sections:
        keep &= progress["section"].isin(sections)
    if departments:
        keep &= progress["department"].isin(departments)
    if statuses:
        keep &= progress["status"].isin(statuses)
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
            text("status", lang): [text(f"status.{r['status']}", lang) for r in records],
            text("actual", lang): [headline(r, lang) for r in records],
            text("target", lang): [caption(r, lang) for r in records],
            text("department", lang): progress["department"],
            text("explanation", lang): progress[in_lang("explanation", lang)],
        }
    )
