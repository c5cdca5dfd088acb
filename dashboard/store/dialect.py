"""Where DuckDB and PostgreSQL differ, in one place (docs/postgresql.md lists why).

Every other store module writes one SQL text for both engines and comes here only for
the steps that cannot be written once: the column types of the schema, handing a pandas
frame to the database (a bulk insert, a scratch table to join with), and letting writers
take turns. The engine is known from the connection: a `PgConnection` says postgresql,
a DuckDB connection says nothing.
"""

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard.store.connection import FRAME_SCANS

_VARCHAR = re.compile(r"\bVARCHAR\b")
_BLOB = re.compile(r"\bBLOB\b")


# unique_violation, duplicate_table, duplicate_object, serialization_failure, deadlock
_RACES = {"23505", "42P07", "42710", "40001", "40P01"}


def is_race(err: Exception) -> bool:
    """Another transaction did the same thing at the same moment: try again."""
    return getattr(err, "sqlstate", None) in _RACES or isinstance(err, duckdb.TransactionException)


def is_postgres(con) -> bool:
    return getattr(con, "engine", "duckdb") == "postgresql"


def ddl(con, sql: str) -> str:
    """The schema's portable DDL for this engine. Text compares by code point on both:
    DuckDB always does, PostgreSQL only with the C collation, whatever the locale the
    server was created with (zh_CN or en_US would sort ids and names otherwise)."""
    if not is_postgres(con):
        return sql
    return _BLOB.sub("BYTEA", _VARCHAR.sub('VARCHAR COLLATE "C"', sql))


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """Plain Python values, None for missing, for psycopg's COPY."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [
        tuple(v.item() if isinstance(v, np.generic) else v for v in row)
        for row in plain.itertuples(index=False, name=None)
    ]


def _copy(con, table: str, frame: pd.DataFrame) -> None:
    columns = ", ".join(frame.columns)
    with con.raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in _rows(frame):
            copy.write_row(row)


def insert_frame(con, table: str, frame: pd.DataFrame) -> None:
    """Append `frame`'s rows to `table`, its columns by name, inside the caller's
    transaction: COPY on PostgreSQL, a registered Arrow table on DuckDB."""
    if is_postgres(con):
        _copy(con, table, frame)
        return
    name = f"incoming_{table}"
    columns = ", ".join(frame.columns)
    with FRAME_SCANS:
        con.register(name, pa.Table.from_pandas(frame, preserve_index=False))
        try:
            con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {name}")
        finally:
            con.unregister(name)


def _column_type(dtype) -> str:
    if pd.api.types.is_bool_dtype(dtype):
        return "BOOLEAN"
    if pd.api.types.is_integer_dtype(dtype):
        return "BIGINT"
    if pd.api.types.is_float_dtype(dtype):
        return "DOUBLE PRECISION"
    return 'VARCHAR COLLATE "C"'


@contextmanager
def scratch_table(
    con, name: str, frame: pd.DataFrame, types: dict[str, str] | None = None
) -> Iterator:
    """`frame` as a table called `name` for the statements run on the yielded connection,
    gone afterwards. DuckDB: an Arrow table registered on a cursor of its own (the caller
    may hold an unfinished result on `con`; a cursor's pandas scan can go missing under
    concurrent sessions, Arrow's cannot). PostgreSQL: a temporary table filled by COPY,
    visible to this session only, its column types from `types` (SQL type names) or else
    from the frame's dtypes (an empty frame's columns are all object)."""
    if is_postgres(con):
        types = types or {}
        columns = ", ".join(
            f"{c} {ddl(con, types[c]) if c in types else _column_type(t)}"
            for c, t in frame.dtypes.items()
        )
        con.execute(f"CREATE TEMPORARY TABLE {name} ({columns})")
        try:
            _copy(con, name, frame)
            yield con
        finally:
            con.execute(f"DROP TABLE IF EXISTS {name}")
        return
    with FRAME_SCANS, con.cursor() as cur:
        cur.register(name, pa.Table.from_pandas(frame, preserve_index=False))
        yield cur


def frame(
    con, sql: str, params: list | None = None, builds_as_written: bool = False
) -> pd.DataFrame:
    """The rows of a query as `.df()` gives them on DuckDB, read through Arrow: no Python
    object per text cell (at province scale, 800,000 targets × 20 text columns made
    `.df()` of the catalogue cost seconds). Same dtypes as `.df()`: text as pandas' str
    (an all-NULL text column as object None), dates as datetime64[us], integers and
    booleans with NULL as pandas' nullable types (tests/test_dialect_frame.py compares).
    PostgreSQL: its result's `.df()`, which copies DuckDB's dtypes.
    `builds_as_written`: DuckDB's hash joins build on the side written on the right (see
    _builds_as_written); PostgreSQL plans as it does."""
    if is_postgres(con):
        return con.execute(sql, params).df()
    # A relation's Arrow is read as the query runs (a result of execute() is copied
    # first: twice the time); it may not start while an earlier execute() on `con` is
    # unread (a fetchone), so that one is run to its end.
    con.complete()
    if builds_as_written:
        with _builds_as_written(con):
            return _arrow_frame(con, sql, params)
    return _arrow_frame(con, sql, params)


def _arrow_frame(con, sql: str, params: list | None) -> pd.DataFrame:
    table = con.sql(sql, params=params).to_arrow_table()
    out = table.to_pandas(date_as_object=False, coerce_temporal_nanoseconds=False)
    for name, column in zip(table.column_names, table.columns, strict=True):
        kind = column.type
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            if column.null_count == len(column):
                out[name] = np.full(len(column), None, dtype=object)
        elif pa.types.is_date(kind) or pa.types.is_timestamp(kind):
            out[name] = out[name].astype("datetime64[us]")
        elif pa.types.is_integer(kind) and column.null_count:
            nullable = pd.api.types.pandas_dtype(
                f"{'U' if pa.types.is_unsigned_integer(kind) else ''}Int{kind.bit_width}"
            )
            out[name] = column.to_pandas(types_mapper=lambda _, dtype=nullable: dtype)
        elif pa.types.is_boolean(kind) and column.null_count:
            out[name] = column.to_pandas(types_mapper=lambda _: pd.BooleanDtype())
    return out


# DuckDB's setting is the database's, not the connection's: sessions take turns, each
# putting back what it found.
_PLANNING = threading.Lock()
_BUILD_SIDE = "build_side_probe_side"


@contextmanager
def _builds_as_written(con) -> Iterator:
    """DuckDB builds each hash join on the side the statement puts on the right, for the
    statements planned inside. Its own choice follows its estimates of row counts, which
    can be off by far (the judged figures: 8 million filtered figures estimated at
    384,000, 800,000 targets at 17 million), and a hash table of 8 million figures
    instead of 800,000 targets took four times as long and a gigabyte more."""
    with _PLANNING:
        before = con.sql("SELECT current_setting('disabled_optimizers')").fetchall()[0][0]
        chosen = ",".join(filter(None, [before, _BUILD_SIDE]))
        con.execute(f"SET disabled_optimizers = '{chosen}'")
        try:
            yield
        finally:
            con.execute(f"SET disabled_optimizers = '{before}'")


def target_number(con) -> str | None:
    """An expression numbering a row's target (entity, year, id) the same way in every
    query of this engine, for the core to match figures to targets by one integer
    (core/progress_figures): DuckDB's 64-bit hash. None on PostgreSQL (matched by text)."""
    return None if is_postgres(con) else DUCKDB_TARGET_NUMBER


DUCKDB_TARGET_NUMBER = "hash(entity, year, id)"


def database_name(con) -> str | None:
    """Where the connection's data lives, the same for every connection to it: a DuckDB
    file's path, a server's address and database (psycopg's dsn, no password). None for
    a database that lives only in this process's memory (two of them share no name)."""
    if is_postgres(con):
        return con.raw.info.dsn
    return con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()[0]


def insertion_order(con) -> str:
    """A column that orders a table's rows as they were added: DuckDB's rowid, PostgreSQL's
    ctid (rows are only ever appended to the tables it orders)."""
    return "ctid" if is_postgres(con) else "rowid"


@contextmanager
def one_snapshot(con) -> Iterator:
    """The reads inside see one committed state (a report reads the catalogue, the
    figures, the profiles and the comments in several queries). PostgreSQL: a read-only
    REPEATABLE READ transaction, since READ COMMITTED gives each statement its own
    snapshot and another app server may commit in between; inside a transaction already
    open it joins that one. DuckDB: nothing (its writers take turns in this process)."""
    if not is_postgres(con) or con.in_transaction:
        yield con
        return
    con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        yield con
    finally:
        con.execute("COMMIT")


def lock_writers(con) -> None:
    """Make this transaction the only writer until it ends. PostgreSQL: a table lock that
    conflicts with itself and not with readers, so an id read as max + 1 afterwards is
    free and revisions keep commit order; waiting ends at the session's lock_timeout with
    LockNotAvailable. DuckDB: one process holds the file and its threads take turns on
    WRITE_LOCK, so there is nothing to do."""
    if is_postgres(con):
        con.execute("LOCK TABLE meta IN SHARE ROW EXCLUSIVE MODE")


def advance_sequence(con, name: str, past: int) -> None:
    """Make the sequence's next number greater than `past` (rows were copied in with their
    numbers). PostgreSQL sets it; DuckDB has no setval, so numbers up to `past` are drawn."""
    if is_postgres(con):
        con.execute("SELECT setval(?, ?, ?)", [name, max(past, 1), past > 0])
        return
    drawn = con.execute(f"SELECT nextval('{name}')").fetchone()[0]
    if drawn < past:
        con.execute(f"SELECT max(nextval('{name}')) FROM range(?)", [past - drawn])
