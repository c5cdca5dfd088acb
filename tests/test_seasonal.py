"""Last year's real monthly shares replace the synthetic profile (issue 14)."""

import pandas as pd

from dashboard.core.seasonal import last_year_profiles, with_last_year

TARGETS = pd.DataFrame(
    {
        "entity": ["郑州市", "郑州市", "郑州市"],
        "id": ["airport_cargo", "retail_sales_growth", "fai_growth"],
        "measure": ["ytd", "ytd_growth", "ytd_growth"],
    }
)


def figure(id_, end, value, companion=None, basis="ytd", start=1):
    return {
        "entity": "郑州市",
        "id": id_,
        "period_start": start,
        "period_end": end,
        "basis": basis,
        "value": value,
        "companion_value": companion,
    }


def test_shares_from_last_years_amounts_and_companion_levels():
    figures = pd.DataFrame(
        [
            figure("airport_cargo", 6, 46.15),
            figure("airport_cargo", 12, 102.51),
            figure("retail_sales_growth", 9, 4.8, 3660.3),
            figure("retail_sales_growth", 12, 5.0, 5085.2),
            figure("fai_growth", 9, 4.7),  # no level published: no profile
            figure("fai_growth", 12, 5.3),
        ]
    )
    got = last_year_profiles(figures, TARGETS)
    assert got[["id", "month", "share_pct"]].values.tolist() == [
        ["airport_cargo", 6, 45.0],
        ["airport_cargo", 12, 100.0],
        ["retail_sales_growth", 9, 72.0],
        ["retail_sales_growth", 12, 100.0],
    ]
    assert set(got["source"]) == {"last_year_figures"}


def test_single_months_add_up_only_when_the_year_is_complete():
    months = [figure("airport_cargo", m, 8.0, basis="month", start=m) for m in range(1, 13)]
    got = last_year_profiles(pd.DataFrame(months), TARGETS)
    assert got.loc[got["month"] == 3, "share_pct"].item() == 25.0
    assert last_year_profiles(pd.DataFrame(months[:11]), TARGETS).empty


def test_real_shares_replace_the_shipped_ones_month_by_month():
    shipped = pd.DataFrame(
        {
            "entity": ["郑州市"] * 2,
            "id": ["airport_cargo"] * 2,
            "month": [6, 7],
            "share_pct": [50.0, 58.0],
            "source": ["synthetic"] * 2,
        }
    )
    derived = last_year_profiles(
        pd.DataFrame([figure("airport_cargo", 6, 46.15), figure("airport_cargo", 12, 102.51)]),
        TARGETS,
    )
    merged = with_last_year(shipped, derived).sort_values("month")
    assert merged[["month", "share_pct", "source"]].values.tolist() == [
        [6, 45.0, "last_year_figures"],
        [7, 58.0, "synthetic"],
        [12, 100.0, "last_year_figures"],
    ]
