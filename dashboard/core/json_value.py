"""A table cell as JSON holds it, so that stored snapshots and JSON output round-trip."""

import math
from datetime import datetime, time

import pandas as pd


def plain_value(value):
    """NaN/NaT -> null, numpy scalars -> Python, dates as ISO text (a midnight timestamp
    is a date). Floats keep every digit, so values round-trip."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        return (value.date() if value.time() == time() else value).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value
