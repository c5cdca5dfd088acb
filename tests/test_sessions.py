"""Logins and sessions through the services: tokens that end on logout, on a new password
and on a disabled account; the back-off after failed logins; the one-time cookie grant."""

import json

import pytest

from dashboard.core.access import User
from dashboard.services import account_changes, accounts, logins, sessions
from dashboard.services.database import open_store
from dashboard.store import audit
from tests.conftest import PASSWORD, add_accounts

NOW = 1_800_000_000.0  # 2027-01-15 08:00 UTC; every clock here is passed in
ADMIN = User("admin", "admin")


# Login sessions and back-off live in the store: on both engines.
pytestmark = pytest.mark.both_engines


@pytest.fixture
def ws(empty_ws):
    add_accounts(empty_ws)
    with open_store(empty_ws):
        pass
    return empty_ws


def _log(ws, n: int = 0) -> list[tuple[str, str, str]]:
    with open_store(ws) as con:
        log = audit.entries(con)
    rows = log[["user_name", "action", "outcome"]].values.tolist()
    return [tuple(r) for r in rows[-n:]] if n else [tuple(r) for r in rows]


def test_a_token_resumes_until_logout_everywhere(ws):
    user, token = logins.log_in(ws, "fgw", PASSWORD, "10.0.0.7", NOW)
    assert user == User("fgw", "uploader", frozenset({"市发展改革委"}))
    resumed = sessions.resume(ws, token, NOW + 60)  # a reload, a second tab: same token
    assert resumed == sessions.Resumed(user)
    sessions.end(ws, token, NOW + 120)
    assert sessions.resume(ws, token, NOW + 121) == sessions.Resumed(None, "logout")
    assert _log(ws, 2) == [("fgw", "login", "ok"), ("fgw", "logout", "ok")]
    sessions.end(ws, token, NOW + 130)  # a second logout records nothing more
    assert _log(ws, 1) == [("fgw", "logout", "ok")]


def test_a_token_expires_and_the_expiry_is_audited_once(ws, monkeypatch):
    monkeypatch.setenv("DASHBOARD_SESSION_HOURS", "8")
    _, token = logins.log_in(ws, "fgw", PASSWORD, "local", NOW)
    assert sessions.resume(ws, token, NOW + 8 * 3600 - 1).user is not None
    assert sessions.resume(ws, token, NOW + 8 * 3600) == sessions.Resumed(None, "expired")
    assert sessions.resume(ws, token, NOW + 9 * 3600) == sessions.Resumed(None, "expired")
    assert _log(ws, 2) == [("fgw", "login", "ok"), ("fgw", "logout", "expired")]


def test_a_new_password_ends_every_session_of_the_account(ws):
    _, phone = logins.log_in(ws, "fgw", PASSWORD, "10.0.0.8", NOW)
    _, desk = logins.log_in(ws, "fgw", PASSWORD, "10.0.0.7", NOW + 1)
    _, other = logins.log_in(ws, "cgj", PASSWORD, "10.0.0.7", NOW + 2)
    ended = account_changes.reset_password(ws, ADMIN, "fgw", "a new secret 8", NOW + 10)
    assert ended == 2
    for token in (phone, desk):
        assert sessions.resume(ws, token, NOW + 11) == sessions.Resumed(None, "password")
    assert sessions.resume(ws, other, NOW + 11).user.name == "cgj"
    with pytest.raises(logins.LoginRefused):
        logins.log_in(ws, "fgw", PASSWORD, "10.0.0.7", NOW + 12)
    assert logins.log_in(ws, "fgw", "a new secret 8", "10.0.0.7", NOW + 13)[0].name == "fgw"
    with open_store(ws) as con:
        log = audit.entries(con)
    reset = log[log["action"] == "user_passwd"].iloc[-1]
    assert reset["user_name"] == "admin"
    assert json.loads(reset["detail"])["sessions_ended"] == 2


def test_a_password_changed_behind_our_back_still_ends_the_token(ws):
    """The command line may change the users file while the database is busy elsewhere:
    the token's password mark alone refuses it."""
    _, token = logins.log_in(ws, "fgw", PASSWORD, "local", NOW)
    accounts.set_password(accounts.users_path(ws.data_dir), "fgw", "another one 9")
    assert sessions.resume(ws, token, NOW + 1) == sessions.Resumed(None, "password")


def test_changing_ones_own_password_checks_the_current_one(ws):
    fgw = User("fgw", "uploader", frozenset({"市发展改革委"}))
    _, token = logins.log_in(ws, "fgw", PASSWORD, "local", NOW)
    with pytest.raises(accounts.AccountError, match="the two passwords differ"):
        account_changes.change_own_password(
            ws, fgw, PASSWORD, "new pass 88", "new pass 89", "l", NOW
        )
    with pytest.raises(logins.LoginRefused):
        account_changes.change_own_password(
            ws, fgw, "wrong", "new pass 88", "new pass 88", "l", NOW
        )
    assert _log(ws, 1) == [("fgw", "login", "failed")]
    assert (
        account_changes.change_own_password(
            ws, fgw, PASSWORD, "new pass 88", "new pass 88", "l", NOW + 1
        )
        == 1
    )
    assert sessions.resume(ws, token, NOW + 2) == sessions.Resumed(None, "password")


@pytest.mark.parametrize("how", ["disable", "delete"])
def test_a_disabled_or_deleted_account_loses_its_sessions(ws, how):
    _, token = logins.log_in(ws, "cgj", PASSWORD, "local", NOW)
    if how == "disable":
        assert account_changes.set_disabled(ws, ADMIN, "cgj", True, NOW + 1) == 1
    else:
        assert account_changes.delete(ws, ADMIN, "cgj", NOW + 1) == 1
    assert sessions.resume(ws, token, NOW + 2) == sessions.Resumed(None, "account")
    with pytest.raises(logins.LoginRefused):
        logins.log_in(ws, "cgj", PASSWORD, "local", NOW + 3)


def test_a_forged_or_foreign_token_is_nobody(ws, monkeypatch):
    _, token = logins.log_in(ws, "guest", PASSWORD, "local", NOW)
    payload = token.split(".")[1]
    assert sessions.resume(ws, token.replace(payload, payload[::-1]), NOW).ended == "invalid"
    monkeypatch.setenv("DASHBOARD_SECRET", "s" * 40)  # another key: every token ends
    assert sessions.resume(ws, token, NOW) == sessions.Resumed(None, "invalid")
    monkeypatch.setenv("DASHBOARD_SECRET", "too short")
    with pytest.raises(sessions.SessionKeyError, match="at least 32 characters"):
        sessions.resume(ws, token, NOW)


def test_failed_logins_back_off_per_account(ws):
    for i in range(5):
        with pytest.raises(logins.LoginRefused):
            logins.log_in(ws, "admin", f"guess {i}", "10.0.0.66", NOW + i)
    # the sixth try waits 30 s after the fifth failure, even with the right password
    with pytest.raises(logins.LoginThrottled) as caught:
        logins.log_in(ws, "admin", PASSWORD, "10.0.0.1", NOW + 10)
    assert caught.value.wait == 24.0
    assert str(caught.value) == "Too many failed logins; try again in 24 s."
    assert caught.value.text("zh") == "登录失败次数过多，请 24 秒后再试。"
    assert logins.log_in(ws, "admin", PASSWORD, "10.0.0.1", NOW + 34)[0].name == "admin"
    # a success forgives the account: five more mistakes are free again
    assert logins.wait_before(ws, "admin", "10.0.0.1", NOW + 35) == 0
    assert _log(ws, 7) == [
        *[("admin", "login", "failed")] * 5,
        ("admin", "login", "throttled"),
        ("admin", "login", "ok"),
    ]


def test_failed_logins_back_off_per_client_across_names(ws):
    for i in range(20):
        with pytest.raises(logins.LoginRefused):
            logins.log_in(ws, f"user{i}", "guess", "203.0.113.9", NOW + i)
    with pytest.raises(logins.LoginThrottled) as caught:
        logins.log_in(ws, "guest", PASSWORD, "203.0.113.9", NOW + 20)
    assert caught.value.wait == 29.0
    # another address is not held back by this one
    assert logins.log_in(ws, "guest", PASSWORD, "198.51.100.4", NOW + 20)[0].name == "guest"


def test_long_waits_are_said_in_minutes(ws):
    for i in range(9):
        with pytest.raises((logins.LoginRefused, logins.LoginThrottled)):
            logins.log_in(ws, "admin", "guess", "local", NOW + i * 1000)
    with pytest.raises(logins.LoginThrottled) as caught:
        logins.log_in(ws, "admin", "guess", "local", NOW + 8000 + 1)
    assert str(caught.value) == "Too many failed logins; try again in 8 min."


def test_names_from_failed_logins_are_capped(ws):
    huge = "x" * (2 * 1024 * 1024)
    with pytest.raises(logins.LoginRefused):
        logins.log_in(ws, huge, "guess", "h" * 10_000, NOW)
    with open_store(ws) as con:
        last = audit.entries(con).iloc[-1]
        failures = con.execute("SELECT account, client FROM login_failures").fetchall()
    assert last["user_name"] == "x" * 63 + "…"
    assert json.loads(last["detail"]) == {"client": "h" * 63 + "…"}
    assert failures == [("x" * 63 + "…", "h" * 63 + "…")]


def test_the_first_administrator_only_on_a_fresh_install(empty_ws):
    with pytest.raises(accounts.AccountError, match="the two passwords differ"):
        logins.first_admin(empty_ws, "boss", PASSWORD, PASSWORD + "!", "local", NOW)
    user, token = logins.first_admin(empty_ws, "boss", PASSWORD, PASSWORD, "local", NOW)
    assert user == User("boss", "admin") and sessions.resume(empty_ws, token, NOW).user == user
    with pytest.raises(accounts.AccountError, match="accounts exist already"):
        logins.first_admin(empty_ws, "eve", PASSWORD, PASSWORD, "local", NOW)
    accounts.users_path(empty_ws.data_dir).write_text("{}", "utf-8")
    with pytest.raises(accounts.AccountsLost):
        logins.first_admin(empty_ws, "eve", PASSWORD, PASSWORD, "local", NOW)
    assert accounts.load(accounts.users_path(empty_ws.data_dir)) == {}


def test_a_cookie_grant_works_once_and_briefly():
    handoff = sessions.Handoff()
    code = handoff.grant("the token", NOW)
    assert handoff.redeem("another", NOW) is None
    assert handoff.redeem(code, NOW + 1) == "the token"
    assert handoff.redeem(code, NOW + 2) is None
    late = handoff.grant("the token", NOW)
    assert handoff.redeem(late, NOW + sessions.GRANT_SECONDS) is None


def _cookie_answer_without_its_component():
    import streamlit as st

    from dashboard.ui import session_cookie

    st.session_state.setdefault("cookie_grant", "one-time")
    session_cookie._done()  # the component's answer, to a run that lost its key
    st.text(repr(st.session_state.get("cookie_grant")))
    st.text(repr(st.session_state.get("cookie_tab_only")))


def test_the_cookies_answer_to_a_run_without_its_component_is_no_error():
    """QA: an uploader logging in on a phone landed on 我的部门 and saw Streamlit's error
    page: the answer of the cookie component came to a run that no longer had its key."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_cookie_answer_without_its_component).run()
    assert not at.exception
    assert [t.value for t in at.text] == ["None", "None"]
