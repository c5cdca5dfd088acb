"""Snapshots: progress frozen as of a month, with the data and rule versions behind it."""

import json

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    snapshot_id INTEGER PRIMARY KEY, year INTEGER, month SMALLINT, note VARCHAR,
    user_name VARCHAR, created_at TIMESTAMP, data_version VARCHAR, rule_version VARCHAR,
    seq BIGINT);
CREATE TABLE IF NOT EXISTS snapshot_rows (
    snapshot_id INTEGER, position INTEGER, record VARCHAR);
"""


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Which uploads the figures come from: the last upload id and how many there are, and
    how many review decisions were taken."""
    last, count, reviews = con.execute(
        "SELECT coalesce(max(upload_id), 0), count(*), (SELECT count(*) FROM reviews) FROM uploads"
    ).fetchone()
    # a decision on a review changes what counts without a new upload
    return f"uploads:{count}:last#{last}" + (f":reviews:{reviews}" if reviews else "")


def next_snapshot_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(snapshot_id), 0) + 1 FROM snapshots").fetchone()[0]


def snapshots(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM snapshots ORDER BY snapshot_id").df()


def holding(con: duckdb.DuckDBPyConnection, entity: str) -> list[int]:
    """Ids of the snapshots with rows of `entity`, oldest first (a snapshot freezes the
    entities with a catalogue of its year when it was taken). The rows are searched for
    the entity's pair as records.py wrote it: a string value's own quotes are escaped
    there, so the pair matches the row's key only, and no JSON is parsed."""
    pair = json.dumps({"entity": entity}, ensure_ascii=False)[1:-1]  # "entity": "金水区"
    return [
        int(sid)
        for (sid,) in con.execute(
            "SELECT DISTINCT snapshot_id FROM snapshot_rows WHERE strpos(record, ?) > 0 "
            "ORDER BY snapshot_id",
            [pair],
        ).fetchall()
    ]


def snapshot_info(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> dict | None:
    frame = con.execute("SELECT * FROM snapshots WHERE snapshot_id = ?", [snapshot_id]).df()
    return None if frame.empty else frame.iloc[0].to_dict()


ITEMS_FIELD = "named_items"  # an items target's row carries its item list as frozen


def _records(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> list[dict]:
    rows = con.execute(
        "SELECT record FROM snapshot_rows WHERE snapshot_id = ? ORDER BY position", [snapshot_id]
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


def snapshot_frame(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> pd.DataFrame:
    """The snapshot's progress rows (their item lists apart: see snapshot_items)."""
    records = _records(con, snapshot_id)
    return pd.DataFrame([{k: v for k, v in r.items() if k != ITEMS_FIELD} for r in records])


def snapshot_items(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> list[dict]:
    """The named items frozen with the snapshot, target by target in row order (none for
    a snapshot taken before snapshots kept them)."""
    return [item for r in _records(con, snapshot_id) for item in r.get(ITEMS_FIELD) or ()]
