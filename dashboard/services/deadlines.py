"""Per-target report deadlines (issue 21): an administrator sets when a target's figure is
due (months after the period, day of that month), or puts it back on the default rule (the
catalogue's publication lag, the deployment's report day). Each change is a journal line
(kind `deadline`, version 2) with its audit row, so a rebuild gives the same deadlines;
progress, overdue reports and reminders read them (services/reporting, services/reminders).
"""

from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core import deadlines as core_deadlines
from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.journal_lines import REVIEW_VERSION
from dashboard.services.accounts import NotAllowed
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import deadlines as store_deadlines


class DeadlineRefused(DashboardError, ValueError):
    """A deadline that cannot be set (the message says why)."""


def current(con: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    return store_deadlines.current(con, year)


def set_deadline(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    target: dict,
    lag: int | None,
    day: int | None,
    at: datetime | None = None,
) -> int:
    """Set `target`'s deadline (None for either: the default); the journal seq."""
    if not user.is_admin:
        raise NotAllowed("deadline.admin_only", name=user.name)
    problem = core_deadlines.check(lag, day)
    if problem is not None:
        raise DeadlineRefused(problem.key, value=problem.value)
    data = {
        "entity": target["entity"],
        "year": int(target["year"]),
        "id": target["id"],
        "lag": None if lag is None else int(lag),
        "day": None if day is None else int(day),
    }
    where = f"{data['entity']}/{data['year']}/{data['id']}"
    outcome = "default" if lag is None and day is None else "set"
    detail = audit("deadline", outcome, target=where, lag=data["lag"], day=data["day"])

    def build(_con) -> Entry:
        return Entry(
            "deadline", user.name, at or datetime.now(), detail, data, version=REVIEW_VERSION
        )

    return write(ws, con, build)["seq"]
