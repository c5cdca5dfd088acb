"""Logging in with a name and password: back-off after failures, the audit trail, and the
first administrator of a fresh install. Pages call these; sessions.start signs the token.

Every name kept from a login form is clipped (core/access.clipped), so a hostile form
cannot grow the database; the client is the address the web server saw.
"""

import math
from datetime import datetime, timedelta

from dashboard.core import throttle
from dashboard.core.access import User, clipped
from dashboard.core.errors import DashboardError
from dashboard.services import accounts, audit_log, sessions
from dashboard.services.workspace import Workspace
from dashboard.store import sessions as store_sessions
from dashboard.store.connection import connect


class LoginRefused(DashboardError):
    """Wrong name or password (which of the two is not said)."""


class LoginThrottled(DashboardError):
    """Too many failed logins for this account or from this client: wait before trying."""

    def __init__(self, wait: float):
        self.wait = wait
        if wait < 120:
            super().__init__("login.wait_seconds", seconds=math.ceil(wait))
        else:
            super().__init__("login.wait_minutes", minutes=math.ceil(wait / 60))


def _epoch(times: list[datetime]) -> list[float]:
    return [t.timestamp() for t in times]


def wait_before(ws: Workspace, name: str, client: str, now: float) -> float:
    """Seconds the next login attempt for `name` from `client` must wait (0: go ahead)."""
    since = datetime.fromtimestamp(now - throttle.memory())
    with connect(ws.db_path) as con:
        by_account, by_client = store_sessions.failures(con, name, client, since)
    return throttle.login_wait(_epoch(by_account), _epoch(by_client), now)


def verify(ws: Workspace, name: str, password: str, client: str, now: float) -> User:
    """The user if `password` is theirs, else LoginThrottled / LoginRefused (each audited).

    While the back-off lasts the password is not even checked.
    """
    name, client = clipped(name), clipped(client)
    at = datetime.fromtimestamp(now)
    wait = wait_before(ws, name, client, now)
    if wait > 0:
        with connect(ws.db_path) as con:
            audit_log.record(ws, con, name, "login", "throttled", at=at, client=client)
        raise LoginThrottled(wait)
    user = accounts.authenticate(accounts.users_path(ws.data_dir), name, password)
    with connect(ws.db_path) as con:
        if user is None:
            keep = at - timedelta(seconds=throttle.memory())
            store_sessions.add_failure(con, at, name, client, keep)
            audit_log.record(ws, con, name, "login", "failed", at=at, client=client)
            raise LoginRefused("login_failed")
        store_sessions.clear_failures(con, name)
    return user


def log_in(ws: Workspace, name: str, password: str, client: str, now: float) -> tuple[User, str]:
    """The user and a session token, or LoginThrottled / LoginRefused (each audited)."""
    user = verify(ws, name, password, client, now)
    with connect(ws.db_path) as con:
        audit_log.record(
            ws,
            con,
            user.name,
            "login",
            "ok",
            at=datetime.fromtimestamp(now),
            client=clipped(client),
        )
    return user, sessions.start(ws, user, client, now)


def first_admin(
    ws: Workspace, name: str, password: str, again: str, client: str, now: float
) -> tuple[User, str]:
    """Create the administrator of a fresh install and log them in.

    Refused once any account exists or ever existed (the form is for a fresh install only).
    """
    accounts.repeated(password, again)
    if accounts.directory(ws):  # AccountsLost if accounts existed and the file is gone
        raise accounts.AccountError("account.not_first")
    path = accounts.users_path(ws.data_dir)
    user = accounts.add_user(path, name, password, "admin", [], first=True)
    accounts.remember(ws)
    at = datetime.fromtimestamp(now)
    with connect(ws.db_path) as con:
        audit_log.account_change(ws, con, user.name, "user_add", user, at=at)
        audit_log.record(ws, con, user.name, "login", "ok", at=at, client=clipped(client))
    return user, sessions.start(ws, user, client, now)
