"""Supervision items' events (督办, issue 21), written only from the journal."""

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS supervision_events (
    seq BIGINT PRIMARY KEY, item_id INTEGER NOT NULL, action VARCHAR NOT NULL,
    entity VARCHAR, year INTEGER, id VARCHAR, department VARCHAR, asked VARCHAR,
    deadline DATE, measures VARCHAR, progress VARCHAR, note VARCHAR, user_name VARCHAR,
    acted_at TIMESTAMP);
"""


def events(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every event, in journal order, with the target's names."""
    return con.execute(
        "SELECT seq, item_id, action, entity, year, id, department, asked, deadline, measures, "
        "progress, note, user_name, acted_at AS at FROM supervision_events ORDER BY seq"
    ).df()


def next_item_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(item_id), 0) + 1 FROM supervision_events").fetchone()[0]
