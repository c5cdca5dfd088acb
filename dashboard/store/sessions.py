"""Open login sessions and recent failed logins.

A session row lets a logout, a password change or a disabled account end a token before
it expires (the token itself is signed and carries its expiry; see core/tokens). Failed
logins are kept only as long as the back-off looks at them (core/throttle).
"""

from datetime import datetime
from typing import NamedTuple

import duckdb
import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    sid VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL, client VARCHAR,
    started_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP, ended_why VARCHAR);
CREATE TABLE IF NOT EXISTS login_failures (
    failed_at TIMESTAMP NOT NULL, account VARCHAR, client VARCHAR);
"""


class Session(NamedTuple):
    user_name: str
    expires_at: datetime
    ended_at: datetime | None
    ended_why: str | None


def open_session(
    con: duckdb.DuckDBPyConnection,
    sid: str,
    user: str,
    client: str,
    started: datetime,
    expires: datetime,
) -> None:
    con.execute(
        "INSERT INTO sessions (sid, user_name, client, started_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [sid, user, client, started, expires],
    )


def session(con: duckdb.DuckDBPyConnection, sid: str) -> Session | None:
    row = con.execute(
        "SELECT user_name, expires_at, ended_at, ended_why FROM sessions WHERE sid = ?", [sid]
    ).fetchone()
    return None if row is None else Session(*row)


def end_session(con: duckdb.DuckDBPyConnection, sid: str, at: datetime, why: str) -> bool:
    """End one session; False if it had already ended."""
    ended = con.execute(
        "UPDATE sessions SET ended_at = ?, ended_why = ? WHERE sid = ? AND ended_at IS NULL "
        "RETURNING sid",
        [at, why, sid],
    ).fetchall()
    return bool(ended)


def end_user_sessions(con: duckdb.DuckDBPyConnection, user: str, at: datetime, why: str) -> int:
    """End every open session of `user`; how many there were."""
    ended = con.execute(
        "UPDATE sessions SET ended_at = ?, ended_why = ? "
        "WHERE user_name = ? AND ended_at IS NULL AND expires_at > ? RETURNING sid",
        [at, why, user, at],
    ).fetchall()
    return len(ended)


def open_counts(con: duckdb.DuckDBPyConnection, now: datetime) -> dict[str, int]:
    """Open sessions per user."""
    rows = con.execute(
        "SELECT user_name, count(*) FROM sessions WHERE ended_at IS NULL AND expires_at > ? "
        "GROUP BY user_name",
        [now],
    ).fetchall()
    return dict(rows)


def add_failure(
    con: duckdb.DuckDBPyConnection, at: datetime, account: str, client: str, keep_since: datetime
) -> None:
    """Record a failed login and forget those older than anything the back-off looks at."""
    con.execute("DELETE FROM login_failures WHERE failed_at < ?", [keep_since])
    con.execute("INSERT INTO login_failures VALUES (?, ?, ?)", [at, account, client])


def failures(
    con: duckdb.DuckDBPyConnection, account: str, client: str, since: datetime
) -> tuple[list[datetime], list[datetime]]:
    """Times of the failed logins since `since`: for this account, and from this client."""
    frame: pd.DataFrame = con.execute(
        "SELECT failed_at, account = ? AS same_account, client = ? AS same_client "
        "FROM login_failures WHERE failed_at >= ? AND (account = ? OR client = ?)",
        [account, client, since, account, client],
    ).df()
    by_account = frame.loc[frame["same_account"], "failed_at"].tolist()
    by_client = frame.loc[frame["same_client"], "failed_at"].tolist()
    return by_account, by_client


def clear_failures(con: duckdb.DuckDBPyConnection, account: str) -> None:
    """A successful login forgives the account's failures (not the client's)."""
    con.execute("DELETE FROM login_failures WHERE account = ?", [account])
