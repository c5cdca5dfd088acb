"""Per-month comments (原因分析 / 下步措施) and, for qualitative targets, a status."""

import duckdb
import pandas as pd


def latest_comments(con: duckdb.DuckDBPyConnection, year: int, month: int) -> pd.DataFrame:
    """The newest comment per target for `month` (what shows in views and exports)."""
    return con.execute(
        """
        SELECT entity, year, id, month, reason, measures, status, user_name, created_at
        FROM (SELECT *, row_number() OVER (PARTITION BY entity, year, id
                                           ORDER BY created_at DESC) AS newest
              FROM comments WHERE year = ? AND month = ?) ranked
        WHERE newest = 1
        """,
        [year, month],
    ).df()


def assessments(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """People's status for qualitative targets, newest per target and month."""
    return con.execute(
        """
        SELECT entity, year, id, month, status, reason AS comment
        FROM (SELECT *, row_number() OVER (PARTITION BY entity, year, id, month
                                           ORDER BY created_at DESC) AS newest
              FROM comments WHERE year = ? AND status IS NOT NULL) ranked
        WHERE newest = 1""",
        [year],
    ).df()


def all_comments(con: duckdb.DuckDBPyConnection, target_id: str | None = None) -> pd.DataFrame:
    """Every comment ever saved (of one target id if given), oldest first."""
    sql = (
        "SELECT c.seq, c.entity, c.year, c.id, t.name_zh, t.name_en, c.month, c.reason, "
        "c.measures, c.status, c.user_name, c.created_at FROM comments c "
        "LEFT JOIN targets t USING (entity, year, id)"
    )
    if target_id is None:
        return con.execute(sql + " ORDER BY c.seq").df()
    return con.execute(sql + " WHERE c.id = ? ORDER BY c.seq", [target_id]).df()


def comment_history(
    con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str
) -> pd.DataFrame:
    return con.execute(
        """
        SELECT month, reason, measures, status, user_name, created_at FROM comments
        WHERE entity = ? AND year = ? AND id = ? ORDER BY created_at DESC""",
        [entity, year, target_id],
    ).df()
