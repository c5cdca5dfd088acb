"""Local user accounts: a JSON file of salted, deliberately slow scrypt password hashes.

No outside service is needed; an organisation with an identity provider can map its users
to the same roles (see README, OIDC). Passwords are never stored or logged in clear.

    {"wang": {"password": "scrypt$…", "role": "uploader", "departments": ["市商务局"],
              "created": "2026-11-02T09:30:00", "disabled": true}}

Fail closed: the database notes that accounts exist (`remember`), and the users file
cannot erase that note. Once noted, a missing or emptied users file refuses every login
and every command that acts as a user (AccountsLost) instead of offering the first-
administrator form to whoever comes first; a damaged file does so always (AccountsDamaged).
"""

import base64
import fcntl
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import psycopg

from dashboard.core.access import (
    DEPARTMENT_ROLES,
    NAME_MAX,
    PASSWORD_MAX,
    PASSWORD_MIN,
    ROLES,
    User,
    clipped,
    name_problem,
    password_problem,
)
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Msg, Names
from dashboard.services.journal import first_at as journal_first_at
from dashboard.services.journal import has_kind as journal_has_kind
from dashboard.services.private_files import replace_private
from dashboard.services.workspace import Workspace
from dashboard.store.connection import connect
from dashboard.store.errors import StoreError
from dashboard.store.schema import ensure_schema, get_meta, has_table, note_once, set_meta

# scrypt cost: ~50 ms and 16 MiB per check on this class of machine — slow for an
# attacker trying guesses, unnoticeable at a login form.
N, R, P, DKLEN = 2**14, 8, 1, 32
MARKER = "accounts_since"  # meta key: when accounts were first seen


class AccountError(DashboardError, ValueError):
    """A user or password request that cannot be carried out (the message says why)."""


class NotAllowed(DashboardError, PermissionError):
    """The named account may not do this (or does not exist)."""


class AccountsDamaged(DashboardError):
    """The users file cannot be read: nobody can log in until it is repaired."""


class AccountsLost(DashboardError):
    """The users file is missing or empty although accounts existed: nobody can log in."""


def users_path(data_dir: Path) -> Path:
    return Path(os.environ.get("DASHBOARD_USERS") or data_dir / "users.json")


def _hash(password: str, salt: bytes, n: int = N, r: int = R, p: int = P) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=DKLEN, maxmem=64 * 1024 * 1024
    )


def hash_password(password: str) -> str:
    problem = password_problem(password)
    if problem:
        raise AccountError(problem, min=PASSWORD_MIN, max=PASSWORD_MAX)
    salt = secrets.token_bytes(16)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(_hash(password, salt)).decode()}"


def repeated(password: str, again: str) -> str:
    """A password typed twice: the same both times, or AccountError."""
    if password != again:
        raise AccountError("account.passwords_differ")
    return password


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = _hash(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(got, base64.b64decode(digest))


# -- the users file ---------------------------------------------------------------------


def _valid(users: object) -> bool:
    return isinstance(users, dict) and all(
        isinstance(r, dict)
        and isinstance(r.get("password"), str)
        and r.get("role") in ROLES
        and isinstance(r.get("departments", []), list)
        for r in users.values()
    )


def load(path: Path) -> dict:
    """Every account in the users file; {} if there is no file. Never a raw decode error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as err:
        raise AccountsDamaged("account.file_damaged", file=path.name, why=err.strerror) from err
    try:
        users = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        why = Msg.of("account.why_bytes", at=err.start)
        raise AccountsDamaged("account.file_damaged", file=path.name, why=why) from err
    except json.JSONDecodeError as err:
        why = Msg.of("account.why_json", at=err.pos) if raw else Msg("account.why_empty")
        raise AccountsDamaged("account.file_damaged", file=path.name, why=why) from err
    if not _valid(users):
        why = Msg("account.why_shape")
        raise AccountsDamaged("account.file_damaged", file=path.name, why=why)
    return users


def _save(path: Path, users: dict) -> None:
    data = json.dumps(users, ensure_ascii=False, indent=1).encode("utf-8")
    replace_private(path, data)


@contextmanager
def _changing(path: Path) -> Iterator[dict]:
    """Read, change and write the users file while holding its lock (CLI and pages may both
    write); a damaged file is refused rather than overwritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        users = load(path)
        yield users
        _save(path, users)
    finally:
        os.close(fd)


def _record(users: dict, name: str) -> dict:
    if name not in users:
        raise AccountError("account.unknown", name=name)
    return users[name]


def _check_role(role: str, departments: Collection[str], known: Collection[str] | None) -> None:
    if role not in ROLES:
        raise AccountError("account.bad_role", roles=Names(ROLES))
    if known is not None:
        unknown = sorted(set(departments) - set(known))
        if unknown:
            raise AccountError(
                "account.unknown_department",
                departments=Names(tuple(unknown)),
                known=Names(tuple(sorted(known))),
            )
    if role in DEPARTMENT_ROLES and not departments:
        raise AccountError("account.uploader_needs_department")


def _active_admins(users: dict) -> set[str]:
    return {n for n, r in users.items() if r["role"] == "admin" and not r.get("disabled")}


def _keep_an_admin(users: dict, name: str) -> None:
    """Refuse a change that would leave no administrator who can log in."""
    if _active_admins(users) == {name}:
        raise AccountError("account.last_admin", name=name)


def add_user(
    path: Path,
    name: str,
    password: str,
    role: str,
    departments: Collection[str],
    known: Collection[str] | None = None,
    first: bool = False,
) -> User:
    """A new account; `known` departments (the catalogue's) when the caller has them.
    `first`: only if the file holds no account yet (the first administrator's form)."""
    name = name.strip()
    problem = name_problem(name)
    if problem:
        raise AccountError(problem, max=NAME_MAX)
    _check_role(role, departments, known)
    hashed = hash_password(password)
    with _changing(path) as users:
        if first and users:
            raise AccountError("account.not_first")
        if name in users:
            raise AccountError("account.exists", name=name)
        users[name] = {
            "password": hashed,
            "role": role,
            "departments": sorted(set(departments)),
            "created": datetime.now().isoformat(timespec="seconds"),
        }
    return to_user(name, users[name])


def set_password(path: Path, name: str, password: str) -> None:
    hashed = hash_password(password)
    with _changing(path) as users:
        record = _record(users, name)
        record["password"] = hashed
        record["password_changed"] = datetime.now().isoformat(timespec="seconds")


def set_role(
    path: Path,
    name: str,
    role: str,
    departments: Collection[str],
    known: Collection[str] | None = None,
) -> User:
    _check_role(role, departments, known)
    with _changing(path) as users:
        record = _record(users, name)
        if role != "admin":
            _keep_an_admin(users, name)
        record.update(role=role, departments=sorted(set(departments)))
    return to_user(name, record)


def set_disabled(path: Path, name: str, disabled: bool) -> User:
    """Disable (nobody can log in or act as it) or enable an account; it keeps its history."""
    with _changing(path) as users:
        record = _record(users, name)
        if disabled:
            _keep_an_admin(users, name)
            record["disabled"] = True
        else:
            record.pop("disabled", None)
    return to_user(name, record)


def delete_user(path: Path, name: str) -> User:
    with _changing(path) as users:
        _keep_an_admin(users, name)
        user = to_user(name, _record(users, name))
        del users[name]
    return user


def to_user(name: str, record: dict) -> User:
    return User(name, record["role"], frozenset(record.get("departments", ())))


def enabled(users: dict, name: str) -> dict | None:
    """The record of an account that may log in and act, or None."""
    record = users.get(name)
    return None if record is None or record.get("disabled") else record


def authenticate(path: Path, name: str, password: str) -> User | None:
    name = name.strip()
    record = enabled(load(path), name)
    if record is None or len(password) > PASSWORD_MAX:
        _hash(password[:PASSWORD_MAX], b"0" * 16)  # the same cost whether or not the name exists
        return None
    return to_user(name, record) if check_password(password, record["password"]) else None


# -- the note in the database that the users file cannot erase ---------------------------

_REMEMBERED: set[Path] = set()


def remember(ws: Workspace) -> None:
    """Note in the database that accounts exist (once per process and database)."""
    if ws.db_path in _REMEMBERED:
        return
    with connect(ws.db_path) as con:
        ensure_schema(con)
        note_once(con, MARKER, datetime.now().isoformat(timespec="seconds"))
    _REMEMBERED.add(ws.db_path)


def existed(ws: Workspace) -> bool:
    """Whether accounts were ever noted, in the database or as account changes in the
    journal (which outlives the database). A database that cannot be read counts as yes."""
    try:
        if ws.on_server:  # the server is its own journal
            with connect(ws.db_path) as con:
                opened = has_table(con, "journal_lines")
                return _noted(con) or (opened and journal_has_kind(ws, "account", con))
        if ws.db_path.exists():
            with connect(ws.db_path) as con:
                if _noted(con):
                    return True
        return journal_has_kind(ws, "account")
    except (duckdb.Error, psycopg.Error, StoreError):  # damaged database or journal: fail closed
        if ws.on_server or os.access(ws.db_path.parent, os.W_OK):
            return True
        return _noted_read_only(ws) or journal_has_kind(ws, "account")


def _noted_read_only(ws: Workspace) -> bool:
    """On a read-only disk the database opens only for reading: that is no damage (the
    write that follows says what is wrong). Unreadable even so: fail closed."""
    try:
        con = duckdb.connect(str(ws.db_path), read_only=True)
    except duckdb.Error:
        return True
    try:
        return _noted(con)
    finally:
        con.close()


def _noted(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        return get_meta(con, MARKER) is not None
    except (duckdb.CatalogException, psycopg.errors.UndefinedTable):  # no meta table yet
        return False


def directory(ws: Workspace) -> dict:
    """The accounts, failing closed: AccountsLost if the file is gone or emptied after
    accounts existed, AccountsDamaged if it cannot be read. {} only on a fresh install."""
    path = users_path(ws.data_dir)
    users = load(path)
    if users:
        remember(ws)
    elif existed(ws):
        raise AccountsLost("account.file_lost", file=path.name)
    return users


def carry_note(ws: Workspace, new: duckdb.DuckDBPyConnection) -> None:
    """A rebuilt database keeps the note: from the database it replaces, if that can still
    be read, else from the journal's first account change (a database lost with the note
    must not move it to the time of the rebuild), else from the users file."""
    since = None
    if ws.db_path.exists():
        try:
            with connect(ws.db_path) as old:
                since = get_meta(old, MARKER) if _noted(old) else None
        except (duckdb.Error, psycopg.Error, StoreError):
            pass
    if since is None and (first := journal_first_at(ws, "account")) is not None:
        since = datetime.fromisoformat(first).isoformat(timespec="seconds")
    if since is None and _has_accounts(users_path(ws.data_dir)):
        since = datetime.now().isoformat(timespec="seconds")
    if since is not None:
        set_meta(new, MARKER, since)


def _has_accounts(path: Path) -> bool:
    try:
        return bool(load(path))
    except AccountsDamaged:
        return True  # a damaged file once held accounts


def acting_user(ws: Workspace, name: str, need: str, override: bool = False) -> User:
    """The account a command acts as, checked for `need` (upload | admin).

    An override acts without an account; the audit log records it by name.
    """
    if override:
        return User(f"{clipped(name)} (admin override)", "admin")
    users = directory(ws)
    if not users:
        # A fresh installation has no accounts yet: whoever has the shell is its
        # administrator. Rules apply from the first account on.
        return User(clipped(name), "admin")
    if name in users and users[name].get("disabled"):
        raise NotAllowed("account.disabled_for_command", name=name)
    record = enabled(users, name)
    if record is None:
        raise NotAllowed("account.none_for_command", name=name)
    user = to_user(name, record)
    if need == "admin" and not user.is_admin:
        raise NotAllowed("account.needs_admin", name=user.name, role=Msg(f"role.{user.role}"))
    if need == "upload" and not user.may_upload():
        raise NotAllowed("account.needs_uploader", name=user.name, role=Msg(f"role.{user.role}"))
    return user
