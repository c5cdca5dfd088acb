"""Figures that are possible but probably a slip: warnings to confirm, never refusals.

'17900' typed for 省市重点项目完成投资 after 1,790 (target 2,000亿元) was a revision by a
factor of ten that nothing questioned. A figure ten times larger or smaller than the value
it replaces, than what the other periods of its series suggest, or than the target's scale
is shown to the uploader, who confirms it or fixes the file. Zero and opposite signs
compare to nothing (a growth rate may cross zero; a first figure may follow none).
"""

import numpy as np
import pandas as pd

FACTOR = 10.0
# Our judgement: a growth rate is only suspicious when it is ten times its reference AND
# that far from it in points ('52' typed for 5.2%); 0.4% after 5% is an ordinary slowdown,
# and a rate ten times a small one (6% after 0.5%) is an ordinary recovery.
RATE_FLOOR_PP = 10.0


def tenfold(values: np.ndarray, references: np.ndarray) -> np.ndarray:
    """True where value and reference have the same sign and differ by FACTOR or more."""
    return off_scale(values, references)


def off_scale(
    values: np.ndarray,
    references: np.ndarray,
    both_ways: np.ndarray | bool = True,
    floor: np.ndarray | float = 0.0,
) -> np.ndarray:
    """True where value and reference have the same sign and the value is FACTOR times the
    reference or more (or, where `both_ways`, a FACTOR-th of it or less), and at least
    `floor` away from it."""
    v = np.asarray(values, dtype=np.float64)
    r = np.asarray(references, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(v / r)
    same_sign = (v * r) > 0
    far = (ratio >= FACTOR) | (np.asarray(both_ways) & (ratio <= 1 / FACTOR))
    return same_sign & far & (np.abs(v - r) >= floor)


def series_typical(groups: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every value, what the rest of its series (same group code) says is usual, and
    how many other figures said it. With one other figure it is that figure; with two or
    more it is the median of the series, which one slip among three or more cannot move
    far. NaN where the series has no other figure."""
    frame = pd.DataFrame({"g": groups, "v": np.asarray(values, dtype=np.float64)})
    by = frame.groupby("g", sort=False)["v"]
    size = by.transform("size").to_numpy()
    other = by.transform("sum").to_numpy() - frame["v"].to_numpy()
    median = by.transform("median").to_numpy()
    typical = np.where(size >= 3, median, np.where(size == 2, other, np.nan))
    return typical, size - 1
