"""Departments, roles and the audit trail: accounts file, permissions, sessions, log."""

import json
import os
import stat
import time

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.access import User
from dashboard.services import accounts
from dashboard.services.database import open_store
from dashboard.store import audit
from tests.conftest import PASSWORD, add_accounts
from tests.files import csv_bytes
from tests.test_app import APP, button, login
from tests.test_cli import add_user, run


def test_passwords_are_salted_slow_hashes_never_clear(empty_ws):
    add_accounts(empty_ws)
    path = accounts.users_path(empty_ws.data_dir)
    text = path.read_text("utf-8")
    assert PASSWORD not in text
    users = json.loads(text)
    stored = users["fgw"]["password"]
    assert stored.startswith("scrypt$16384$8$1$") and stored != users["cgj"]["password"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert accounts.authenticate(path, "fgw", PASSWORD) == User(
        "fgw", "uploader", frozenset({"市发展改革委"})
    )
    assert accounts.authenticate(path, "fgw", PASSWORD + "x") is None
    assert accounts.authenticate(path, "nobody", PASSWORD) is None
    with pytest.raises(accounts.AccountError, match="at least 8 characters"):
        accounts.add_user(path, "short", "1234567", "viewer", [])
    with pytest.raises(accounts.AccountError, match="exists"):
        accounts.add_user(path, "fgw", PASSWORD, "viewer", [])


@pytest.mark.parametrize(
    "user, department, allowed",
    [
        (User("a", "admin"), "任何单位", True),
        (User("u", "uploader", frozenset({"甲"})), "甲", True),
        (User("u", "uploader", frozenset({"甲", "乙"})), "乙", True),
        (User("u", "uploader", frozenset({"甲"})), "乙", False),
        (User("v", "viewer"), "甲", False),
    ],
)
def test_who_may_edit_what(user, department, allowed):
    assert user.may_edit(department) is allowed


def test_uploader_of_another_department_is_refused_and_nothing_stored(empty_ws, tmp_path):
    assert add_user(empty_ws, "cgj", "uploader", "市城市管理局").returncode == 0
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        csv_bytes(
            [
                ["指标", "时期", "数值", "单位"],
                ["公共停车位", "2026年10月", "2.7", "万个"],
                ["充电桩", "2026年10月", "2450", "个"],
            ]
        )
    )
    out = run(empty_ws, "ingest", str(mixed), "--user", "cgj")
    assert out.returncode == 1
    assert out.stdout.splitlines()[0] == (
        "mixed.csv:3:C: 新建电动汽车公共充电桩 belongs to Development and Reform Commission; cgj "
        "reports for Urban Management Bureau — send this row to that department, or ask an "
        "administrator"
    )
    with open_store(empty_ws) as con:
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == 0
    override = run(empty_ws, "ingest", str(mixed), "--user", "ops", "--admin-override")
    assert override.returncode == 0
    viewer = run(empty_ws, "ingest", str(mixed), "--user", "nobody")
    assert viewer.returncode == 1 and viewer.stderr.startswith("error: no account 'nobody'")


def test_audit_log_shows_every_action_in_order(empty_ws, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "2450"]]))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "x"]]))
    assert add_user(empty_ws, "fgw", "uploader", "市发展改革委").returncode == 0
    assert add_user(empty_ws, "chief", "admin").returncode == 0
    for args in (
        ["ingest", str(good), "--user", "fgw"],
        ["ingest", str(bad), "--user", "fgw"],
        ["snapshot", "--as-of", "2026-10", "--user", "chief"],
        [
            "export",
            "--snapshot",
            "1",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "s.csv"),
            "--user",
            "chief",
        ],
    ):
        run(empty_ws, *args)
    log = json.loads(run(empty_ws, "audit", "--format", "json").stdout)
    assert [(e["user_name"], e["action"], e["outcome"]) for e in log] == [
        ("system", "journal", "started"),
        ("system", "catalogue", "loaded"),
        ("sample-data", "samples", "loaded"),
        ("cli", "user_add", "ok"),
        ("cli", "user_add", "ok"),
        ("fgw", "upload", "accepted"),
        ("fgw", "upload", "refused"),
        ("chief", "snapshot", "taken"),
        ("chief", "export", "csv"),
    ]
    accepted = json.loads(log[5]["detail"])
    assert (accepted["file"], accepted["figures"], accepted["new"]) == ("good.csv", 1, 1)
    assert len(accepted["sha256"]) == 64
    assert json.loads(log[6]["detail"])["rows"] == [2]
    assert json.loads(log[3]["detail"]) == {
        "account": "fgw",
        "departments": ["市发展改革委"],
        "role": "uploader",
    }
    assert all(PASSWORD not in e["detail"] for e in log)


@pytest.fixture
def app_env(sample_ws, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DB", str(sample_ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_ws.data_dir))
    return sample_ws


def test_first_start_asks_for_an_administrator(app_env):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.info[0].value == "尚未设置账户：请先创建管理员。"
    at.text_input(key="admin_name").set_value("boss")
    at.text_input(key="admin_password").set_value(PASSWORD)
    at.text_input(key="admin_password_again").set_value(PASSWORD + "x")
    button(at, "创建管理员并登录").click().run()
    assert at.error[0].value == "两次输入的密码不一致"
    at.text_input(key="admin_password_again").set_value(PASSWORD)
    button(at, "创建管理员并登录").click().run()
    assert at.sidebar.markdown[0].value.startswith("**boss** · 管理员")
    users = accounts.load(accounts.users_path(app_env.data_dir))
    assert users["boss"]["role"] == "admin" and PASSWORD not in json.dumps(users)


def test_sessions_expire(app_env, monkeypatch):
    add_accounts(app_env)
    monkeypatch.setenv("DASHBOARD_SESSION_HOURS", str(0.5 / 3600))
    at = login(AppTest.from_file(APP, default_timeout=60).run(), "fgw")
    assert at.sidebar.markdown[0].value.startswith("**fgw**")
    time.sleep(0.6)
    at.run()
    assert at.warning[0].value == "登录已过期，请重新登录。"
    with open_store(app_env) as con:
        log = audit.entries(con)
    assert log[["user_name", "action", "outcome"]].values.tolist()[-2:] == [
        ["fgw", "login", "ok"],
        ["fgw", "logout", "expired"],
    ]


def test_without_public_mode_viewing_needs_a_login(app_env, monkeypatch):
    add_accounts(app_env)
    monkeypatch.setenv("DASHBOARD_PUBLIC", "0")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.info[0].value == "请先在左侧登录。" and not at.title
    login(at, "guest")
    assert at.title[0].value == "目标进度看板 · 2026年10月"
