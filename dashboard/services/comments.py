"""Comments (原因分析 / 下步措施) on a target's month, and people's status for qualitative
targets: only the responsible department's uploaders and admins may write them."""

from datetime import datetime

import duckdb

from dashboard.core.access import User
from dashboard.services.accounts import NotAllowed
from dashboard.store import comments as store_comments


def add_comment(
    con: duckdb.DuckDBPyConnection,
    user: User,
    target: dict,
    month: int,
    *,
    reason: str,
    measures: str,
    status: str | None,
    at: datetime,
) -> None:
    """Store a comment on `target` (a catalogue or progress row) for data month `month`."""
    if not user.may_edit(target["department"]):
        raise NotAllowed("account.not_department", name=user.name, department=target["department"])
    store_comments.add_comment(
        con,
        entity=target["entity"],
        year=int(target["year"]),
        target_id=target["id"],
        month=month,
        reason=reason,
        measures=measures,
        status=status,
        user=user.name,
        at=at,
    )
