"""Report deadlines per target (issue 21): the default rule (the catalogue's publication lag,
the deployment's report day) and an administrator's own deadline for a target, which the
progress, the overdue reports and the reminders all follow; journalled, so a rebuild keeps
it; on both engines; set on the detail page."""

import json
import os
import subprocess
import sys
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from dashboard.core.access import User
from dashboard.core.deadlines import check, with_deadlines
from dashboard.core.report_dates import latest_due_month
from dashboard.services import deadlines, reminders, reporting
from dashboard.services.accounts import NotAllowed
from dashboard.services.database import open_store, rebuild
from dashboard.store import audit
from tests.conftest import add_accounts
from tests.durable_state import tables
from tests.test_app import button, login, start

ADMIN = User("admin", "admin")
NOV_26 = date(2026, 11, 26)
AT = datetime(2026, 11, 20, 9)


def test_the_report_day_may_differ_per_target():
    year, lag = np.array([2026, 2026, 2026]), np.array([1, 1, 2])
    # 20 November: October's figure is due on the 15th (in) or on the 25th (not yet)
    assert latest_due_month(year, lag, date(2026, 11, 20), np.array([15, 25, 15])).tolist() == [
        10.0,
        9.0,
        9.0,
    ]
    assert latest_due_month(year, lag, date(2026, 11, 20), 15).tolist() == [10.0, 10.0, 9.0]


def test_set_deadlines_replace_the_catalogue_lag_and_name_their_day():
    targets = pd.DataFrame(
        {"entity": ["A", "A"], "year": [2026, 2026], "id": ["x", "y"], "publication_lag": [1, 3]}
    )
    overrides = pd.DataFrame(
        {"entity": ["A"], "year": [2026], "id": ["y"], "lag": [None], "day": [25]}
    )
    out = with_deadlines(targets, overrides)
    assert out["publication_lag"].tolist() == [1, 3]
    assert out["report_day"].fillna(0).tolist() == [0, 25]
    assert with_deadlines(targets, overrides.iloc[:0])["report_day"].isna().all()
    assert check(13, None).key == "deadline.bad_lag"
    assert check(None, 29).key == "deadline.bad_day"
    assert check(0, 28) is None


def graduates(con) -> dict:
    """graduate_tracking (kept every month, September's figure missing) as judged in
    October on 26 November, with its reminder row."""
    row = reporting.progress(con, 2026, 10, today=NOV_26, explained=False)
    row = row[row["id"] == "graduate_tracking"].iloc[0]
    owing = reminders.reminder_frame(con, 2026, 10, NOV_26)
    owing = owing[owing["id"] == "graduate_tracking"]
    reminder = None
    if not owing.empty:
        o = owing.iloc[0]
        reminder = (o["period_due"], o["due_date"], int(o["days_late"]))
    return {"status": row["status"], "due": row["report_due"], "reminder": reminder}


def target(con, target_id: str) -> dict:
    rows = reporting.targets(con, 2026)
    return rows[rows["id"] == target_id].iloc[0].to_dict()


@pytest.mark.both_engines
def test_a_deadline_set_per_target_moves_its_overdue_report(sample_ws, engine):
    ws = sample_ws
    with open_store(ws) as con:
        # quarterly, nothing reported: the third quarter's figure was due on 15 October
        assert graduates(con) == {
            "status": "no_data",
            "due": date(2026, 10, 15),
            "reminder": ("9月", date(2026, 10, 15), 42),
        }
        # two months after the period: due on 15 November, 11 days late on the 26th
        deadlines.set_deadline(ws, con, ADMIN, target(con, "graduate_tracking"), 2, None, at=AT)
        assert graduates(con) == {
            "status": "no_data",
            "due": date(2026, 11, 15),
            "reminder": ("9月", date(2026, 11, 15), 11),
        }
        # and by the 28th: September's figure is not due yet on the 26th, June's is (since
        # 28 August)
        deadlines.set_deadline(ws, con, ADMIN, target(con, "graduate_tracking"), 2, 28, at=AT)
        assert graduates(con) == {
            "status": "no_data",
            "due": date(2026, 11, 28),
            "reminder": ("6月", date(2026, 8, 28), 90),
        }
        held = deadlines.current(con, 2026)
        assert held[["id", "lag", "day", "user_name"]].values.tolist() == [
            ["graduate_tracking", 2, 28, "admin"]
        ]
        log = audit.entries(con)
        steps = log[log["action"] == "deadline"]
        assert steps["outcome"].tolist() == ["set", "set"]
    before = tables(ws.db_path)
    assert len(before["report_deadlines"]) == 2
    if engine == "duckdb":  # the journal is the truth: a database made again from it
        ws.db_path.unlink()
        rebuild(ws)
        assert tables(ws.db_path) == before
        (ws.data_dir / "journal.jsonl").unlink()  # and a journal written again from it
        rebuild(ws)
        assert tables(ws.db_path) == before
    else:
        rebuild(ws)
        assert tables(ws.db_path) == before
    with open_store(ws) as con:
        deadlines.set_deadline(ws, con, ADMIN, target(con, "graduate_tracking"), None, None)
        assert deadlines.current(con, 2026).empty  # back on the default rule
        assert graduates(con)["reminder"] == ("9月", date(2026, 10, 15), 42)


@pytest.mark.both_engines
def test_only_an_admin_sets_a_deadline_and_only_a_sensible_one(sample_ws):
    with open_store(sample_ws) as con:
        row = target(con, "graduate_tracking")
        with pytest.raises(NotAllowed) as refused:
            deadlines.set_deadline(
                sample_ws, con, User("fgw", "uploader", ("市发展改革委",)), row, 2, 20
            )
        assert refused.value.text("zh") == "fgw 不是管理员，不能设定报送期限"
        with pytest.raises(deadlines.DeadlineRefused) as bad:
            deadlines.set_deadline(sample_ws, con, ADMIN, row, None, 31)
        assert bad.value.text("en") == "The report day must be 1 to 28 (every month has it), not 31"
        assert deadlines.current(con).empty


def test_an_admin_sets_a_deadline_on_the_detail_page(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    at = login(start(sample_ws, monkeypatch), "admin")
    at.switch_page("ui/detail.py").run()
    at.selectbox(key="target").set_value("graduate_tracking").run()
    captions = [c.value for c in at.caption]
    assert "默认规则：每期数据于期末后第1个月的15日前报送。" in captions
    at.number_input[0].set_value(2)
    at.number_input[1].set_value(28)
    button(at, "保存报送期限").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "报送期限已保存。"
    captions = [c.value for c in at.caption]
    assert any(
        c.startswith("本指标单独设定：每期数据于期末后第2个月的28日前报送（admin设定于")
        for c in captions
    )
    at.switch_page("ui/overview.py").run()
    owing = at.dataframe[-1].value  # the overdue reports follow the target's own deadline
    assert owing.values.tolist()[0] == [
        "市人力资源和社会保障局",
        1,
        90,
        "离校未就业高校毕业生跟踪服务全覆盖（6月，逾期90天）",
    ]
    viewer = start(sample_ws, monkeypatch)
    viewer.switch_page("ui/detail.py").run()
    viewer.selectbox(key="target").set_value("graduate_tracking").run()
    assert viewer.number_input.len == 0  # only an admin edits it


def cli(ws, *args):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir)}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=180)


@pytest.mark.both_engines
def test_deadlines_on_the_command_line(sample_ws):
    add_accounts(sample_ws)
    out = cli(sample_ws, "deadline", "set", "graduate_tracking", "--months", "2", "--day", "28")
    assert out.returncode == 2  # --user is required
    out = cli(sample_ws, "deadline", "set", "graduate_tracking", "--months", "2", "--user", "fgw")
    assert (out.returncode, out.stderr) == (1, "error: fgw is uploader; this needs an admin\n")
    out = cli(
        sample_ws,
        "deadline",
        "set",
        "graduate_tracking",
        "--default",
        "--day",
        "3",
        "--user",
        "admin",
    )
    assert out.returncode == 1 and "--default" in out.stderr
    out = cli(
        sample_ws,
        "deadline",
        "set",
        "graduate_tracking",
        "--months",
        "2",
        "--day",
        "28",
        "--user",
        "admin",
    )
    assert (out.returncode, out.stdout) == (
        0,
        "report deadline of 郑州市 2026 graduate_tracking set\n",
    )
    listed = cli(sample_ws, "deadline", "list", "--format", "csv")
    rows = listed.stdout.splitlines()
    assert rows[0] == "entity,year,id,months,day,user_name,set_at"
    assert rows[1].startswith("郑州市,2026,graduate_tracking,2,28,admin,")
    owing = cli(
        sample_ws, "reminders", "--as-of", "2026-10", "--today", "2026-11-26", "--format", "json"
    )
    mine = [r for r in json.loads(owing.stdout) if r["id"] == "graduate_tracking"]
    assert [(r["period_due"], r["due_date"], r["days_late"]) for r in mine] == [
        ("6月", "2026-08-28", 90)
    ]
    assert (
        cli(
            sample_ws, "deadline", "set", "graduate_tracking", "--default", "--user", "admin"
        ).returncode
        == 0
    )
    assert cli(sample_ws, "deadline", "list", "--format", "csv").stdout.splitlines()[1:] == []
