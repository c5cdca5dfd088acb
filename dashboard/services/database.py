"""Opening the store ready for use, and rebuilding it from data/ alone.

A data folder holds the truth: targets.csv, the upload archive and the journal
(data/journal.jsonl, services/journal.py). A database belongs to one data folder — it
records the folder's identity from the journal's first line — and is a copy of the
journal that `open_store` brings up to date and `rebuild` makes again from nothing.
Nothing here deletes a record: a database that might hold something the journal lacks
(damaged, of another folder, made before the journal) is moved aside, never removed.

A PostgreSQL server (DASHBOARD_DB=postgresql://…) holds its journal in a table
(services/journal.py), so it belongs to no folder's journal: it is opened as it is, and
`rebuild` makes its tables again from that table in one transaction.
"""

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path

import duckdb

from dashboard.core.errors import DashboardError
from dashboard.core.problems import IngestError, Problem, errors
from dashboard.ingest.profiles_csv import parse_profiles
from dashboard.services import accounts, archive, catalogues, recovery
from dashboard.services.aliases import sync_aliases
from dashboard.services.journal import (
    Entry,
    JournalBehind,
    audit,
    catch_up,
    folder_of_journal,
    reapply_on_server,
    start_folder,
    write,
)
from dashboard.services.uploading import catalogue_index, parse, upload_entry
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import dialect, records
from dashboard.store import figures as store_figures
from dashboard.store import journal as journal_file
from dashboard.store.connection import connect as store_connect
from dashboard.store.connection import set_stray_log_aside, transaction
from dashboard.store.errors import DatabaseDamaged, DatabaseMissing, StoreError
from dashboard.store.files import move
from dashboard.store.files import storage_error as files_storage_error
from dashboard.store.schema import ensure_schema

# Pages and commands open the database through here (`connect`: per operation, waiting
# briefly for another process's lock; it never makes a new, empty file where a deleted
# database was) and ask it what a rebuild left (`summary`).
__all__ = [
    "JOURNAL",
    "DatabaseDamaged",
    "DatabaseMissing",
    "connect",
    "counts",
    "open_store",
    "rebuild",
    "storage_error",
    "summary",
    "sync_catalogue",
]
JOURNAL = journal_file.NAME
counts = store_figures.counts
summary = records.summary
connect = partial(store_connect, create=False)
SAMPLE_USER = "sample-data"


def storage_error(err: OSError) -> DashboardError | None:
    """A full disk or a read-only folder met outside the store, as our error (else None)."""
    where = Path(err.filename) if err.filename else Path(".")
    translated = files_storage_error(err, where)
    return translated if isinstance(translated, DashboardError) else None


class FolderMismatch(StoreError):
    """The database was made for another data folder."""

    def __init__(self, ws: Workspace):
        super().__init__("journal.folder_mismatch", db=ws.db_path.name, data=ws.data_dir)


class JournalMissing(StoreError):
    """The database belongs to this folder, whose journal is gone."""

    def __init__(self, ws: Workspace):
        super().__init__("journal.missing", db=ws.db_path.name, data=ws.data_dir)


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


def _bind(con: duckdb.DuckDBPyConnection, ws: Workspace) -> bool:
    """Check that the database belongs to this data folder; give a new folder its journal.
    False for a database made before the journal: `rebuild` must take over (its records
    go into the journal first if the folder has none; the file is kept aside)."""
    head = folder_of_journal(ws)
    mine = records.folder_id(con)
    if head is not None:
        if mine is not None and mine != head["folder_id"]:
            raise FolderMismatch(ws)
        return mine is not None or not records.has_records(con)
    if mine is not None:
        raise JournalMissing(ws)
    if records.has_records(con):
        return False
    start_folder(ws, con)
    return True


def _prepare(con: duckdb.DuckDBPyConnection, ws: Workspace) -> list[Problem] | None:
    """Ready the database; its problems (shipped samples refused), or None when it was
    made before the journal and must be journaled and rebuilt first."""
    ensure_schema(con)
    if dialect.is_postgres(con):
        start_folder(ws, con)  # the first opening of a new database writes line 1
        sync_catalogue(con, ws)
        return load_shipped_files(con, ws)
    if not _bind(con, ws):
        return None
    catch_up(ws, con)
    archive.settle_pending(ws, con)
    sync_catalogue(con, ws)
    return load_shipped_files(con, ws)


@contextmanager
def open_store(ws: Workspace) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a database in step with the data folder's journal, the catalogue
    in sync with targets.csv. A missing database is made again from the journal; one
    made before the journal is rebuilt (its records written to the journal first if the
    folder has none; the old file kept aside)."""
    if ws.on_server:
        with store_connect(ws.db_path) as con:
            _prepare(con, ws)
            yield con
        return
    ws.db_path.parent.mkdir(parents=True, exist_ok=True)
    with store_connect(ws.db_path) as con:
        if _prepare(con, ws) is not None:
            yield con
            return
    rebuild(ws)
    with store_connect(ws.db_path) as con:
        _prepare(con, ws)
        yield con


def rebuild(ws: Workspace) -> list[Problem]:
    """Build a new database from the journal (and targets.csv), then swap it in.

    The old file is replaced when the journal holds everything it has; otherwise (it is
    damaged, of another folder, made before the journal, or ahead of the journal) it is
    kept beside the new one as <name>.<why>-<time>. Without a journal, the old database's
    records are first written to a new one. On a server: see _rebuild_on_server."""
    if ws.on_server:
        return _rebuild_on_server(ws)
    old = inspect_database(ws)
    if not journal_file.exists(ws.data_dir) and old in ("bound", "pre_journal"):
        recovery.journal_from_database(ws)
    elif old == "ahead":
        recovery.append_from_database(ws)
    fresh = ws.db_path.with_name(ws.db_path.stem + ".rebuild.duckdb")
    _remove_database_file(fresh)  # a rebuild killed half-way: a partial copy, nothing else
    with store_connect(fresh) as con:
        problems = _prepare(con, ws) or []
        accounts.carry_note(ws, con)  # a lost users file must not reopen the install
    old = inspect_database(ws)  # again: waits for any other process to let go of the file
    aside = set_database_aside(ws, old) if old not in ("missing", "bound") else None
    if not ws.db_path.exists():
        set_stray_log_aside(ws.db_path)
    os.replace(fresh, ws.db_path)
    _remove_database_file(fresh, main=False)
    if aside is not None:
        with store_connect(ws.db_path) as con:
            kept = audit("database", "set_aside", file=aside.name, why=old)
            write(ws, con, Entry("audit", "system", datetime.now(), kept))
    return problems


def _rebuild_on_server(ws: Workspace) -> list[Problem]:
    """Every table made again from the server's journal (`journal_lines`) and the
    catalogue files, in one transaction in the writers' turn: other writers wait, readers
    see the old rows until it commits, and a failure leaves them as they were."""
    with store_connect(ws.db_path) as con:
        ensure_schema(con)
        with transaction(con):
            dialect.lock_writers(con)
            reapply_on_server(con)
            problems = _prepare(con, ws) or []
    return problems


def inspect_database(ws: Workspace) -> str:
    """What the current database file is: missing | damaged | bound (to this folder, and
    not ahead of its journal) | other_folder | pre_journal | ahead. A server is its own
    journal: bound."""
    if ws.on_server:
        return "bound"
    if not ws.db_path.exists():
        return "missing"
    head = folder_of_journal(ws)
    try:
        with connect(ws.db_path) as con:
            ensure_schema(con)
            mine = records.folder_id(con)
            if mine is None:
                return "pre_journal" if records.has_records(con) else "missing"
            if head is None:
                return "bound"
            if mine != head["folder_id"]:
                return "other_folder"
            try:
                catch_up(ws, con)
            except JournalBehind:
                return "ahead"
            return "bound"
    except DatabaseMissing:
        return "missing"
    except (DatabaseDamaged, duckdb.Error):
        return "damaged"


def _remove_database_file(path: Path, main: bool = True) -> None:
    if main:
        path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def set_database_aside(ws: Workspace, why: str) -> Path:
    """Move the database file (and its log) to <name>.<why>-<time>: kept, not deleted."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = ws.db_path.with_name(f"{ws.db_path.name}.{why}-{stamp}")
    move(ws.db_path, target)
    wal = ws.db_path.with_name(ws.db_path.name + ".wal")
    if wal.exists():
        move(wal, target.with_name(target.name + ".wal"))
    return target


def load_shipped_files(con: duckdb.DuckDBPyConnection, ws: Workspace) -> list[Problem]:
    """Store the sample files shipped in data/actuals/ once per data folder (the journal
    remembers that they were loaded)."""
    if records.has_audit(con, "samples", "loaded"):
        return []
    now = datetime.now()
    index = catalogue_index(con)
    problems, stored = [], 0
    for path in archive.shipped_files(ws):
        data = path.read_bytes()
        try:
            parsed = parse(data, path.name, index, (now.year, now.month), isolated=False)
        except IngestError as err:
            problems += err.problems
            continue
        if not parsed.ok:
            problems += errors(parsed.problems)
            continue
        stored += _store_sample(con, ws, parsed, path, now)
    marker = audit("samples", "loaded", files=stored, refused=len({p.file for p in problems}))

    def once(con: duckdb.DuckDBPyConnection) -> Entry | None:
        if records.has_audit(con, "samples", "loaded"):  # another process was quicker
            return None
        return Entry("audit", SAMPLE_USER, now, marker)

    write(ws, con, once)
    return problems


def _store_sample(con, ws: Workspace, parsed, path: Path, at: datetime) -> int:
    def build(con: duckdb.DuckDBPyConnection) -> Entry | None:
        if store_figures.upload_by_sha(con, parsed.sha256) is not None:
            return None
        upload_id = store_figures.next_upload_id(con)
        sample = audit(
            "upload",
            "sample",
            upload_id=upload_id,
            file=path.name,
            sha256=parsed.sha256,
            figures=len(parsed.figures),
        )
        where = str(path.relative_to(ws.data_dir))
        return upload_entry(
            ws,
            upload_id,
            path.name,
            parsed.sha256,
            path.suffix,
            SAMPLE_USER,
            at,
            sample,
            parsed.figures,
            archive_path=where,
        )

    return 0 if write(ws, con, build) is None else 1
