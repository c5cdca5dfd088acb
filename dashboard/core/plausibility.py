"""Figures that are possible but probably a slip: warnings to confirm, never refusals.

'17900' typed for 省市重点项目完成投资 after 1,790 (target 2,000亿元) was a revision by a
factor of ten that nothing questioned. A figure ten times larger or smaller than the value
it replaces, than the figure before it in its series, or than the target itself is shown
to the uploader, who confirms it or fixes the file. Zero and opposite signs compare to
nothing (a growth rate may cross zero; a first figure may follow none).
"""

import numpy as np

FACTOR = 10.0


def tenfold(values: np.ndarray, references: np.ndarray) -> np.ndarray:
    """True where value and reference have the same sign and differ by FACTOR or more."""
    v = np.asarray(values, dtype=np.float64)
    r = np.asarray(references, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(v / r)
    same_sign = (v * r) > 0
    return same_sign & ((ratio >= FACTOR) | (ratio <= 1 / FACTOR))


def beyond_target(values: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """True where a figure is FACTOR times its target or more (a unit or a zero too many);
    small figures early in the year are normal and not flagged."""
    v = np.abs(np.asarray(values, dtype=np.float64))
    t = np.abs(np.asarray(targets, dtype=np.float64))
    return (t > 0) & (v >= FACTOR * t)
