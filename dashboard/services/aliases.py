"""Teaching a name once: an unrecognised name in an upload becomes an alias of a target.

The uploader picks one of their own department's targets for the name ('以后自动识别');
the alias is written to data/aliases.csv (so a rebuild keeps it) and the database, recorded
in the audit log, and from then on every upload -- page or command line -- resolves it.
"""

import hashlib
from datetime import datetime

import duckdb

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.ingest.aliases_csv import alias_line, header_line, parse_aliases
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
    """The targets `user` may name: their departments' (an admin's: all), not qualitative."""
    return [
        r
        for r in index.records
        if user.may_edit(r["department"]) and r["comparator"] != "qualitative"
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


def _append(ws: Workspace, line: str) -> None:
    """Append one line, header first for a new file; written whole or not at all."""
    old = ws.aliases_csv.read_text("utf-8") if ws.aliases_csv.exists() else header_line()
    tmp = ws.aliases_csv.with_suffix(".csv.tmp")
    tmp.write_text(old + line, "utf-8")
    tmp.replace(ws.aliases_csv)
