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
# status: milestone progress code; assessment: set by a person (qualitative targets).
MEASURES = ("ytd", "month", "level", "ytd_growth", "status", "assessment")

STATUSES = ("achieved", "on_track", "at_risk", "off_track", "no_data", "not_assessable")
# What a person may set for a qualitative target (the others come from figures).
JUDGED_STATUSES = STATUSES[:4]

# Milestone progress is stored as a code so it travels through the same figures table.
MILESTONE_CODES = {0: "not_started", 1: "in_progress", 2: "done"}


# First month of the year whose figure is due, by the statistics calendar: bureau
# indicators publish 1-2月 together (no January); GDP is quarterly; annual assessments
# arrive after year end; events (absent here) are never "due".
FIRST_DUE_MONTH = {"monthly": 1, "monthly_from_feb": 2, "quarterly": 3, "annual": 12}


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
