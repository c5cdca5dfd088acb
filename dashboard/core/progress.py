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

from dashboard.core.rounding import round_half_up
from dashboard.core.settings import Thresholds
from dashboard.core.vocab import MILESTONE_CODES, first_due_month

KEY = ["entity", "year", "id"]
FLOW_COMPARATORS = ("at_least", "about", "range", "at_most", "exactly")
RATE_COMPARATORS = ("at_least", "about", "at_most", "exactly", "decrease")

RESULT_COLUMNS = [
    "entity", "year", "id", "section", "department", "name_zh", "name_en", "kind", "comparator",
    "direction", "frequency", "unit", "target", "target_low", "target_high", "as_of_month",
    "actual", "actual_start", "actual_end", "completion_pct", "completion_high_pct",
    "time_share_pct", "gap_pp", "expected_now", "remaining", "required_pace",
    "seasonal_share_pct", "seasonal_gap_pp", "weights_basis", "projected", "projected_method",
    "data_lag_months", "months_missing", "breach_month", "breach_value", "milestone_state",
    "due_date", "tolerance_pp", "comment", "family", "status",
]


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

    `targets`: catalogue rows of one year. `figures`: current figures with KEY columns,
    period_start, period_end, basis (ytd/month/level) and value in catalogue units.
    `profiles`: entity, id, month, share_pct — last year's year-to-date ÷ last year's total.
    `assessments`: entity, year, id, month, status, comment — people's judgement.
    """
    if not 1 <= as_of_month <= 12:
        raise ValueError(f"as_of_month must be 1..12, got {as_of_month}")
    t = targets.reset_index(drop=True)
    state = _reduce(t, figures, as_of_month)
    out = _frame(t, as_of_month)
    seasonal = _profile_share(t, profiles, state["end"])
    _judge_flows(out, t, state, seasonal, thresholds)
    _judge_rates(out, t, state, seasonal, thresholds)
    _judge_maintain(out, t, state)
    _judge_milestones(out, t, state, as_of_month, thresholds)
    _judge_qualitative(out, t, assessments, as_of_month)
    _mark_missing(out, t, state, as_of_month)
    return out[RESULT_COLUMNS]


# ---------------------------------------------------------------- reduction of figures

def _target_index(t: pd.DataFrame, figures: pd.DataFrame, month: int) -> pd.DataFrame:
    keys = t[KEY].assign(tidx=np.arange(len(t)))
    f = figures.loc[figures["period_end"] <= month]
    f = f.merge(keys, on=KEY, how="inner")
    return f.sort_values(["tidx", "period_end"], kind="stable")


def _scatter(n: int, idx: np.ndarray, values, fill=np.nan) -> np.ndarray:
    out = np.full(n, fill, dtype="float64")
    out[idx] = values
    return out


def _reduce(t: pd.DataFrame, figures: pd.DataFrame, month: int) -> dict[str, np.ndarray]:
    """Per target: the figure that counts for its measure, the period it covers, breaches."""
    n = len(t)
    f = _target_index(t, figures, month)
    basis = f["basis"].to_numpy()
    ytd = f.loc[(basis == "ytd") & (f["period_start"].to_numpy() == 1)]
    last_ytd = ytd.drop_duplicates("tidx", keep="last")
    ytd_val = _scatter(n, last_ytd["tidx"].to_numpy(), last_ytd["value"].to_numpy())
    ytd_end = _scatter(n, last_ytd["tidx"].to_numpy(), last_ytd["period_end"].to_numpy())

    flow_val, flow_end, missing = _add_single_months(f.loc[basis == "month"], ytd_val, ytd_end)

    lvl = f.loc[basis == "level"]
    last_lvl = lvl.drop_duplicates("tidx", keep="last")
    lvl_val = _scatter(n, last_lvl["tidx"].to_numpy(), last_lvl["value"].to_numpy())
    lvl_end = _scatter(n, last_lvl["tidx"].to_numpy(), last_lvl["period_end"].to_numpy())
    breach_end, breach_val = _first_breach(t, lvl)

    measure = t["measure"].to_numpy()
    is_flow = np.isin(measure, ("ytd", "month"))
    is_growth = measure == "ytd_growth"
    value = np.where(is_flow, flow_val, np.where(is_growth, ytd_val, lvl_val))
    end = np.where(is_flow, flow_end, np.where(is_growth, ytd_end, lvl_end))
    start = np.where(np.isin(measure, ("level", "status")), end, 1.0)
    start[np.isnan(end)] = np.nan
    return {"value": value, "end": end, "start": start, "missing": np.where(is_flow, missing, 0),
            "breach_end": breach_end, "breach_value": breach_val}


def _add_single_months(month_rows: pd.DataFrame, ytd_val: np.ndarray, ytd_end: np.ndarray):
    """Year-to-date = last cumulative figure + single-month figures after it.

    Ledgers often report 当月 amounts; a gap in the months is counted, not guessed.
    """
    n = len(ytd_val)
    tidx = month_rows["tidx"].to_numpy()
    base_end = np.nan_to_num(ytd_end[tidx], nan=0.0)
    later = month_rows.loc[month_rows["period_end"].to_numpy() > base_end]
    if later.empty:
        return ytd_val.copy(), ytd_end.copy(), np.zeros(n)
    g = later.groupby("tidx", sort=False).agg(
        total=("value", "sum"), end=("period_end", "max"), count=("value", "size"))
    idx = g.index.to_numpy()
    flow_val, flow_end = ytd_val.copy(), ytd_end.copy()
    flow_val[idx] = np.nan_to_num(ytd_val[idx], nan=0.0) + g["total"].to_numpy()
    flow_end[idx] = g["end"].to_numpy()
    missing = np.zeros(n)
    covered = g["end"].to_numpy() - np.nan_to_num(ytd_end[idx], nan=0.0)
    missing[idx] = covered - g["count"].to_numpy()
    return flow_val, flow_end, missing


def _first_breach(t: pd.DataFrame, lvl: pd.DataFrame):
    """First period in which a maintain target missed its level (lvl sorted by period)."""
    n = len(t)
    tidx = lvl["tidx"].to_numpy()
    bar = t["target_value"].to_numpy(dtype="float64")[tidx]
    lower = t["direction"].to_numpy()[tidx] == "lower"
    maintain = t["comparator"].to_numpy()[tidx] == "maintain"
    v = lvl["value"].to_numpy(dtype="float64")
    breach = maintain & np.where(lower, v > bar, v < bar)
    first = lvl.loc[breach].drop_duplicates("tidx", keep="first")
    return (_scatter(n, first["tidx"].to_numpy(), first["period_end"].to_numpy()),
            _scatter(n, first["tidx"].to_numpy(), first["value"].to_numpy()))


def _profile_share(t: pd.DataFrame, profiles: pd.DataFrame | None, end: np.ndarray) -> np.ndarray:
    """Last year's year-to-date share (%) at each target's latest period, where known."""
    n = len(t)
    if profiles is None or profiles.empty:
        return np.full(n, np.nan)
    probe = pd.DataFrame({"entity": t["entity"], "id": t["id"], "month": end})
    merged = probe.merge(profiles[["entity", "id", "month", "share_pct"]],
                         on=["entity", "id", "month"], how="left")
    return merged["share_pct"].to_numpy(dtype="float64")


# ---------------------------------------------------------------- judgement by family

def _frame(t: pd.DataFrame, month: int) -> pd.DataFrame:
    n = len(t)
    out = pd.DataFrame({c: t[c] for c in ("entity", "year", "id", "section", "department",
                                          "name_zh", "name_en", "kind", "comparator",
                                          "direction", "frequency", "unit", "due_date")})
    out["target"] = t["target_value"].astype("float64")
    out["target_low"] = t["target_low"].astype("float64")
    out["target_high"] = t["target_high"].astype("float64")
    out["as_of_month"] = month
    for col in ("actual", "actual_start", "actual_end", "completion_pct", "completion_high_pct",
                "time_share_pct", "gap_pp", "expected_now", "remaining", "required_pace",
                "seasonal_share_pct", "seasonal_gap_pp", "projected", "data_lag_months",
                "months_missing", "breach_month", "breach_value", "tolerance_pp"):
        out[col] = np.full(n, np.nan)
    for col in ("weights_basis", "projected_method", "milestone_state", "comment", "family"):
        out[col] = pd.Series([None] * n, dtype="object")
    out["status"] = pd.Series(["not_assessable"] * n, dtype="object")
    return out


def _put(out: pd.DataFrame, mask: np.ndarray, **columns) -> None:
    for name, values in columns.items():
        arr = np.broadcast_to(np.asarray(values), (len(out),))
        out.loc[mask, name] = arr[mask]


def _families(t: pd.DataFrame) -> dict[str, np.ndarray]:
    comp, measure = t["comparator"].to_numpy(), t["measure"].to_numpy()
    flow_measure = np.isin(measure, ("ytd", "month"))
    return {
        "flow": flow_measure & np.isin(comp, FLOW_COMPARATORS),
        "rate": ~flow_measure & np.isin(measure, ("ytd_growth", "level"))
        & np.isin(comp, RATE_COMPARATORS),
        "maintain": comp == "maintain",
        "milestone": comp == "milestone",
        "judgement": comp == "qualitative",
    }


def _actuals(out, mask, state) -> None:
    _put(out, mask, actual=state["value"], actual_start=state["start"],
         actual_end=state["end"])


def _judge_flows(out, t, state, seasonal, th: Thresholds) -> None:
    mask = _families(t)["flow"]
    _put(out, mask, family="flow")
    _actuals(out, mask, state)
    v, n_end = state["value"], state["end"]
    comp = t["comparator"].to_numpy()
    target = t["target_value"].to_numpy(dtype="float64")
    floor = np.where(comp == "range", t["target_low"].to_numpy(dtype="float64"), target)
    high = t["target_high"].to_numpy(dtype="float64")
    lower = t["direction"].to_numpy() == "lower"
    tol = _tolerance(t, th)
    with np.errstate(divide="ignore", invalid="ignore"):
        completion = round_half_up(v / floor * 100)
        completion_high = round_half_up(v / high * 100)
        time_share = round_half_up(n_end / 12 * 100)
        gap = round_half_up(completion - time_share)
        remaining = np.maximum(floor - v, 0.0)
        left = 12 - n_end
        pace = np.where(remaining == 0, 0.0, np.where(left > 0, remaining / left, np.nan))
        seasonal_gap = round_half_up(completion - round_half_up(seasonal))
        has_season = ~np.isnan(seasonal) & (seasonal > 0)
        projected = np.where(has_season, v / (seasonal / 100), v * 12 / n_end)
    final = n_end == 12
    met = np.where(comp == "about", completion >= 100 - tol, v >= floor)
    status_up = np.select(
        [met, final, gap >= 0, gap >= -th.amount_at_risk_pp],
        ["achieved", "off_track", "on_track", "at_risk"], "off_track")
    status_down = np.select(
        [v > target, final, gap <= 0, gap <= th.amount_at_risk_pp],
        ["off_track", "achieved", "on_track", "at_risk"], "off_track")
    _put(out, mask, completion_pct=completion, completion_high_pct=completion_high,
         time_share_pct=time_share, gap_pp=gap, expected_now=floor * n_end / 12,
         remaining=remaining, required_pace=pace, projected=projected,
         projected_method=np.where(has_season, "seasonal_profile", "linear_run_rate"),
         seasonal_share_pct=round_half_up(seasonal), seasonal_gap_pp=seasonal_gap,
         months_missing=state["missing"], status=np.where(lower, status_down, status_up))
    _put(out, mask & (comp == "about"), tolerance_pp=tol)


def _tolerance(t: pd.DataFrame, th: Thresholds) -> np.ndarray:
    tol = pd.to_numeric(t["tolerance_pp"], errors="coerce").to_numpy(dtype="float64")
    return np.where(np.isnan(tol), th.about_tolerance_pp, tol)


def _judge_rates(out, t, state, seasonal, th: Thresholds) -> None:
    """Growth rates, shares, levels: compared with the bar directly, no time share."""
    mask = _families(t)["rate"]
    _put(out, mask, family="rate")
    _actuals(out, mask, state)
    v, n_end = state["value"], state["end"]
    comp = t["comparator"].to_numpy()
    target = t["target_value"].to_numpy(dtype="float64")
    bar = np.where(comp == "decrease", -target, target)  # 下降4% is a signed change of -4
    sign = np.where(t["direction"].to_numpy() == "lower", -1.0, 1.0)
    points = np.isin(t["unit"].to_numpy(), ("%", "类"))
    with np.errstate(divide="ignore", invalid="ignore"):
        completion = np.where(points, np.nan, round_half_up(v / bar * 100))
        gap = np.where(points, round_half_up(sign * (round_half_up(v) - round_half_up(bar))),
                       round_half_up(completion - 100))
    tol = np.where(comp == "about", _tolerance(t, th), 0.0)
    risk = np.where(points, th.rate_at_risk_pp, th.amount_at_risk_pp)
    final = n_end == 12
    status = np.select(
        [(gap >= -tol) & final, gap >= -tol, final, gap >= -(tol + risk)],
        ["achieved", "on_track", "off_track", "at_risk"], "off_track")
    annual_pending = (t["frequency"].to_numpy() == "annual") & ~final
    status = np.where(annual_pending, "not_assessable", status)
    growth = t["measure"].to_numpy() == "ytd_growth"
    required, basis = _required_growth(bar, v, n_end, seasonal)
    _put(out, mask, completion_pct=completion, gap_pp=gap, status=status,
         projected=v, projected_method=np.where(growth, "cumulative_rate_held", "latest_level"))
    _put(out, mask & (comp == "about"), tolerance_pp=tol)
    _put(out, mask & growth, required_pace=required, weights_basis=basis)


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


def _judge_maintain(out, t, state) -> None:
    mask = _families(t)["maintain"]
    _put(out, mask, family="maintain")
    _actuals(out, mask, state)
    v, n_end = state["value"], state["end"]
    target = t["target_value"].to_numpy(dtype="float64")
    sign = np.where(t["direction"].to_numpy() == "lower", -1.0, 1.0)
    breached = ~np.isnan(state["breach_end"])
    status = np.select([breached, n_end == 12], ["off_track", "achieved"], "on_track")
    _put(out, mask, gap_pp=round_half_up(sign * (v - target)), status=status,
         breach_month=state["breach_end"], breach_value=state["breach_value"])


def _judge_milestones(out, t, state, month: int, th: Thresholds) -> None:
    mask = _families(t)["milestone"]
    _put(out, mask, family="milestone")
    _actuals(out, mask, state)
    code = state["value"]
    due = pd.to_datetime(t["due_date"], errors="coerce")
    year = t["year"].to_numpy(dtype="int64")
    due_index = (due.dt.year.to_numpy(dtype="float64") * 12 + due.dt.month.to_numpy())
    now_index = year * 12 + month
    # Due dates are month ends ("10月底"): by the end of the due month the task is overdue.
    overdue = now_index >= due_index
    months_left = due_index - now_index
    state_name = pd.Series(code).map(MILESTONE_CODES).to_numpy()
    status = np.select(
        [code == 2, overdue, code == 1, (code == 0) & (months_left <= th.milestone_warning_months),
         code == 0],
        ["achieved", "off_track", "on_track", "at_risk", "on_track"], "not_assessable")
    _put(out, mask, status=status, milestone_state=state_name)


def _judge_qualitative(out, t, assessments: pd.DataFrame | None, month: int) -> None:
    mask = _families(t)["judgement"]
    _put(out, mask, family="judgement")
    if assessments is None or assessments.empty or not mask.any():
        return
    a = assessments.loc[assessments["month"] <= month].sort_values("month")
    a = a.drop_duplicates(KEY, keep="last")
    merged = t[KEY].merge(a[KEY + ["month", "status", "comment"]], on=KEY, how="left")
    given = mask & merged["status"].notna().to_numpy()
    _put(out, given, status=merged["status"].to_numpy(), comment=merged["comment"].to_numpy(),
         actual_end=merged["month"].to_numpy(dtype="float64"))


def _mark_missing(out, t, state, month: int) -> None:
    """no_data where a figure is due by the statistics calendar but none has arrived."""
    numeric = np.isin(out["family"].to_numpy(), ("flow", "rate", "maintain"))
    has = ~np.isnan(state["value"])
    freq = t["frequency"].to_numpy()
    first_due = pd.Series(freq).map(first_due_month).to_numpy(dtype="float64")
    due_now = ~np.isnan(first_due) & (month >= first_due)
    _put(out, numeric & ~has, status=np.where(due_now, "no_data", "not_assessable"))
    expected_end = np.where(freq == "quarterly", month - month % 3, month)
    lag = np.where(due_now & has & (freq != "annual"), expected_end - state["end"], np.nan)
    _put(out, numeric & has, data_lag_months=np.where(lag > 0, lag, np.nan))
