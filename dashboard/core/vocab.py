"""The fixed vocabulary of the catalogue and of progress results, and the calendar and
sign rules written once for everything that uses them."""

import numpy as np

# A target as targets.csv and the targets table hold it, in this order.
TARGET_COLUMNS = [
    "id",
    "entity",
    "year",
    "section",
    "name_zh",
    "name_en",
    "kind",
    "comparator",
    "direction",
    "target_value",
    "target_low",
    "target_high",
    "unit",
    "frequency",
    "measure",
    "baseline_value",
    "baseline_unit",
    "baseline_growth_pct",
    "due_date",
    "department",
    "aliases",
    "tolerance_pp",
    "source_text",
]
# Columns added by issue 15; a catalogue file may leave them out (defaults below), but a
# file that has a column fills it on every row.
TARGET_EXTRA_COLUMNS = [
    "source_doc",
    "nature",
    "supporting_departments",
    "assessment",
    "assessment_reason",
    "assessment_date",
    "publication_lag",
    "done_words",
]
CATALOGUE_COLUMNS = TARGET_COLUMNS + TARGET_EXTRA_COLUMNS

KINDS = ("growth", "amount", "count", "share", "level", "milestone", "qualitative")
COMPARATORS = (
    "at_least",
    "about",
    "range",
    "at_most",
    "exactly",
    "decrease",
    "maintain",
    "milestone",
    "qualitative",
)
DIRECTIONS = ("higher", "lower")
FREQUENCIES = ("monthly", "monthly_from_feb", "quarterly", "annual", "event")
# ytd: year-to-date cumulative amount; month: single-month amount; level: level at period end;
# ytd_growth: cumulative growth rate in % against the same period last year;
# ytd_share: a share over 1—N月 (high-tech exports ÷ all exports, year to date);
# ytd_distinct: a distinct count over 1—N月 (enterprises with trade): never a sum of months;
# status: milestone progress code; assessment: set by a person (qualitative targets).
MEASURES = (
    "ytd",
    "month",
    "level",
    "ytd_growth",
    "ytd_share",
    "ytd_distinct",
    "status",
    "assessment",
)
# Measures whose figure is a rate over 1—N月 (single-month rates are context, not figures).
CUMULATIVE_RATES = ("ytd_growth", "ytd_share")
# Measures reported as year-to-date amounts judged against the time share.
FLOW_MEASURES = ("ytd", "month", "ytd_distinct")

# overdue_report (未报送): a figure the calendar says is due, past its report date, missing
# while an older one is there (issue 15). no_data: nothing at all reported although due.
STATUSES = (
    "achieved",
    "on_track",
    "at_risk",
    "off_track",
    "overdue_report",
    "no_data",
    "not_assessable",
)
# What a person may set for a qualitative target (the others come from figures).
JUDGED_STATUSES = STATUSES[:4]

# How a target is judged (catalogue column `assessment`, docs/judgement-rules.md rule 6).
ASSESSMENTS = (
    "linear",
    "seasonal",
    "year_end",
    "items",
    "rate",
    "every_period",
    "clear_within",
    "milestone",
    "judgement",
)
# Which assessments fit which family of targets.
FAMILY_ASSESSMENTS = {
    "flow": ("linear", "seasonal", "year_end", "items"),
    "rate": ("rate", "year_end"),
    "maintain": ("every_period", "year_end", "clear_within"),
    "milestone": ("milestone",),
    "judgement": ("judgement",),
}
NATURES = ("expected", "binding")  # 预期性 / 约束性
SOURCE_DOCS = ("work_report", "mayor_interview", "other")
# What a catalogue without the issue-15 columns is read as.
DEFAULT_LAG = 1


def family_of(comparator: str, measure: str) -> str:
    """flow | rate | maintain | milestone | judgement: how a target is judged."""
    if comparator in ("maintain", "milestone"):
        return comparator
    if comparator == "qualitative":
        return "judgement"
    return "flow" if measure in FLOW_MEASURES else "rate"


def default_assessment(comparator: str, measure: str) -> str:
    return FAMILY_ASSESSMENTS[family_of(comparator, measure)][0]


# First month of the year whose figure is due, by the statistics calendar: bureau
# indicators publish 1-2月 together (no January); GDP is quarterly; annual assessments
# arrive after year end; events (absent here) are never "due".
FIRST_DUE_MONTH = {"monthly": 1, "monthly_from_feb": 2, "quarterly": 3, "annual": 12}
# Milestones report their progress every month (first report: January's, due in February).
FIRST_REPORT_MONTH = {**FIRST_DUE_MONTH, "event": 1}


def first_due_month(frequency: str) -> int | None:
    return FIRST_DUE_MONTH.get(frequency)


def signed_bar(target, decrease):
    """The level a figure is compared with. "下降4%以上" is stored as the signed change
    (−4.5), so a decrease target's bar is negative (−4). One target or arrays of them."""
    return np.where(decrease, -target, target)[()]


def due_period_end(frequency: str, month: int) -> int | None:
    """The latest period end that should have been published by data month `month`."""
    first = first_due_month(frequency)
    if first is None or month < first:
        return None
    if frequency == "quarterly":
        return month - month % 3
    return month


def is_due(frequency: str, month: int) -> bool:
    """Whether a figure for exactly this month is expected (completeness grid)."""
    first = first_due_month(frequency)
    if first is None or month < first:
        return False
    if frequency == "quarterly":
        return month % 3 == 0
    if frequency == "annual":
        return month == 12
    return True
