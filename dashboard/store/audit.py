"""The audit log: who did what and when. Rows are only ever added."""

import json
from datetime import datetime

import duckdb
import pandas as pd

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS audit_seq;
CREATE TABLE IF NOT EXISTS audit (
    seq BIGINT DEFAULT nextval('audit_seq'), logged_at TIMESTAMP, user_name VARCHAR,
    action VARCHAR, outcome VARCHAR, detail VARCHAR);
"""


def record(
    con: duckdb.DuckDBPyConnection,
    user: str,
    action: str,
    outcome: str = "ok",
    at: datetime | None = None,
    **detail,
) -> None:
    con.execute(
        "INSERT INTO audit (logged_at, user_name, action, outcome, detail) VALUES (?, ?, ?, ?, ?)",
        [
            at or datetime.now(),
            user,
            action,
            outcome,
            json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
        ],
    )


def entries(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> pd.DataFrame:
    sql = "SELECT seq, logged_at, user_name, action, outcome, detail FROM audit ORDER BY seq"
    return con.execute(sql + (f" DESC LIMIT {int(limit)}" if limit else "")).df()
