"""Tenfold slips are flagged for confirmation (issue 14)."""

import numpy as np

from dashboard.core.plausibility import beyond_target, tenfold


def test_a_revision_ten_times_the_old_value_is_flagged():
    new = np.array([17900.0, 1800.0, 179.0, 5.0, -4.0, 3.0])
    old = np.array([1790.0, 1790.0, 1790.0, np.nan, 4.0, 0.0])
    assert tenfold(new, old).tolist() == [True, False, True, False, False, False]


def test_a_figure_ten_times_its_target_is_flagged():
    assert beyond_target(
        np.array([17900.0, 1790.0, 85.0, 8.5]), np.array([2000.0, 2000.0, 8.5, 0.0])
    ).tolist() == [
        False,
        False,
        True,
        False,
    ]
    assert beyond_target(np.array([20000.0]), np.array([2000.0])).tolist() == [True]
