"""Renaming a named item (issue 15): an administrator corrects an item's name (a school
renamed, a typo in the first report) and keeps its history — every report of it, with its
state, due date and the month it was done — instead of withdrawing it and listing a new
one. Each rename is a journal line (kind `item`, version 3) with its audit row, so a
rebuild, a backup and restore and a PostgreSQL store give the same names; a snapshot keeps
the names it froze."""

from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.journal_lines import ITEM_VERSION
from dashboard.core.messages import Names
from dashboard.services import reporting
from dashboard.services.accounts import NotAllowed
from dashboard.services.journal import Entry, audit, write
from dashboard.services.reporting import default_as_of
from dashboard.services.workspace import Workspace
from dashboard.store import figures as store_figures

MAX_NAME = 200  # characters: what ingest keeps of an item's name


class ItemRefused(DashboardError, ValueError):
    """A rename that cannot be made (the message says why)."""


def names(con: duckdb.DuckDBPyConnection, target: dict) -> list[str]:
    """The names the target's items were reported under, in the order first reported."""
    return store_figures.item_names(con, target["entity"], int(target["year"]), target["id"])


def listing(con: duckdb.DuckDBPyConnection, target: dict) -> pd.DataFrame:
    """The target's named items as they stand at its entity's latest month with figures
    (core.items.item_table: state, words, months, due date), withdrawn ones included."""
    where = f"{target['entity']}/{int(target['year'])}/{target['id']}"
    if target["assessment"] != "items":
        raise ItemRefused("item.list.not_items", target=where)
    year, month = default_as_of(con, int(target["year"]), target["entity"])
    table = reporting.items(con, year, month)
    mine = (table["entity"] == target["entity"]) & (table["id"] == target["id"])
    return table[mine].reset_index(drop=True)


def rename(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    target: dict,
    old: str,
    new: str,
    at: datetime | None = None,
) -> int:
    """Rename `target`'s item `old` to `new` (surrounding spaces dropped); the journal seq."""
    if not user.is_admin:
        raise NotAllowed("item.rename.admin_only", name=user.name)
    new = new.strip() if isinstance(new, str) else ""
    if not new:
        raise ItemRefused("item.rename.empty")
    if len(new) > MAX_NAME:
        raise ItemRefused("item.rename.too_long", limit=MAX_NAME)
    key = {"entity": target["entity"], "year": int(target["year"]), "id": target["id"]}
    where = f"{key['entity']}/{key['year']}/{key['id']}"

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        listed = names(con, key)  # under the journal's lock: another rename may have won
        if old not in listed:
            shown = Names(tuple(listed))
            raise ItemRefused("item.rename.unknown", target=where, item=old, names=shown)
        if new == old:
            raise ItemRefused("item.rename.same", item=old)
        if new in listed:  # the two items' reports would become one item's
            raise ItemRefused("item.rename.taken", target=where, item=new)
        data = {"action": "rename", **key, "from": old, "to": new}
        detail = audit("item", "renamed", target=where, item_from=old, item_to=new)
        return Entry("item", user.name, at or datetime.now(), detail, data, version=ITEM_VERSION)

    return write(ws, con, build)["seq"]
