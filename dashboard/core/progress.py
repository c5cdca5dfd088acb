"""Progress of every target as of a data month, judged the way officials judge it.

Vectorized over the whole catalogue (one row per target) so that a province-scale run
of a million figures costs a few array passes, not a Python loop per target.

Families of targets (column `family` of the result):
  flow       amounts and counts reported year-to-date: completion vs 序时进度 (months ÷ 12),
             last year's seasonal profile, or an assessment date (judge_flows)
  rate       growth rates, shares and levels: compared with the bar directly (judge_rates)
  maintain   every period must meet the level; a breach stays for the rest of the year
             (judge_levels)
  milestone  not started / in progress / done against a due date (judge_events)
  judgement  qualitative targets: status and comment set by a person (judge_events)

The rules, their sources and the settings behind them: docs/judgement-rules.md.
"""

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.items import item_figures, item_summary, item_table
from dashboard.core.judge_events import judge_milestones, judge_qualitative
from dashboard.core.judge_flows import judge_flows
from dashboard.core.judge_items import judge_items, with_items
from dashboard.core.judge_levels import judge_levels
from dashboard.core.judge_rates import judge_rates
from dashboard.core.milestones import milestone_history
from dashboard.core.progress_arrays import Catalogue, Result, words_where
from dashboard.core.progress_figures import State, reduce_figures
from dashboard.core.report_dates import report_due_date
from dashboard.core.rounding import round_half_up, shown
from dashboard.core.settings import Thresholds

__all__ = ["compute_progress", "milestone_history"]


def compute_progress(
    targets: pd.DataFrame,
    figures: pd.DataFrame,
    as_of_month: int,
    *,
    thresholds: Thresholds = Thresholds(),
    profiles: pd.DataFrame | None = None,
    assessments: pd.DataFrame | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """One row per target: numbers and status as of data month `as_of_month` (1..12).

    `targets`: catalogue rows of one year. `figures`: current figures with TARGET_KEY columns,
    period_start, period_end, basis (ytd/month/level), value in catalogue units and, where
    known, `raw` (the words a milestone was reported with); an items target's items are
    figures with basis `item` and the columns `item` and `item_due` (core/items). A store
    may send only the level figures that matter (the latest, those below the level, those
    reporting done) if each row's `level_months` names the months that hold a level figure
    of its target (bit m for month m): the missing periods are counted from it. Where
    both frames carry `target_number` (equal numbers: the same entity, year and id), the
    figures are matched to their targets by it.
    `profiles`: entity, id, month, share_pct — last year's year-to-date ÷ last year's total.
    `assessments`: entity, year, id, month, status, comment — people's judgement.
    `today`: the clock; a figure counts as due from its report date (report_dates). Without
    a clock every period up to the as-of month is taken as due.
    """
    if not 1 <= as_of_month <= 12:
        raise ValueError(f"as_of_month must be 1..12, got {as_of_month}")
    t = targets.reset_index(drop=True)
    c = Catalogue.of(t)
    named = item_figures(figures).to_numpy()
    items = item_summary(t, item_table(t, figures[named], as_of_month))
    rest = figures[~named] if named.any() else figures  # a million amounts: no copy
    # the day each target's report is due: its own where an administrator set one
    day = np.where(np.isnan(c.day), float(thresholds.report_day), c.day)
    s = reduce_figures(t, c, rest, as_of_month, today, day)
    s = with_items(s, c, items)
    res = Result(len(t))
    seasonal = _profile_share(t, profiles, s.judged_end)
    # flows, rates and levels judged on their own rows (judging every target's row and
    # keeping the family's did the work of three families for each)
    _on_rows(judge_flows, c.flow, res, c, s, seasonal, thresholds)
    judge_items(res, c, items)
    _on_rows(judge_rates, c.rate, res, c, s, seasonal, thresholds)
    _on_rows(judge_levels, c.is_comp["maintain"], res, c, s)
    judge_milestones(res, c, s, as_of_month, thresholds)
    judge_qualitative(res, t, c, assessments, as_of_month)
    _mark_reports(res, c, s, day)
    _round_as_shown(res, c)
    return res.frame(t, c, as_of_month)


def _on_rows(judge, family: np.ndarray, res: Result, c: Catalogue, s: State, *more) -> None:
    rows = np.flatnonzero(family)
    parts = (a[rows] if isinstance(a, np.ndarray) else a for a in more)
    judge(res.rows(rows), c.rows(rows), s.rows(rows), *parts)


def _profile_share(t: pd.DataFrame, profiles: pd.DataFrame | None, end: np.ndarray) -> np.ndarray:
    """Last year's year-to-date share (%) at each target's judged period, where known."""
    n = len(t)
    if profiles is None or profiles.empty:
        return np.full(n, np.nan)
    probe = pd.DataFrame({"entity": t["entity"], "id": t["id"], "month": end})
    merged = probe.merge(
        profiles[["entity", "id", "month", "share_pct"]], on=["entity", "id", "month"], how="left"
    )
    return merged["share_pct"].to_numpy(dtype="float64", na_value=np.nan)


def _mark_reports(res: Result, c: Catalogue, s: State, day: np.ndarray) -> None:
    """What the reporting calendar says: nothing reported although due (no_data), a due
    report missing while an older figure is there (overdue_report, 未报送), nothing due yet
    (not_assessable), and when the expected period's report is (was) due."""
    numeric = c.flow | c.rate | c.is_comp["maintain"]
    anything_due = ~np.isnan(s.due)
    nothing = ~s.has & (
        numeric | (c.is_comp["milestone"] & (res.cols["status"] == "not_assessable"))
    )
    res.put(nothing, status=words_where(anything_due, "no_data", "not_assessable"))
    # a breach that stands and a target already met say more than a missing report
    standing = (res.cols["status"] == "achieved") | ~np.isnan(s.breach_end)
    late = numeric & s.overdue & ~standing
    res.put(late, status="overdue_report", time_position=None)
    lag = s.due - s.end
    res.put(numeric & s.has, data_lag_months=np.where(lag > 0, lag, np.nan))
    # An overdue report names the period that is late, not the as-of month's: in November
    # (its report due 15 December) a figure last reported for July is late for 1—10月,
    # due 15 November, and is judged against October's time share.
    stale = late & (lag > 0)
    expected = np.where(stale, s.due, s.expected)
    res.put(np.ones(c.n, dtype=bool), expected_end=expected)
    res.put(~np.isnan(expected), report_due=_due_dates(c, expected, day))


def _due_dates(c: Catalogue, expected: np.ndarray, day: np.ndarray) -> np.ndarray:
    """report_due_date per target, worked out once per distinct month and day (dates are
    objects)."""
    known = ~np.isnan(expected)
    months = np.where(known, c.year * 12 + np.nan_to_num(expected) - 1 + c.lag, -1).astype("int64")
    days = np.broadcast_to(day, months.shape).astype("int64")
    # numbered by hashing (np.unique sorted 800,000 keys for a few dozen distinct ones)
    back, distinct = pd.factorize(np.where(months >= 0, months * 32 + days, -1))
    dates = np.array(
        [
            report_due_date(k // 32 // 12, k // 32 % 12 + 1, 0, int(k % 32)) if k >= 0 else None
            for k in distinct
        ],
        dtype=object,
    )
    return dates[back]


def _round_as_shown(res: Result, c: Catalogue) -> None:
    """Numbers as the explanation shows them (no 2945.4545454545455 in any export): two
    decimals, more only where two would hide which side of the bar a figure is on."""
    cols = res.cols
    bar = np.where(c.is_comp["range"], c.low, c.target)
    cols["actual"] = np.where(c.is_comp["milestone"], cols["actual"], shown(cols["actual"], 2, bar))
    for name in ("expected_now", "remaining", "projected", "breach_value", "warning_value"):
        cols[name] = round_half_up(cols[name], 2)
    cols["required_pace"] = np.where(
        c.rate, cols["required_pace"], round_half_up(cols["required_pace"], 2)
    )
    cols["pace_ratio"] = round_half_up(cols["pace_ratio"], 2)
    # −1 × 0 is −0.0, which JSON and exports print as "-0.0" (a decrease met exactly, a
    # class kept exactly): adding 0.0 makes every zero positive
    for values in cols.values():
        if values.dtype.kind == "f":
            values += 0.0
