"""Each target's report deadline (issue 21): the figure of a period ending in month m is due
on `day` of month m + `lag`. By default the lag is the catalogue's `publication_lag` (or the
default for the target's frequency) and the day the deployment's report day; an
administrator may set either per target. Pure."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_LAG = 12  # a year after the period at most
MAX_DAY = 28  # every month has it


@dataclass(frozen=True)
class DeadlineProblem:
    key: str
    value: object


def check(lag: int | None, day: int | None) -> DeadlineProblem | None:
    """Why a deadline cannot be set (None: it can)."""
    if lag is not None and not 0 <= lag <= MAX_LAG:
        return DeadlineProblem("deadline.bad_lag", lag)
    if day is not None and not 1 <= day <= MAX_DAY:
        return DeadlineProblem("deadline.bad_day", day)
    return None


def with_deadlines(targets: pd.DataFrame, overrides: pd.DataFrame) -> pd.DataFrame:
    """`targets` with the deadlines set per target: `publication_lag` replaced where a lag
    was set, `report_day` the day set (NaN: the deployment's day)."""
    keys = ["entity", "year", "id"]
    if overrides.empty:
        return targets.assign(report_day=np.nan)
    merged = targets.merge(
        overrides[[*keys, "lag", "day"]], on=keys, how="left", validate="one_to_one"
    )
    lag = pd.to_numeric(merged["lag"], errors="coerce")
    own = pd.to_numeric(merged["publication_lag"], errors="coerce")
    merged["publication_lag"] = lag.where(lag.notna(), own)
    merged["report_day"] = pd.to_numeric(merged["day"], errors="coerce")
    return merged.drop(columns=["lag", "day"])
