"""What the supervision office (督查室) chases each month: per department, the reports that
are due and not in (逾期未报送) and the targets behind (进度滞后).

Pure: progress rows (with the catalogue's `publication_lag`) and a clock in, rows out. A
report's period and due date come from the same calendar as the verdicts
(core/report_dates.py), so a reminder never names a report the progress does not count
as overdue, nor misses one it does.
"""

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.periods import named_by_quarters, period_text
from dashboard.core.report_dates import latest_due_month, report_due_date, snap_to_periods
from dashboard.core.vocab import DEFAULT_LAG, FIRST_REPORT_MONTH

CHASED = ("overdue_report", "no_data")  # a report due and missing (with or without older)
LAGGING = ("at_risk", "off_track")  # 欠序时 / 滞后
LEVELS = ("level", "status")  # figures of one period, not of the year so far
COLUMNS = [
    "department",
    "kind",  # overdue_report | lagging
    "entity",
    "year",
    "id",
    "name_zh",
    "name_en",
    "period_start",
    "period_end",
    "period_due",
    "period_due_en",
    "due_date",
    "days_late",
    "status",
    "status_label_zh",
    "status_label_en",
    "gap_pp",
]


def due_period(row: dict, as_of_month: int, today: date, day: int) -> int | None:
    """The latest period whose report is due by `today` for the as-of month (None if none):
    the month a reminder asks for."""
    first = FIRST_REPORT_MONTH.get(row["frequency"])
    if first is None:
        return None
    lag = _lag(row)
    latest = latest_due_month(np.array([row["year"]]), np.array([lag]), today, _day(row, day))[0]
    due = snap_to_periods(
        np.array([row["frequency"] == "quarterly"]),
        np.array([float(first)]),
        np.array([min(float(as_of_month), latest)]),
    )[0]
    return None if np.isnan(due) else int(due)


def _day(row: dict, day: int) -> int:
    """The target's own report day where an administrator set one, else `day`."""
    own = row.get("report_day")
    return day if own is None or own != own else int(own)


def _lag(row: dict) -> int:
    lag = row.get("publication_lag")
    return DEFAULT_LAG if lag is None or lag != lag else int(lag)


def _asked_period(row: dict, due: int) -> int:
    """The period to send: the latest due one, or for a level kept every period whose latest
    figure is in, the first month missing between figures."""
    end = row["actual_end"]
    reported = end == end and end is not None and int(end) >= due
    first_missing = row.get("first_missing_month")
    if reported and first_missing is not None and first_missing == first_missing:
        return int(first_missing)
    return due


def overdue_reports(progress: pd.DataFrame, as_of_month: int, today: date, day: int) -> list:
    """One row per target whose due report is missing: the period asked for, when it was
    due, how many days late."""
    rows = []
    for r in progress[progress["status"].isin(CHASED)].to_dict("records"):
        due = due_period(r, as_of_month, today, day)
        if due is None:
            continue
        end = _asked_period(r, due)
        # a level is its month's, an annual figure the year's (全年, as progress names it)
        annual = r["frequency"] == "annual"
        start = end if r["measure"] in LEVELS and not annual else 1
        due_on = report_due_date(int(r["year"]), end, _lag(r), _day(r, day))
        quarterly = named_by_quarters(r["frequency"])
        rows.append(
            _row(
                r,
                "overdue_report",
                period_start=start,
                period_end=end,
                period_due=period_text(start, end, "zh", quarterly),
                period_due_en=period_text(start, end, "en", quarterly),
                due_date=due_on,
                days_late=(today - due_on).days,
                gap_pp=None,  # the gap of an old figure is not what is asked for
            )
        )
    return rows


def lagging_targets(progress: pd.DataFrame) -> list:
    """One row per target behind (欠序时 or 滞后), with its gap in points."""
    return [
        _row(r, "lagging") for r in progress[progress["status"].isin(LAGGING)].to_dict("records")
    ]


def _row(r: dict, kind: str, **extra) -> dict:
    # a lagging target names no report (the catalogue's due_date is a milestone's, not this)
    empty = dict.fromkeys(("period_start", "period_end", "period_due", "period_due_en"))
    empty.update(due_date=None, days_late=None)
    base = {c: r.get(c) for c in COLUMNS if c in r and c not in empty}
    gap = r.get("gap_pp")
    return {**empty, **base, "kind": kind, "gap_pp": None if gap != gap else gap, **extra}


def reminders(progress: pd.DataFrame, as_of_month: int, today: date, day: int) -> pd.DataFrame:
    """Per department, overdue reports (most days late first) then lagging targets (most
    behind first); departments in the order of their first target in the catalogue."""
    rows = overdue_reports(progress, as_of_month, today, day) + lagging_targets(progress)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame
    order = {d: i for i, d in enumerate(dict.fromkeys(progress["department"]))}
    frame = frame.assign(
        _dept=frame["department"].map(order),
        _kind=(frame["kind"] != "overdue_report").astype(int),
        _late=-frame["days_late"].astype("float64").fillna(0),
        _gap=frame["gap_pp"].astype("float64").fillna(np.inf),
    )
    frame = frame.sort_values(["_dept", "_kind", "_late", "_gap", "id"], kind="stable")
    return frame.drop(columns=["_dept", "_kind", "_late", "_gap"]).reset_index(drop=True)


def departments(frame: pd.DataFrame) -> list[str]:
    """The departments a digest goes to, in the frame's order."""
    return list(dict.fromkeys(frame["department"]))
