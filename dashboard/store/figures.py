"""Uploads and figures: stored whole in one transaction, never updated in place."""

from datetime import datetime

import duckdb
import pandas as pd

from dashboard.store.connection import transaction

FIGURE_COLUMNS = ["upload_id", "source_row", "source_column", "entity", "year", "id",
                  "period_start", "period_end", "basis", "value", "raw"]


def upload_by_sha(con: duckdb.DuckDBPyConnection, sha256: str) -> dict | None:
    row = con.execute("SELECT upload_id, filename, user_name, uploaded_at FROM uploads "
                      "WHERE sha256 = ? ORDER BY upload_id LIMIT 1", [sha256]).fetchone()
    if row is None:
        return None
    return dict(zip(("upload_id", "filename", "user_name", "uploaded_at"), row, strict=True))


def next_upload_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchone()[0]


def store_upload(con: duckdb.DuckDBPyConnection, *, upload_id: int, sha256: str, filename: str,
                 archive_path: str, user: str, at: datetime, figures: pd.DataFrame) -> int:
    """Insert the upload and all its figures, or nothing."""
    frame = figures.assign(upload_id=upload_id)[FIGURE_COLUMNS]
    with transaction(con):
        con.execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [upload_id, sha256, filename, archive_path, user, at, len(frame)])
        con.register("incoming_figures", frame)
        con.execute(f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) "
                    f"SELECT {', '.join(FIGURE_COLUMNS)} FROM incoming_figures")
        con.unregister("incoming_figures")
    return upload_id


def current_figures(con: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    sql = ("SELECT entity, year, id, period_start, period_end, basis, value, upload_id, "
           "source_row, source_column FROM current_figures")
    order = " ORDER BY entity, year, id, period_end, basis"
    if year is None:
        return con.execute(sql + order).df()
    return con.execute(sql + " WHERE year = ?" + order, [year]).df()


def history(con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str
            ) -> pd.DataFrame:
    """Every figure ever stored for a target, newest first, with its upload."""
    return con.execute("""
        SELECT f.period_start, f.period_end, f.basis, f.value, f.raw, f.source_row,
               f.source_column, u.upload_id, u.filename, u.user_name, u.uploaded_at,
               row_number() OVER (PARTITION BY f.period_start, f.period_end, f.basis
                                  ORDER BY f.upload_id DESC, f.source_row DESC) = 1 AS current
        FROM figures f JOIN uploads u USING (upload_id)
        WHERE f.entity = ? AND f.year = ? AND f.id = ?
        ORDER BY f.period_end, f.upload_id DESC""", [entity, year, target_id]).df()


def uploads(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM uploads ORDER BY upload_id").df()


def latest_month(con: duckdb.DuckDBPyConnection, year: int | None = None) -> tuple[int, int] | None:
    """(year, month) of the latest period holding any figure."""
    sql = "SELECT year, max(period_end) FROM figures"
    params: list = []
    if year is not None:
        sql += " WHERE year = ?"
        params.append(year)
    row = con.execute(sql + " GROUP BY year ORDER BY year DESC LIMIT 1", params).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def figure_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT count(*) FROM figures").fetchone()[0]
