"""Opening the store ready for use, and rebuilding it from data/ alone: the catalogue,
the shipped sample files and every archived upload."""

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from dashboard.core.problems import IngestError, Problem, errors
from dashboard.ingest.profiles_csv import parse_profiles
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.services import accounts, catalogues
from dashboard.services.aliases import sync_aliases
from dashboard.services.archive import manifests, reconcile_archive, shipped_files
from dashboard.services.uploading import WRITE_LOCK, catalogue_index, preview
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import figures as store_figures
from dashboard.store.connection import connect
from dashboard.store.schema import ensure_schema, get_meta, set_meta


def sync_catalogue(con: duckdb.DuckDBPyConnection, ws: Workspace) -> bool:
    """Load targets.csv and the saved catalogues (data/catalogues/) if any changed;
    CatalogueError leaves the stored catalogue as it was."""
    changed = catalogues.sync(con, ws)
    sync_aliases(con, ws)
    if ws.profiles_csv.exists():
        raw = ws.profiles_csv.read_bytes()
        profiles = parse_profiles(raw.decode("utf-8-sig"), ws.profiles_csv.name)
        store_catalogue.load_profiles(con, profiles, hashlib.sha256(raw).hexdigest())
    return changed


def _prepare(con: duckdb.DuckDBPyConnection, ws: Workspace) -> list[Problem]:
    ensure_schema(con)
    sync_catalogue(con, ws)
    if get_meta(con, "shipped_files_loaded") is None:
        # A new database: shipped samples, then every archived upload (a deleted database
        # comes back from data/actuals/ as it was).
        return load_shipped_files(con, ws) + replay_archive(con, ws)
    reconcile_archive(con, ws)
    return []


# Pages and commands open the database through here (`connect`: per operation, waiting
# briefly for another process's lock) and ask it what a rebuild left (`counts`).
__all__ = ["connect", "counts", "open_store", "rebuild", "sync_catalogue"]
counts = store_figures.counts
SAMPLE_USER = "sample-data"


@contextmanager
def open_store(ws: Workspace) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection with the schema in place and the catalogue in sync with targets.csv."""
    ws.db_path.parent.mkdir(parents=True, exist_ok=True)
    with connect(ws.db_path) as con:
        _prepare(con, ws)
        yield con


def rebuild(ws: Workspace) -> list[Problem]:
    """Build a new database from targets.csv and data/actuals/, then swap it in."""
    fresh = ws.db_path.with_name(ws.db_path.stem + ".rebuild.duckdb")
    fresh.unlink(missing_ok=True)
    with connect(fresh) as con:
        problems = _prepare(con, ws)
        accounts.carry_note(ws, con)  # a lost users file must not reopen the install
    with connect(ws.db_path):
        pass  # waits until no other process holds the old file
    os.replace(fresh, ws.db_path)
    for leftover in (
        fresh.with_name(fresh.name + ".wal"),
        ws.db_path.with_name(ws.db_path.name + ".wal"),
    ):
        leftover.unlink(missing_ok=True)
    return problems


def load_shipped_files(con: duckdb.DuckDBPyConnection, ws: Workspace) -> list[Problem]:
    """Store the sample files shipped in data/actuals/ once, on first start."""
    if get_meta(con, "shipped_files_loaded"):
        return []
    now = datetime.now()
    index = catalogue_index(con)
    problems = []
    for path in shipped_files(ws):
        problems += _restore(
            con, index, path.read_bytes(), path.name, path, ws, SAMPLE_USER, now, None
        )
    set_meta(con, "shipped_files_loaded", now.isoformat())
    return problems


def replay_archive(con: duckdb.DuckDBPyConnection, ws: Workspace) -> list[Problem]:
    """Store every archived upload again, in order, with its original user and time."""
    index = catalogue_index(con)
    problems = []
    for m in manifests(ws):
        path = ws.uploads_dir / m["archive"]
        problems += _restore(
            con,
            index,
            path.read_bytes(),
            m["filename"],
            path,
            ws,
            m["user"],
            datetime.fromisoformat(m["uploaded_at"]),
            m["upload_id"],
        )
    return problems


def _restore(
    con,
    index: CatalogueIndex,
    data: bytes,
    filename: str,
    path: Path,
    ws: Workspace,
    user: str,
    at: datetime,
    upload_id: int | None,
) -> list[Problem]:
    """Store a file that already lies under data/ (no new archive copy); its problems."""
    try:
        pv = preview(con, data, filename, (at.year, at.month), index)
    except IngestError as err:
        return err.problems
    if not pv.ok or pv.duplicate_of:
        return errors(pv.problems)
    with WRITE_LOCK:
        store_figures.store_upload(
            con,
            upload_id=upload_id or store_figures.next_upload_id(con),
            sha256=pv.parsed.sha256,
            filename=filename,
            archive_path=str(path.relative_to(ws.data_dir)),
            user=user,
            at=at,
            figures=pv.parsed.figures,
        )
    return []
