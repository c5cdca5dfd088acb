"""Tenfold slips are flagged for confirmation (issue 14)."""

import numpy as np

from dashboard.core.plausibility import RATE_FLOOR_PP, off_scale, series_typical, tenfold


def test_a_revision_ten_times_the_old_value_is_flagged():
    new = np.array([17900.0, 1800.0, 179.0, 5.0, -4.0, 3.0])
    old = np.array([1790.0, 1790.0, 1790.0, np.nan, 4.0, 0.0])
    assert tenfold(new, old).tolist() == [True, False, True, False, False, False]


def test_a_rate_is_flagged_only_far_above_its_reference():
    values = np.array([52.0, 0.4, 6.0, 9.0, 52.0])
    refs = np.array([5.2, 5.0, 0.5, 0.8, 5.2])
    floor = np.array([RATE_FLOOR_PP] * 4 + [0.0])
    assert off_scale(values, refs, both_ways=False, floor=floor).tolist() == [
        True,  # '52' typed for 5.2%
        False,  # a slowdown to 0.4%
        False,  # 6% after 0.5%: ten times, but 5.5 points
        False,
        True,
    ]
    assert off_scale(np.array([0.4]), np.array([5.0])).tolist() == [True]  # an amount


def test_a_series_says_what_is_usual_from_its_other_figures():
    groups = np.array([0, 0, 0, 0, 1, 1, 2])
    values = np.array([100.0, 110.0, 1100.0, 105.0, 3.0, 30.0, 7.0])
    typical, others = series_typical(groups, values)
    assert typical[:4].tolist() == [107.5] * 4  # one slip cannot move the median far
    assert typical[4:6].tolist() == [30.0, 3.0]  # two figures: each is the other's reference
    assert np.isnan(typical[6]) and others.tolist() == [3, 3, 3, 3, 1, 1, 0]
    assert tenfold(values, typical).tolist() == [False, False, True, False, True, True, False]
