"""The audit log: who did what and when. Rows are only ever added, each from a journal
line (store/records.py); `seq` is the line's."""

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    seq BIGINT PRIMARY KEY, logged_at TIMESTAMP, user_name VARCHAR,
    action VARCHAR, outcome VARCHAR, detail VARCHAR);
"""


def entries(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pd.DataFrame:
    sql = "SELECT seq, logged_at, user_name, action, outcome, detail FROM audit ORDER BY seq"
    return con.execute(sql + (f" DESC LIMIT {int(limit)}" if limit else "")).df()


def account_events(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account change ever journaled (never a password), oldest first."""
    return con.execute(
        "SELECT seq, changed_at, by_user, action, account, role, departments "
        "FROM account_events ORDER BY seq"
    ).df()
