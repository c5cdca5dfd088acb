"""The names items were renamed from (`item rename`), each with the name it has now: a
department still reporting under an old name reports the same item, not a new one.

Filled by applying the journal's item lines (store/records.py), so a rebuild, a restore
and a PostgreSQL store hold the same names; a store from before the table is filled once
from its audit rows of the renames (schema upgrade)."""

import json

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS item_renames (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    old_name VARCHAR NOT NULL, new_name VARCHAR NOT NULL, seq BIGINT);
"""
_SAME = "entity = ? AND year = ? AND id = ?"


def apply_rename(con: duckdb.DuckDBPyConnection, key: list, old: str, new: str, seq: int) -> None:
    """`old` and every name that led to it now lead to `new`; `new` is an item's own name
    again if it was once renamed away."""
    con.execute(f"DELETE FROM item_renames WHERE {_SAME} AND old_name = ?", [*key, new])
    con.execute(
        f"UPDATE item_renames SET new_name = ?, seq = ? WHERE {_SAME} AND new_name = ?",
        [new, seq, *key, old],
    )
    con.execute("INSERT INTO item_renames VALUES (?, ?, ?, ?, ?, ?)", [*key, old, new, seq])


def fill_from_audit(con: duckdb.DuckDBPyConnection) -> None:
    """The renames a store made before it kept their old names, from its audit rows (each
    rename's row names the target and both names), in the order they were made."""
    rows = con.execute(
        "SELECT seq, detail FROM audit WHERE action = 'item' AND outcome = 'renamed' ORDER BY seq"
    ).fetchall()
    for seq, detail in rows:
        d = json.loads(detail)
        entity, year, target_id = d["target"].rsplit("/", 2)
        apply_rename(con, [entity, int(year), target_id], d["item_from"], d["item_to"], seq)


def now_named(con: duckdb.DuckDBPyConnection, figures: pd.DataFrame) -> dict:
    """(entity, year, id, old name) -> the name the item has now, for the targets whose
    items `figures` report."""
    if "item" not in figures or not figures["item"].notna().any():
        return {}
    reported = figures.loc[figures["item"].notna(), ["entity", "year", "id"]].drop_duplicates()
    found = {}
    for entity, year, target_id in reported.itertuples(index=False):
        rows = con.execute(
            f"SELECT old_name, new_name FROM item_renames WHERE {_SAME}",
            [entity, int(year), target_id],
        ).fetchall()
        found.update({(entity, int(year), target_id, old): new for old, new in rows})
    return found
