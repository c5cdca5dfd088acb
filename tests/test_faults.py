"""Faults, bounded in count and time: processes killed while they write, a full disk, a
read-only data folder, two administrators taking a snapshot at the same moment.

Each killed or failed run ends with the database and the journal agreeing (every line
applied once, nothing else), every acknowledged record present, and `rebuild` giving the
same tables. Tallies go to test-artifacts/fault_tallies.json.
"""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from dashboard.services import journal, snapshots
from dashboard.services.database import open_store, rebuild
from dashboard.store import journal as journal_file
from dashboard.store import records
from dashboard.store.connection import connect
from tests.conftest import ROOT, make_workspace
from tests.durable_state import cli, populate, record_tally, state_after_kill, tables
from tests.files import csv_bytes


def _error_line(stderr: str) -> str:
    """The refusal, among the notes on how the file was read (printed around it)."""
    return next((line for line in stderr.splitlines() if line.startswith("error: ")), stderr)


def agreeing(ws) -> tuple:
    with open_store(ws) as con:
        assert journal.verify(ws, con) == []
        return (
            records.seqs_by_table(con),
            con.execute("SELECT snapshot_id FROM snapshots").fetchall(),
            con.execute("SELECT upload_id FROM uploads").fetchall(),
        )


def writer(ws, kind: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "tests.writer", kind, str(ws.data_dir), str(ws.db_path), "9999"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("kind", ["comment", "snapshot", "ingest"])
def test_a_writer_killed_at_any_moment_leaves_database_and_journal_agreeing(sample_ws, kind):
    rng = random.Random(kind)
    tally, acknowledged = Counter(), []
    for _ in range(5):
        proc = writer(sample_ws, kind)
        acknowledged.append(int(proc.stdout.readline()))  # it is writing now
        time.sleep(rng.uniform(0, 0.4))
        proc.send_signal(signal.SIGKILL)
        acknowledged += [int(x) for x in proc.stdout.read().split()]
        proc.wait()
        tally[state_after_kill(sample_ws)] += 1
        seqs, snaps, uploads = agreeing(sample_ws)
        held = {
            "comment": seqs["comments"],
            "snapshot": [s for (s,) in snaps],
            "ingest": [u for (u,) in uploads],
        }[kind]
        assert set(acknowledged) <= set(held)
    tally["records_acknowledged"] = len(acknowledged)
    record_tally(f"sigkill_{kind}", tally)
    before = tables(sample_ws.db_path)
    assert rebuild(sample_ws) == []
    assert tables(sample_ws.db_path) == before


def test_a_rebuild_killed_at_any_moment_leaves_a_working_database(sample_ws):
    populate(sample_ws)
    populate(sample_ws, step=1)
    before = tables(sample_ws.db_path)
    rng, tally = random.Random(7), Counter()
    env = {**os.environ, "DASHBOARD_DATA": str(sample_ws.data_dir)}
    cmd = [sys.executable, "-m", "dashboard", "rebuild", "--db", str(sample_ws.db_path)]
    started = time.monotonic()
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    whole = time.monotonic() - started  # kills spread over a rebuild's own length
    for _ in range(6):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.4, 1.0) * whole)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        leftover = sample_ws.db_path.with_name("dashboard.rebuild.duckdb").exists()
        tally["killed_mid_rebuild" if leftover else "killed_before_or_after"] += 1
        agreeing(sample_ws)
        assert tables(sample_ws.db_path) == before
    record_tally("sigkill_rebuild", tally)
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before
    assert not sample_ws.db_path.with_name("dashboard.rebuild.duckdb").exists()


@contextmanager
def small_disk(where: Path, size: str):
    """A tmpfs of `size` at `where` (None where the machine does not allow mounting)."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill the disk up to `leave` bytes free."""
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        fh.write(b"\0" * max(0, free - leave))
    return filler


def leftovers(ws) -> list[str]:
    return sorted(
        p.name
        for p in ws.data_dir.rglob("*")
        if p.is_file() and (p.name.endswith(".tmp") or p.parent.name == "pending")
    )


def ingest_file(tmp_path, n: int) -> Path:
    path = tmp_path / f"f{n}.csv"
    rows = [["指标", "时期", "数值"], ["充电桩", "2026年10月", str(2500 + n)]]
    path.write_bytes(csv_bytes(rows + [["公共停车位", "2026年10月", f"{n}.5"]]))
    return path


def limited(limit: int):
    """Without a small disk to mount: a file-size limit makes every write past it fail."""
    import resource

    def apply():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_during_uploads_refuses_cleanly_and_keeps_the_state(tmp_path):
    tally = Counter()
    with small_disk(tmp_path / "disk", "12m") as disk:
        ws = make_workspace(disk or tmp_path / "rlimit", samples=True)
        with open_store(ws):
            pass
        for n, leave in enumerate([0, 2_000, 8_000, 30_000, 120_000, 400_000, 1_500_000]):
            before, journal_bytes = tables(ws.db_path), journal_file.path(ws.data_dir).read_bytes()
            filler = fill(disk, leave) if disk else None
            cmd = [sys.executable, "-m", "dashboard", "ingest", str(ingest_file(tmp_path, n))]
            # --confirm: a figure below the previous period's is a warning to confirm, and
            # these files are about the disk, not the figures
            cmd += ["--user", "admin", "--confirm", "--db", str(ws.db_path)]
            env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)}
            limit = None if disk else limited(len(journal_bytes) + leave)
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, preexec_fn=limit)
            if filler:
                filler.unlink()
            assert "Traceback" not in out.stderr, out.stderr
            agreeing(ws)
            assert leftovers(ws) == []
            if out.returncode == 0:
                tally["stored_whole"] += 1
                assert len(tables(ws.db_path)["uploads"]) == len(before["uploads"]) + 1
            else:
                tally["refused_disk_full"] += 1
                error = _error_line(out.stderr)
                assert error.startswith("error: The disk is full: nothing could be written")
                tally["refused_writing_to_" + error.split(" written to ")[1].split(". ")[0]] += 1
                assert tables(ws.db_path) == before
                assert journal_file.path(ws.data_dir).read_bytes() == journal_bytes
        tally["mounted_tmpfs" if disk else "rlimit_fsize"] += 1
        ok = cli(ws, "ingest", str(ingest_file(tmp_path, 99)), "--user", "admin", "--confirm")
        assert ok.returncode == 0, ok.stderr  # space again: uploads work again
        before = tables(ws.db_path)
        assert rebuild(ws) == [] and tables(ws.db_path) == before
    record_tally("full_disk_uploads", tally)
    assert tally["refused_disk_full"] >= 1


def test_a_read_only_data_folder_refuses_uploads_and_keeps_the_state(tmp_path):
    with small_disk(tmp_path / "disk", "8m") as disk:
        if disk is None:
            pytest.skip("needs a tmpfs mount to make a folder read-only for root")
        ws = make_workspace(disk, samples=False)
        elsewhere = tmp_path / "elsewhere.duckdb"
        with open_store(ws):
            pass
        cli(ws, "progress", db=elsewhere)  # a second database outside the folder
        before, journal_bytes = tables(ws.db_path), journal_file.path(ws.data_dir).read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        for db in (ws.db_path, elsewhere):
            out = cli(
                ws, "ingest", str(ingest_file(tmp_path, 1)), "--user", "admin", "--confirm", db=db
            )
            assert out.returncode == 1 and "Traceback" not in out.stderr
            error = _error_line(out.stderr)
            assert error.startswith("error: Cannot write to ") and "read-only" in error
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert tables(ws.db_path) == before
        assert journal_file.path(ws.data_dir).read_bytes() == journal_bytes
        assert leftovers(ws) == []


@pytest.mark.both_engines
def test_two_administrators_taking_a_snapshot_at_the_same_moment_get_two(sample_ws):
    with open_store(sample_ws):
        pass
    errors, ids = [], []

    def take(n: int) -> None:
        try:
            with connect(sample_ws.db_path) as con:
                ids.append(
                    snapshots.take(
                        sample_ws, con, 2026, 10, note=f"t{n}", user="admin", at=datetime.now()
                    )
                )
        except Exception as err:  # noqa: BLE001 - any error is the failure reported
            errors.append(repr(err))

    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dashboard", "snapshot", "--as-of", "2026-10"]
            + ["--db", str(sample_ws.db_path)],
            env={**os.environ, "DASHBOARD_DATA": str(sample_ws.data_dir)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    threads = [threading.Thread(target=take, args=(n,)) for n in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    outs = [p.communicate(timeout=120) for p in procs]
    assert errors == [] and [p.returncode for p in procs] == [0, 0], outs
    ids += [int(out) for out, _ in outs]
    assert sorted(ids) == [1, 2, 3, 4, 5]
    seqs, snaps, _ = agreeing(sample_ws)
    assert sorted(s for (s,) in snaps) == [1, 2, 3, 4, 5]
