"""`python -m dashboard migrate`: every table copied into an empty store and compared; a
refused move changes nothing."""

import os
import subprocess
import sys
from datetime import datetime

import numpy as np

from dashboard.core.access import User
from dashboard.services import comments, snapshots
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from dashboard.services.workspace import Workspace
from dashboard.store import audit, tables
from dashboard.store.connection import connect
from tests.conftest import TODAY
from tests.files import csv_bytes

AT = datetime(2026, 11, 20, 9, 30)
ADMIN = User("admin", "admin", ())


def migrate(ws, source, target):
    cmd = [sys.executable, "-m", "dashboard", "migrate", "--from", str(source), "--to", str(target)]
    env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def lived_in(ws) -> None:
    """Samples, a revision, a comment with a status, a snapshot, audit entries."""
    data = csv_bytes([["指标", "时期", "数值", "单位"], ["充电桩", "2026年10月", "2,450", "个"]])
    with open_store(ws) as con:
        pv = preview(con, data, "oct.csv", TODAY)
        store_preview(con, ws, pv, data, "admin", AT)
        target = (
            con.execute("SELECT * FROM targets WHERE id = 'ev_chargers'").df().iloc[0].to_dict()
        )
        comments.add_comment(
            con, ADMIN, target, 10, reason="雨季", measures="加快", status=None, at=AT
        )
        snapshots.take(con, 2026, 10, note="例会", user="admin", at=AT)


def every_table(db) -> dict[str, np.ndarray]:
    with connect(db) as con:
        return {
            t: tables.fingerprint(tables.read_table(con, t, tables.columns(con, t)))
            for t in tables.table_names(con)
        }


def test_every_table_arrives_whole_and_the_target_goes_on_numbering(sample_ws, tmp_path):
    lived_in(sample_ws)
    target = tmp_path / "moved.duckdb"
    out = migrate(sample_ws, sample_ws.db_path, target)
    assert out.returncode == 0, out.stderr
    before, after = every_table(sample_ws.db_path), every_table(target)
    assert sorted(before) == sorted(after)  # every table of the schema, whoever added it
    assert {"audit", "comments", "figures", "meta", "snapshots", "targets", "uploads"} <= set(
        before
    )
    for table in before:
        assert np.array_equal(before[table], after[table]), table
    lines = out.stdout.splitlines()
    with connect(sample_ws.db_path) as con:
        figures = tables.row_count(con, "figures")
        last_seq = con.execute("SELECT max(seq) FROM audit").fetchone()[0]
    assert f"  figures: {figures} row(s), compared row by row after copying" in lines
    assert lines[-1].startswith(
        f"migrated {sample_ws.db_path} -> {target}: {len(before)} table(s), "
    )
    with connect(target) as con:
        audit.record(con, "admin", "login", at=AT)
        assert con.execute("SELECT max(seq) FROM audit").fetchone()[0] == last_seq + 1


def test_a_target_with_data_is_refused_and_left_as_it_was(sample_ws, tmp_path):
    with open_store(sample_ws):
        pass
    used = Workspace(sample_ws.data_dir, tmp_path / "used.duckdb")
    with open_store(used):
        pass  # catalogue and samples loaded: not an empty store any more
    before = every_table(used.db_path)
    out = migrate(sample_ws, sample_ws.db_path, used.db_path)
    assert out.returncode == 1
    assert out.stderr.startswith("error: the target already holds data (audit, figures, meta, ")
    assert out.stderr.endswith("(e.g. createdb dashboard)\n")
    after = every_table(used.db_path)
    assert all(np.array_equal(before[t], after[t]) for t in before)


def test_a_store_cannot_be_moved_onto_itself(sample_ws):
    out = migrate(sample_ws, sample_ws.db_path, sample_ws.db_path)
    assert out.returncode == 1
    assert (
        out.stderr == f"error: the source and the target are the same store {sample_ws.db_path}\n"
    )
