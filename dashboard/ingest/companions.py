"""The other figure of a published pair, kept beside the one a target needs.

Bureau tables print an amount and its growth rate together: side by side ('绝对量 |
比上年同期增长(%)') or, in the statistics portal's export, on two rows ('…累计值(亿元)'
over '…累计增长(%)'). A growth target stores the rate and keeps the amount as its
companion (the detail page shows 总量 + 增速); an amount target the reverse. A companion is
the figure of the same target, entity, year and period in the other measure, from the same
row when the row has one, otherwise from another row.
"""

import numpy as np
import pandas as pd

KEY = ["entity", "year", "id", "period_start", "period_end"]
COMPANION_COLUMNS = ["companion_value", "companion_unit", "companion_row", "companion_column"]


def attach_companions(figures: pd.DataFrame, context: pd.DataFrame) -> tuple[pd.DataFrame, set]:
    """`figures` with the companion columns filled where a context figure pairs with it,
    and the (row, column) cells of `context` so used.

    `context` has KEY plus source_row, source_column, value, unit.
    """
    # NaN and None, not pd.NA: DuckDB takes plain floats and objects at full speed.
    empty = np.full(len(figures), np.nan)
    nothing = pd.Series(np.full(len(figures), None, dtype=object), index=figures.index)
    out = figures.assign(
        companion_value=empty,
        companion_unit=nothing,
        companion_row=empty.copy(),
        companion_column=nothing.copy(),
    )
    if out.empty or context.empty:
        return out, set()
    ctx = context.rename(
        columns={
            "source_row": "c_row",
            "source_column": "c_column",
            "value": "c_value",
            "unit": "c_unit",
        }
    )[KEY + ["c_row", "c_column", "c_value", "c_unit"]]
    pairs = out[KEY + ["source_row"]].reset_index().merge(ctx, on=KEY)
    if pairs.empty:
        return out, set()
    # The same row first (side by side), then the nearest row (the portal's two rows).
    pairs["distance"] = (pairs["c_row"] - pairs["source_row"]).abs()
    best = pairs.sort_values(["index", "distance", "c_row"]).drop_duplicates("index")
    rows = best["index"].to_numpy()
    out.loc[rows, "companion_value"] = best["c_value"].to_numpy(dtype="float64")
    out.loc[rows, "companion_unit"] = best["c_unit"].to_numpy(dtype=object)
    out.loc[rows, "companion_row"] = best["c_row"].to_numpy(dtype="float64")
    out.loc[rows, "companion_column"] = best["c_column"].to_numpy(dtype=object)
    used = set(zip(best["c_row"].tolist(), best["c_column"].tolist(), strict=True))
    return out, used
