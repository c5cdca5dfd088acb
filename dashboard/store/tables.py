"""Whole tables, whatever the schema holds: what `migrate` copies from one store to another
and compares afterwards. Tables and columns are read from information_schema (both
engines have it), so a table added to the schema is moved without a change here."""

import re

import numpy as np
import pandas as pd

from dashboard.store import dialect

_NEXTVAL = re.compile(r"nextval\('([A-Za-z_][A-Za-z0-9_]*)'")


def table_names(con) -> list[str]:
    """The schema's tables (not views), by name."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
        "ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def columns(con, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def read_table(con, table: str, names: list[str]) -> pd.DataFrame:
    return con.execute(f"SELECT {', '.join(names)} FROM {table}").df()


def rows_of_data(con, table: str) -> int:
    """Rows that uploads, people or the catalogue put there (not the schema's version)."""
    if table == "meta":
        return con.execute("SELECT count(*) FROM meta WHERE key <> 'schema_version'").fetchone()[0]
    return row_count(con, table)


def empty(con, table: str) -> None:
    con.execute(f"DELETE FROM {table}")


def row_count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def append(con, table: str, frame: pd.DataFrame) -> None:
    dialect.insert_frame(con, table, frame)


def sequences(con) -> dict[str, tuple[str, str]]:
    """Each sequence a column takes its default from: name -> (table, column)."""
    rows = con.execute(
        "SELECT table_name, column_name, column_default FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'"
    ).fetchall()
    found = {}
    for table, column, default in rows:
        match = _NEXTVAL.search(default)
        if match:
            found[match.group(1)] = (table, column)
    return found


def advance_sequences(con) -> None:
    """Past every copied value, so that the next row added gets a new number."""
    for name, (table, column) in sequences(con).items():
        top = con.execute(f"SELECT coalesce(max({column}), 0) FROM {table}").fetchone()[0]
        dialect.advance_sequence(con, name, int(top))


def _comparable(column: pd.Series) -> pd.Series:
    """One representation per value whatever the engine gave: numbers as float64 (our
    integers are far below 2**53), times as nanoseconds, text as str, missing as one
    marker."""
    if pd.api.types.is_bool_dtype(column):
        return column.astype("float64")
    if pd.api.types.is_numeric_dtype(column):
        return column.astype("float64")
    if pd.api.types.is_datetime64_any_dtype(column):
        return column.astype("datetime64[ns]").astype("int64").where(column.notna(), -1)
    return column.astype(object).where(column.notna(), "\x00NULL").map(str)


def fingerprint(frame: pd.DataFrame) -> np.ndarray:
    """The rows as a sorted array of row hashes: equal on both engines for equal data,
    whatever the row order, integer width or missing-value marker; 8 bytes a row."""
    plain = pd.DataFrame({c: _comparable(frame[c]) for c in frame.columns})
    return np.sort(pd.util.hash_pandas_object(plain, index=False).to_numpy())
