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
# A store may number its targets: equal numbers, the same TARGET_KEY (core/progress_figures)
TARGET_NUMBER = "target_number"
# A parsed figure: where it was in the file, which figure, its value and cell text.
FIGURE_COLUMNS = ["source_row", "source_column", *FIGURE_KEY, "value", "raw"]


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
    measure: str  # vocab.MEASURES
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
    # issue 15: how it is judged, when reports are due, and why a verdict is what it is
    assessment: str  # vocab.ASSESSMENTS
    assessment_date: date | None  # year_end / items: when judged (else the due date, year end)
    nature: str  # expected (预期性) | binding (约束性)
    supporting_departments: str | None  # 配合 departments, ';'-separated
    source_doc: str  # work_report | mayor_interview | other
    expected_end: float  # the period the calendar expects by the as-of month
    report_due: date | None  # when that period's figure is (was) due
    first_missing_month: float  # the first due period with no figure (maintain, single months)
    time_position: str | None  # ahead | level | behind (超/达/欠序时) for flows and rates
    pace_period: str | None  # month | quarter: what required_pace is per
    pace_ratio: float  # required pace ÷ pace so far
    verdict_reason: str | None  # pace_multiple | last_period: why behind became off_track
    assessment_month: float  # year_end / items: the month the target is judged at
    warning_month: float  # maintain: the latest period below the level (a monthly warning)
    warning_value: float
    completed_month: float  # milestones: the first month reported done
    overdue_months: float  # months a milestone was overdue before it was done
    milestone_note: str | None  # the words of the report that set the milestone's state
    # items targets (assessment items): the named items reported, as of the month
    items_total: float  # items listed
    items_done: float  # reported done (on time or late)
    items_overdue: float  # past their due date and not done
    items_open: str | None  # the names of the items not done (core.items.join_names)
    items_overdue_names: str | None  # the names of the overdue ones


class ReportRow(ProgressRow):
    explanation_zh: str
    explanation_en: str
    actual_period: str | None  # as a bulletin names it: 1—10月, 前三季度
    actual_period_en: str | None  # Jan–Oct, Q1–Q3
    status_label_zh: str  # the status in the words that fit the kind (超序时, 逾期完成, 达标…)
    status_label_en: str
    last_year_actual: float  # 去年同期: last year's figure for the same period, where stored
    reason: str | None  # the month's comment: 原因分析
    measures: str | None  # 下步措施


RESULT_COLUMNS = list(ProgressRow.__annotations__)
REPORT_COLUMNS = list(ReportRow.__annotations__)
