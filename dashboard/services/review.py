"""Review before figures count (issue 21), switched on by DASHBOARD_REVIEW=1.

With review on, an upload by anyone but an administrator is stored as pending (待审核): its
figures are kept, shown apart on the preview and the detail page, and count in nothing
(progress, exports, snapshots read `current_figures`, which leaves them out) until a
reviewer of every department the upload's figures are for, or an administrator, approves
it. A rejection carries a reason the uploader sees. Nobody decides on their own upload.
Each decision is a journal line (kind `review`) with its audit row, so a rebuild gives the
same states. Without DASHBOARD_REVIEW every upload counts at once, as before.
"""

import os
from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.journal_lines import REVIEW_VERSION
from dashboard.core.messages import Glossed
from dashboard.services.accounts import NotAllowed
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import reviews as store_reviews

MAX_REASON = 2000
DECISIONS = ("approved", "rejected")


class ReviewRefused(DashboardError, ValueError):
    """A decision that cannot be taken as asked (the message says why)."""


def review_enabled() -> bool:
    return os.environ.get("DASHBOARD_REVIEW", "").strip() == "1"


def held_for_review(user: User) -> bool:
    """Whether `user`'s uploads wait for review (review on; an administrator's count)."""
    return review_enabled() and not user.is_admin


def departments_of(row: dict) -> frozenset[str]:
    text = row.get("departments")
    return frozenset(text.split(";")) if isinstance(text, str) and text else frozenset()


def pending(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Uploads waiting for review, oldest first: id, departments, uploader, rows, file."""
    return store_reviews.uploads_in_review(con, "pending")


def reviewable(con: duckdb.DuckDBPyConnection, user: User) -> pd.DataFrame:
    """The pending uploads `user` may decide on (not their own)."""
    frame = pending(con)
    keep = [
        user.may_review(departments_of(r)) and r["user_name"] != user.name
        for r in frame.to_dict("records")
    ]
    return frame[keep].reset_index(drop=True)


def my_uploads(con: duckdb.DuckDBPyConnection, user_name: str) -> pd.DataFrame:
    """`user_name`'s uploads that went through review, newest first, with the reason of a
    rejection."""
    frame = store_reviews.uploads_in_review(con)
    frame = frame[frame["user_name"] == user_name]
    return frame.sort_values("upload_id", ascending=False, ignore_index=True)


def upload_figures(con: duckdb.DuckDBPyConnection, upload_id: int) -> pd.DataFrame:
    return store_reviews.upload_figures(con, upload_id)


def pending_figures(con, entity: str, year: int, target_id: str) -> pd.DataFrame:
    return store_reviews.pending_figures(con, entity, year, target_id)


def decide(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    upload_id: int,
    decision: str,
    reason: str | None = None,
    at: datetime | None = None,
) -> int:
    """Approve or reject pending upload `upload_id`; the journal seq that records it."""
    reason = reason.strip() if isinstance(reason, str) and reason.strip() else None

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        row = _pending_upload(con, upload_id)  # checked under the journal's lock
        _check(user, row, decision, reason)
        data = {"upload_id": upload_id, "decision": decision, "reason": reason}
        detail = {"upload_id": upload_id, "uploader": row["user_name"]}
        if reason:
            detail["reason"] = reason
        return Entry(
            "review",
            user.name,
            at or datetime.now(),
            audit("review", decision, **detail),
            data,
            version=REVIEW_VERSION,
        )

    return write(ws, con, build)["seq"]


def _pending_upload(con: duckdb.DuckDBPyConnection, upload_id: int) -> dict:
    row = store_reviews.upload(con, upload_id)
    if row is None:
        raise ReviewRefused("review.unknown_upload", id=upload_id)
    if row["review"] != "pending":
        state = row["review"] or "counted"
        raise ReviewRefused("review.not_pending", id=upload_id, state=state)
    return row


def _check(user: User, row: dict, decision: str, reason: str | None) -> None:
    if decision not in DECISIONS:
        raise ReviewRefused("review.bad_decision", decision=decision)
    if row["user_name"] == user.name:
        raise NotAllowed("review.own_upload", name=user.name, id=row["upload_id"])
    departments = departments_of(row)
    if not user.may_review(departments):
        raise NotAllowed(
            "review.not_reviewer",
            name=user.name,
            departments=Glossed("department", tuple(sorted(departments))),
        )
    if decision == "rejected" and not reason:
        raise ReviewRefused("review.reason_needed")
    if reason and len(reason) > MAX_REASON:
        raise ReviewRefused("review.reason_long", limit=MAX_REASON)
