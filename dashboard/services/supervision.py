"""Supervision items (督办, issue 21): an administrator opens an item on a target (what is
asked, the responsible department, a deadline); the department answers with its measures
and progress; the administrator extends the deadline or closes the item (销号). Each step
is a journal line (kind `supervision`) with its audit row, like comments, so a rebuild
gives the same items. The same rules for the 督办事项 page and `python -m dashboard
supervise`.
"""

from datetime import date, datetime

import duckdb
import pandas as pd

from dashboard.core import supervision as core_supervision
from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.journal_lines import REVIEW_VERSION
from dashboard.core.messages import Names
from dashboard.present.supervision_tables import item_lines
from dashboard.services.accounts import NotAllowed
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import supervision as store_supervision

MAX_TEXT = 2000
# What a line of each action carries besides item_id and action.
SUPERVISION_FIELDS = {
    "open": ("entity", "year", "id", "department", "asked", "deadline"),
    "answer": ("measures", "progress"),
    "extend": ("deadline", "note"),
    "close": ("note",),
}


class SupervisionRefused(DashboardError, ValueError):
    """A step on a supervision item that cannot be taken as asked (the message says why)."""


def items(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every item as it stands, with its target's names (oldest first)."""
    folded = core_supervision.fold(store_supervision.events(con))
    if folded.empty:
        return folded.assign(name_zh=[], name_en=[])
    names = store_catalogue.targets(con)[["entity", "year", "id", "name_zh", "name_en"]]
    return folded.merge(names, on=["entity", "year", "id"], how="left")


def with_state(frame: pd.DataFrame, today: date) -> pd.DataFrame:
    """`frame` with `shown_state`: open | overdue | closed."""
    states = [core_supervision.shown_state(r, today) for r in frame.to_dict("records")]
    return frame.assign(shown_state=states)


def open_lines(con: duckdb.DuckDBPyConnection, year: int, today: date, lang: str) -> list[str]:
    """The open items of `year`'s targets as sentences, overdue first (the bulletin's list)."""
    frame = with_state(items(con), today)
    frame = frame[(frame["state"] == "open") & (frame["year"] == year)]
    frame = frame.assign(_late=frame["shown_state"] != "overdue").sort_values(
        ["_late", "item_id"], kind="stable"
    )
    return item_lines(frame, lang)


def supervised_ids(con: duckdb.DuckDBPyConnection, year: int) -> frozenset[tuple[str, str]]:
    """(entity, id) of `year`'s targets with an open item (the scoreboard's 督办中)."""
    return open_targets(items(con), year)


def open_targets(frame: pd.DataFrame, year: int) -> frozenset[tuple[str, str]]:
    """(entity, id) of the targets of `year` that the items in `frame` hold open (several
    entities of a province may share a target id)."""
    if frame.empty:
        return frozenset()
    frame = frame[(frame["state"] == "open") & (frame["year"] == year)]
    return frozenset(zip(frame["entity"], frame["id"], strict=True))


def _text(value, key: str, required: bool = True) -> str | None:
    value = value.strip() if isinstance(value, str) else ""
    if required and not value:
        raise SupervisionRefused(key)
    if len(value) > MAX_TEXT:
        raise SupervisionRefused("supervision.too_long", limit=MAX_TEXT)
    return value or None


def open_item(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    target: dict,
    asked: str,
    deadline: date,
    department: str | None = None,
    at: datetime | None = None,
) -> int:
    """Open an item on `target` (a catalogue row); its id."""
    _admin(user)
    at = at or datetime.now()
    asked = _text(asked, "supervision.asked_missing")
    department = department or target["department"]
    allowed = {target["department"], *_supporting(target)}
    if department not in allowed:
        raise SupervisionRefused(
            "supervision.bad_department",
            department=department,
            allowed=Names(tuple(sorted(allowed))),
        )
    if deadline < at.date():
        raise SupervisionRefused("supervision.deadline_past", deadline=deadline.isoformat())

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        item_id = store_supervision.next_item_id(con)
        data = {
            "item_id": item_id,
            "action": "open",
            "entity": target["entity"],
            "year": int(target["year"]),
            "id": target["id"],
            "department": department,
            "asked": asked,
            "deadline": deadline.isoformat(),
        }
        where = f"{target['entity']}/{int(target['year'])}/{target['id']}"
        detail = audit(
            "supervision", "open", item_id=item_id, target=where, deadline=data["deadline"]
        )
        return Entry("supervision", user.name, at, detail, data, version=REVIEW_VERSION)

    return write(ws, con, build)["data"]["item_id"]


def _supporting(target: dict) -> list[str]:
    text = target.get("supporting_departments")
    return [d for d in text.split(";") if d] if isinstance(text, str) else []


def answer(ws, con, user: User, item_id: int, measures, progress, at=None) -> int:
    """The department's answer: its measures and the progress made."""
    measures = _text(measures, "supervision.answer_missing", required=False)
    progress = _text(progress, "supervision.answer_missing", required=False)
    if not (measures or progress):
        raise SupervisionRefused("supervision.answer_missing")

    def check(item: dict) -> None:
        if not user.may_edit(item["department"]):
            raise NotAllowed(
                "account.not_department", name=user.name, department=item["department"]
            )

    return _step(
        ws, con, user, item_id, "answer", {"measures": measures, "progress": progress}, check, at
    )


def extend(ws, con, user: User, item_id: int, deadline: date, note, at=None) -> int:
    """A later deadline, with why."""
    _admin(user)
    note = _text(note, "supervision.note_missing")

    def check(item: dict) -> None:
        if deadline <= core_supervision.deadline_of(item):
            raise SupervisionRefused(
                "supervision.not_later",
                deadline=deadline.isoformat(),
                current=core_supervision.deadline_of(item).isoformat(),
            )

    return _step(
        ws,
        con,
        user,
        item_id,
        "extend",
        {"deadline": deadline.isoformat(), "note": note},
        check,
        at,
    )


def close(ws, con, user: User, item_id: int, note, at=None) -> int:
    """销号: the item is dealt with."""
    _admin(user)
    note = _text(note, "supervision.note_missing", required=False)
    return _step(ws, con, user, item_id, "close", {"note": note}, lambda item: None, at)


def _admin(user: User) -> None:
    if not user.is_admin:
        raise NotAllowed("supervision.admin_only", name=user.name)


def _step(ws, con, user: User, item_id: int, action: str, fields: dict, check, at) -> int:
    """Record one step on an open item; the journal seq."""

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        item = _open_item(con, item_id)  # under the journal's lock
        check(item)
        data = {"item_id": item_id, "action": action, **fields}
        detail = audit("supervision", action, item_id=item_id, department=item["department"])
        return Entry(
            "supervision", user.name, at or datetime.now(), detail, data, version=REVIEW_VERSION
        )

    return write(ws, con, build)["seq"]


def _open_item(con: duckdb.DuckDBPyConnection, item_id: int) -> dict:
    folded = core_supervision.fold(store_supervision.events(con))
    found = folded[folded["item_id"] == item_id]
    if found.empty:
        raise SupervisionRefused("supervision.unknown_item", id=item_id)
    item = found.iloc[0].to_dict()
    if item["state"] != "open":
        raise SupervisionRefused("supervision.closed", id=item_id)
    return item
