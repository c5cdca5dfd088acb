"""The catalogue as judging reads it, kept between reports while it stays the same.

A report reads the figures every time (each upload changes them) but the catalogue seldom
changes: at province scale its read was an eighth of a report (80,000 targets, 24
columns, 35 ms of CPU). A catalogue is named by store/catalogue.version (the database and
the digest loaded into it); one without a name (a database in memory) is read every time.
Callers get a shallow copy: pandas copies on write, so adding or replacing a column of it
leaves the kept frame as it was.
"""

import threading
from collections import OrderedDict

import pandas as pd

from dashboard.core.progress_arrays import JUDGING_COLUMNS
from dashboard.store import catalogue as store_catalogue

KEPT_AT_MOST = 4  # catalogues (database, digest, year): a province's is ~100 MB
_kept: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_lock = threading.Lock()  # Streamlit sessions report on threads of one process


def judging_targets(con, year: int) -> pd.DataFrame:
    """`year`'s catalogue with the columns judging reads and each target's number
    (store/catalogue.targets, columns=JUDGING_COLUMNS, numbered=True)."""
    version = store_catalogue.version(con)
    key = None if version is None else (*version, year)
    with _lock:
        kept = _kept.get(key) if key is not None else None
        if kept is not None:
            _kept.move_to_end(key)
            return kept.copy(deep=False)
    frame = store_catalogue.targets(con, year, columns=JUDGING_COLUMNS, numbered=True)
    # kept only if no other catalogue was loaded meanwhile (DuckDB reads each statement
    # in its own snapshot: the frame could be the next catalogue's)
    if key is not None and store_catalogue.version(con) == version:
        with _lock:
            _kept[key] = frame
            while len(_kept) > KEPT_AT_MOST:
                _kept.popitem(last=False)
    return frame.copy(deep=False)


def forget() -> None:
    """Drop every kept catalogue (tests; a process that wants its memory back)."""
    with _lock:
        _kept.clear()
