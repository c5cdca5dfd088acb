"""Short-lived DuckDB connections that wait politely for another process's lock.

DuckDB lets one process hold a database file at a time, so the dashboard and the command
line each open the file per operation and close it at once. A lock held elsewhere is
retried for a few seconds, then reported as DatabaseBusy (never a raw IOException).
"""

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dashboard.core.errors import DashboardError

# Threads of one process (Streamlit sessions) binding queries over registered pandas
# frames at the same time can make DuckDB 2 lose its scan function ("Table Function with
# name pandas_scan does not exist"): such queries take turns.
FRAME_SCANS = threading.RLock()


class StoreError(DashboardError):
    """Base of store errors that the edge turns into a message."""


class DatabaseBusy(StoreError):
    def __init__(self, path: Path, waited: float):
        self.path, self.waited = path, waited
        super().__init__("error.database_busy", path=path, waited=waited)


def _is_lock_error(err: Exception) -> bool:
    text = str(err).lower()
    return "lock" in text or "conflicting" in text or "used by another" in text


@contextmanager
def connect(path: Path | str, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, yield, close. ':memory:' is passed through for tests and benchmarks."""
    if timeout is None:
        timeout = float(os.environ.get("DASHBOARD_LOCK_TIMEOUT", "10"))
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    while True:
        try:
            con = duckdb.connect(str(path))
            break
        except (duckdb.IOException, duckdb.ConnectionException) as err:
            if not _is_lock_error(err) or time.monotonic() > deadline:
                if _is_lock_error(err):
                    raise DatabaseBusy(Path(path), time.monotonic() - started) from err
                raise
            time.sleep(0.05)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: a file is stored completely or not at all."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
