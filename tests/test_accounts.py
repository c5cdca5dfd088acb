"""The users file: private from the first byte, failing closed once accounts existed, and
changed the same way from the command line and the admin page."""

import json
import os
import stat

import pytest

from dashboard.core.access import User
from dashboard.services import account_changes, accounts, sessions
from dashboard.services.database import open_store, rebuild
from dashboard.services.private_files import replace_private
from dashboard.store import audit
from tests.conftest import PASSWORD, add_accounts
from tests.test_cli import add_user, run

ADMIN = User("admin", "admin")


def _users(ws):
    return accounts.users_path(ws.data_dir)


@pytest.mark.parametrize(
    "content, why",
    [
        (b"", "(0 bytes)"),
        (b'{"admin": {"password": "scrypt$1', "(incomplete or broken JSON at character 23)"),
        (b"\xff\xfe{", "(byte 0 is not UTF-8)"),
        (b"[]", "(not a table of accounts)"),
        (b'{"x": {"role": "admin"}}', "(not a table of accounts)"),
    ],
)
def test_a_damaged_users_file_is_refused_with_words(empty_ws, content, why):
    _users(empty_ws).write_bytes(content)
    with pytest.raises(accounts.AccountsDamaged) as caught:
        accounts.directory(empty_ws)
    assert str(caught.value).startswith("The accounts file users.json cannot be read (")
    assert why in str(caught.value)
    assert caught.value.text("zh").startswith("账户文件 users.json 无法读取（")


@pytest.mark.both_engines
@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_lost_users_file_fails_closed_once_accounts_existed(empty_ws, how):
    assert accounts.directory(empty_ws) == {}  # a fresh install: the first-admin form
    add_accounts(empty_ws)
    assert set(accounts.directory(empty_ws)) == {"admin", "fgw", "cgj", "guest"}
    if how == "deleted":
        _users(empty_ws).unlink()
    else:
        _users(empty_ws).write_text("{}", "utf-8")
    with pytest.raises(accounts.AccountsLost, match="missing or empty although"):
        accounts.directory(empty_ws)
    with pytest.raises(accounts.AccountsLost):
        accounts.acting_user(empty_ws, "ghost", "admin")


@pytest.mark.both_engines
def test_the_note_survives_a_rebuild_and_a_new_process(empty_ws):
    add_accounts(empty_ws)
    accounts.directory(empty_ws)
    rebuild(empty_ws)
    _users(empty_ws).unlink()
    with open_store(empty_ws) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'accounts_since'").fetchone()
    out = run(empty_ws, "snapshot", "--as-of", "2026-10", "--user", "ghost")
    assert out.returncode == 1
    assert out.stderr.startswith("error: The accounts file users.json is missing or empty")
    assert "Traceback" not in out.stderr


def test_a_lost_database_keeps_when_accounts_began_from_the_journal(empty_ws):
    """The note was set to the rebuild's clock when the database was gone: a value a
    rebuild changed. The journal's first account change says when accounts began."""
    from datetime import datetime

    from dashboard.services import audit_log

    if empty_ws.on_server:
        pytest.skip("a server's database is its journal: it is not lost alone")
    with open_store(empty_ws) as con:
        user = accounts.add_user(_users(empty_ws), "chief", PASSWORD, "admin", [])
        at = datetime(2026, 3, 1, 8, 0, 5, 250000)
        audit_log.account_change(empty_ws, con, "cli", "user_add", user, at=at)
    accounts.directory(empty_ws)
    empty_ws.db_path.unlink()
    assert rebuild(empty_ws) == []
    with open_store(empty_ws) as con:
        since = con.execute("SELECT value FROM meta WHERE key = 'accounts_since'").fetchone()
    assert since == ("2026-03-01T08:00:05",)


def test_cli_commands_fail_closed_with_a_message(empty_ws, tmp_path):
    assert add_user(empty_ws, "chief", "admin").returncode == 0
    _users(empty_ws).write_bytes(b"")  # 0 bytes
    for args in (
        ["snapshot", "--as-of", "2026-10", "--user", "ghost"],
        ["ingest", str(tmp_path / "x.csv"), "--user", "ghost"],
        ["user", "list"],
    ):
        (tmp_path / "x.csv").write_text("指标,时期,数值\n充电桩,2026年10月,1\n", "utf-8")
        out = run(empty_ws, *args)
        assert out.returncode == 1, args
        assert out.stderr == (
            "error: The accounts file users.json cannot be read (0 bytes); logins are "
            "stopped. An administrator must restore it from a backup.\n"
        )
    # a damaged file is never overwritten, even by the shell's way back
    assert add_user(empty_ws, "new", "admin").returncode == 1
    assert _users(empty_ws).read_bytes() == b""


def test_the_shell_can_start_again_only_on_purpose(empty_ws):
    assert add_user(empty_ws, "chief", "admin").returncode == 0
    _users(empty_ws).unlink()
    refused = add_user(empty_ws, "boss", "admin")
    assert refused.returncode == 1 and "--recreate" in refused.stderr
    cmd = ["user", "add", "boss", "--role", "admin", "--recreate"]
    out = _run_with_password(empty_ws, cmd)
    assert out.returncode == 0, out.stderr
    assert set(accounts.directory(empty_ws)) == {"boss"}
    with open_store(empty_ws) as con:
        last = audit.entries(con).iloc[-1]
    assert (last["user_name"], last["action"], json.loads(last["detail"])["recreated"]) == (
        "cli",
        "user_add",
        True,
    )


def _run_with_password(ws, args):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, "DASHBOARD_DATA": str(ws.data_dir)},
        timeout=120,
    )


def test_unknown_departments_are_refused_naming_the_known_ones(empty_ws):
    out = add_user(empty_ws, "li", "uploader", "发改委")
    assert out.returncode == 1
    assert out.stderr.startswith(
        "error: the catalogue has no department 发改委. Known departments: 市交通运输局, 市人力"
    )
    assert "市发展改革委" in out.stderr and "郑州航空港经济综合实验区管委会" in out.stderr
    assert not _users(empty_ws).exists()
    assert add_user(empty_ws, "li", "uploader").returncode == 1  # an uploader needs one
    assert add_user(empty_ws, "li", "uploader", "市发展改革委").returncode == 0
    moved = run(empty_ws, "user", "set", "li", "--role", "uploader", "--department", "商务局")
    assert moved.returncode == 1 and "no department 商务局" in moved.stderr


def test_disable_enable_delete_from_the_command_line(empty_ws):
    assert add_user(empty_ws, "chief", "admin").returncode == 0
    assert add_user(empty_ws, "fgw", "uploader", "市发展改革委").returncode == 0
    assert run(empty_ws, "user", "disable", "fgw").stdout == "disabled fgw; 0 session(s) ended\n"
    listed = run(empty_ws, "user", "list").stdout.splitlines()
    assert listed[0].split() == ["name", "role", "departments", "status", "created"]
    assert [line.split()[:-1] for line in listed[2:]] == [
        ["chief", "admin", "active"],
        ["fgw", "uploader", "市发展改革委", "disabled"],
    ]
    refused = run(empty_ws, "ingest", "--dry-run", __file__, "--user", "fgw")
    assert refused.stderr == "error: account 'fgw' is disabled\n"
    assert accounts.authenticate(_users(empty_ws), "fgw", PASSWORD) is None
    assert run(empty_ws, "user", "enable", "fgw").stdout == "enabled fgw\n"
    assert accounts.authenticate(_users(empty_ws), "fgw", PASSWORD).name == "fgw"
    assert run(empty_ws, "user", "delete", "fgw").stdout == "deleted fgw; 0 session(s) ended\n"
    assert set(accounts.directory(empty_ws)) == {"chief"}
    last = run(empty_ws, "user", "delete", "chief")
    assert last.returncode == 1 and last.stderr == (
        "error: chief is the only administrator who can log in: add or enable another first\n"
    )
    with open_store(empty_ws) as con:
        actions = audit.entries(con)["action"].tolist()
    assert actions[-3:] == ["user_disable", "user_enable", "user_delete"]


def test_the_last_administrator_cannot_lock_everyone_out(empty_ws):
    add_accounts(empty_ws)
    with open_store(empty_ws):
        pass  # the catalogue, whose departments accounts may report for
    now = 1_800_000_000.0
    with pytest.raises(accounts.AccountError, match="only administrator"):
        account_changes.set_disabled(empty_ws, ADMIN, "admin", True, now)
    with pytest.raises(accounts.AccountError, match="only administrator"):
        account_changes.set_role(empty_ws, ADMIN, "admin", "viewer", [], now)
    account_changes.set_role(empty_ws, ADMIN, "guest", "admin", [], now)
    account_changes.set_disabled(empty_ws, ADMIN, "admin", True, now)  # guest remains
    with pytest.raises(accounts.NotAllowed, match="guest is uploader|needs an admin"):
        account_changes.delete(empty_ws, User("fgw", "uploader"), "guest", now)


def test_the_users_file_is_private_from_its_first_byte(empty_ws, monkeypatch):
    created = []
    real_open = os.open

    def watching(path, flags, mode=0o777, *args, **kwargs):
        if flags & os.O_CREAT:
            created.append((os.path.basename(path), mode))
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching)
    old = os.umask(0)  # the mode alone must keep others out
    try:
        add_accounts(empty_ws)
        key = sessions.signing_key(empty_ws.data_dir)
    finally:
        os.umask(old)
    names = [n for n, _ in created]
    assert {mode for _, mode in created} == {0o600}
    assert "users.json.lock" in names
    assert any(n.startswith(".users.json.") and n.endswith(".tmp") for n in names)
    assert any(n.startswith(".session.key.") and n.endswith(".tmp") for n in names)
    for path in (_users(empty_ws), empty_ws.data_dir / "session.key"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert len(key) == 32 and sessions.signing_key(empty_ws.data_dir) == key
    assert not list(empty_ws.data_dir.glob(".*.tmp"))


def test_replacing_keeps_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "f.json"
    replace_private(path, b"old")
    with pytest.raises(TypeError):
        replace_private(path, "not bytes")  # type: ignore[arg-type]
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["f.json"]
