"""Progress of every target as of a data month, judged the way officials judge it.

Vectorized over the whole catalogue (one row per target) so that a province-scale run
of a million figures costs a few array passes, not a Python loop per target.

Families of targets (column `family` of the result):
  flow       amounts and counts reported year-to-date: completion vs 序时进度 (months ÷ 12)
  rate       growth rates, shares and levels: compared with the bar directly
  maintain   every period must meet the level; a breach stays for the rest of the year
  milestone  not started / in progress / done against a due date
  judgement  qualitative targets: status and comment set by a person
"""

import numpy as np
import pandas as pd

from dashboard.core.progress_row import RESULT_COLUMNS, TARGET_KEY
from dashboard.core.rounding import round_half_up
from dashboard.core.settings import Thresholds
from dashboard.core.vocab import FIRST_DUE_MONTH, MILESTONE_CODES, signed_bar

FLOW_COMPARATORS = ("at_least", "about", "range", "at_most", "exactly")
RATE_COMPARATORS = ("at_least", "about", "at_most", "exactly", "decrease")


def compute_progress(
    targets: pd.DataFrame,
    figures: pd.DataFrame,
    as_of_month: int,
    *,
    thresholds: Thresholds = Thresholds(),
    profiles: pd.DataFrame | None = None,
    assessments: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per target: numbers and status as of data month `as_of_month` (1..12).

    `targets`: catalogue rows of one year. `figures`: current figures with TARGET_KEY columns,
    period_start, period_end, basis (ytd/month/level) and value in catalogue units.
    `profiles`: entity, id, month, share_pct — last year's year-to-date ÷ last year's total.
    `assessments`: entity, year, id, month, status, comment — people's judgement.
    """
    if not 1 <= as_of_month <= 12:
        raise ValueError(f"as_of_month must be 1..12, got {as_of_month}")
    t = targets.reset_index(drop=True)
    c = _Columns.of(t)
    state = _reduce(t, c, figures, as_of_month)
    res = _Result(len(t))
    seasonal = _profile_share(t, profiles, state["end"])
    _judge_flows(res, c, state, seasonal, thresholds)
    _judge_rates(res, c, state, seasonal, thresholds)
    _judge_maintain(res, c, state)
    _judge_milestones(res, t, c, state, as_of_month, thresholds)
    _judge_qualitative(res, t, c, assessments, as_of_month)
    _mark_missing(res, c, state, as_of_month)
    return res.frame(t, as_of_month)


# ---------------------------------------------------------------- the catalogue as arrays


class _Columns:
    """The catalogue's columns as numpy arrays and masks, computed once per call.

    String columns are compared in pandas (Arrow-backed, fast) and kept as boolean masks;
    converting 80,000 strings to Python objects repeatedly would cost more than the maths.
    """

    @classmethod
    def of(cls, t: pd.DataFrame) -> "_Columns":
        c = cls()
        comp, measure, freq = t["comparator"], t["measure"], t["frequency"]
        c.n = len(t)
        c.target = t["target_value"].to_numpy(dtype="float64", na_value=np.nan)
        c.low = t["target_low"].to_numpy(dtype="float64", na_value=np.nan)
        c.high = t["target_high"].to_numpy(dtype="float64", na_value=np.nan)
        tol = pd.to_numeric(t["tolerance_pp"], errors="coerce")
        c.tolerance = tol.to_numpy(dtype="float64", na_value=np.nan)
        c.lower = (t["direction"] == "lower").to_numpy()
        c.points = t["unit"].isin(("%", "类")).to_numpy()
        c.is_comp = {
            name: (comp == name).to_numpy()
            for name in (
                "range",
                "about",
                "at_most",
                "decrease",
                "maintain",
                "milestone",
                "qualitative",
            )
        }
        flow_measure = measure.isin(("ytd", "month")).to_numpy()
        c.growth = (measure == "ytd_growth").to_numpy()
        c.level_measure = measure.isin(("level", "status")).to_numpy()
        c.flow = flow_measure & comp.isin(FLOW_COMPARATORS).to_numpy()
        c.rate = (
            ~flow_measure
            & measure.isin(("ytd_growth", "level")).to_numpy()
            & comp.isin(RATE_COMPARATORS).to_numpy()
        )
        c.flow_measure = flow_measure
        c.first_due = freq.map(FIRST_DUE_MONTH).to_numpy(dtype="float64", na_value=np.nan)
        c.freq = {
            name: (freq == name).to_numpy()
            for name in ("monthly", "monthly_from_feb", "quarterly", "annual", "event")
        }
        return c


class _Result:
    """Result columns as arrays, filled family by family, framed once at the end."""

    NUMBERS = (
        "actual",
        "actual_start",
        "actual_end",
        "completion_pct",
        "completion_high_pct",
        "time_share_pct",
        "gap_pp",
        "expected_now",
        "remaining",
        "required_pace",
        "seasonal_share_pct",
        "seasonal_gap_pp",
        "projected",
        "data_lag_months",
        "months_missing",
        "breach_month",
        "breach_value",
        "tolerance_pp",
    )
    TEXTS = ("weights_basis", "projected_method", "milestone_state", "comment", "family")

    def __init__(self, n: int):
        self.cols = {name: np.full(n, np.nan) for name in self.NUMBERS}
        self.cols.update({name: np.full(n, None, dtype=object) for name in self.TEXTS})
        self.cols["status"] = np.full(n, "not_assessable", dtype=object)

    def put(self, mask: np.ndarray, **columns) -> None:
        for name, values in columns.items():
            arr = np.broadcast_to(np.asarray(values), mask.shape)
            self.cols[name][mask] = arr[mask]

    def frame(self, t: pd.DataFrame, month: int) -> pd.DataFrame:
        out = t[
            [
                "entity",
                "year",
                "id",
                "section",
                "department",
                "name_zh",
                "name_en",
                "kind",
                "comparator",
                "direction",
                "frequency",
                "unit",
                "due_date",
            ]
        ].copy()
        out["target"] = t["target_value"].astype("float64")
        out["target_low"] = t["target_low"].astype("float64")
        out["target_high"] = t["target_high"].astype("float64")
        out["as_of_month"] = month
        for name, values in self.cols.items():
            # object dtype as built: converting 80,000 labels to Arrow strings costs more
            # than judging them
            out[name] = pd.Series(values, index=out.index, dtype=values.dtype, copy=False)
        return out[RESULT_COLUMNS]


# ---------------------------------------------------------------- reduction of figures


def _target_positions(t: pd.DataFrame, f: pd.DataFrame) -> np.ndarray:
    """Row position in `t` of each figure's target, -1 where none (other entity/year)."""
    catalogue = pd.MultiIndex.from_arrays([t["entity"], t["year"], t["id"]])
    wanted = pd.MultiIndex.from_arrays([f["entity"], f["year"], f["id"]])
    return catalogue.get_indexer(wanted)


def _latest(n: int, tidx: np.ndarray, end: np.ndarray, value: np.ndarray):
    """Per target, the value of its latest period (one figure per period and basis)."""
    latest = np.full(n, -1, dtype="int64")
    np.maximum.at(latest, tidx, end)
    hit = end == latest[tidx]
    values = np.full(n, np.nan)
    values[tidx[hit]] = value[hit]
    return values, np.where(latest >= 0, latest, np.nan).astype("float64")


def _reduce(t: pd.DataFrame, c: _Columns, figures: pd.DataFrame, month: int) -> dict:
    """Per target: the figure that counts for its measure, the period it covers, breaches."""
    n = c.n
    tidx_all = _target_positions(t, figures)
    end_all = figures["period_end"].to_numpy(dtype="int64")
    keep = (tidx_all >= 0) & (end_all <= month)
    tidx, end = tidx_all[keep], end_all[keep]
    value = figures["value"].to_numpy(dtype="float64")[keep]
    start = figures["period_start"].to_numpy(dtype="int64")[keep]
    basis = figures["basis"]
    is_ytd = (basis == "ytd").to_numpy()[keep] & (start == 1)
    is_month = (basis == "month").to_numpy()[keep]
    is_level = (basis == "level").to_numpy()[keep]

    ytd_val, ytd_end = _latest(n, tidx[is_ytd], end[is_ytd], value[is_ytd])
    flow_val, flow_end, missing = _add_single_months(
        n, tidx[is_month], end[is_month], value[is_month], ytd_val, ytd_end
    )
    lvl_val, lvl_end = _latest(n, tidx[is_level], end[is_level], value[is_level])
    breach_end, breach_val = _first_breach(c, tidx[is_level], end[is_level], value[is_level])

    value_out = np.where(c.flow_measure, flow_val, np.where(c.growth, ytd_val, lvl_val))
    end_out = np.where(c.flow_measure, flow_end, np.where(c.growth, ytd_end, lvl_end))
    start_out = np.where(c.level_measure, end_out, 1.0)
    start_out[np.isnan(end_out)] = np.nan
    return {
        "value": value_out,
        "end": end_out,
        "start": start_out,
        "missing": np.where(c.flow_measure, missing, 0.0),
        "breach_end": breach_end,
        "breach_value": breach_val,
    }


def _add_single_months(n, tidx, end, value, ytd_val, ytd_end):
    """Year-to-date = last cumulative figure + single-month figures after it.

    Ledgers often report 当月 amounts; a gap in the months is counted, not guessed.
    """
    base_end = np.nan_to_num(ytd_end, nan=0.0)
    later = end > base_end[tidx]
    tidx, end, value = tidx[later], end[later], value[later]
    order = np.lexsort((end, tidx))  # the same sum whatever order the rows arrive in
    tidx, end, value = tidx[order], end[order], value[order]
    # Rounded to 9 decimals: 7.05 + 6.28 + … is 83.51 as published, not 83.50999999999999.
    total = np.round(np.bincount(tidx, weights=value, minlength=n), 9)
    count = np.bincount(tidx, minlength=n)
    last = np.zeros(n)
    np.maximum.at(last, tidx, end)
    has = count > 0
    flow_val = np.where(has, np.nan_to_num(ytd_val, nan=0.0) + total, ytd_val)
    flow_end = np.where(has, last, ytd_end)
    missing = np.where(has, last - base_end - count, 0.0)
    return flow_val, flow_end, missing


def _first_breach(c: _Columns, tidx, end, value):
    """First period in which a maintain target missed its level."""
    n = c.n
    bar = c.target[tidx]
    breach = c.is_comp["maintain"][tidx] & np.where(c.lower[tidx], value > bar, value < bar)
    tidx, end, value = tidx[breach], end[breach], value[breach]
    first = np.full(n, 99, dtype="int64")
    np.minimum.at(first, tidx, end)
    hit = end == first[tidx]
    values = np.full(n, np.nan)
    values[tidx[hit]] = value[hit]
    return np.where(first < 99, first, np.nan).astype("float64"), values


def _profile_share(t: pd.DataFrame, profiles: pd.DataFrame | None, end: np.ndarray) -> np.ndarray:
    """Last year's year-to-date share (%) at each target's latest period, where known."""
    n = len(t)
    if profiles is None or profiles.empty:
        return np.full(n, np.nan)
    probe = pd.DataFrame({"entity": t["entity"], "id": t["id"], "month": end})
    merged = probe.merge(
        profiles[["entity", "id", "month", "share_pct"]], on=["entity", "id", "month"], how="left"
    )
    return merged["share_pct"].to_numpy(dtype="float64", na_value=np.nan)


# ---------------------------------------------------------------- judgement by family


def _judge_flows(res: _Result, c: _Columns, state, seasonal, th: Thresholds) -> None:
    mask = c.flow
    res.put(
        mask,
        family="flow",
        actual=state["value"],
        actual_start=state["start"],
        actual_end=state["end"],
    )
    v, n_end = state["value"], state["end"]
    floor = np.where(c.is_comp["range"], c.low, c.target)
    tol = np.where(np.isnan(c.tolerance), th.about_tolerance_pp, c.tolerance)
    with np.errstate(divide="ignore", invalid="ignore"):
        completion = round_half_up(v / floor * 100)
        completion_high = round_half_up(v / c.high * 100)
        time_share = round_half_up(n_end / 12 * 100)
        gap = round_half_up(completion - time_share)
        remaining = np.maximum(floor - v, 0.0)
        left = 12 - n_end
        pace = np.where(remaining == 0, 0.0, np.where(left > 0, remaining / left, np.nan))
        seasonal_gap = round_half_up(completion - round_half_up(seasonal))
        has_season = ~np.isnan(seasonal) & (seasonal > 0)
        projected = np.where(has_season, v / (seasonal / 100), v * 12 / n_end)
    final = n_end == 12
    met = np.where(c.is_comp["about"], completion >= 100 - tol, v >= floor)
    status_up = np.select(
        [met, final, gap >= 0, gap >= -th.amount_at_risk_pp],
        ["achieved", "off_track", "on_track", "at_risk"],
        "off_track",
    )
    status_down = np.select(
        [v > c.target, final, gap <= 0, gap <= th.amount_at_risk_pp],
        ["off_track", "achieved", "on_track", "at_risk"],
        "off_track",
    )
    res.put(
        mask,
        completion_pct=completion,
        completion_high_pct=completion_high,
        time_share_pct=time_share,
        gap_pp=gap,
        expected_now=floor * n_end / 12,
        remaining=remaining,
        required_pace=pace,
        projected=projected,
        projected_method=np.where(has_season, "seasonal_profile", "linear_run_rate"),
        seasonal_share_pct=round_half_up(seasonal),
        seasonal_gap_pp=seasonal_gap,
        months_missing=state["missing"],
        status=np.where(c.lower, status_down, status_up),
    )
    res.put(mask & c.is_comp["about"], tolerance_pp=tol)


def _judge_rates(res: _Result, c: _Columns, state, seasonal, th: Thresholds) -> None:
    """Growth rates, shares, levels: compared with the bar directly, no time share."""
    mask = c.rate
    res.put(
        mask,
        family="rate",
        actual=state["value"],
        actual_start=state["start"],
        actual_end=state["end"],
    )
    v, n_end = state["value"], state["end"]
    bar = signed_bar(c.target, c.is_comp["decrease"])
    sign = np.where(c.lower, -1.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        completion = np.where(c.points, np.nan, round_half_up(v / bar * 100))
        gap = np.where(
            c.points,
            round_half_up(sign * (round_half_up(v) - round_half_up(bar))),
            round_half_up(completion - 100),
        )
    tol = np.where(
        c.is_comp["about"], np.where(np.isnan(c.tolerance), th.about_tolerance_pp, c.tolerance), 0.0
    )
    risk = np.where(c.points, th.rate_at_risk_pp, th.amount_at_risk_pp)
    final = n_end == 12
    status = np.select(
        [(gap >= -tol) & final, gap >= -tol, final, gap >= -(tol + risk)],
        ["achieved", "on_track", "off_track", "at_risk"],
        "off_track",
    )
    status = np.where(c.freq["annual"] & ~final, "not_assessable", status)
    required, basis = _required_growth(bar, v, n_end, seasonal)
    res.put(
        mask,
        completion_pct=completion,
        gap_pp=gap,
        status=status,
        projected=v,
        projected_method=np.where(c.growth, "cumulative_rate_held", "latest_level"),
    )
    res.put(mask & c.is_comp["about"], tolerance_pp=tol)
    res.put(mask & c.growth, required_pace=required, weights_basis=basis)


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


def _judge_maintain(res: _Result, c: _Columns, state) -> None:
    mask = c.is_comp["maintain"]
    res.put(
        mask,
        family="maintain",
        actual=state["value"],
        actual_start=state["start"],
        actual_end=state["end"],
    )
    sign = np.where(c.lower, -1.0, 1.0)
    breached = ~np.isnan(state["breach_end"])
    status = np.select([breached, state["end"] == 12], ["off_track", "achieved"], "on_track")
    res.put(
        mask,
        gap_pp=round_half_up(sign * (state["value"] - c.target)),
        status=status,
        breach_month=state["breach_end"],
        breach_value=state["breach_value"],
    )


def _judge_milestones(
    res: _Result, t: pd.DataFrame, c: _Columns, state, month: int, th: Thresholds
) -> None:
    mask = c.is_comp["milestone"]
    res.put(
        mask,
        family="milestone",
        actual=state["value"],
        actual_start=state["start"],
        actual_end=state["end"],
    )
    if not mask.any():
        return
    code = state["value"]
    due = pd.to_datetime(t["due_date"], errors="coerce")
    year = t["year"].to_numpy(dtype="int64")
    due_index = due.dt.year.to_numpy(dtype="float64", na_value=np.nan) * 12 + due.dt.month.to_numpy(
        dtype="float64", na_value=np.nan
    )
    now_index = year * 12 + month
    # Due dates are month ends ("10月底"): by the end of the due month the task is overdue.
    overdue = now_index >= due_index
    months_left = due_index - now_index
    names = np.select(
        [code == 0, code == 1, code == 2],
        [MILESTONE_CODES[0], MILESTONE_CODES[1], MILESTONE_CODES[2]],
        "",
    )
    status = np.select(
        [
            code == 2,
            overdue,
            code == 1,
            (code == 0) & (months_left <= th.milestone_warning_months),
            code == 0,
        ],
        ["achieved", "off_track", "on_track", "at_risk", "on_track"],
        "not_assessable",
    )
    res.put(mask, status=status, milestone_state=np.where(names == "", None, names))


def _judge_qualitative(
    res: _Result, t: pd.DataFrame, c: _Columns, assessments: pd.DataFrame | None, month: int
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


def _mark_missing(res: _Result, c: _Columns, state, month: int) -> None:
    """no_data where a figure is due by the statistics calendar but none has arrived."""
    numeric = c.flow | c.rate | c.is_comp["maintain"]
    has = ~np.isnan(state["value"])
    first_due = c.first_due
    due_now = ~np.isnan(first_due) & (month >= first_due)
    res.put(numeric & ~has, status=np.where(due_now, "no_data", "not_assessable"))
    expected_end = np.where(c.freq["quarterly"], month - month % 3, month)
    lag = np.where(due_now & has & ~c.freq["annual"], expected_end - state["end"], np.nan)
    res.put(numeric & has, data_lag_months=np.where(lag > 0, lag, np.nan))
