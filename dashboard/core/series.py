"""A target's figures as a month-by-month series (for charts and the detail page)."""

import pandas as pd


def month_series(figures: pd.DataFrame, measure: str) -> pd.DataFrame:
    """month, value: year-to-date for flows (single months added up), else as reported."""
    if figures.empty:
        return pd.DataFrame({"month": [], "value": []})
    if measure == "ytd_growth":
        f = figures[(figures["basis"] == "ytd") & (figures["period_start"] == 1)]
        return _by_month(f)
    if measure in ("level", "status"):
        return _by_month(figures[figures["basis"] == "level"])
    return _cumulative(figures)


def _by_month(f: pd.DataFrame) -> pd.DataFrame:
    out = f.sort_values("period_end")[["period_end", "value"]]
    return out.rename(columns={"period_end": "month"}).reset_index(drop=True)


def _cumulative(f: pd.DataFrame) -> pd.DataFrame:
    ytd = dict(
        zip(
            f.loc[f["basis"] == "ytd", "period_end"],
            f.loc[f["basis"] == "ytd", "value"],
            strict=True,
        )
    )
    single = dict(
        zip(
            f.loc[f["basis"] == "month", "period_end"],
            f.loc[f["basis"] == "month", "value"],
            strict=True,
        )
    )
    rows, running = [], None
    for month in range(1, 13):
        if month in ytd:
            running = ytd[month]
        elif month in single:
            running = (running or 0.0) + single[month]
        else:
            continue
        rows.append((month, running))
    return pd.DataFrame(rows, columns=["month", "value"])
