"""Teaching a name once: an unrecognised name in an upload becomes an alias of a target.

The uploader picks one of their own department's targets for the name ('以后自动识别' on
the upload page, or `python -m dashboard alias add`); the alias is written to
data/aliases.csv (so a rebuild keeps it) and the database, recorded in the audit log, and
from then on every upload -- page or command line -- resolves it. `alias remove` takes a
learned name back the same way.
"""

import hashlib
from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.ingest.aliases_csv import alias_line, header_line, parse_aliases, rows_text
from dashboard.ingest.names import canonical, read_label
from dashboard.ingest.resolve import CatalogueIndex, UnknownIndicator
from dashboard.services import audit_log
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue


class AliasRefused(DashboardError):
    """The name cannot become an alias of that target (see the key)."""


def sync_aliases(con: duckdb.DuckDBPyConnection, ws: Workspace) -> bool:
    """Load data/aliases.csv into the database when it changed."""
    if not ws.aliases_csv.exists():
        return False
    raw = ws.aliases_csv.read_bytes()
    frame = parse_aliases(raw.decode("utf-8-sig"), ws.aliases_csv.name)
    return store_catalogue.load_learned_aliases(con, frame, hashlib.sha256(raw).hexdigest())


def choices(index: CatalogueIndex, user: User) -> list[dict]:
    """The targets `user` may name: their departments' (an admin's: all), not qualitative;
    only the chosen entity's where a page chose one."""
    return [
        r
        for r in index.records
        if user.may_edit(r["department"])
        and r["comparator"] != "qualitative"
        and (not index.only_home or r["entity"] == index.home)
    ]


def learn(
    con: duckdb.DuckDBPyConnection,
    ws: Workspace,
    index: CatalogueIndex,
    user: User,
    name: str,
    target: tuple[str, int, str],
    at: datetime,
) -> str:
    """Make `name` (as the file wrote it) an alias of `target` (entity, year, id); returns
    the alias stored. Raises AliasRefused when not allowed or already someone else's."""
    record = next((r for r in index.records if (r["entity"], r["year"], r["id"]) == target), None)
    if record is None or not user.may_edit(record["department"]):
        raise AliasRefused("alias.not_yours", name=name)
    alias = read_label(name).name.strip()
    if not alias or len(canonical(alias)) < 2:
        raise AliasRefused("alias.too_short", name=name)
    try:
        pos = index.resolve(alias, record["entity"], record["year"])
    except UnknownIndicator:
        pos = None
    except LookupError as err:
        raise AliasRefused("alias.taken", name=alias, target="") from err
    if pos is not None:
        owner = index.records[pos]
        raise AliasRefused("alias.taken", name=alias, target=owner["name_zh"])
    _append(ws, alias_line(*target, alias, user.name, at))
    sync_aliases(con, ws)
    audit_log.record(
        ws, con, user.name, "alias", "added", at=at, alias=alias, entity=target[0], year=target[1],
        id=target[2],
    )  # fmt: skip
    return alias


def target_of(
    index: CatalogueIndex, target_id: str, entity: str | None = None, year: int | None = None
) -> tuple[str, int, str]:
    """(entity, year, id) of the target a command names by id: the office's own entity
    and the latest catalogue year unless given. Raises AliasRefused if there is none."""
    entity = entity or index.home
    found = [
        (r["entity"], r["year"], r["id"])
        for r in index.records
        if r["id"] == target_id
        and (entity is None or r["entity"] == entity)
        and (year is None or r["year"] == year)
    ]
    if not found or len({f[0] for f in found}) > 1:
        raise AliasRefused("alias.no_target", id=target_id, entity=entity or "", year=year or "")
    return max(found, key=lambda f: f[1])


def listing(con: duckdb.DuckDBPyConnection, index: CatalogueIndex) -> pd.DataFrame:
    """Every learned name with the target it names, oldest first."""
    names = {(r["entity"], r["year"], r["id"]): r["name_zh"] for r in index.records}
    learned = store_catalogue.learned_aliases(con)
    keys = zip(learned["entity"], learned["year"], learned["id"], strict=True)
    learned["name_zh"] = [names.get(k, "") for k in keys]
    return learned[["alias", "entity", "year", "id", "name_zh", "user_name", "created_at"]]


def forget(
    con: duckdb.DuckDBPyConnection,
    ws: Workspace,
    index: CatalogueIndex,
    user: User,
    name: str,
    at: datetime,
    target_id: str | None = None,
) -> list[tuple[str, int, str]]:
    """Take a learned name back (of `target_id` only, if given); returns the targets it
    named. Raises AliasRefused for a name nobody taught or a target not the user's."""
    key = canonical(read_label(name).name.strip())
    lines = parse_aliases(_text(ws), ws.aliases_csv.name).to_dict("records")
    gone = [
        k
        for k, r in enumerate(lines)
        if canonical(r["alias"]) == key and (target_id is None or r["id"] == target_id)
    ]
    if not gone:
        raise AliasRefused("alias.unknown", name=name)
    department = {(r["entity"], r["year"], r["id"]): r["department"] for r in index.records}
    for k in gone:
        r = lines[k]
        if not user.may_edit(department.get((r["entity"], r["year"], r["id"]), "")):
            raise AliasRefused("alias.not_yours_to_remove", name=r["alias"], id=r["id"])
    _write(ws, rows_text(_text(ws), keep=lambda k: k not in gone))
    sync_aliases(con, ws)
    for k in gone:
        r = lines[k]
        audit_log.record(
            ws, con, user.name, "alias", "removed", at=at, alias=r["alias"], entity=r["entity"],
            year=r["year"], id=r["id"],
        )  # fmt: skip
    return [(lines[k]["entity"], lines[k]["year"], lines[k]["id"]) for k in gone]


def _text(ws: Workspace) -> str:
    return ws.aliases_csv.read_text("utf-8-sig") if ws.aliases_csv.exists() else header_line()


def _append(ws: Workspace, line: str) -> None:
    """Append one line, header first for a new file."""
    _write(ws, _text(ws) + line)


def _write(ws: Workspace, content: str) -> None:
    """The whole file or nothing: a new file renamed over the old."""
    tmp = ws.aliases_csv.with_suffix(".csv.tmp")
    tmp.write_text(content, "utf-8")
    tmp.replace(ws.aliases_csv)
