"""Short-lived connections: a DuckDB file that waits politely for another process's lock,
or a PostgreSQL server named by a postgresql:// URL (store/postgres.py).

DuckDB lets one process hold a database file at a time, so the dashboard and the command
line each open the file per operation and close it at once. A lock held elsewhere is
retried for a few seconds, then reported as DatabaseBusy (never a raw IOException); a
damaged file, a full disk or a read-only folder likewise become errors the edge words.
A new database file is created private (0600); the entry points set the umask so that
DuckDB's write-ahead log is private too (it takes the umask at each write).
A server is opened per operation too; there writers take turns inside the database
(store/dialect.lock_writers), and a turn waited for too long is the same DatabaseBusy.
"""

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from dashboard.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseMissing,
    DiskFull,
    FolderReadOnly,
    StoreError,
)
from dashboard.store.postgres import connect_server, is_server_url

# Threads of one process (Streamlit sessions) binding queries over registered pandas
# frames at the same time can make DuckDB 2 lose its scan function ("Table Function with
# name pandas_scan does not exist"): such queries take turns.
FRAME_SCANS = threading.RLock()
__all__ = ["DatabaseBusy", "StoreError", "connect", "transaction", "translated"]
# Two threads opening a file that no connection holds can both set up its database
# instance, and the loser's connection then lacks DuckDB's Python scans ("Table Function
# with name python_arrow_scan does not exist", bench/load.py found it): opening takes turns.
_OPENING = threading.Lock()


# Words in DuckDB's messages (it raises the same few classes for many causes).
LOCKED = ("lock", "conflicting", "used by another")
DAMAGED = ("not a valid duckdb database", "corrupt database", "could not read enough bytes")
FULL = ("no space left", "disk quota", "file too large")
READ_ONLY = ("read-only file system", "permission denied")


def _says(err: Exception, words: tuple[str, ...]) -> bool:
    text = str(err).lower()
    return any(w in text for w in words)


def _is_lock_error(err: Exception) -> bool:
    return _says(err, LOCKED)


def translated(err: Exception, path: Path) -> Exception:
    """Our error for a DuckDB failure the person can act on, else `err`."""
    if _says(err, DAMAGED):
        return DatabaseDamaged(path)
    if _says(err, FULL):
        return DiskFull(path.parent)
    if _says(err, READ_ONLY):
        return FolderReadOnly(path.parent)
    return err


@contextmanager
def connect(
    path: Path | str, timeout: float | None = None, create: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, yield, close. ':memory:' is passed through for tests and benchmarks.

    create=False refuses to make a new, empty file where the database should be
    (DatabaseMissing): readers must not hide a deleted database behind an empty one.
    A postgresql:// URL opens the server instead (it holds what it holds: `create` has no
    file to refuse).
    """
    if is_server_url(path):
        with connect_server(str(path), lock_timeout() if timeout is None else timeout) as con:
            yield con
        return
    if timeout is None:
        timeout = float(os.environ.get("DASHBOARD_LOCK_TIMEOUT", "10"))
    file = Path(path)
    on_disk = str(path) != ":memory:"
    if on_disk and not create and not file.exists():
        raise DatabaseMissing(file)
    con = _open(file, timeout) if on_disk else duckdb.connect(":memory:")
    try:
        yield con
    except duckdb.Error as err:
        raise translated(err, file) from err
    finally:
        con.close()


def _open(path: Path, timeout: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    while True:
        try:
            with _OPENING:
                if path.exists():
                    return duckdb.connect(str(path))
                set_stray_log_aside(path)
                with _private_umask():
                    return duckdb.connect(str(path))
        except duckdb.Error as err:
            if not _is_lock_error(err):
                raise translated(err, path) from err
            if time.monotonic() > deadline:
                raise DatabaseBusy(path, time.monotonic() - started) from err
            time.sleep(0.05)


def set_stray_log_aside(path: Path) -> None:
    """A write-ahead log without its database (the file was deleted) must not be replayed
    into a new database of the same name; it is kept as <name>.wal.orphan-<time>."""
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
        os.replace(wal, wal.with_name(f"{wal.name}.orphan-{stamp}"))


@contextmanager
def _private_umask() -> Iterator[None]:
    # DuckDB creates files with the process umask; a new database is nobody else's business.
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def lock_timeout() -> float:
    return float(os.environ.get("DASHBOARD_LOCK_TIMEOUT", "10"))


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All or nothing: a file is stored completely or not at all. Inside a transaction
    already open on a server connection (a journal write, a rebuild) it joins that one."""
    if getattr(con, "in_transaction", False):
        yield con
        return
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
