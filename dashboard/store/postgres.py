"""A psycopg 3 connection that answers like the DuckDB connection the store was written for.

Store functions call `execute(sql, params)` and read `fetchone()`, `fetchall()` or `df()`
from what it returns; `executemany`, `cursor()` and `close()` complete the part of DuckDB's
API they use. The SQL is the same text on both engines (see docs/postgresql.md): `?`
placeholders become psycopg's `%s` here, and `df()` builds the pandas dtypes DuckDB's
`df()` gives for the same column types, so nothing above the store can tell the engines
apart.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import psycopg

from dashboard.store.errors import ServerBusy, StoreError


class DatabaseUnavailable(StoreError):
    def __init__(self, server: str, reason: str):
        self.server, self.reason = server, reason
        super().__init__("error.database_unavailable", server=server, reason=reason)


def is_server_url(target: object) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def display_url(url: str) -> str:
    """The URL as people may see it: the password left out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()


# PostgreSQL type oids -> the numpy dtype of a column without NULLs and the pandas one
# with NULLs, as DuckDB's df() makes them (SMALLINT int16, INTEGER int32, BIGINT int64).
_INTEGERS = {21: ("int16", "Int16"), 23: ("int32", "Int32"), 20: ("int64", "Int64")}
_FLOATS = {700, 701, 1700}  # real, double precision, numeric
_TEXTS = {25, 1043, 1042, 19}  # text, varchar, char, name
_TIMES = {1082, 1114}  # date, timestamp (without time zone)
_BOOLEAN = 16


def _column(values: Sequence[Any], oid: int, empty: bool) -> Any:
    has_null = any(v is None for v in values)
    if oid in _INTEGERS:
        plain, nullable = _INTEGERS[oid]
        return pd.array(values, dtype=nullable) if has_null else np.array(values, dtype=plain)
    if oid in _FLOATS:
        return np.array([np.nan if v is None else float(v) for v in values], dtype="float64")
    if oid in _TEXTS:
        # DuckDB gives an empty or all-NULL text column as object (None), any other as
        # pandas' str dtype (NULL as NaN).
        if empty or all(v is None for v in values):
            return np.array(values, dtype=object)
        return pd.array(values, dtype="str")
    if oid in _TIMES:
        return np.array(values, dtype="datetime64[us]")
    if oid == _BOOLEAN:
        return pd.array(values, dtype="boolean") if has_null else np.array(values, dtype=bool)
    return np.array(values, dtype=object)


def placeholders(sql: str) -> str:
    """DuckDB's `?` as psycopg's `%s` (a literal `%` doubled). The store's SQL has neither
    character inside a string literal."""
    return sql.replace("%", "%%").replace("?", "%s")


class Result:
    """What `execute` returns: the rows of one statement."""

    def __init__(self, cursor: psycopg.Cursor):
        self._cursor = cursor

    def fetchone(self) -> tuple | None:
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall()

    def df(self) -> pd.DataFrame:
        description = self._cursor.description or []
        rows = self._cursor.fetchall()
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in description]
        return pd.DataFrame(
            {
                d.name: _column(values, d.type_code, not rows)
                for d, values in zip(description, columns, strict=True)
            }
        )


class PgConnection:
    """One psycopg connection in autocommit: a statement outside `transaction()` commits at
    once, as in DuckDB; `transaction()` sends BEGIN and COMMIT itself."""

    engine = "postgresql"

    def __init__(self, raw: psycopg.Connection):
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Result:
        cursor = self.raw.cursor()
        if params is None:
            cursor.execute(sql)
        else:
            cursor.execute(placeholders(sql), params)
        return Result(cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(placeholders(sql), rows)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def cursor(self) -> "PgConnection":
        """DuckDB callers take a cursor to keep a result apart; a psycopg cursor per
        statement already does, so the connection serves."""
        return self

    def __enter__(self) -> "PgConnection":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        self.raw.close()


def _reason(err: Exception) -> str:
    """libpq's cause without its framing: 'Connection refused', 'database "x" does not
    exist', 'password authentication failed for user "y"'."""
    first = (str(err).strip().splitlines() or [type(err).__name__])[0]
    return first.rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip()


def open_server(url: str, lock_timeout: float) -> PgConnection:
    """A connection to the server at `url`; a writer waits `lock_timeout` seconds at most
    for another one's turn. An unreachable server is DatabaseUnavailable, in our words."""
    try:
        raw = psycopg.connect(
            url, autocommit=True, connect_timeout=10, application_name="dashboard"
        )
    except psycopg.OperationalError as err:
        raise DatabaseUnavailable(display_url(url), _reason(err)) from err
    raw.execute(f"SET lock_timeout = {max(1, int(lock_timeout * 1000))}")
    return PgConnection(raw)


@contextmanager
def connect_server(url: str, lock_timeout: float) -> Iterator[PgConnection]:
    """Open, yield, close; the server's own lock and connection errors come out as ours:
    a writer's wait that ran out is DatabaseBusy, a server gone mid-way DatabaseUnavailable."""
    con = open_server(url, lock_timeout)
    try:
        yield con
    except psycopg.errors.LockNotAvailable as err:
        raise ServerBusy(display_url(url), lock_timeout) from err
    except psycopg.OperationalError as err:
        raise DatabaseUnavailable(display_url(url), _reason(err)) from err
    finally:
        con.close()
