"""Levels that must be kept (保持100%, Ⅱ类以上, 动态清零): every period checked, a missing
period named and counted, a breach that stands (docs/judgement-rules.md rule 7)."""

import numpy as np

from dashboard.core.progress_arrays import Catalogue, Result, pick
from dashboard.core.progress_figures import State
from dashboard.core.rounding import difference


def judge_levels(res: Result, c: Catalogue, s: State) -> None:
    mask = c.is_comp["maintain"]
    v = s.value
    res.put(mask, family="maintain", actual=v, actual_start=s.start, actual_end=s.end)
    sign = np.where(c.lower, -1.0, 1.0)
    fails_now = np.where(c.lower, v > c.target, v < c.target)
    final = s.end == 12
    breached = ~np.isnan(s.breach_end)
    warning = c.assess["year_end"] & fails_now
    # 动态清零: December's households are cleared within the limit, in January; until then
    # the year closes with a warning, not a failure
    clearing = c.assess["clear_within"] & fails_now
    status = pick(
        [breached, final & clearing, final & fails_now, final, warning],
        ["off_track", "at_risk", "off_track", "achieved", "at_risk"],
        "on_track",
    )
    res.put(
        mask,
        # + 0.0: a level met exactly where lower is better is 0.0 off, not -0.0
        gap_pp=sign * difference(v, c.target, where=mask) + 0.0,
        status=status,
        breach_month=s.breach_end,
        breach_value=s.breach_value,
        warning_month=s.warn_end,
        warning_value=s.warn_value,
        months_missing=s.missing,
        first_missing_month=s.first_missing,
    )
