"""Who has reported: an indicator × month grid aware of the statistics calendar."""

import pandas as pd

from dashboard.core.progress_row import TARGET_KEY
from dashboard.core.vocab import is_due


def completeness(targets: pd.DataFrame, figures: pd.DataFrame, through_month: int) -> pd.DataFrame:
    """One row per target and month 1..through_month: reported | missing | not_due.

    1-2月 indicators owe nothing for January, GDP only at quarter ends, annual figures only
    in December; events (milestones) are reported when something happens.
    """
    numeric = targets[targets["comparator"] != "qualitative"]
    reported = set(
        zip(figures["entity"], figures["year"], figures["id"], figures["period_end"], strict=True)
    )
    rows = []
    for t in numeric.itertuples(index=False):
        for month in range(1, through_month + 1):
            if (t.entity, t.year, t.id, month) in reported:
                state = "reported"
            elif is_due(t.frequency, month):
                state = "missing"
            else:
                state = "not_due"
            rows.append((t.entity, t.year, t.id, t.name_zh, t.name_en, t.department, month, state))
    return pd.DataFrame(
        rows, columns=TARGET_KEY + ["name_zh", "name_en", "department", "month", "state"]
    )


def department_summary(grid: pd.DataFrame) -> pd.DataFrame:
    """Missing figures per department, most missing first."""
    counts = grid.pivot_table(
        index="department", columns="state", values="id", aggfunc="count", fill_value=0
    )
    for state in ("reported", "missing", "not_due"):
        if state not in counts:
            counts[state] = 0
    counts = counts[["reported", "missing", "not_due"]].reset_index()
    return counts.sort_values(["missing", "department"], ascending=[False, True], ignore_index=True)
