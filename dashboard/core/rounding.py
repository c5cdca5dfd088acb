"""Rounding the way published bulletins round: half away from zero, one decimal.

Officials compute "超序时进度 X 个百分点" from the *rounded* shares (81.7 − 83.3 = −1.6,
not −1.67 → −1.7), so gaps are differences of rounded figures.
"""

import numpy as np


def round_half_up(x, digits: int = 1):
    scale = 10.0**digits
    x = np.asarray(x, dtype="float64")
    # The epsilon absorbs binary noise: 2449.5/3000*100 is 81.64999..., published as 81.7.
    # In place, in the order of sign(x) * floor(|x| * scale + 0.5 + 1e-7) / scale (the
    # sign is ±1 or 0, so multiplying by it last changes no bit): one array, not five.
    out = np.abs(x, out=np.empty_like(x))
    out *= scale
    out += 0.5
    out += 1e-7
    np.floor(out, out=out)
    out /= scale
    out *= np.sign(x)
    out += 0.0  # -0.04 rounds to 0.0, not to -0.0 (an export's "-0.0")
    return out if out.ndim else out[()]


def shown(x, digits: int, bar=None):
    """`x` rounded half up to `digits`, with one more digit where the rounding would land
    on `bar` although `x` is not on it: 59.95 against 60 stays 59.95, not 60.0."""
    x = np.asarray(x, dtype="float64")
    rounded = round_half_up(x, digits)
    if bar is None:
        return rounded
    hides = (rounded == round_half_up(bar, digits)) & (x != bar)
    return np.where(hides, round_half_up(x, digits + 1), rounded)


def decimals(x, most: int = 4):
    """How many decimals each figure was written with (59.95 -> 2, 8.5 -> 1, 100 -> 0)."""
    x = np.asarray(x, dtype="float64")
    out = np.full(x.shape, most, dtype="int64")
    for k in range(most - 1, -1, -1):
        scaled = x * 10.0**k
        exact = np.abs(scaled - np.round(scaled)) < 1e-6
        out = np.where(exact, k, out)
    return out


def difference(a, b, at_least: int = 1, where=None):
    """a − b rounded to the precision the two figures were written with (one decimal at
    least): 59.95 − 60 is −0.05, not −0.1. `where`: only those rows worked out, NaN in the
    others (a province's 800,000 targets, of which a few are judged this way)."""
    if where is not None:
        out = np.full(np.shape(where), np.nan)
        out[where] = difference(np.asarray(a)[where], np.asarray(b)[where], at_least)
        return out
    places = np.maximum(np.maximum(decimals(a), decimals(b)), at_least)
    diff = np.asarray(a, dtype="float64") - np.asarray(b, dtype="float64")
    out = np.full(diff.shape, np.nan)
    for k in np.unique(places):
        pick = places == k
        out[pick] = round_half_up(diff[pick], int(k))
    return out
