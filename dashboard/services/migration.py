"""Moving the store to another engine (`python -m dashboard migrate --from … --to …`).

Every table of the source is copied into an empty target in one transaction, compared row
for row before it commits, and the target's sequences are moved past the copied numbers.
A refused or failed move leaves the target as it was; the source is only read.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dashboard.core.errors import DashboardError
from dashboard.store import dialect, tables
from dashboard.store.connection import connect, transaction
from dashboard.store.postgres import display_url, is_server_url
from dashboard.store.schema import ensure_schema


class MigrationRefused(DashboardError):
    """The target cannot take the source's tables (not empty, a table missing, a copy
    that differs)."""


@dataclass(frozen=True)
class CopiedTable:
    table: str
    rows: int


def store_name(target: str | Path) -> str:
    """A store as people may see it: a file path, or a server URL without its password."""
    return display_url(str(target))


def _same_place(source: str | Path, target: str | Path) -> bool:
    return str(source) == str(target) or (
        not is_server_url(source)
        and not is_server_url(target)
        and Path(source).resolve() == Path(target).resolve()
    )


def _check_target(src, dst, source_tables: list[str]) -> None:
    target_tables = tables.table_names(dst)
    missing = [t for t in source_tables if t not in target_tables]
    if missing:
        raise MigrationRefused("error.migrate_tables_missing", tables=", ".join(missing))
    filled = [t for t in target_tables if tables.row_count(dst, t)]
    if filled:
        raise MigrationRefused("error.migrate_target_not_empty", tables=", ".join(filled))


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


def migrate(source: str | Path, target: str | Path) -> list[CopiedTable]:
    """Copy every table of `source` into the empty store at `target`; what was copied."""
    if _same_place(source, target):
        raise MigrationRefused("error.migrate_same_store", store=display_url(str(source)))
    with connect(source) as src, connect(target) as dst:
        ensure_schema(src)  # an older file gains the columns the target has
        ensure_schema(dst)
        names = tables.table_names(src)
        _check_target(src, dst, names)
        with transaction(dst):
            dialect.lock_writers(dst)
            copied = [_copy(src, dst, t) for t in names]
            tables.advance_sequences(dst)
    return copied
