"""Per-target report deadlines set by an administrator (issue 21), written only from the
journal (kind `deadline`, store/records.py). The latest line per target counts; a line
without lag and day puts the target back on the default rule. Portable SQL."""

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS report_deadlines (
    seq BIGINT PRIMARY KEY, entity VARCHAR NOT NULL, year INTEGER NOT NULL,
    id VARCHAR NOT NULL, lag INTEGER, day INTEGER, user_name VARCHAR, set_at TIMESTAMP);
"""


def current(con: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    """The deadline set for each target that has one (lag, day: None where the default
    rule applies), with who set it and when."""
    where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
    return con.execute(
        "SELECT entity, year, id, lag, day, user_name, set_at FROM ("
        "SELECT *, row_number() OVER (PARTITION BY entity, year, id ORDER BY seq DESC) AS newest "
        f"FROM report_deadlines {where}) latest "
        "WHERE newest = 1 AND (lag IS NOT NULL OR day IS NOT NULL) ORDER BY entity, year, id",
        params,
    ).df()
