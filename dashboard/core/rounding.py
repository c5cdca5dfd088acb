"""Rounding the way published bulletins round: half away from zero, one decimal.

Officials compute "超序时进度 X 个百分点" from the *rounded* shares (81.7 − 83.3 = −1.6,
not −1.67 → −1.7), so gaps are differences of rounded figures.
"""

import numpy as np


def round_half_up(x, digits: int = 1):
    scale = 10.0**digits
    x = np.asarray(x, dtype="float64")
    # The epsilon absorbs binary noise: 2449.5/3000*100 is 81.64999..., published as 81.7.
    return np.sign(x) * np.floor(np.abs(x) * scale + 0.5 + 1e-7) / scale
