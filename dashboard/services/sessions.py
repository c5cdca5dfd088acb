"""Logins that survive a reload, a new tab and a shared link: signed, expiring tokens kept
in an HttpOnly cookie, ended by logout, by a password change and by a disabled account.

A login starts a session (a row in the database, store/sessions) and signs a token for it
(core/tokens). The page cannot set an HttpOnly cookie itself: it hands the browser a
one-time grant, which the web server (dashboard/server.py) exchanges for the cookie, so
the token never passes through page script. Each rerun resumes the token: signature,
account still enabled, password unchanged, session not ended, not expired.

The signing key is DASHBOARD_SECRET, or else data/session.key, made 0600 on first use.
"""

import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from dashboard.core import tokens
from dashboard.core.access import User, clipped
from dashboard.core.errors import DashboardError
from dashboard.services import accounts, audit_log
from dashboard.services.private_files import create_private
from dashboard.services.workspace import Workspace, db_version
from dashboard.store import sessions as store_sessions
from dashboard.store.connection import connect

COOKIE = "dashboard_session"
LANG_COOKIE = "dashboard_lang"
KEY_FILE = "session.key"
SECRET_MIN = 32  # characters of DASHBOARD_SECRET
GRANT_SECONDS = 60


class SessionKeyError(DashboardError):
    """The signing key cannot be used: nobody can log in until it is fixed."""


def session_seconds() -> float:
    return float(os.environ.get("DASHBOARD_SESSION_HOURS", "8")) * 3600


def signing_key(data_dir: Path) -> bytes:
    return _key(str(data_dir), os.environ.get("DASHBOARD_SECRET", ""))


@lru_cache(maxsize=8)
def _key(data_dir: str, secret: str) -> bytes:
    if secret:
        if len(secret) < SECRET_MIN:
            raise SessionKeyError("session.secret_short", min=SECRET_MIN)
        return secret.encode("utf-8")
    path = Path(data_dir) / KEY_FILE
    create_private(path, secrets.token_hex(32).encode("ascii"))  # no-op once it exists
    try:
        return bytes.fromhex(path.read_text("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError) as err:
        raise SessionKeyError("session.key_damaged", file=path.name) from err


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch)


def _mark(ws: Workspace, record: dict) -> str:
    return tokens.password_mark(signing_key(ws.data_dir), record["password"])


def start(ws: Workspace, user: User, client: str, now: float) -> str:
    """Open a session for `user` (whose password was just checked); its signed token."""
    record = accounts.enabled(accounts.directory(ws), user.name)
    if record is None:
        raise accounts.AccountError("account.unknown", name=user.name)
    sid = secrets.token_urlsafe(18)
    expires = now + session_seconds()
    with connect(ws.db_path) as con:
        store_sessions.open_session(con, sid, user.name, clipped(client), _at(now), _at(expires))
    claims = tokens.Claims(user.name, sid, expires, _mark(ws, record))
    return tokens.sign(signing_key(ws.data_dir), claims)


@dataclass(frozen=True)
class Resumed:
    """The user a token stands for, or why it no longer stands for anyone:
    invalid | expired | logout | password | account."""

    user: User | None
    ended: str | None = None


def resume(ws: Workspace, token: str, now: float) -> Resumed:
    claims = tokens.read(signing_key(ws.data_dir), token)
    if claims is None:
        return Resumed(None, "invalid")
    record = accounts.enabled(accounts.directory(ws), claims.user)
    if record is None:
        return Resumed(None, "account")
    if _mark(ws, record) != claims.mark:
        return Resumed(None, "password")
    row = _session(ws.db_path, claims.sid, db_version(ws.db_path))
    if row is None:
        return Resumed(None, "invalid")
    if row.ended_at is not None:
        return Resumed(None, row.ended_why)
    if claims.expired(now):
        _end(ws, claims, now, "expired")
        return Resumed(None, "expired")
    return Resumed(accounts.to_user(claims.user, record))


# Every rerun of every page resumes its token: the row is read once per database version
# (any write changes it), not once per rerun.
@lru_cache(maxsize=512)
def _session(db_path: Path, sid: str, version: tuple) -> store_sessions.Session | None:
    with connect(db_path) as con:
        return store_sessions.session(con, sid)


def end(ws: Workspace, token: str, now: float) -> None:
    """Log out: the token stops working in every tab and browser that holds it."""
    claims = tokens.read(signing_key(ws.data_dir), token)
    if claims is not None:
        _end(ws, claims, now, "logout")


def _end(ws: Workspace, claims: tokens.Claims, now: float, why: str) -> None:
    with connect(ws.db_path) as con:
        if store_sessions.end_session(con, claims.sid, _at(now), why):
            outcome = "ok" if why == "logout" else why
            audit_log.record(ws, con, claims.user, "logout", outcome, at=_at(now))


def end_for_user(ws: Workspace, name: str, now: float, why: str) -> int:
    """End every open session of `name` (password changed, account disabled or deleted)."""
    with connect(ws.db_path) as con:
        return store_sessions.end_user_sessions(con, name, _at(now), why)


def open_counts(ws: Workspace, now: float) -> dict[str, int]:
    with connect(ws.db_path) as con:
        return store_sessions.open_counts(con, _at(now))


class Handoff:
    """One-time grants that the web server exchanges for the cookie holding a token.

    Page and server run in one process; a grant lives GRANT_SECONDS and works once.
    """

    def __init__(self) -> None:
        self._grants: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def grant(self, token: str, now: float) -> str:
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._grants = {c: g for c, g in self._grants.items() if g[1] > now}
            self._grants[code] = (token, now + GRANT_SECONDS)
        return code

    def redeem(self, code: str, now: float) -> str | None:
        with self._lock:
            token, until = self._grants.pop(code, (None, 0.0))
        return token if until > now else None


HANDOFF = Handoff()
