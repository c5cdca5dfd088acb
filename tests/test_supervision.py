"""Supervision items (督办, issue 21) on the command line: opened by an admin, answered by
the department, extended, closed (销号); refused steps say why; the items survive a rebuild."""

import json
import os
import subprocess
import sys

import pytest

from dashboard.services.database import open_store
from dashboard.store import audit
from tests.conftest import add_accounts
from tests.durable_state import tables

FIELDS = [
    "item_id",
    "state",
    "id",
    "name_zh",
    "department",
    "asked",
    "deadline",
    "measures",
    "progress",
    "opened_by",
    "extensions",
    "note",
]


def run(ws, *args):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)


def listed(ws, *extra) -> list[dict]:
    out = run(ws, "supervise", "list", "--format", "json", *extra)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.both_engines
def test_an_item_is_opened_answered_extended_and_closed(sample_ws, engine):
    add_accounts(sample_ws)
    ws = sample_ws
    opened = run(
        ws,
        "supervise",
        "open",
        "gas_pipes",
        "--asked",
        "年底前完成管网改造任务",
        "--deadline",
        "2099-12-15",
        "--user",
        "admin",
    )
    assert (opened.returncode, opened.stdout) == (0, "supervision item #1 opened\n")
    # who may not: an uploader opening, another department answering, an answer of nothing
    assert run(
        ws,
        "supervise",
        "open",
        "gas_pipes",
        "--asked",
        "x",
        "--deadline",
        "2099-12-15",
        "--user",
        "cgj",
    ).stderr == ("error: cgj is not an admin: admins open, extend and close supervision items\n")
    other = run(ws, "supervise", "answer", "1", "--measures", "m", "--user", "fgw")
    assert other.returncode == 1 and "市城市管理局" in other.stderr
    empty = run(ws, "supervise", "answer", "1", "--user", "cgj")
    assert empty.stderr == "error: Write the measures or the progress made\n"
    answered = run(
        ws,
        "supervise",
        "answer",
        "1",
        "--measures",
        "增派施工队伍",
        "--progress",
        "已完成全年任务的85%",
        "--user",
        "cgj",
    )
    assert answered.returncode == 0, answered.stderr
    earlier = run(
        ws, "supervise", "extend", "1", "--deadline", "2099-12-01", "--note", "n", "--user", "admin"
    )
    assert earlier.stderr == (
        "error: The new deadline 2099-12-01 must be after the current one, 2099-12-15\n"
    )
    assert (
        run(
            ws,
            "supervise",
            "extend",
            "1",
            "--deadline",
            "2099-12-31",
            "--note",
            "冬季施工受限",
            "--user",
            "admin",
        ).returncode
        == 0
    )
    rows = listed(ws, "--today", "2100-01-05")
    assert [[r[f] for f in FIELDS] for r in rows] == [
        [
            1,
            "overdue",
            "gas_pipes",
            "新建改造供气管网",
            "市城市管理局",
            "年底前完成管网改造任务",
            "2099-12-31",
            "增派施工队伍",
            "已完成全年任务的85%",
            "admin",
            1,
            "冬季施工受限",
        ]
    ]
    assert listed(ws, "--today", "2099-12-31")[0]["state"] == "open"  # the day is in time
    assert (
        run(ws, "supervise", "close", "1", "--note", "任务完成", "--user", "admin").returncode == 0
    )
    assert listed(ws, "--state", "closed")[0]["note"] == "任务完成"
    assert listed(ws, "--state", "open") == []
    closed = run(ws, "supervise", "answer", "1", "--progress", "p", "--user", "cgj")
    assert closed.stderr == "error: Supervision item #1 is closed\n"

    with open_store(ws) as con:
        log = audit.entries(con)
    steps = log[log["action"] == "supervision"]
    assert list(zip(steps["user_name"], steps["outcome"], strict=True)) == [
        ("admin", "open"),
        ("cgj", "answer"),
        ("admin", "extend"),
        ("admin", "close"),
    ]
    before = tables(ws.db_path)
    assert len(before["supervision_events"]) == 4
    if engine == "postgresql":  # a server's rebuild replays its journal_lines table
        assert run(ws, "rebuild").returncode == 0
        assert tables(ws.db_path) == before
        return
    ws.db_path.unlink()
    assert run(ws, "rebuild").returncode == 0
    assert tables(ws.db_path) == before
    (ws.data_dir / "journal.jsonl").unlink()  # written again from the database
    assert run(ws, "rebuild").returncode == 0
    assert tables(ws.db_path) == before
    ws.db_path.unlink()
    assert run(ws, "rebuild").returncode == 0
    assert tables(ws.db_path) == before


@pytest.mark.both_engines
def test_an_item_names_the_lead_or_a_supporting_department(sample_ws):
    out = run(
        sample_ws,
        "supervise",
        "open",
        "gas_pipes",
        "--asked",
        "x",
        "--deadline",
        "2099-01-01",
        "--department",
        "市教育局",
        "--user",
        "admin",
    )
    assert out.returncode == 1
    assert "'市教育局' is neither the lead nor a supporting department" in out.stderr
    past = run(
        sample_ws,
        "supervise",
        "open",
        "gas_pipes",
        "--asked",
        "x",
        "--deadline",
        "2020-01-01",
        "--user",
        "admin",
    )
    assert "The deadline 2020-01-01 has passed" in past.stderr
    unknown = run(sample_ws, "supervise", "close", "7", "--user", "admin")
    assert unknown.stderr == "error: There is no supervision item #7\n"
