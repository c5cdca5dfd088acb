"""Figures reduced to what each target is judged on: its latest figure, the period the
calendar expects, whether that period's report is due or overdue, gaps, breaches."""

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.progress_arrays import Catalogue
from dashboard.core.progress_row import TARGET_NUMBER
from dashboard.core.report_dates import latest_due_month, snap_to_periods


@dataclass
class State:
    value: np.ndarray  # the figure that counts (flows: year to date)
    end: np.ndarray  # the period it covers ends in this month
    start: np.ndarray
    expected: np.ndarray  # the period the calendar expects by the as-of month
    due: np.ndarray  # the latest period whose report is due by the clock (≤ expected)
    missing: np.ndarray  # due periods with no figure (single-month flows, levels)
    first_missing: np.ndarray
    breach_end: np.ndarray  # maintain: first period that broke the level for good
    breach_value: np.ndarray
    warn_end: np.ndarray  # maintain: latest period below the level
    warn_value: np.ndarray
    done_end: np.ndarray  # milestones: first period reported done
    note: np.ndarray  # milestones: the words of the latest report

    def rows(self, rows: np.ndarray) -> "State":
        """The same state for `rows` only (positions)."""
        return State(**{name: getattr(self, name)[rows] for name in self.__dataclass_fields__})

    @property
    def has(self) -> np.ndarray:
        return ~np.isnan(self.value)

    @property
    def overdue(self) -> np.ndarray:
        """A report is due and missing while an older figure is there (未报送)."""
        late = np.nan_to_num(self.end, nan=-1.0) < self.due
        return self.has & (late | (self.missing > 0))

    @property
    def judged_end(self) -> np.ndarray:
        """The month a target is judged at: its figure's, or the one now overdue."""
        return np.where(self.overdue, np.fmax(self.due, self.end), self.end)


def reduce_figures(
    t: pd.DataFrame,
    c: Catalogue,
    figures: pd.DataFrame,
    month: int,
    today: date | None,
    day: int | np.ndarray,
) -> State:
    n = c.n
    tidx_all = _target_positions(t, figures)
    end_all = figures["period_end"].to_numpy(dtype="int64")
    keep = (tidx_all >= 0) & (end_all <= month)
    tidx, end = tidx_all[keep], end_all[keep]
    value = figures["value"].to_numpy(dtype="float64")[keep]
    start = figures["period_start"].to_numpy(dtype="int64")[keep]
    basis = figures["basis"]  # compared in pandas: Arrow strings, no Python objects
    is_ytd = (basis == "ytd").to_numpy()[keep] & (start == 1)
    # a distinct count (enterprises with trade) is never a sum of single months
    is_month = (basis == "month").to_numpy()[keep] & ~c.distinct[tidx]
    is_level = (basis == "level").to_numpy()[keep]

    ytd_val, ytd_end = _latest(n, tidx[is_ytd], end[is_ytd], value[is_ytd])
    flow_val, flow_end, gaps = _add_single_months(
        n, tidx[is_month], end[is_month], value[is_month], ytd_val, ytd_end
    )
    lvl_rows = np.flatnonzero(is_level)
    lvl_val, lvl_end = _latest(n, tidx[lvl_rows], end[lvl_rows], value[lvl_rows])

    value_out = np.where(c.flow_measure, flow_val, np.where(c.cumulative_rate, ytd_val, lvl_val))
    end_out = np.where(c.flow_measure, flow_end, np.where(c.cumulative_rate, ytd_end, lvl_end))
    # a level covers its period end; an annual figure (energy intensity, grain) the year
    start_out = np.where(c.level_measure & ~c.freq["annual"], end_out, 1.0)
    start_out[np.isnan(end_out)] = np.nan

    expected = snap_to_periods(c.quarterly, c.first, np.full(n, float(month)))
    due_month = np.minimum(float(month), latest_due_month(c.year, c.lag, today, day))
    due = snap_to_periods(c.quarterly, c.first, due_month)
    lt, le, lv = tidx[lvl_rows], end[lvl_rows], value[lvl_rows]
    missing, first_missing = _missing_levels(c, lt, _reported_months(figures, keep, lvl_rows), due)
    levels = _levels(c, lt, le, lv)
    raw = _raw_words(figures, keep, lvl_rows, c.is_comp["milestone"][tidx[lvl_rows]])
    return State(
        value=value_out,
        end=end_out,
        start=start_out,
        expected=expected,
        due=due,
        missing=np.where(c.flow_measure, gaps, np.where(c.is_comp["maintain"], missing, 0.0)),
        first_missing=np.where(c.is_comp["maintain"], first_missing, np.nan),
        note=_latest_note(n, lt, le, raw, c.is_comp["milestone"]),
        **levels,
    )


def _target_positions(t: pd.DataFrame, f: pd.DataFrame) -> np.ndarray:
    """Row position in `t` of each figure's target, -1 where none (other entity/year):
    by `target_key` where both frames carry it and the catalogue's keys are distinct (a
    store's number for each target; numbering the texts of 800,000 targets and a million
    figures took a quarter of a second), else by entity, year and id."""
    if TARGET_NUMBER in t and TARGET_NUMBER in f:
        ours = pd.Index(t[TARGET_NUMBER].to_numpy())
        if ours.is_unique:
            return ours.get_indexer(f[TARGET_NUMBER].to_numpy())
    return _positions_by_text(t, f)


def _positions_by_text(t: pd.DataFrame, f: pd.DataFrame) -> np.ndarray:
    """The key as one integer: entity and id numbered together for both frames (a
    MultiIndex of 800,000 targets looked up a million figures four times slower)."""
    entity = _numbered(t["entity"], f["entity"])
    target = _numbered(t["id"], f["id"])
    year = _numbered(t["year"], f["year"])
    wide_target, wide_year = target.max(initial=0) + 1, year.max(initial=0) + 1
    key = (entity * wide_target + target) * wide_year + year
    return pd.Index(key[: len(t)]).get_indexer(key[len(t) :])


def _numbered(ours: pd.Series, theirs: pd.Series) -> np.ndarray:
    """The values of both as numbers from 0, equal values equal numbers."""
    both = pd.concat([ours, theirs], ignore_index=True)
    return pd.factorize(both, use_na_sentinel=False)[0].astype("int64")


def _latest(n: int, tidx: np.ndarray, end: np.ndarray, value: np.ndarray):
    """Per target, the value of its latest period (one figure per period and basis)."""
    latest = np.full(n, -1, dtype="int64")
    np.maximum.at(latest, tidx, end)
    hit = end == latest[tidx]
    values = np.full(n, np.nan)
    values[tidx[hit]] = value[hit]
    return values, np.where(latest >= 0, latest, np.nan).astype("float64")


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
    gaps = np.where(has, last - base_end - count, 0.0)
    return flow_val, flow_end, gaps


def _reported_months(figures: pd.DataFrame, keep, rows) -> np.ndarray:
    """Per level figure, the months known to hold a level figure of its target, bit m for
    month m: its own, and those a store that sent only some of them names in
    `level_months` (store/figures.judged_figures)."""
    end = figures["period_end"].to_numpy(dtype="int64")[keep][rows]
    months = np.left_shift(1, end)
    if "level_months" in figures:
        sent = figures["level_months"].to_numpy(dtype="int64", na_value=0)[keep][rows]
        months |= sent
    return months


def _missing_levels(c: Catalogue, tidx, months, due):
    """Due periods (first period .. the latest due) of each level series with no figure,
    and the first of them: every period of a maintain target is checked."""
    count, first = np.zeros(c.n), np.full(c.n, np.nan)
    rows = np.flatnonzero(c.is_comp["maintain"])  # only levels that must be kept
    if not len(rows):
        return count, first
    reported = np.zeros(c.n, dtype="int64")
    np.bitwise_or.at(reported, tidx, months)
    months = np.arange(1, 13)
    step, start, last = c.step[rows, None], c.first[rows, None], due[rows, None]
    on_grid = (months[None, :] % step == 0) | (step == 1)
    wanted = on_grid & (months[None, :] >= start) & (months[None, :] <= last)
    absent = wanted & (((reported[rows, None] >> months[None, :]) & 1) == 0)
    count[rows] = absent.sum(axis=1)
    first[rows] = np.where(absent.any(axis=1), months[np.argmax(absent, axis=1)], np.nan)
    return count, first


def _levels(c: Catalogue, tidx, end, value) -> dict:
    """Maintain targets: the breach that stands, the latest warning; milestones: when done.

    every_period: the first period below the level is a breach for the rest of the year.
    clear_within (动态清零): a period below the level is a breach only if the next period
    is below it too. year_end: periods below the level are monthly warnings, no breach.
    """
    n = c.n
    bar = c.target[tidx]
    maintain = c.is_comp["maintain"][tidx]
    fails = maintain & np.where(c.lower[tidx], value > bar, value < bar)
    key = tidx * 16 + end
    failing_keys = key[fails]
    still = fails & np.isin(key + c.step[tidx].astype("int64"), failing_keys)
    # the breach of a clear_within target is the period that was not cleared in time
    uncleared = np.isin(key, (key + c.step[tidx].astype("int64"))[still])
    breach = np.where(c.assess["clear_within"][tidx], uncleared & fails, fails)
    breach &= ~c.assess["year_end"][tidx]
    breach_end, breach_value = _first(n, tidx[breach], end[breach], value[breach])
    warn_value, warn_end = _latest(n, tidx[fails], end[fails], value[fails])
    done = c.is_comp["milestone"][tidx] & (value == 2)
    done_end, _ = _first(n, tidx[done], end[done], value[done])
    return {
        "breach_end": breach_end,
        "breach_value": breach_value,
        "warn_end": warn_end,
        "warn_value": warn_value,
        "done_end": done_end,
    }


def _first(n: int, tidx, end, value):
    first = np.full(n, 99, dtype="int64")
    np.minimum.at(first, tidx, end)
    hit = end == first[tidx]
    values = np.full(n, np.nan)
    values[tidx[hit]] = value[hit]
    return np.where(first < 99, first, np.nan).astype("float64"), values


def _raw_words(figures: pd.DataFrame, keep, rows, milestone_rows) -> np.ndarray | None:
    """The raw text of the level figures of milestones only (a million amounts need none)."""
    if "raw" not in figures or not milestone_rows.any():
        return None
    positions = np.flatnonzero(keep)[rows]
    words = np.full(len(rows), None, dtype=object)
    words[milestone_rows] = figures["raw"].iloc[positions[milestone_rows]].to_numpy(dtype=object)
    return words


def _latest_note(n: int, tidx, end, raw, milestone: np.ndarray) -> np.ndarray:
    """The words of each milestone's latest report ("已开工"), None for a bare code."""
    notes = np.full(n, None, dtype=object)
    if raw is None or not milestone.any():
        return notes
    mine = milestone[tidx]
    tidx, end, raw = tidx[mine], end[mine], raw[mine]
    latest = np.full(n, -1, dtype="int64")
    np.maximum.at(latest, tidx, end)
    hit = end == latest[tidx]
    words = raw[hit]  # the latest reports' words only, not every target's row
    bare = pd.Series(words, dtype=object, copy=False).isin(("0", "1", "2", "0.0", "1.0", "2.0"))
    notes[tidx[hit]] = np.where(bare.to_numpy(), None, words)
    return notes
