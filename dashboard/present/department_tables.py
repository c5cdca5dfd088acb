"""Tables for an uploader's own department: missing reports and targets behind."""

import pandas as pd

from dashboard.core.messages import in_lang, joined, text
from dashboard.core.reminders import CHASED
from dashboard.present.labels import actual_text, gap_points, name_of, status_word, target_text

LAGGING = ("off_track", "at_risk")


def missing_view(
    grid: pd.DataFrame, lang: str, progress: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per target with figures due but not reported, naming the months; with
    `progress`, also the targets whose due report the verdicts count missing (未报送) that
    the grid does not hold month by month (a milestone's progress report): the page said
    every figure was in above a card saying 未报送进展."""
    missing = grid[grid["state"] == "missing"]
    rows = [
        {
            text("indicator", lang): part.iloc[0][in_lang("name", lang)],
            text("mine.months_missing", lang): joined(
                (text(f"month.{int(m)}", lang) for m in part["month"]), lang
            ),
        }
        for _, part in missing.groupby("id", sort=False)
    ]
    if progress is not None:
        chased = progress["status"].isin(CHASED) & ~progress["id"].isin(set(missing["id"]))
        rows += [
            {
                text("indicator", lang): name_of(r, lang),
                text("mine.months_missing", lang): "—"
                if pd.isna(r["expected_end"])
                else text(f"month.{int(r['expected_end'])}", lang),
            }
            for r in progress[chased].to_dict("records")
        ]
    return pd.DataFrame(rows)


def lagging_view(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Targets behind, most behind first, with whether this month's reasons are written."""
    lagging = progress[progress["status"].isin(LAGGING)].to_dict("records")
    lagging.sort(key=lambda r: (gap_points(r) is None, gap_points(r) or 0.0))
    return pd.DataFrame(
        {
            text("indicator", lang): [name_of(r, lang) for r in lagging],
            text("gap_points", lang): [gap_points(r) for r in lagging],
            text("mine.reason_written", lang): [
                text("mine.yes" if r["reason"] else "mine.no", lang) for r in lagging
            ],
            text("status", lang): [status_word(r, lang) for r in lagging],
            text("target", lang): [target_text(r, lang) for r in lagging],
            text("actual", lang): [actual_text(r, lang) for r in lagging],
        },
    )
