"""When a period's figure is due: the statistics calendar plus a publication lag.

The figure for a period ending in month m is due on `day` of month m + lag (lag 1: the 15th
of the next month; an annual figure with lag 6: 15 June of the next year). The lag and the
day may be set per target (issue 21, core/deadlines.py); this module is the one place the
rule lives.
"""

from datetime import date

import numpy as np


def report_due_date(year: int, period_end: int, lag: int, day: int = 15) -> date:
    index = year * 12 + (period_end - 1) + lag
    return date(index // 12, index % 12 + 1, day)


def latest_due_month(
    year: np.ndarray, lag: np.ndarray, today: date | None, day: int | np.ndarray
) -> np.ndarray:
    """Per target, the last month of its year whose figure is due by `today`, i.e. whose
    report date has passed (any number; +inf without a clock, i.e. everything up to the
    as-of month counts as due). `day`: the report day, one for all or each target's own
    (core/deadlines.py). The report day itself is in time, as a supervision item's deadline
    is: a figure due on the 15th and missing on the 15th is not yet late (0 days late is
    not late), on the 16th it is."""
    if today is None:
        return np.full(len(year), np.inf)
    months = today.year * 12 + (today.month - 1) - year * 12 + 1 - lag
    return (months - (today.day <= np.asarray(day)).astype("int64")).astype("float64")


def snap_to_periods(quarterly: np.ndarray, first: np.ndarray, month: np.ndarray) -> np.ndarray:
    """The latest period end of each target's reporting grid at or before `month` (NaN if
    none): quarters end in 3/6/9/12; nothing before the first period (1-2月 indicators: 2,
    annual figures: 12; vocab.FIRST_REPORT_MONTH)."""
    m = np.minimum(month, 12.0)
    snapped = np.where(quarterly, np.floor(m / 3) * 3, m)
    return np.where(snapped >= first, snapped, np.nan)
