"""The catalogue as judging reads it, kept between reports while it stays the same.

A report reads the figures every time (each upload changes them) but the catalogue seldom
changes: for 80,000 targets (the 1M-figure benchmark) its read was 35 ms of CPU, an
eighth of a report. A catalogue is named by store/catalogue.version (the database, the
digest loaded into it and the number of that load); one without a name (a database in
memory) is read every time.
Callers get a shallow copy: pandas copies on write, so adding or replacing a column of it
leaves the kept frame as it was.
"""

import threading
from collections import OrderedDict

import pandas as pd

from dashboard.core.progress_arrays import JUDGING_COLUMNS
from dashboard.store import catalogue as store_catalogue

# catalogues (database, digest, load, year): 80,000 targets' frame is 28 MB, 800,000
# targets' ten times that; a report holds it while it judges anyway
KEPT_AT_MOST = 2
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
    # kept only if no catalogue was loaded meanwhile (DuckDB reads each statement in its
    # own snapshot: the frame could be the next catalogue's); the version counts loads,
    # so A loaded again after B is not the A read before
    if key is not None and store_catalogue.version(con) == version:
        with _lock:
            for stale in [k for k in _kept if (k[0], k[-1]) == (key[0], key[-1])]:
                del _kept[stale]  # the same database's year, an earlier catalogue
            _kept[key] = frame
            while len(_kept) > KEPT_AT_MOST:
                _kept.popitem(last=False)
    return frame.copy(deep=False)


def forget() -> None:
    """Drop every kept catalogue (tests; a process that wants its memory back)."""
    with _lock:
        _kept.clear()
