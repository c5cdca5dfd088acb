"""The audit log as pages and commands add to it and read it. Every entry is a journal
line first (services/journal.py), so it survives a lost or rebuilt database."""

from datetime import datetime

import duckdb

from dashboard.core.access import User
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store.audit import account_events, entries

__all__ = ["account_change", "account_events", "accounts_have_existed", "entries", "record"]


def record(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: str,
    action: str,
    outcome: str = "ok",
    at: datetime | None = None,
    **detail,
) -> None:
    write(ws, con, Entry("audit", user, at or datetime.now(), audit(action, outcome, **detail)))


def account_change(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    by: str,
    action: str,
    account: User,
    at: datetime | None = None,
    **detail,
) -> None:
    """An account added or changed (never its password): journaled with its audit entry,
    so the record that accounts exist outlives the users file and the database."""
    change = {
        "action": action,
        "account": account.name,
        "role": account.role,
        "departments": sorted(account.departments),
    }
    write(
        ws,
        con,
        Entry(
            "account",
            by,
            at or datetime.now(),
            audit(action, "ok", **{k: v for k, v in change.items() if k != "action"}, **detail),
            change,
        ),
    )


def accounts_have_existed(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether any account was ever added: the journal remembers it when the users file is
    lost or emptied (so a missing file can fail closed instead of opening the install)."""
    return not account_events(con).empty
