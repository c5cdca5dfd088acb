"""Nothing lost: a deleted, older, second, damaged or foreign database, a lost journal,
backups and restores — through the command line, as an administrator meets them."""

import json
import os
import shutil
from pathlib import Path

import duckdb

from dashboard.services import audit_log, journal
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from dashboard.store import journal as journal_file
from dashboard.store.catalogue import load_targets
from dashboard.store.schema import ensure_schema
from tests.conftest import TODAY, make_workspace
from tests.durable_state import ADMIN, AT, cli, counts, populate, tables
from tests.files import csv_bytes


def archive_files(ws) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(ws.uploads_dir.glob("*.*")) if p.is_file()}


def assert_same_but_set_aside(after: dict, before: dict, kept: str, why: str) -> None:
    """Every table as before, and one audit entry more (a journal line: the journal's
    position moves on): the old file set aside."""

    def settled(state: dict) -> dict:
        meta = [row for row in state["meta"] if not row[0].startswith("journal_")]
        return {**{k: v for k, v in state.items() if k != "audit"}, "meta": meta}

    assert settled(after) == settled(before)
    assert after["audit"][:-1] == before["audit"]
    assert after["audit"][-1][2:] == (
        "system",
        "database",
        "set_aside",
        json.dumps({"file": kept, "why": why}),
    )


def agree(ws) -> None:
    with open_store(ws) as con:
        assert journal.verify(ws, con) == []


def test_deleting_the_database_and_rebuilding_gives_every_table_back(sample_ws):
    populate(sample_ws)
    populate(sample_ws, step=1)
    before = tables(sample_ws.db_path)
    assert {k: len(v) for k, v in before.items() if k != "targets"} == {
        "account_events": 4,
        "archive_files": 0,  # a server's archive; a folder's is actuals/uploads/
        "audit": 3 + 7 + 4 + 2 * 8,  # folder, catalogue, samples; 7 samples; accounts; 2 x 8
        "comments": 4,
        "figures": 497,
        "item_renames": 0,  # no item renamed here (rebuilt: test_items_store)
        "journal_lines": 0,  # a server's journal; a folder's is data/journal.jsonl
        "learned_aliases": 0,  # from data/aliases.csv, not the journal
        "login_failures": 0,  # sessions and failures are not journaled: logins start anew
        # folder, its first line, journal position and seq, catalogue, home, profiles, and
        # the schema's version
        "meta": 8,
        "profiles": 27,
        "reviews": 0,  # review is off (DASHBOARD_REVIEW): nothing waits
        "sessions": 0,
        "snapshot_rows": 2 * 90,  # two snapshots of the 90 targets
        "snapshots": 2,
        "supervision_events": 0,  # no supervision item opened
        "report_deadlines": 0,  # no deadline set per target
        "uploads": 9,
    }
    sample_ws.db_path.unlink()
    out = cli(sample_ws, "rebuild")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("rebuilt ") and out.stdout.rstrip().endswith(
        "9 upload(s), 494 current figure(s), 4 comment(s), 2 snapshot(s), 30 audit entries"
    )
    assert tables(sample_ws.db_path) == before
    assert sample_ws.db_path.stat().st_mode & 0o777 == 0o600
    agree(sample_ws)


def test_a_deleted_database_comes_back_at_the_next_command(sample_ws):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    sample_ws.db_path.unlink()
    out = cli(sample_ws, "comments", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert [(c["id"], c["month"], c["user"]) for c in json.loads(out.stdout)] == [
        ("ev_chargers", "2026-10", "fgw"),
        ("trade_quality", "2026-09", "admin"),
    ]
    assert tables(sample_ws.db_path) == before


def test_a_database_restored_from_an_older_copy_loses_nothing(sample_ws, tmp_path):
    populate(sample_ws)
    old_copy = tmp_path / "last_night.duckdb"
    shutil.copy(sample_ws.db_path, old_copy)
    populate(sample_ws, step=1)  # after the copy: an upload, comments, a snapshot, audit
    newest, archived = tables(sample_ws.db_path), archive_files(sample_ws)
    shutil.copy(old_copy, sample_ws.db_path)  # an administrator puts the old copy back
    out = cli(sample_ws, "progress", "--format", "json")  # a reader: deletes nothing
    assert out.returncode == 0, out.stderr
    assert archive_files(sample_ws) == archived and len(archived) == 2
    assert tables(sample_ws.db_path) == newest
    snaps = json.loads(cli(sample_ws, "audit", "--format", "json").stdout)
    assert [json.loads(e["detail"])["file"] for e in snaps if e["outcome"] == "accepted"] == [
        "ev_0.csv",
        "ev_1.csv",
    ]


def test_two_databases_on_one_data_folder_both_hold_everything(sample_ws, tmp_path):
    other = tmp_path / "other.duckdb"
    populate(sample_ws)
    good = tmp_path / "more.csv"
    good.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2600"]]))
    out = cli(sample_ws, "ingest", str(good), "--user", "admin", db=other)
    assert out.returncode == 0, out.stderr
    out = cli(
        sample_ws,
        *("comment", "gas_pipes", "--month", "2026-10", "--reason", "管材到货晚"),
        *("--user", "cgj"),
        db=other,
    )
    assert out.returncode == 0, out.stderr
    assert cli(sample_ws, "snapshot", "--as-of", "2026-10", "--user", "admin").stdout == "2\n"
    archived = archive_files(sample_ws)
    for db in (sample_ws.db_path, other):
        assert cli(sample_ws, "progress", db=db).returncode == 0
    assert archive_files(sample_ws) == archived and len(archived) == 2
    assert tables(other) == tables(sample_ws.db_path)
    held = counts(other)
    assert (held["uploads"], held["comments"], held["snapshots"]) == (9, 3, 2)
    agree(sample_ws)


def test_a_database_of_another_data_folder_is_refused(sample_ws, tmp_path):
    populate(sample_ws)
    elsewhere = make_workspace(tmp_path / "b", samples=False)
    with open_store(elsewhere):
        pass
    journal_before = journal_file.path(elsewhere.data_dir).read_bytes()
    out = cli(elsewhere, "progress", db=sample_ws.db_path)
    assert out.returncode == 1
    assert out.stderr.startswith("error: The database dashboard.duckdb belongs to another data")
    assert "Traceback" not in out.stderr
    assert journal_file.path(elsewhere.data_dir).read_bytes() == journal_before


def test_a_damaged_database_says_so_and_rebuild_brings_everything_back(sample_ws):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    data = bytearray(sample_ws.db_path.read_bytes())
    data[0:64] = b"\0" * 64  # the header
    sample_ws.db_path.write_bytes(bytes(data))
    out = cli(sample_ws, "progress")
    assert out.returncode == 1
    assert out.stderr.startswith(
        "error: The database file dashboard.duckdb is damaged and cannot be read."
    )
    assert "python -m dashboard rebuild" in out.stderr and "Traceback" not in out.stderr
    out = cli(sample_ws, "rebuild")
    assert out.returncode == 0, out.stderr
    (kept,) = sample_ws.data_dir.glob("dashboard.duckdb.damaged-*")
    assert kept.read_bytes() == bytes(data)
    assert_same_but_set_aside(tables(sample_ws.db_path), before, kept.name, "damaged")


def test_an_empty_database_file_is_rebuilt(sample_ws):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    sample_ws.db_path.write_bytes(b"")
    assert cli(sample_ws, "rebuild").returncode == 0
    (kept,) = sample_ws.data_dir.glob("dashboard.duckdb.damaged-*")
    assert_same_but_set_aside(tables(sample_ws.db_path), before, kept.name, "damaged")


def test_a_lost_journal_is_refused_then_written_again_from_the_database(sample_ws):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    journal_file.path(sample_ws.data_dir).unlink()
    out = cli(sample_ws, "progress")
    assert out.returncode == 1 and "whose journal (journal.jsonl) is missing" in out.stderr
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before
    sample_ws.db_path.unlink()  # and the journal now holds everything by itself
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before


def test_a_journal_replaced_by_an_older_copy_gets_its_lines_back(sample_ws, tmp_path):
    populate(sample_ws)
    old = journal_file.path(sample_ws.data_dir).read_bytes()
    populate(sample_ws, step=1)
    before = tables(sample_ws.db_path)
    journal_file.path(sample_ws.data_dir).write_bytes(old)
    out = cli(sample_ws, "progress")
    assert out.returncode == 1 and "the journal ends at" in out.stderr
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before
    agree(sample_ws)


def test_backup_then_restore_after_losing_the_whole_data_folder(sample_ws, tmp_path):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    out = cli(sample_ws, "backup", "--out", str(tmp_path / "backups"))
    assert out.returncode == 0, out.stderr
    (folder,) = (tmp_path / "backups").glob("backup-*")
    assert out.stdout.startswith(f"backup written: {folder} (")
    manifest = json.loads((folder / "backup.json").read_text())
    assert {"database/dashboard.duckdb", "data/journal.jsonl", "data/users.json"} <= set(
        manifest["files"]
    )
    assert not [f for f in manifest["files"] if "pending" in f or f.endswith(".lock")]
    shutil.rmtree(sample_ws.data_dir)  # the disk is gone
    out = cli(sample_ws, "restore", str(tmp_path / "backups"))
    assert out.returncode == 0, out.stderr
    assert "database installed from the backup" in out.stdout
    after = tables(sample_ws.db_path)
    # everything up to the backup; the backup's own entry was written after its copy
    # and went with the disk; the restore is recorded
    assert {k: v for k, v in after.items() if k not in ("audit", "meta")} == {
        k: v for k, v in before.items() if k not in ("audit", "meta")
    }
    assert after["audit"][: len(before["audit"])] == before["audit"]
    assert [r[3:5] for r in after["audit"][len(before["audit"]) :]] == [("restore", "done")]
    assert (sample_ws.data_dir / "users.json").stat().st_mode & 0o777 == 0o600


def test_restoring_an_older_backup_keeps_everything_newer(sample_ws, tmp_path):
    populate(sample_ws)
    assert cli(sample_ws, "backup", "--out", str(tmp_path / "b")).returncode == 0
    populate(sample_ws, step=1)
    newest = counts(sample_ws.db_path)
    out = cli(sample_ws, "restore", str(tmp_path / "b"))
    assert out.returncode == 0, out.stderr
    assert "0 journal line(s) added, 0 file(s) copied, database kept." in out.stdout
    after = counts(sample_ws.db_path)
    assert after == {**newest, "audit": newest["audit"] + 1}
    agree(sample_ws)


def test_restore_says_which_archived_uploads_no_backup_holds(sample_ws, tmp_path):
    """An upload after the backup whose archived file was lost: its figures are in the
    journal, its original bytes are gone; the restore said nothing of it."""
    from dashboard.services import backup

    with open_store(sample_ws):
        pass
    backup.backup(sample_ws, tmp_path / "b")
    data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2470"]])
    with open_store(sample_ws) as con:
        store_preview(con, sample_ws, preview(con, data, "late.csv", TODAY), data, "u", AT)
        (archived,) = con.execute(
            "SELECT archive_path FROM uploads WHERE filename = 'late.csv'"
        ).fetchone()
    (sample_ws.data_dir / archived).unlink()
    done = backup.restore(sample_ws, tmp_path / "b")
    assert done.archives_missing == [archived]
    assert archived.startswith("actuals/uploads/")


def test_restore_mends_a_damaged_database_and_a_truncated_journal(sample_ws, tmp_path):
    populate(sample_ws)
    assert cli(sample_ws, "backup", "--out", str(tmp_path / "b")).returncode == 0
    path = journal_file.path(sample_ws.data_dir)
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b'"sample"', b'"sampl3"')  # a flipped byte on disk
    path.write_bytes(b"\n".join(lines))
    sample_ws.db_path.write_bytes(b"not a database")
    out = cli(sample_ws, "restore", str(tmp_path / "b"))
    assert out.returncode == 0, out.stderr
    assert "1 journal line(s) added" in out.stdout
    assert "the previous file is kept as" in out.stdout
    assert counts(sample_ws.db_path)["comments"] == 2
    (damaged,) = sample_ws.data_dir.glob("journal.jsonl.damaged-*")
    assert b'"sampl3"' in damaged.read_bytes()
    agree(sample_ws)


def test_a_backup_of_another_folder_or_a_damaged_one_is_refused(sample_ws, tmp_path):
    populate(sample_ws)
    assert cli(sample_ws, "backup", "--out", str(tmp_path / "b")).returncode == 0
    elsewhere = make_workspace(tmp_path / "x", samples=False)
    with open_store(elsewhere) as con:  # someone worked in this other folder
        audit_log.record(elsewhere, con, "li", "login", "ok")
    before = journal_file.path(elsewhere.data_dir).read_bytes()
    out = cli(elsewhere, "restore", str(tmp_path / "b"))
    assert out.returncode == 1
    assert "is of another data folder, and the current folder holds records people made; " in (
        out.stderr
    )
    assert "add --replace" in out.stderr
    assert journal_file.path(elsewhere.data_dir).read_bytes() == before  # nothing changed
    out = cli(elsewhere, "restore", str(tmp_path / "b"), "--replace")
    assert out.returncode == 0, out.stderr
    (aside,) = elsewhere.data_dir.glob("journal.jsonl.replaced-*")
    assert aside.read_bytes() == before and f"kept as {aside}" in out.stdout
    assert counts(elsewhere.db_path)["comments"] == counts(sample_ws.db_path)["comments"]
    (folder,) = (tmp_path / "b").glob("backup-*")
    (folder / "data" / "targets.csv").write_text("changed")
    out = cli(sample_ws, "restore", str(folder))
    assert out.returncode == 1 and "is damaged (files differ from its manifest" in out.stderr


def test_reading_never_deletes_and_a_stale_uncommitted_upload_is_the_only_thing_dropped(
    empty_ws, tmp_path
):
    populate(empty_ws)
    pending = empty_ws.uploads_dir / "pending"
    never_committed = pending / ("ab" * 32 + "-0123456789ab.csv")
    never_committed.write_bytes(b"half an upload")
    foreign = empty_ws.uploads_dir / "000099-0123456789abcdef.csv"
    foreign.write_bytes(b"put here by hand")
    for args in (("progress",), ("comments",), ("audit",), ("targets",)):
        assert cli(empty_ws, *args).returncode == 0
    assert never_committed.exists() and foreign.exists()
    os.utime(never_committed, (0, 0))  # an hour and more old
    good = tmp_path / "g.csv"
    good.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "1"]]))
    assert cli(empty_ws, "ingest", str(good), "--user", "admin").returncode == 0
    assert not never_committed.exists() and foreign.exists()


def test_an_upload_committed_just_before_a_crash_is_confirmed_at_the_next_opening(empty_ws):
    populate(empty_ws)
    with open_store(empty_ws) as con:
        (archived,) = [
            empty_ws.data_dir / p
            for p in con.execute("SELECT archive_path FROM uploads").fetchall()[0]
        ]
    pending = empty_ws.uploads_dir / "pending"
    lines = [json.loads(x) for x in journal_file.path(empty_ws.data_dir).read_text().splitlines()]
    (upload,) = [line["data"] for line in lines if line["kind"] == "upload"]
    archived.rename(pending / f"{upload['sha256']}-0123456789ab.csv")  # killed before the rename
    assert cli(empty_ws, "progress").returncode == 0
    assert archived.exists() and not list(pending.iterdir())


def test_a_database_made_before_the_journal_is_journaled_and_kept(empty_ws, catalogue):
    """Its comments, snapshots, uploads and audit log go into a new journal; an archived
    upload it had lost (its manifest remains) is recovered; the old file is kept."""
    legacy = Path(__file__).parent / "data" / "pre_journal"
    con = duckdb.connect(str(empty_ws.db_path))
    con.execute((legacy / "schema.sql").read_text("utf-8"))
    ensure_schema(con)  # the catalogue columns added since (issue 15), as any opening adds
    load_targets(con, catalogue, "pre-journal catalogue")
    con.close()
    shutil.copytree(legacy / "uploads", empty_ws.uploads_dir)
    out = cli(empty_ws, "comments", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert [(c["id"], c["reason"], c["user"]) for c in json.loads(out.stdout)] == [
        ("ev_chargers", "旧的评论", "fgw")
    ]
    held = counts(empty_ws.db_path)
    assert (held["uploads"], held["figures"], held["snapshots"]) == (2, 2, 1)
    (kept,) = empty_ws.data_dir.glob("dashboard.duckdb.pre_journal-*")
    assert kept.stat().st_size > 0
    log = json.loads(cli(empty_ws, "audit", "--format", "json").stdout)
    assert [(e["user_name"], e["action"], e["outcome"]) for e in log] == [
        ("system", "journal", "started"),
        ("admin", "login", "ok"),
        ("fgw", "upload", "accepted"),
        ("cgj", "upload", "recovered"),
        ("system", "catalogue", "loaded"),
        ("sample-data", "samples", "loaded"),
        ("system", "database", "set_aside"),
    ]
    assert json.loads(log[-1]["detail"]) == {"file": kept.name, "why": "pre_journal"}
    agree(empty_ws)


def test_an_old_pre_journal_copy_put_back_on_a_journaled_folder_is_set_aside(sample_ws, catalogue):
    populate(sample_ws)
    before = tables(sample_ws.db_path)
    sample_ws.db_path.unlink()
    con = duckdb.connect(str(sample_ws.db_path))
    con.execute((Path(__file__).parent / "data" / "pre_journal" / "schema.sql").read_text())
    con.close()
    out = cli(sample_ws, "comments", "--format", "json")
    assert out.returncode == 0, out.stderr
    assert [c["reason"] for c in json.loads(out.stdout)] == ["原因0", "进展顺利"]
    (kept,) = sample_ws.data_dir.glob("dashboard.duckdb.pre_journal-*")
    assert_same_but_set_aside(tables(sample_ws.db_path), before, kept.name, "pre_journal")


def test_the_journal_remembers_that_accounts_existed_when_the_users_file_is_gone(sample_ws):
    with open_store(sample_ws) as con:
        assert not audit_log.accounts_have_existed(con)
    populate(sample_ws)
    (sample_ws.data_dir / "users.json").unlink()
    sample_ws.db_path.unlink()
    with open_store(sample_ws) as con:
        assert audit_log.accounts_have_existed(con)
        events = audit_log.account_events(con)
    assert events[["account", "role"]].values.tolist() == [
        ["admin", "admin"],
        ["fgw", "uploader"],
        ["cgj", "uploader"],
        ["guest", "viewer"],
    ]
    assert "scrypt" not in journal_file.path(sample_ws.data_dir).read_text("utf-8")


def test_a_lost_users_file_fails_closed_even_when_the_database_is_gone_too(sample_ws):
    populate(sample_ws)  # account changes are journal lines
    (sample_ws.data_dir / "users.json").unlink()
    sample_ws.db_path.unlink()
    out = cli(sample_ws, "snapshot", "--as-of", "2026-10", "--user", "ghost")
    assert out.returncode == 1
    assert out.stderr.startswith("error: The accounts file users.json is missing or empty")


def test_a_folder_started_again_after_the_loss_takes_the_backup(sample_ws, tmp_path):
    """The data folder is lost; before the restore, someone opened the dashboard (or ran a
    command), which started a new, empty folder. Nothing a person did is in it: the backup
    goes in without --replace, and the new folder's journal is kept aside."""
    populate(sample_ws)
    before = counts(sample_ws.db_path)  # the backup's own entry is written after its copy
    assert cli(sample_ws, "backup", "--out", str(tmp_path / "b")).returncode == 0
    for lost in sample_ws.data_dir.iterdir():  # all but what the repository ships
        if lost.name not in ("targets.csv", "actuals", "seasonal_profiles.csv"):
            shutil.rmtree(lost) if lost.is_dir() else lost.unlink()
    assert cli(sample_ws, "progress").returncode == 0  # a new folder, with the samples
    out = cli(sample_ws, "restore", str(tmp_path / "b"))
    assert out.returncode == 0, out.stderr
    assert len(list(sample_ws.data_dir.glob("journal.jsonl.replaced-*"))) == 1
    after = counts(sample_ws.db_path)
    assert after == {**before, "audit": before["audit"] + 1}
    agree(sample_ws)


def add_reviews(ws, step: int = 0) -> None:
    """Three uploads held for review (issue 21): one rejected, one approved, one waiting."""
    from dashboard.services import review

    with open_store(ws) as con:
        ids = []
        for n in range(3):
            data = csv_bytes(
                [["指标", "时期", "数值"], ["充电桩", "2026年10月", str(2500 + 10 * n + step)]]
            )
            pv = preview(con, data, f"held_{step}_{n}.csv", TODAY)
            ids.append(store_preview(con, ws, pv, data, "fgw", AT, held=True))
        review.decide(ws, con, ADMIN, ids[0], "rejected", reason=f"数值有误{step}", at=AT)
        review.decide(ws, con, ADMIN, ids[1], "approved", at=AT)


def test_review_states_come_back_from_the_journal_and_from_the_database(sample_ws):
    """A rebuild gives the same review states (pending, approved, rejected) and the same
    figures counted; a journal lost, or replaced by an older copy, is written again from
    the database with its review lines."""
    populate(sample_ws)
    add_reviews(sample_ws)
    before = tables(sample_ws.db_path)
    assert [row[-1] for row in before["uploads"]][-3:] == ["rejected", "approved", "pending"]
    assert [(r[2], r[3]) for r in before["reviews"]] == [
        ("rejected", "数值有误0"),
        ("approved", None),
    ]
    with open_store(sample_ws) as con:
        counted = con.execute(
            "SELECT value FROM current_figures WHERE id = 'ev_chargers' AND period_end = 10"
        ).fetchall()
    assert counted == [(2510.0,)]  # the approved one; the waiting one (2520) does not count
    sample_ws.db_path.unlink()
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before
    agree(sample_ws)

    journal_file.path(sample_ws.data_dir).unlink()
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before
    sample_ws.db_path.unlink()
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == before

    old = journal_file.path(sample_ws.data_dir).read_bytes()
    add_reviews(sample_ws, step=1)
    later = tables(sample_ws.db_path)
    journal_file.path(sample_ws.data_dir).write_bytes(old)
    assert cli(sample_ws, "rebuild").returncode == 0
    assert tables(sample_ws.db_path) == later
    agree(sample_ws)
