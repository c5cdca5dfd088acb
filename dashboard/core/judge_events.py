"""Milestones against their due dates, and qualitative targets judged by a person
(docs/judgement-rules.md rule 5)."""

import numpy as np
import pandas as pd

from dashboard.core.milestones import STATES
from dashboard.core.progress_arrays import Catalogue, Result, pick
from dashboard.core.progress_figures import State
from dashboard.core.progress_row import TARGET_KEY
from dashboard.core.settings import Thresholds


def judge_milestones(res: Result, c: Catalogue, s: State, month: int, th: Thresholds) -> None:
    mask = c.is_comp["milestone"]
    res.put(mask, family="milestone", actual=s.value, actual_start=s.start, actual_end=s.end)
    if not mask.any():
        return
    code = s.value
    done = ~np.isnan(s.done_end)
    # Due dates are month ends ("10月底"): by the end of the due month the task is overdue,
    # once a report for that month says it is not done, or that report is due and missing.
    # Before then (on 31 October, or on 1 November with September's "推进中" the latest
    # report) it is judged on its latest report: the October report may yet say done.
    known_by_due = (np.nan_to_num(s.end) >= c.due_month) | (s.due >= c.due_month)
    overdue = (month >= c.due_month) & known_by_due
    months_left = c.due_month - month
    late = done & (s.done_end > c.due_month)
    state = pick([done, code == 1, code == 0], [STATES[2], STATES[1], STATES[0]], None)
    status = pick(
        [
            done,
            overdue,
            code == 1,
            (code == 0) & (months_left <= th.milestone_warning_months),
            code == 0,
        ],
        ["achieved", "off_track", "on_track", "at_risk", "on_track"],
        "not_assessable",
    )
    res.put(
        mask,
        status=status,
        milestone_state=state,
        completed_month=s.done_end,
        overdue_months=np.where(late, s.done_end - c.due_month, np.nan),
        milestone_note=s.note,
    )
    # a progress report older than the as-of month: how many months the latest report due
    # lags behind (the explanation says whether the as-of month's report is late or not
    # yet due)
    lag = s.due - s.end
    res.put(mask & ~done & (lag > 0), data_lag_months=lag)


def judge_qualitative(
    res: Result, t: pd.DataFrame, c: Catalogue, assessments: pd.DataFrame | None, month: int
) -> None:
    mask = c.is_comp["qualitative"]
    res.put(mask, family="judgement")
    if assessments is None or assessments.empty or not mask.any():
        return
    a = assessments.loc[assessments["month"] <= month].sort_values("month")
    a = a.drop_duplicates(TARGET_KEY, keep="last")
    merged = t[TARGET_KEY].merge(
        a[TARGET_KEY + ["month", "status", "comment"]], on=TARGET_KEY, how="left"
    )
    given = mask & merged["status"].notna().to_numpy()
    res.put(
        given,
        status=merged["status"].to_numpy(dtype=object),
        comment=merged["comment"].to_numpy(dtype=object),
        actual_end=merged["month"].to_numpy(dtype="float64", na_value=np.nan),
    )
