"""Comments (原因分析 / 下步措施) on a target's month, and people's status for qualitative
targets: only the responsible department's uploaders and admins may write them. The same
rules for the detail page and `python -m dashboard comment`."""

from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names
from dashboard.core.vocab import JUDGED_STATUSES
from dashboard.services.accounts import NotAllowed
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import comments as store_comments

MAX_TEXT = 5000  # characters per field: a page of text, not a file


class CommentRefused(DashboardError, ValueError):
    """A comment that cannot be saved as asked (the message says why)."""


def add_comment(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    target: dict,
    month: int,
    *,
    reason: str | None,
    measures: str | None,
    status: str | None,
    at: datetime,
) -> int:
    """Store a comment on `target` (a catalogue or progress row) for data month `month`;
    the journal seq that records it."""
    if not user.may_edit(target["department"]):
        raise NotAllowed("account.not_department", name=user.name, department=target["department"])
    reason, measures = _text(reason), _text(measures)  # an empty field is stored as NULL
    _check(target, month, reason, measures, status)
    data = {
        "entity": target["entity"],
        "year": int(target["year"]),
        "id": target["id"],
        "month": month,
        "reason": reason,
        "measures": measures,
        "status": status,
    }
    where = f"{target['entity']}/{int(target['year'])}/{target['id']}"
    line = write(
        ws,
        con,
        Entry(
            "comment",
            user.name,
            at,
            audit("comment", "saved", target=where, month=month, status=status),
            data,
        ),
    )
    return line["seq"]


def _text(value) -> str | None:
    """A field's words, or None: never "" and never the "nan" of a missing value."""
    return value.strip() or None if isinstance(value, str) else None


def _check(
    target: dict, month: int, reason: str | None, measures: str | None, status: str | None
) -> None:
    if not 1 <= month <= 12:
        raise CommentRefused("comment.bad_month", month=month)
    if status is not None and (
        target["comparator"] != "qualitative" or status not in JUDGED_STATUSES
    ):
        raise CommentRefused("comment.bad_status", status=status, id=target["id"])
    if not (reason or measures or status):
        raise CommentRefused("comment.empty")
    if max(len(reason or ""), len(measures or "")) > MAX_TEXT:
        raise CommentRefused("comment.too_long", limit=MAX_TEXT)


def find_target(
    con: duckdb.DuckDBPyConnection, target_id: str, year: int, entity: str | None = None
) -> dict:
    """The catalogue row of `target_id` in `year`, of `entity` if named (CommentRefused if
    none or several)."""
    found = store_catalogue.targets(con, year, entity)
    found = found[found["id"] == target_id]
    if found.empty:
        raise CommentRefused("comment.unknown_target", id=target_id, year=year)
    if len(found) > 1:
        entities = Names(tuple(found["entity"]))
        raise CommentRefused("comment.ambiguous_target", id=target_id, entities=entities)
    return found.iloc[0].to_dict()


def listing(con: duckdb.DuckDBPyConnection, target_id: str | None = None) -> pd.DataFrame:
    """Every comment (of one target id), oldest first."""
    return store_comments.all_comments(con, target_id)
