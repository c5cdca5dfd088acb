"""An upload's figures against what they should look like: warnings, never refusals.

Three references, each a factor of ten away from the figure (core/plausibility.py): the
value the figure revises, what the other periods of its series suggest, and the target's
scale. One warning per figure, the first of these that applies, shown with the
reference so the uploader sees old -> new or what was expected.
"""

import numpy as np
import pandas as pd

from dashboard.core.amounts import compared
from dashboard.core.messages import Glossed
from dashboard.core.periods import short_period
from dashboard.core.plausibility import RATE_FLOOR_PP, off_scale, series_typical, tenfold
from dashboard.core.problems import Problem
from dashboard.core.units import IncompatibleUnits, UnknownUnit, conversion_factor
from dashboard.ingest.resolve import CatalogueIndex

FLOWS = ("ytd", "month")  # amounts over 1—N月 or one month: compared per month
SERIES = ["entity", "year", "id", "basis"]
UNCHECKED = ("status", "assessment")  # codes and judgements, not quantities
COMPARED = {  # the figures each warning compares
    "figure.tenfold_revision": ("value", "old"),
    "figure.off_series": ("value", "typical"),
    "figure.off_target_pace": ("value", "expected", "target"),
    "figure.off_target": ("value", "target"),
}


def tenfold_warnings(
    figures: pd.DataFrame,
    previous: np.ndarray,
    others: pd.DataFrame,
    index: CatalogueIndex,
    file: str,
) -> list[Problem]:
    """`previous`: the stored value each figure replaces (NaN if new); `others`: the stored
    figures of the same series that the upload leaves as they are."""
    if figures.empty:
        return []
    n = len(figures)
    both = pd.concat([figures[SERIES + ["period_start", "period_end", "value"]], others])
    cat, pos = _catalogue(index, both)
    measure, kind = cat["measure"].to_numpy()[pos], cat["kind"].to_numpy()[pos]
    span = (both["period_end"] - both["period_start"] + 1).to_numpy(dtype=np.float64)
    item = (both["basis"] == "item").to_numpy()  # a named item's state: a code
    flow = np.isin(measure, FLOWS) & ~item
    unchecked = np.isin(measure, UNCHECKED) | item
    typical, count = _series(both, pos, flow, span, unchecked)
    values = figures["value"].to_numpy(dtype=np.float64)
    goal, flow, span, measure, kind = (
        cat["goal"].to_numpy()[pos[:n]],
        flow[:n],
        span[:n],
        measure[:n],
        kind[:n],
    )
    growth = measure == "ytd_growth"
    both_ways, floor = ~growth, np.where(growth, RATE_FLOOR_PP, 0.0)
    expected = np.where(unchecked[:n], np.nan, _target_scale(goal, measure, kind, flow, span))
    checks = [
        ("figure.tenfold_revision", tenfold(values, previous)),
        ("figure.off_series", off_scale(values, typical[:n], both_ways, floor)),
        ("figure.off_target_pace", flow & off_scale(values, expected, kind == "amount")),
        ("figure.off_target", ~flow & off_scale(values, expected, both_ways, floor)),
    ]
    units = cat["unit"].to_numpy()[pos[:n]]
    flagged = np.zeros(n, dtype=bool)
    out = []
    for key, hit in checks:
        for k in np.flatnonzero(hit & ~flagged):
            f, unit = figures.iloc[k], units[k] if isinstance(units[k], str) else ""
            shown = {"value": f["value"], "old": previous[k], "typical": typical[k],
                     "expected": expected[k], "target": goal[k]}  # fmt: skip
            params = compared({m: shown[m] for m in COMPARED[key]}, unit, f["id"])
            params["n"] = int(count[k])
            out.append(_problem(f, key, params, file))
        flagged |= hit
    return sorted(out, key=lambda p: (p.row or 0, p.column or ""))


def _catalogue(index: CatalogueIndex, figures: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Each figure's target as a row of a small catalogue frame (the latest catalogue
    year's, for a reference figure of an earlier year): measure, kind, unit and the target
    figure (a range's low end); the frame's last row stands for none."""
    t = index.targets
    cat = (
        pd.DataFrame(
            {
                "entity": t["entity"].astype(object),
                "id": t["id"].astype(object),
                "year": t["year"],
                "measure": t["measure"].astype(object),
                "kind": t["kind"].astype(object),
                "unit": t["unit"].astype(object),
                "goal": pd.to_numeric(t["target_value"], errors="coerce").fillna(
                    pd.to_numeric(t["target_low"], errors="coerce")
                ),
            }
        )
        .sort_values("year", kind="stable")
        .drop_duplicates(["entity", "id"], keep="last")
        .reset_index(drop=True)
    )
    keys = pd.MultiIndex.from_arrays([cat["entity"], cat["id"]])
    pos = keys.get_indexer(pd.MultiIndex.from_arrays([figures["entity"], figures["id"]]))
    none = {"measure": None, "kind": None, "unit": "", "goal": np.nan}
    cat = pd.concat([cat, pd.DataFrame([none])], ignore_index=True)
    return cat, np.where(pos < 0, len(cat) - 1, pos)


def _series(
    both: pd.DataFrame, pos: np.ndarray, flow: np.ndarray, span: np.ndarray, unchecked
) -> tuple[np.ndarray, np.ndarray]:
    """What the series' other periods suggest for each figure, and how many there are.
    Flows are compared per month (a 1—10月 total is ten months' worth), so a year-to-date
    series is one series whatever months it holds. A series is a target (its catalogue
    row), a year and a basis."""
    year = pd.factorize(both["year"])[0]
    basis = pd.factorize(both["basis"])[0]
    groups = (pos * (year.max() + 1) + year) * (basis.max() + 1) + basis
    values = both["value"].to_numpy(dtype=np.float64)
    typical, count = series_typical(groups, np.where(flow, values / span, values))
    typical = np.where(unchecked, np.nan, typical)
    return np.where(flow, typical * span, typical), count


def _target_scale(goal, measure, kind, flow, span) -> np.ndarray:
    """The target's figure as due by each figure's period: for a year's amount or count,
    its share of the months the figure covers; for a level, share or rate, the target
    itself; nothing for codes and judgements."""
    amounts = np.isin(kind, ("amount", "count"))
    pace = np.where(amounts, goal * span / 12, np.nan)
    checked = ~np.isin(measure, UNCHECKED) & ~np.isin(kind, ("milestone", "qualitative"))
    return np.where(flow, pace, np.where(checked, goal, np.nan))


def _problem(f: pd.Series, key: str, params: dict, file: str) -> Problem:
    period = short_period(int(f["period_start"]), int(f["period_end"]))
    values = {"id": f["id"], "period": period, **params}
    return Problem(
        file, int(f["source_row"]), f["source_column"], key, "hint.confirm_figure", values,
        "warning",
    )  # fmt: skip


def place_scale_warnings(figures: pd.DataFrame, index: CatalogueIndex, file: str) -> list[Problem]:
    """For a file that names no place: a growth figure whose published amount beside it
    is over ten times the target's whole base year (the nation's GDP, 296,299亿元 for one
    quarter, against 郑州市's 1.52万亿元 a year) is most likely another place's."""
    if (
        figures.empty
        or "companion_value" not in figures
        or not figures["companion_value"].notna().any()
    ):
        return []
    targets: dict = {}  # (entity, id) -> the target of its latest catalogue year
    for r in index.records:
        key = (r["entity"], r["id"])
        if key not in targets or r["year"] > targets[key]["year"]:
            targets[key] = r
    out = []
    for f in figures[figures["companion_value"].notna()].itertuples():
        base = _base_in(targets.get((f.entity, f.id)), f)
        if base is not None and f.companion_value > 10 * base:
            # the base is converted into the unit of the amount beside the figure
            amounts = {"value": f.companion_value, "base": base}
            params = {"id": f.id, **compared(amounts, f.companion_unit, f.id),
                      "entity": Glossed("entity", (f.entity,))}  # fmt: skip
            column = f.companion_column
            out.append(Problem(file, int(f.companion_row), column, "figure.other_place_scale",
                               "hint.other_place", params, "warning"))  # fmt: skip
    return out


def _base_in(target: dict | None, f) -> float | None:
    """The target's base year amount (baseline_value) in the unit of the amount beside
    the figure; None when there is none or the units do not compare."""
    if target is None or pd.isna(target.get("baseline_value")) or not f.companion_unit:
        return None
    try:
        factor = conversion_factor(str(target["baseline_unit"]), str(f.companion_unit))
    except (IncompatibleUnits, UnknownUnit):
        return None
    return float(target["baseline_value"]) * float(factor)
