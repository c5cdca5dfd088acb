"""`python -m dashboard migrate --from data/dashboard.duckdb --to postgresql://…`: every
table copied and compared, the journal's lines and the archive's bytes moved with them;
a refused move changes nothing."""

import hashlib
import os
import subprocess
import sys
from datetime import datetime

import numpy as np
import pytest

from dashboard.core.access import User
from dashboard.services import comments, journal, snapshots
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from dashboard.services.workspace import Workspace
from dashboard.store import journal as journal_file
from dashboard.store import server_archive, server_journal, tables
from dashboard.store.connection import connect
from tests import postgres
from tests.conftest import TODAY
from tests.files import csv_bytes

AT = datetime(2026, 11, 20, 9, 30)
ADMIN = User("admin", "admin", ())
OCTOBER = csv_bytes([["指标", "时期", "数值", "单位"], ["充电桩", "2026年10月", "2,450", "个"]])


@pytest.fixture
def server_db(pg_server):
    with postgres.fresh_database(pg_server) as url:
        yield url


def migrate(ws, source, target):
    cmd = [sys.executable, "-m", "dashboard", "migrate", "--from", str(source), "--to", str(target)]
    env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)


def lived_in(ws) -> None:
    """Samples, an upload with a revision, a comment, a snapshot, audit entries."""
    with open_store(ws) as con:
        pv = preview(con, OCTOBER, "oct.csv", TODAY)
        store_preview(con, ws, pv, OCTOBER, "admin", AT)
        target = con.execute("SELECT * FROM targets WHERE id = 'ev_chargers'").df().iloc[0]
        comments.add_comment(
            ws, con, ADMIN, target.to_dict(), 10, reason="雨季", measures="加快", status=None, at=AT
        )
        snapshots.take(ws, con, 2026, 10, note="例会", user="admin", at=AT)


def every_table(db, skip=()) -> dict[str, np.ndarray]:
    with connect(db) as con:
        return {
            t: tables.fingerprint(tables.read_table(con, t, tables.columns(con, t)))
            for t in tables.table_names(con)
            if t not in skip
        }


def test_every_table_journal_line_and_archived_byte_arrives(sample_ws, server_db):
    lived_in(sample_ws)
    out = migrate(sample_ws, sample_ws.db_path, server_db)
    assert out.returncode == 0, out.stderr
    skip = ("journal_lines", "archive_files")
    before, after = every_table(sample_ws.db_path, skip), every_table(server_db, skip)
    assert sorted(before) == sorted(after)  # every table of the schema, whoever added it
    assert {"audit", "comments", "figures", "meta", "snapshots", "targets", "uploads"} <= set(
        before
    )
    for table in before:
        assert np.array_equal(before[table], after[table]), table
    on_disk = journal_file.path(sample_ws.data_dir).read_bytes()
    on_server = Workspace(sample_ws.data_dir, server_db)
    with connect(server_db) as con:
        assert b"".join(server_journal.raw_lines(con)) == on_disk
        assert journal.verify(on_server, con) == []
        [path] = server_archive.paths(con)  # oct.csv; the samples ship with the program
        assert server_archive.get(con, path) == OCTOBER
        assert path.startswith("actuals/uploads/000008-" + hashlib.sha256(OCTOBER).hexdigest()[:8])
    lines = out.stdout.splitlines()
    with connect(sample_ws.db_path) as con:
        figures = tables.row_count(con, "figures")
        last_seq = con.execute("SELECT max(seq) FROM audit").fetchone()[0]
    assert f"  figures: {figures} row(s), compared row by row after copying" in lines
    assert f"  journal_lines: {last_seq} row(s), compared row by row after copying" in lines
    assert lines[-1].startswith(f"migrated {sample_ws.db_path} -> {server_db}: ")
    # the server goes on from the file's last line
    with open_store(on_server) as con:
        target = con.execute("SELECT * FROM targets WHERE id = 'ev_chargers'").df().iloc[0]
        seq = comments.add_comment(
            on_server,
            con,
            ADMIN,
            target.to_dict(),
            11,
            reason="进度正常",
            measures="",
            status=None,
            at=AT,
        )
        assert seq == last_seq + 1
        assert journal.verify(on_server, con) == []


def test_a_target_with_data_is_refused_and_left_as_it_was(sample_ws, server_db):
    with open_store(sample_ws):
        pass
    with open_store(Workspace(sample_ws.data_dir, server_db)):
        pass  # catalogue and samples loaded: not an empty store any more
    before = every_table(server_db)
    out = migrate(sample_ws, sample_ws.db_path, server_db)
    assert out.returncode == 1
    assert out.stderr.startswith("error: the target already holds data (audit, figures, ")
    assert out.stderr.endswith("(e.g. createdb dashboard)\n")
    after = every_table(server_db)
    assert all(np.array_equal(before[t], after[t]) for t in before)


def test_a_lost_archive_file_refuses_the_move_and_leaves_the_server_empty(sample_ws, server_db):
    lived_in(sample_ws)
    [archived] = sample_ws.uploads_dir.glob("000008-*.csv")
    archived.write_bytes(b"changed")
    out = migrate(sample_ws, sample_ws.db_path, server_db)
    assert out.returncode == 1
    rel = archived.relative_to(sample_ws.data_dir)
    assert out.stderr == (
        f"error: the archived upload {rel} is missing or differs from its recorded SHA-256; "
        "nothing was moved. Put the file back from a backup and try again\n"
    )
    with connect(server_db) as con:
        assert all(tables.rows_of_data(con, t) == 0 for t in tables.table_names(con))


def test_only_a_file_moves_into_a_server(sample_ws, tmp_path):
    out = migrate(sample_ws, sample_ws.db_path, tmp_path / "other.duckdb")
    assert out.returncode == 1
    assert out.stderr.startswith("error: migrate moves a DuckDB database file into a PostgreSQL")
    out = migrate(sample_ws, sample_ws.db_path, sample_ws.db_path)
    assert out.stderr == (
        f"error: the source and the target are the same store {sample_ws.db_path}\n"
    )
