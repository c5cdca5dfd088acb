"""Per-month comments (原因分析 / 下步措施) and, for qualitative targets, a status."""

from datetime import datetime

import duckdb
import pandas as pd

from dashboard.store import audit


def add_comment(
    con: duckdb.DuckDBPyConnection,
    *,
    entity: str,
    year: int,
    target_id: str,
    month: int,
    reason: str,
    measures: str,
    status: str | None,
    user: str,
    at: datetime,
) -> None:
    con.execute(
        "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [entity, year, target_id, month, reason, measures, status, user, at],
    )
    audit.record(
        con,
        user,
        "comment",
        "saved",
        at=at,
        target=f"{entity}/{year}/{target_id}",
        month=month,
        status=status,
    )


def latest_comments(con: duckdb.DuckDBPyConnection, year: int, month: int) -> pd.DataFrame:
    """The newest comment per target for `month` (what shows in views and exports)."""
    return con.execute(
        """
        SELECT entity, year, id, month, reason, measures, status, user_name, created_at
        FROM comments WHERE year = ? AND month = ?
        QUALIFY row_number() OVER (PARTITION BY entity, year, id ORDER BY created_at DESC) = 1
        """,
        [year, month],
    ).df()


def assessments(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """People's status for qualitative targets, newest per target and month."""
    return con.execute(
        """
        SELECT entity, year, id, month, status, reason AS comment FROM comments
        WHERE year = ? AND status IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY entity, year, id, month
                                   ORDER BY created_at DESC) = 1""",
        [year],
    ).df()


def comment_history(
    con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str
) -> pd.DataFrame:
    return con.execute(
        """
        SELECT month, reason, measures, status, user_name, created_at FROM comments
        WHERE entity = ? AND year = ? AND id = ? ORDER BY created_at DESC""",
        [entity, year, target_id],
    ).df()
