"""Changes to accounts, the same from the command line and the admin page: departments
checked against the catalogue, every change in the audit log, and the sessions a change
makes unsafe (a new password, a disabled or deleted account) ended at once.

`by` is who acts: an administrator's account, or User("cli", "admin") for the shell.
"""

from collections.abc import Collection
from datetime import datetime

from dashboard.core.access import User
from dashboard.core.messages import Msg
from dashboard.services import accounts, audit_log, logins, sessions
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store.connection import connect

SHELL = User("cli", "admin")


def catalogue_departments(ws: Workspace) -> list[str]:
    """The departments an account may report for: those the catalogue names (the store
    must hold the catalogue: the pages' start and every command put it there)."""
    with connect(ws.db_path) as con:
        return store_catalogue.departments(con)


def _admin(by: User) -> None:
    if not by.is_admin:
        role = Msg(f"role.{by.role}")
        raise accounts.NotAllowed("account.needs_admin", name=by.name, role=role)


def _audit(ws: Workspace, by: User, action: str, user: User, now: float, **detail) -> None:
    """Journaled as an account change (never a password): it outlives the users file."""
    with connect(ws.db_path) as con:
        audit_log.account_change(
            ws, con, by.name, action, user, at=datetime.fromtimestamp(now), **detail
        )


def add(
    ws: Workspace,
    by: User,
    name: str,
    password: str,
    role: str,
    departments: Collection[str],
    now: float,
    recreate: bool = False,
) -> User:
    """A new account. `recreate`: start a new users file although accounts existed (the
    shell's way back after the file was lost; a damaged file is never overwritten)."""
    _admin(by)
    known = catalogue_departments(ws)
    if not recreate:
        accounts.directory(ws)  # refuses while the users file is damaged or lost
    user = accounts.add_user(
        accounts.users_path(ws.data_dir), name, password, role, departments, known
    )
    accounts.remember(ws)
    _audit(ws, by, "user_add", user, now, **({"recreated": True} if recreate else {}))
    return user


def set_role(
    ws: Workspace, by: User, name: str, role: str, departments: Collection[str], now: float
) -> User:
    _admin(by)
    known = catalogue_departments(ws)
    user = accounts.set_role(accounts.users_path(ws.data_dir), name, role, departments, known)
    _audit(ws, by, "user_set", user, now)
    return user


def reset_password(ws: Workspace, by: User, name: str, password: str, now: float) -> int:
    """A new password for `name`; their open sessions end. How many ended."""
    _admin(by)
    path = accounts.users_path(ws.data_dir)
    accounts.set_password(path, name, password)
    ended = sessions.end_for_user(ws, name, now, "password")
    _audit(ws, by, "user_passwd", _user(path, name), now, sessions_ended=ended)
    return ended


def change_own_password(
    ws: Workspace, user: User, current: str, new: str, again: str, client: str, now: float
) -> int:
    """Everyone's own password: the current one is checked (with the login back-off), and
    every session of the account ends, this one too: the next login uses the new password."""
    accounts.repeated(new, again)
    logins.verify(ws, user.name, current, client, now)
    accounts.set_password(accounts.users_path(ws.data_dir), user.name, new)
    ended = sessions.end_for_user(ws, user.name, now, "password")
    _audit(ws, user, "user_passwd", user, now, sessions_ended=ended)
    return ended


def set_disabled(ws: Workspace, by: User, name: str, disabled: bool, now: float) -> int:
    """Disable (its sessions end; it keeps its history) or enable an account."""
    _admin(by)
    user = accounts.set_disabled(accounts.users_path(ws.data_dir), name, disabled)
    ended = sessions.end_for_user(ws, name, now, "account") if disabled else 0
    action = "user_disable" if disabled else "user_enable"
    _audit(ws, by, action, user, now, sessions_ended=ended)
    return ended


def delete(ws: Workspace, by: User, name: str, now: float) -> int:
    """Remove an account (its uploads, comments and audit entries stay, under its name)."""
    _admin(by)
    user = accounts.delete_user(accounts.users_path(ws.data_dir), name)
    ended = sessions.end_for_user(ws, name, now, "account")
    _audit(ws, by, "user_delete", user, now, sessions_ended=ended)
    return ended


def _user(path, name: str) -> User:
    record = accounts.load(path)[name]
    return accounts.to_user(name, record)
