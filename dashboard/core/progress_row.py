"""The declared shape of a progress result: one row per target.

compute_progress returns a frame with the columns of ProgressRow, in this order; reporting
adds the columns of ReportRow (explanations, the period as text, the month's comment).
Code that reads a row (`frame.to_dict("records")`) takes a ProgressRow or ReportRow and
reads only these names; tests/test_progress_row.py checks every such read, so a typo in a
column name fails a test, not a page.

Numbers are floats with NaN for "none"; texts are str or None.
"""

from datetime import date
from typing import TypedDict

TARGET_KEY = ["entity", "year", "id"]  # one target of one entity's catalogue year
FIGURE_KEY = TARGET_KEY + ["period_start", "period_end", "basis"]  # one figure of it


class ProgressRow(TypedDict):
    entity: str
    year: int
    id: str
    section: str
    department: str
    name_zh: str
    name_en: str
    kind: str  # vocab.KINDS
    comparator: str  # vocab.COMPARATORS
    direction: str  # higher | lower
    frequency: str  # vocab.FREQUENCIES
    unit: str | None
    target: float
    target_low: float
    target_high: float
    as_of_month: int  # the data month judged (1..12)
    actual: float  # the figure that counts, in the target's unit (milestones: the code)
    actual_start: float  # months it covers
    actual_end: float
    completion_pct: float  # actual ÷ target (amounts), actual ÷ bar (rates), rounded
    completion_high_pct: float  # actual ÷ the top of a range
    time_share_pct: float  # 序时进度: months ÷ 12
    gap_pp: float  # ahead (+) or behind (−) the time share or the bar, in points
    expected_now: float  # the target × time share
    remaining: float  # still to do this year
    required_pace: float  # per month (amounts) or growth % for the rest of the year
    seasonal_share_pct: float  # last year's year-to-date share at the same month
    seasonal_gap_pp: float
    weights_basis: str | None  # last_year_profile | months (rates' required pace)
    projected: float  # year end at the current pace
    projected_method: str | None  # messages method.*
    data_lag_months: float  # how far the latest figure lags what should be published
    months_missing: float  # single months missing between cumulative figures
    breach_month: float  # maintain targets: first month that missed the level
    breach_value: float
    milestone_state: str | None  # not_started | in_progress | done
    due_date: date | None
    tolerance_pp: float  # "左右": the tolerance used
    comment: str | None  # qualitative targets: the person's assessment
    family: str  # flow | rate | maintain | milestone | judgement
    status: str  # vocab.STATUSES


class ReportRow(ProgressRow):
    explanation_zh: str
    explanation_en: str
    actual_period: str | None  # ISO: 2026-01..2026-10
    reason: str | None  # the month's comment: 原因分析
    measures: str | None  # 下步措施


RESULT_COLUMNS = list(ProgressRow.__annotations__)
REPORT_COLUMNS = list(ReportRow.__annotations__)
