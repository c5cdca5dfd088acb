"""Growth rates, shares and levels: compared with the bar directly, no time share; a
shortfall the rest of the year cannot make up is off_track (docs/judgement-rules.md
rules 1, 3, 4)."""

import numpy as np

from dashboard.core.judge_flows import _judged, _pace_verdict
from dashboard.core.progress_arrays import Catalogue, Result, pick, words_where
from dashboard.core.progress_figures import State
from dashboard.core.rounding import difference, round_half_up, shown
from dashboard.core.settings import Thresholds
from dashboard.core.vocab import signed_bar


def judge_rates(res: Result, c: Catalogue, s: State, seasonal, th: Thresholds) -> None:
    mask = c.rate
    v, n = s.value, s.judged_end
    res.put(mask, family="rate", actual=v, actual_start=s.start, actual_end=s.end)
    bar = signed_bar(c.target, c.is_comp["decrease"])
    sign = np.where(c.lower, -1.0, 1.0)
    year_end = c.assess["year_end"]
    # a bar of zero (0以上, 0以内) has no completion share: the figure is compared directly
    absolute = c.points | (bar == 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        completion_raw = np.where(absolute, np.nan, v / bar * 100)
        # decided on the raw figure: 59.95 is below 60, 445.8万亩 below 446万亩
        gap_raw = np.where(absolute, sign * (v - bar), completion_raw - 100)
    tol = np.where(
        c.is_comp["about"], np.where(np.isnan(c.tolerance), th.about_tolerance_pp, c.tolerance), 0.0
    )
    # the amount band is points of completion: a bar of zero has none, any miss is a miss
    risk = np.where(c.points, th.rate_at_risk_pp, np.where(absolute, 0.0, th.amount_at_risk_pp))
    final = np.where(year_end, s.end >= np.nan_to_num(c.assess_month, nan=12.0), s.end == 12)
    met = gap_raw >= -tol
    status = pick(
        [
            c.freq["annual"] & ~final,
            year_end & ~final,  # 年底考核: 正常推进
            met & final,
            met,
            final,
            gap_raw >= -(tol + risk),
        ],
        ["not_assessable", "on_track", "achieved", "on_track", "off_track", "at_risk"],
        "off_track",
    )
    required, basis = _required_growth(bar, v, n, seasonal)
    pace = _growth_pace(c, v, n, required)
    paced, reason = _pace_verdict(status, pace, th)
    status = words_where(c.growth, paced[c.growth], status)
    judged = _judged(status) & ~final & ~year_end
    position = pick([~judged, gap_raw > 0, gap_raw >= -tol], [None, "ahead", "level"], "behind")
    res.put(
        mask,
        completion_pct=shown(completion_raw, 1, np.where(met, np.nan, 100.0)),
        gap_pp=np.where(
            c.points,
            sign * difference(v, bar, where=mask & c.points),
            np.where(absolute, np.nan, shown(gap_raw, 1, 0.0)),
        ),
        status=status,
        time_position=position,
        projected=v,
        projected_method=words_where(c.cumulative_rate, "cumulative_rate_held", "latest_level"),
    )
    res.put(mask & year_end, assessment_month=np.nan_to_num(c.assess_month, nan=12.0))
    res.put(mask & c.is_comp["about"], tolerance_pp=tol)
    growth = mask & c.growth & ~final
    res.put(
        growth,
        required_pace=round_half_up(required),
        weights_basis=basis,
        pace_ratio=pace["ratio"],
        pace_period="month",
        verdict_reason=reason,
    )


def _required_growth(goal, g, n_end, seasonal):
    """Growth needed in the rest of the year: (G − s·g) / (1 − s).

    s is the share of last year's annual level already covered: last year's profile when
    known, otherwise months ÷ 12 (a statistics bureau's example: 5.2% over Q1–Q3, s≈0.72,
    G=5 → about 4.4–4.5% needed in Q4).
    """
    known = ~np.isnan(seasonal)
    s = np.where(known, seasonal / 100, n_end / 12)
    with np.errstate(divide="ignore", invalid="ignore"):
        required = np.where(s < 1, (goal - s * g) / (1 - s), np.nan)
    return required, np.where(known, "last_year_profile", "months")


def _growth_pace(c: Catalogue, g, n, required) -> dict:
    """The growth the rest of the year needs against the growth so far: 25.0% needed
    after 7.0% is 3.6 times; any growth needed after none or a decline is out of reach."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = np.where(required > 0, np.where(g > 0, required / g, np.inf), np.nan)
    return {"ratio": ratio, "left": (12 - n) / c.step}
