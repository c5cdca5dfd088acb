"""An upload's figures against what they should look like: warnings, never refusals.

Three references, each a factor of ten away from the figure (core/plausibility.py): the
value the figure revises, what the other periods of its series suggest, and the target's
scale. One warning per figure, the first of these that applies, shown with the
reference so the uploader sees old -> new or what was expected.
"""

import numpy as np
import pandas as pd

from dashboard.core.messages import Msg
from dashboard.core.plausibility import RATE_FLOOR_PP, off_scale, series_typical, tenfold
from dashboard.core.problems import Problem
from dashboard.ingest.resolve import CatalogueIndex

FLOWS = ("ytd", "month")  # amounts over 1—N月 or one month: compared per month
SERIES = ["entity", "year", "id", "basis"]
UNCHECKED = ("status", "assessment")  # codes and judgements, not quantities


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
    t = _targets(figures, index)
    values = figures["value"].to_numpy(dtype=np.float64)
    span = (figures["period_end"] - figures["period_start"] + 1).to_numpy(dtype=np.float64)
    flow = np.isin(t["measure"], FLOWS)
    growth = t["measure"] == "ytd_growth"
    both_ways, floor = ~growth, np.where(growth, RATE_FLOOR_PP, 0.0)
    typical, n = _series(figures, others, flow, span, index)
    expected = _target_scale(t, flow, span)
    checks = [
        ("figure.tenfold_revision", tenfold(values, previous)),
        ("figure.off_series", off_scale(values, typical, both_ways, floor)),
        ("figure.off_target_pace", flow & off_scale(values, expected, t["kind"] == "amount")),
        ("figure.off_target", ~flow & off_scale(values, expected, both_ways, floor)),
    ]
    flagged = np.zeros(len(figures), dtype=bool)
    out = []
    for key, hit in checks:
        for k in np.flatnonzero(hit & ~flagged):
            refs = {"old": previous[k], "typical": typical[k], "expected": expected[k],
                    "target": t["goal"][k]}  # fmt: skip
            params = {k2: float(v) for k2, v in refs.items()} | {
                "n": int(n[k]),
                "unit": t["unit"][k],
            }
            out.append(_problem(figures.iloc[k], key, params, file))
        flagged |= hit
    return sorted(out, key=lambda p: (p.row or 0, p.column or ""))


def _targets(figures: pd.DataFrame, index: CatalogueIndex) -> dict[str, np.ndarray]:
    """Each figure's target (the latest catalogue year's, for a reference figure of an
    earlier year): measure, kind, unit and the target figure (a range's low end)."""
    rows = [
        (r["entity"], r["id"], r["year"], r["measure"], r["kind"], r["unit"], _goal(r))
        for r in index.records
    ]
    cat = pd.DataFrame(rows, columns=["entity", "id", "year", "measure", "kind", "unit", "goal"])
    cat = cat.sort_values("year").drop_duplicates(["entity", "id"], keep="last")
    t = figures[["entity", "id"]].merge(cat.drop(columns="year"), on=["entity", "id"], how="left")
    out = {c: t[c].to_numpy() for c in ("measure", "kind", "unit")}
    out["unit"] = np.where(pd.isna(out["unit"]), "", out["unit"])
    out["goal"] = t["goal"].to_numpy(dtype=np.float64)
    return out


def _goal(record: dict) -> float:
    value = record["target_value"]
    if value is None or pd.isna(value):
        value = record.get("target_low")
    return np.nan if value is None or pd.isna(value) else float(value)


def _series(
    figures: pd.DataFrame, others: pd.DataFrame, flow: np.ndarray, span: np.ndarray, index
) -> tuple[np.ndarray, np.ndarray]:
    """What the series' other periods suggest for each figure, and how many there are.
    Flows are compared per month (a 1—10月 total is ten months' worth), so a year-to-date
    series is one series whatever months it holds."""
    n = len(figures)
    both = pd.concat([figures[SERIES + ["period_start", "period_end", "value"]], others])
    both_span = (both["period_end"] - both["period_start"] + 1).to_numpy(dtype=np.float64)
    measures = _targets(both, index)["measure"]
    both_flow = np.isin(measures, FLOWS)
    per = np.where(both_flow, both["value"].to_numpy(dtype=np.float64) / both_span, both["value"])
    groups = both.groupby(SERIES, sort=False, dropna=False).ngroup().to_numpy()
    typical, count = series_typical(groups, per)
    typical = np.where(np.isin(measures, UNCHECKED), np.nan, typical)
    return np.where(flow, typical[:n] * span, typical[:n]), count[:n]


def _target_scale(t: dict, flow: np.ndarray, span: np.ndarray) -> np.ndarray:
    """The target's figure as due by each figure's period: for a year's amount or count,
    its share of the months the figure covers; for a level, share or rate, the target
    itself; nothing for codes and judgements."""
    amounts = np.isin(t["kind"], ("amount", "count"))
    pace = np.where(amounts, t["goal"] * span / 12, np.nan)
    checked = ~np.isin(t["measure"], UNCHECKED) & ~np.isin(t["kind"], ("milestone", "qualitative"))
    return np.where(flow, pace, np.where(checked, t["goal"], np.nan))


def _problem(f: pd.Series, key: str, params: dict, file: str) -> Problem:
    period = _period(int(f["period_start"]), int(f["period_end"]))
    values = {"id": f["id"], "period": period, "value": float(f["value"]), **params}
    return Problem(
        file, int(f["source_row"]), f["source_column"], key, "hint.confirm_figure", values,
        "warning",
    )  # fmt: skip


def _period(start: int, end: int) -> Msg:
    if start == end:
        return Msg.of("period.month_short", end=end)
    return Msg.of("period.span_short", start=start, end=end)
