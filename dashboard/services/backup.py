"""Backups of a running dashboard, and restoring one without losing what came after it.

`backup` writes DIR/backup-<time>/ with a consistent copy of the database (checkpointed
while this process holds it, so no one writes meanwhile) and of the data folder (journal,
catalogue, archive, users file; taken under the journal's lock), plus backup.json listing
every file with its SHA-256. The folder is written under a hidden name and renamed when
complete, so a backup that was interrupted is never mistaken for one.

`restore` brings back what is missing, never what is newer: journal lines the current
journal lacks (or holds damaged) are merged in by seq, files that are gone are copied, and
a database that is missing or unusable is replaced by the backup's copy (kept aside, not
deleted); the database then catches up with the merged journal. A backup of another data
folder, or a journal that disagrees with the backup's about the same seq, is refused.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names
from dashboard.services import audit_log
from dashboard.services.archive import pending_paths
from dashboard.services.database import (
    SAMPLE_USER,
    inspect_database,
    open_store,
    set_database_aside,
)
from dashboard.services.journal import WRITE_LOCK, folder_of_journal
from dashboard.services.workspace import Workspace
from dashboard.store import journal, records
from dashboard.store.connection import set_stray_log_aside
from dashboard.store.files import make_private_dir, write_whole

FORMAT = 1
MANIFEST = "backup.json"
PREFIX = "backup-"
# Never copied from the data folder: databases (copied on their own, consistently), lock
# files, uploads not yet committed, temporary files.
SKIPPED_PARTS = (".duckdb", ".lock", ".tmp", ".partial")


class BackupError(DashboardError):
    """A backup that cannot be made or used (the message says why)."""


# Who writes a journal line when no person does: a first start's identity, catalogue and
# sample figures.
AUTOMATIC = ("system", SAMPLE_USER)


@dataclass
class Restored:
    backup: Path
    lines_added: int = 0
    files_copied: list[str] = field(default_factory=list)
    files_kept: list[str] = field(default_factory=list)
    # Archived uploads the journal names that neither the folder nor the backup holds:
    # their figures are in the journal, their original bytes are gone (said, not hidden).
    archives_missing: list[str] = field(default_factory=list)
    database: str = "kept"  # kept | installed
    set_aside: Path | None = None
    journal_aside: Path | None = None  # the replaced folder's journal (restore --replace)
    summary: dict = field(default_factory=dict)


def _not_on_server(ws: Workspace) -> None:
    """A server's records (journal and archive included) are backed up with pg_dump and
    restored with pg_restore (docs/postgresql.md); this backup is of a data folder's
    DuckDB file, journal and archive."""
    if ws.on_server:
        raise BackupError("backup.on_server", server=ws.db_path.name)


def backup(ws: Workspace, out: Path, user: str = "cli") -> tuple[Path, int]:
    """Write a complete backup under `out`; its folder and how many files it holds."""
    _not_on_server(ws)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    make_private_dir(out)
    staging = out / f".{PREFIX}{stamp}.partial"
    with open_store(ws) as con:
        records.checkpoint(con)
        with WRITE_LOCK, journal.locked(ws.data_dir):
            files = _copy_database(ws, staging) | _copy_data(ws, staging, out)
            head = folder_of_journal(ws)
            manifest = {
                "format": FORMAT,
                "created_at": datetime.now().isoformat(),
                "folder_id": head["folder_id"] if head else None,
                "journal_seq": records.position(con)[1],
                "database": ws.db_path.name,
                "files": files,
            }
            write_whole(staging / MANIFEST, json.dumps(manifest, indent=1).encode())
            final = _free_name(out, f"{PREFIX}{stamp}")
            staging.rename(final)
        audit_log.record(ws, con, user, "backup", "written", backup=final.name, files=len(files))
    return final, len(files)


def _copy_database(ws: Workspace, staging: Path) -> dict[str, str]:
    target = staging / "database" / ws.db_path.name
    return {_rel(staging, target): _copy(ws.db_path, target)}


def _copy_data(ws: Workspace, staging: Path, out: Path) -> dict[str, str]:
    copied = {}
    for source in sorted(ws.data_dir.rglob("*")):
        if not source.is_file() or _skipped(ws, source, out):
            continue
        target = staging / "data" / source.relative_to(ws.data_dir)
        copied[_rel(staging, target)] = _copy(source, target)
    return copied


def _skipped(ws: Workspace, source: Path, out: Path) -> bool:
    rel = source.relative_to(ws.data_dir)
    if out.resolve() in source.resolve().parents:
        return True  # backups kept inside the data folder
    if "pending" in rel.parts[:-1] and rel.parts[:2] == ("actuals", "uploads"):
        return True
    return any(part in source.name for part in SKIPPED_PARTS)


def _copy(source: Path, target: Path) -> str:
    data = source.read_bytes()
    write_whole(target, data)
    return hashlib.sha256(data).hexdigest()


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _free_name(out: Path, name: str) -> Path:
    candidate, n = out / name, 1
    while candidate.exists():
        n += 1
        candidate = out / f"{name}-{n}"
    return candidate


def find_backup(source: Path) -> Path:
    """`source` itself if it is a backup, else the newest backup inside it."""
    if (source / MANIFEST).is_file():
        return source
    found = sorted(p for p in source.glob(f"{PREFIX}*") if p.is_dir() and (p / MANIFEST).is_file())
    if not found:
        raise BackupError("backup.none_found", where=source)
    return found[-1]


def verify(folder: Path) -> dict:
    """The backup's manifest, after checking every file against its hash."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise BackupError("backup.unreadable", where=folder.name) from err
    if manifest.get("format") != FORMAT:
        raise BackupError("backup.unknown_format", where=folder.name, format=manifest.get("format"))
    bad = [
        rel
        for rel, digest in manifest["files"].items()
        if not (folder / rel).is_file()
        or hashlib.sha256((folder / rel).read_bytes()).hexdigest() != digest
    ]
    if bad:
        raise BackupError("backup.damaged", where=folder.name, files=Names(tuple(bad[:5])))
    return manifest


def restore(ws: Workspace, source: Path, user: str = "cli", replace: bool = False) -> Restored:
    """Bring back what the backup has into the data folder it was taken of. A folder of
    another identity is replaced (its journal and database set aside, nothing deleted)
    when it holds nothing a person did (a folder started again by a page view after the
    loss) or when `replace` says so."""
    _not_on_server(ws)
    folder = find_backup(source)
    manifest = verify(folder)
    data = folder / "data"
    result = Restored(folder)
    make_private_dir(ws.data_dir)
    with WRITE_LOCK, journal.locked(ws.data_dir):
        if _other_folder(ws, manifest):
            if not (replace or _only_automatic(ws)):
                raise BackupError("backup.other_folder", where=folder.name)
            result.journal_aside = _journal_aside(ws)
        result.lines_added = _merge_journal(ws, data)
        _copy_missing_files(ws, data, result)
        result.archives_missing = _archives_missing(ws)
    _install_database(ws, folder / "database" / manifest["database"], result)
    with open_store(ws) as con:
        audit_log.record(
            ws,
            con,
            user,
            "restore",
            "done",
            backup=folder.name,
            lines_added=result.lines_added,
            files_copied=len(result.files_copied),
            database=result.database,
            set_aside=result.set_aside.name if result.set_aside else None,
        )
        result.summary = records.summary(con)
    return result


def _other_folder(ws: Workspace, manifest: dict) -> bool:
    good, _ = journal.read_tolerant(ws.data_dir)
    current = next((r["data"]["folder_id"] for r, _ in good if r["kind"] == "folder"), None)
    return current is not None and current != manifest["folder_id"]


def _only_automatic(ws: Workspace) -> bool:
    """Does the journal hold only what the dashboard writes by itself on a first start
    (its identity, the catalogue, the sample figures)?"""
    good, damaged = journal.read_tolerant(ws.data_dir)
    return not damaged and all(r["user"] in AUTOMATIC for r, _ in good)


def _journal_aside(ws: Workspace) -> Path:
    """The current journal kept beside as journal.jsonl.replaced-<time>, then removed."""
    file = journal.path(ws.data_dir)
    side = journal.keep_aside(ws.data_dir, "replaced", file.read_bytes())
    file.unlink()
    return side


def _merge_journal(ws: Workspace, data: Path) -> int:
    """Put every line of the backup's journal that the current one lacks (or holds
    damaged) into it, by seq; how many were added."""
    current, damaged = journal.read_tolerant(ws.data_dir)
    theirs, _ = journal.read_tolerant(data)
    mine = {r["seq"]: raw for r, raw in current}
    added = {r["seq"]: raw for r, raw in theirs if r["seq"] not in mine}
    clash = [r["seq"] for r, raw in theirs if r["seq"] in mine and mine[r["seq"]] != raw]
    if clash:
        raise BackupError("backup.diverged", seq=clash[0])
    if not added:
        return 0
    merged = {**mine, **added}
    missing = sorted(set(range(1, max(merged) + 1)) - set(merged))
    if missing:
        raise BackupError("backup.gap", seq=missing[0])
    journal.append(ws.data_dir, [])  # a torn tail, if any, is set aside first
    if damaged:
        journal.keep_aside(ws.data_dir, "damaged", b"".join(damaged))
    journal.replace(ws.data_dir, [merged[s] for s in sorted(merged)])
    return len(added)


def _copy_missing_files(ws: Workspace, data: Path, result: Restored) -> None:
    for source in sorted(data.rglob("*")):
        if not source.is_file() or source.name == journal.NAME:
            continue
        rel = source.relative_to(data)
        target = ws.data_dir / rel
        if not target.exists():
            write_whole(target, source.read_bytes())
            result.files_copied.append(rel.as_posix())
        elif target.read_bytes() != source.read_bytes():
            result.files_kept.append(rel.as_posix())


def _archives_missing(ws: Workspace) -> list[str]:
    """Upload lines whose archived file is not in the folder (nor waiting to be confirmed)."""
    missing = []
    for record, _ in journal.read(ws.data_dir):
        archive = record["data"].get("archive") if record["kind"] == "upload" else None
        if archive and not (ws.data_dir / archive).is_file():
            if not pending_paths(ws, record["data"]["sha256"], Path(archive).suffix):
                missing.append(archive)
    return missing


def _install_database(ws: Workspace, copy: Path, result: Restored) -> None:
    """The backup's database where the current one is missing or unusable."""
    state = inspect_database(ws)
    if state == "bound":
        return
    if state != "missing":
        result.set_aside = set_database_aside(ws, state)
    set_stray_log_aside(ws.db_path)
    write_whole(ws.db_path, copy.read_bytes())
    result.database = "installed"
