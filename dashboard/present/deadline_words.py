"""The report deadline of a target as the detail page words it (issue 21)."""

from datetime import date

import pandas as pd

from dashboard.core.explain import due_text, expected_period
from dashboard.core.messages import text
from dashboard.core.vocab import DEFAULT_LAG


def _number(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def effective(target: dict, own: dict | None, report_day: int) -> tuple[int, int]:
    """(months after the period, day) a target's figure is due by: its own where set, else
    the catalogue's lag and the deployment's day."""
    lag = _number(target.get("publication_lag"))
    lag = DEFAULT_LAG if lag is None else lag
    own = own or {}
    own_lag, own_day = _number(own.get("lag")), _number(own.get("day"))
    return (lag if own_lag is None else own_lag, report_day if own_day is None else own_day)


def deadline_lines(
    r: dict, target: dict, own: dict | None, report_day: int, lang: str
) -> list[str]:
    """When the expected period's figure is due, and by which rule."""
    due = r.get("report_due")
    expected = r.get("expected_end")
    if isinstance(due, date) and expected is not None and not pd.isna(expected):
        first = text(
            "deadline.next", lang, period=expected_period(r, lang), due=due_text(due, lang)
        )
    else:
        first = text("deadline.none_due", lang)
    lag, day = effective(target, own, report_day)
    if own is None:
        return [first, text("deadline.rule_default", lang, lag=lag, day=day)]
    at = pd.Timestamp(own["set_at"]).strftime("%Y-%m-%d")
    rule = text("deadline.rule_own", lang, lag=lag, day=day, user=own["user_name"], at=at)
    return [first, rule]
