"""Companion figures: the amount beside a growth rate, the rate beside an amount."""

import pandas as pd

from dashboard.ingest.companions import attach_companions

KEY = dict(entity="郑州市", year=2026, id="retail_sales_growth", period_start=1)


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{**KEY, **r} for r in rows])


def test_side_by_side_pairs_within_the_row():
    figures = frame([{"period_end": 10, "source_row": 13, "source_column": "D", "value": 4.6}])
    context = frame(
        [
            {
                "period_end": 10,
                "source_row": 13,
                "source_column": "C",
                "value": 4252.3,
                "unit": "亿元",
            }
        ]
    )
    out, used = attach_companions(figures, context)
    assert out.loc[0, ["companion_value", "companion_unit", "companion_column"]].tolist() == [
        4252.3,
        "亿元",
        "C",
    ]
    assert used == {(13, "C")}


def test_the_portal_pairs_two_rows_by_period_and_ignores_other_periods():
    figures = frame(
        [
            {"period_end": 9, "source_row": 9, "source_column": "B", "value": 4.5},
            {"period_end": 8, "source_row": 9, "source_column": "C", "value": 4.5},
        ]
    )
    context = frame(
        [
            {
                "period_end": 9,
                "source_row": 8,
                "source_column": "B",
                "value": 3791.0,
                "unit": "亿元",
            },
            {
                "period_end": 8,
                "source_row": 8,
                "source_column": "C",
                "value": 3352.6,
                "unit": "亿元",
            },
            {
                "period_start": 9,
                "period_end": 9,
                "source_row": 10,
                "source_column": "B",
                "value": 438.4,
                "unit": "亿元",
            },
        ]
    )
    out, used = attach_companions(figures, context)
    assert out["companion_value"].tolist() == [3791.0, 3352.6]
    assert out["companion_row"].tolist() == [8, 8]
    assert used == {(8, "B"), (8, "C")}


def test_no_companion_leaves_the_columns_empty():
    figures = frame([{"period_end": 10, "source_row": 5, "source_column": "D", "value": 8.7}])
    out, used = attach_companions(
        figures, frame([]).assign(period_end=[], source_row=[], source_column=[], value=[], unit=[])
    )
    assert pd.isna(out.loc[0, "companion_value"]) and used == set()
    assert out.loc[0, "companion_unit"] is None
