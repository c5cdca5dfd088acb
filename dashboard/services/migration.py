"""Moving a data folder's store onto a PostgreSQL server (`python -m dashboard migrate
--from data/dashboard.duckdb --to postgresql://…`).

The DuckDB file is first brought up to date with its journal. Then, in one transaction on
the server: every table of the file is copied and compared row for row; the journal's
lines go into `journal_lines` byte for byte and each accepted upload's archived bytes
into `archive_files` (checked against the upload's SHA-256); and the server's tables are
checked against its journal the way `verify` checks a folder. Only then does it commit.
A refused or failed move leaves the server as it was; the file and folder are only read.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names
from dashboard.services import journal
from dashboard.services.database import open_store
from dashboard.services.workspace import Workspace
from dashboard.store import dialect, server_archive, tables
from dashboard.store import figures as store_figures
from dashboard.store import journal as journal_file
from dashboard.store.connection import connect, transaction
from dashboard.store.postgres import display_url, is_server_url
from dashboard.store.schema import ensure_schema

# Tables a folder keeps as files (data/journal.jsonl, data/actuals/uploads/): filled
# from them, not copied.
FROM_FILES = ("journal_lines", "archive_files")


class MigrationRefused(DashboardError):
    """The target cannot take the source's tables (not empty, a table missing, a copy
    that differs, a journal or archive that does not match the database)."""


@dataclass(frozen=True)
class CopiedTable:
    table: str
    rows: int


def store_name(target: str | Path) -> str:
    """A store as people may see it: a file path, or a server URL without its password."""
    return display_url(str(target))


def _check_direction(source: str | Path, target: str | Path) -> None:
    if str(source) == str(target):
        raise MigrationRefused("error.migrate_same_store", store=display_url(str(source)))
    if is_server_url(source) or not is_server_url(target):
        raise MigrationRefused(
            "error.migrate_direction", source=store_name(source), target=store_name(target)
        )


def _check_target(src, dst, source_tables: list[str]) -> None:
    target_tables = tables.table_names(dst)
    missing = [t for t in source_tables if t not in target_tables]
    if missing:
        raise MigrationRefused("error.migrate_tables_missing", tables=Names(tuple(missing)))
    filled = [t for t in target_tables if tables.rows_of_data(dst, t)]
    if filled:
        raise MigrationRefused("error.migrate_target_not_empty", tables=Names(tuple(filled)))


def _copy(src, dst, table: str) -> CopiedTable:
    names = tables.columns(src, table)
    frame = tables.read_table(src, table, names)
    tables.append(dst, table, frame)
    copied = tables.read_table(dst, table, names)
    if not np.array_equal(tables.fingerprint(frame), tables.fingerprint(copied)):
        raise MigrationRefused(
            "error.migrate_mismatch", table=table, source=len(frame), target=len(copied)
        )
    return CopiedTable(table, len(frame))


def _copy_journal(ws: Workspace, dst) -> CopiedTable:
    good, damaged = journal_file.read_tolerant(ws.data_dir)
    if damaged:
        raise MigrationRefused("error.migrate_journal_damaged", count=len(damaged))
    frame = pd.DataFrame(
        {
            "seq": [record["seq"] for record, _ in good],
            "line": [raw.rstrip(b"\n").decode("utf-8") for _, raw in good],
        }
    )
    dialect.insert_frame(dst, "journal_lines", frame.astype({"seq": "int64", "line": object}))
    return CopiedTable("journal_lines", len(frame))


def _copy_archive(ws: Workspace, src, dst) -> CopiedTable:
    """Each accepted upload's bytes, checked against its hash. Shipped samples (archive
    paths outside actuals/uploads/) come with the program and stay files."""
    uploads = store_figures.uploads(src)[["archive_path", "sha256"]].itertuples(index=False)
    kept = str(ws.uploads_dir.relative_to(ws.data_dir)) + "/"
    rows = []
    for path, sha in uploads:
        if not path or not path.startswith(kept):
            continue
        file = ws.data_dir / path
        data = file.read_bytes() if file.is_file() else None
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            raise MigrationRefused("error.migrate_archive_missing", path=path)
        rows.append((path, sha, data))
    for row in rows:
        server_archive.put(dst, *row)
    return CopiedTable("archive_files", len(rows))


def migrate(source: str | Path, target: str, data_dir: Path) -> list[CopiedTable]:
    """Move the store of the folder `data_dir` (its DuckDB file `source`, its journal and
    archive) into the empty database at `target`; what was copied."""
    _check_direction(source, target)
    folder = Workspace(data_dir, Path(source).resolve())
    with open_store(folder):  # the file up to date with the journal (a crash's last line)
        pass
    with connect(folder.db_path) as src, connect(target) as dst:
        ensure_schema(dst)
        names = [t for t in tables.table_names(src) if t not in FROM_FILES]
        _check_target(src, dst, names)
        with transaction(dst):
            dialect.lock_writers(dst)
            tables.empty(dst, "meta")  # the schema's version only: the file's comes
            copied = [_copy(src, dst, t) for t in names]
            copied += [_copy_journal(folder, dst), _copy_archive(folder, src, dst)]
            problems = journal.verify(Workspace(data_dir, target), dst)
            if problems:
                raise MigrationRefused(
                    "error.migrate_journal_differs", problems="; ".join(problems)
                )
            tables.advance_sequences(dst)
    return copied
