"""Last year's real monthly shares, from last year's figures when they were uploaded.

The seasonal expected share of a month is last year's year-to-date ÷ last year's total.
data/seasonal_profiles.csv ships a synthetic guess; once last year's monthly figures are
stored (reference figures, e.g. from the statistics portal's 13-month export), the real
shares replace the guess for the months they cover. Amount targets use their own figures
(year-to-date, or single months added up when all months are there); growth targets use
the amount published beside the rate (the companion figure).
"""

import numpy as np
import pandas as pd

COLUMNS = ["entity", "id", "month", "share_pct", "source"]
SOURCE = "last_year_figures"


def last_year_profiles(figures: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Profiles (entity, id, month, share_pct, source) from last year's figures."""
    if figures.empty or targets.empty:
        return pd.DataFrame(columns=COLUMNS)
    measure = targets.drop_duplicates(["entity", "id"]).set_index(["entity", "id"])["measure"]
    levels = [_levels(g, measure.get(k)) for k, g in figures.groupby(["entity", "id"])]
    frames = [f for f in levels if f is not None and not f.empty]
    return (
        pd.concat(frames, ignore_index=True)[COLUMNS] if frames else pd.DataFrame(columns=COLUMNS)
    )


def _levels(g: pd.DataFrame, measure: str | None) -> pd.DataFrame | None:
    """Year-to-date levels by month end for one target, as shares of December's."""
    ytd = g[(g["basis"] == "ytd") & (g["period_start"] == 1)]
    if measure == "ytd_growth" and "companion_value" in g:
        level = ytd.set_index("period_end")["companion_value"].dropna()
    elif measure == "ytd":
        level = ytd.set_index("period_end")["value"]
        months = g[g["basis"] == "month"].set_index("period_end")["value"]
        if level.empty and set(months.index) >= set(range(1, 13)):
            level = months.sort_index().cumsum()
    else:
        return None
    level = level[~level.index.duplicated()].sort_index()
    if 12 not in level.index or not level.loc[12] > 0:
        return None
    share = np.round(level / level.loc[12] * 100, 1)
    entity, target_id = g["entity"].iloc[0], g["id"].iloc[0]
    return pd.DataFrame(
        {
            "entity": entity,
            "id": target_id,
            "month": share.index.astype(int),
            "share_pct": share.to_numpy(),
            "source": SOURCE,
        }
    )


def with_last_year(profiles: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Shipped profiles with last year's real shares in place wherever they exist."""
    if derived.empty:
        return profiles
    keep = profiles.merge(
        derived[["entity", "id", "month"]], on=["entity", "id", "month"], how="left", indicator=True
    )
    kept = profiles[(keep["_merge"] == "left_only").to_numpy()]
    return pd.concat([kept, derived], ignore_index=True)
