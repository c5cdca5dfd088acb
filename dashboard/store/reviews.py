"""Uploads waiting for review, their decisions, and their figures (issue 21). Written only
from the journal (store/records.py). Portable SQL: DuckDB and PostgreSQL run it alike."""

import duckdb
import pandas as pd

UPLOAD_DEPARTMENTS = """
    SELECT u.upload_id, u.filename, u.user_name, u.uploaded_at, u.figure_count, u.review,
           string_agg(DISTINCT t.department, ';' ORDER BY t.department) AS departments
    FROM uploads u
    LEFT JOIN figures f USING (upload_id)
    LEFT JOIN targets t ON t.entity = f.entity AND t.year = f.year AND t.id = f.id
    {where}
    GROUP BY u.upload_id, u.filename, u.user_name, u.uploaded_at, u.figure_count, u.review
    ORDER BY u.upload_id"""


def uploads_in_review(con: duckdb.DuckDBPyConnection, state: str | None = None) -> pd.DataFrame:
    """Uploads that went through review (of `state`: pending | approved | rejected), with
    the departments their figures are for and the latest decision's reason."""
    where, params = "WHERE u.review IS NOT NULL", []
    if state is not None:
        where, params = "WHERE u.review = ?", [state]
    frame = con.execute(UPLOAD_DEPARTMENTS.format(where=where), params).df()
    latest = con.execute(
        # the latest decision per upload (a subquery: PostgreSQL has no QUALIFY)
        "SELECT upload_id, reason, reviewer, decided_at FROM ("
        "SELECT upload_id, reason, user_name AS reviewer, decided_at, "
        "row_number() OVER (PARTITION BY upload_id ORDER BY seq DESC) AS newest "
        "FROM reviews) decided WHERE newest = 1"
    ).df()
    return frame.merge(latest, on="upload_id", how="left")


def upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> dict | None:
    frame = con.execute(UPLOAD_DEPARTMENTS.format(where="WHERE u.upload_id = ?"), [upload_id]).df()
    return None if frame.empty else frame.iloc[0].to_dict()


def pending_figures(
    con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str
) -> pd.DataFrame:
    """A target's figures in uploads waiting for review, newest first."""
    return con.execute(
        """
        SELECT f.period_start, f.period_end, f.basis, f.value, f.raw, f.item, u.upload_id,
               u.filename, u.user_name, u.uploaded_at
        FROM figures f JOIN uploads u USING (upload_id)
        WHERE u.review = 'pending' AND f.entity = ? AND f.year = ? AND f.id = ?
        ORDER BY f.upload_id DESC, f.period_end, f.source_row""",
        [entity, year, target_id],
    ).df()


def upload_figures(con: duckdb.DuckDBPyConnection, upload_id: int) -> pd.DataFrame:
    """An upload's figures with their targets' names (what a reviewer checks), and the
    value each would replace (`counted`: the figure of its period counted now, if any; for
    a named item, its newest counted report up to that period, as an item's state stands
    from the month it was reported until the next report)."""
    return con.execute(
        """
        SELECT f.source_row, f.entity, f.year, f.id, t.name_zh, t.name_en, t.unit, t.comparator,
               t.department, f.period_start, f.period_end, f.basis, f.value, f.raw, f.item,
               CASE WHEN f.item IS NULL THEN c.value ELSE (
                   SELECT i.value FROM current_figures i
                   WHERE i.entity = f.entity AND i.year = f.year AND i.id = f.id
                     AND i.item = f.item AND i.period_end <= f.period_end
                     AND i.upload_id <> f.upload_id
                   ORDER BY i.period_end DESC, i.upload_id DESC LIMIT 1) END AS counted
        FROM figures f LEFT JOIN targets t USING (entity, year, id)
        LEFT JOIN current_figures c
            ON c.entity = f.entity AND c.year = f.year AND c.id = f.id
            AND c.period_start = f.period_start AND c.period_end = f.period_end
            AND c.basis = f.basis AND coalesce(c.item, '') = coalesce(f.item, '')
            AND c.upload_id <> f.upload_id
        WHERE f.upload_id = ? ORDER BY f.source_row, f.id""",
        [upload_id],
    ).df()
