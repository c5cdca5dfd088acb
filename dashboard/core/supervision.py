"""Supervision items (督办, issue 21) folded from their events: an admin opens an item on a
target (what is asked, the department, a deadline), the department answers (measures,
progress), the admin extends the deadline or closes it (销号). Pure: events in, items out.
"""

from datetime import date, datetime

import pandas as pd

ACTIONS = ("open", "answer", "extend", "close")
ITEM_COLUMNS = [
    "item_id",
    "entity",
    "year",
    "id",
    "department",
    "asked",
    "deadline",
    "state",  # open | closed
    "opened_by",
    "opened_at",
    "measures",
    "progress",
    "answered_by",
    "answered_at",
    "extensions",
    "closed_by",
    "closed_at",
    "note",  # the latest extension's or the closing note
]


def fold(events: pd.DataFrame) -> pd.DataFrame:
    """One row per item from its events in journal order (columns of the store's
    supervision_events)."""
    items: dict[int, dict] = {}
    for e in events.sort_values("seq").to_dict("records"):
        item = items.setdefault(int(e["item_id"]), dict.fromkeys(ITEM_COLUMNS))
        _APPLY[e["action"]](item, e)
    frame = pd.DataFrame(list(items.values()), columns=ITEM_COLUMNS)
    frame["deadline"] = frame["deadline"].astype(object)  # dates, not timestamps
    return frame.sort_values("item_id", ignore_index=True)


def _open(item: dict, e: dict) -> None:
    item.update(
        item_id=int(e["item_id"]),
        entity=e["entity"],
        year=int(e["year"]),
        id=e["id"],
        department=e["department"],
        asked=e["asked"],
        deadline=_day(e["deadline"]),
        state="open",
        opened_by=e["user_name"],
        opened_at=e["at"],
        extensions=0,
    )


def _answer(item: dict, e: dict) -> None:
    item.update(
        measures=e["measures"],
        progress=e["progress"],
        answered_by=e["user_name"],
        answered_at=e["at"],
    )


def _extend(item: dict, e: dict) -> None:
    item.update(deadline=_day(e["deadline"]), extensions=item["extensions"] + 1, note=e["note"])


def _close(item: dict, e: dict) -> None:
    item.update(state="closed", closed_by=e["user_name"], closed_at=e["at"], note=e["note"])


_APPLY = {"open": _open, "answer": _answer, "extend": _extend, "close": _close}


def _day(value) -> date | None:
    """A deadline as a date, whether the store gave a date, a timestamp or text."""
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):  # pandas' Timestamp too
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def overdue(items: pd.DataFrame, today: date) -> pd.Series:
    """Open items past their deadline (the deadline day itself is still in time)."""
    late = items["deadline"].map(lambda d: _day(d) is not None and _day(d) < today)
    return (items["state"] == "open") & late


def shown_state(item: dict, today: date) -> str:
    """open | overdue | closed: what a page calls an item."""
    if item["state"] == "closed":
        return "closed"
    deadline = _day(item["deadline"])
    return "overdue" if deadline is not None and deadline < today else "open"


def deadline_of(item: dict) -> date | None:
    return _day(item["deadline"])
