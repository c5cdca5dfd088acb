"""Amounts and counts reported year to date, judged against the time share (序时进度),
last year's seasonal profile, or an assessment date (lumpy counts, heating before the
heating season): docs/judgement-rules.md rules 1, 4, 6 and 10."""

import numpy as np
import pandas as pd

from dashboard.core.progress_arrays import Catalogue, Result, pick, words_where
from dashboard.core.progress_figures import State
from dashboard.core.rounding import round_half_up, shown
from dashboard.core.settings import Thresholds


def gap_of(completion_raw, share_raw, convention: str):
    """Points ahead (+) or behind (−): from the printed shares (81.7 − 83.3 = −1.6), or
    from the unrounded ones (97.16 − 83.33 = 13.8)."""
    if convention == "exact":
        return round_half_up(completion_raw - share_raw)
    return round_half_up(round_half_up(completion_raw) - round_half_up(share_raw))


def judge_flows(res: Result, c: Catalogue, s: State, seasonal, th: Thresholds) -> None:
    mask = c.flow
    v, n = s.value, s.judged_end
    res.put(mask, family="flow", actual=v, actual_start=s.start, actual_end=s.end)
    floor = np.where(c.is_comp["range"], c.low, c.target)
    tol = np.where(np.isnan(c.tolerance), th.about_tolerance_pp, c.tolerance)
    scheduled = c.assess["year_end"] | c.assess["items"]
    # a pace of a vanishing figure so far overflows to inf: out of reach, as meant
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # a share of nothing is no number: "零发生" (0以内) or "0以上" has no completion %
        completion_raw = np.where(floor == 0, np.nan, v / floor * 100)
        share_raw = n / 12 * 100
        gap = gap_of(completion_raw, share_raw, th.gap_from)
        has_season = ~np.isnan(seasonal) & (seasonal > 0)
        season_gap = gap_of(completion_raw, seasonal, th.gap_from)
        judged_gap = np.where(c.assess["seasonal"] & has_season, season_gap, gap)
        met = np.where(c.is_comp["about"], completion_raw >= 100 - tol, v >= floor)
        final = np.where(scheduled, s.end >= c.assess_month, s.end == 12)
        pace = _pace(c, v, n, floor, final)
    status_up = pick(
        [met, final, scheduled, judged_gap >= 0, judged_gap >= -th.amount_at_risk_pp],
        ["achieved", "off_track", "on_track", "on_track", "at_risk"],
        "off_track",
    )
    status_up, reason = _pace_verdict(status_up, pace, th)
    status_down = pick(
        [v > c.target, final, (gap <= 0) | (c.target == 0), gap <= th.amount_at_risk_pp],
        ["off_track", "achieved", "on_track", "at_risk"],
        "off_track",
    )
    status = words_where(c.lower, status_down[c.lower], status_up)
    on_line = ~scheduled & ~final
    judged = _judged(status) & on_line & ~c.lower
    position = pick([~judged, judged_gap > 0, judged_gap == 0], [None, "ahead", "level"], "behind")
    res.put(
        mask,
        completion_pct=shown(completion_raw, 1, np.where(met, np.nan, 100.0)),
        completion_high_pct=round_half_up(v / c.high * 100),
        remaining=np.maximum(floor - v, 0.0),
        months_missing=s.missing,
        status=status,
        verdict_reason=reason,
        time_position=position,
        projected=_projection(v, s.end, seasonal, has_season),
        projected_method=words_where(has_season, "seasonal_profile", "linear_run_rate"),
    )
    res.put(
        mask & on_line,
        time_share_pct=round_half_up(share_raw),
        gap_pp=gap,
        expected_now=floor * n / 12,
        required_pace=pace["required"],
        pace_ratio=pace["ratio"],
        pace_period=words_where(c.quarterly, "quarter", "month"),
        seasonal_share_pct=round_half_up(seasonal),
        seasonal_gap_pp=season_gap,
    )
    res.put(mask & scheduled, assessment_month=c.assess_month)
    res.put(mask & c.is_comp["about"], tolerance_pp=tol)


def _pace(c: Catalogue, v, n, floor, final) -> dict:
    """What the rest of the year needs per reporting period (months, or quarters for
    quarterly flows), in whole units for counts of whole things, and how that compares
    with the pace so far."""
    remaining = np.maximum(floor - v, 0.0)
    left = (12 - n) / c.step
    per = remaining / left
    required = np.where(c.whole, np.ceil(per - 1e-9), per)
    required = np.where(remaining == 0, 0.0, np.where((left > 0) & ~final, required, np.nan))
    so_far = v / (n / c.step)
    ratio = np.where(remaining > 0, np.where(so_far > 0, per / so_far, np.inf), np.nan)
    return {"required": required, "ratio": np.where(left > 0, ratio, np.nan), "left": left}


def _pace_verdict(status, pace: dict, th: Thresholds):
    """Behind (at_risk) becomes off_track when the rest of the year needs more than
    `pace_multiple` times the pace so far, or when one reporting period is left."""
    behind = status == "at_risk"
    too_fast = behind & (pace["ratio"] > th.pace_multiple)
    last = behind & (pace["left"] == 1) & th.last_period_decisive & ~too_fast
    reason = pick([too_fast, last], ["pace_multiple", "last_period"], None)
    return words_where(too_fast | last, "off_track", status), reason


def _judged(status: np.ndarray) -> np.ndarray:
    """on_track, at_risk or off_track (pandas hashes object arrays; == would loop in Python;
    the dtype stays object: pandas would turn the words into Arrow strings first)."""
    return (
        pd.Series(status, dtype=object, copy=False)
        .isin(("on_track", "at_risk", "off_track"))
        .to_numpy()
    )


def _projection(v, end, seasonal, has_season):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(has_season, v / (seasonal / 100), v * 12 / end)
