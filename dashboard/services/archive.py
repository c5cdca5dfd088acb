"""The archive of accepted uploads under data/actuals/uploads/: each file's original bytes,
private (0600), named from the upload id and the file's hash. Uploaded file names are kept
as text only (in the journal), never used as paths.

An upload's bytes are first written to uploads/pending/<sha256>-<token><suffix> (a token
per attempt: two sessions sending the same file never share one). The journal line
is the commit; only then is the file moved to its archive name ("confirmed"). So:
- a pending file whose upload is in the journal is confirmed (at the next upload or
  opening), never removed;
- a pending file that no journal line names was never committed and is the only thing
  ever removed here, and only when it is an hour old (a younger one may be an upload in
  progress in another session).
Nothing that reads deletes.
"""

import time
import uuid
from pathlib import Path

import duckdb

from dashboard.services.workspace import Workspace
from dashboard.store import dialect, server_archive
from dashboard.store import figures as store_figures
from dashboard.store.files import move, write_whole

SHIPPED_SUFFIXES = (".csv", ".txt", ".xlsx", ".xls")
STALE_PENDING_SECONDS = 3600


XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Excel format's signature


def suffix(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        return ".xlsx"
    return ".xls" if data[:8] == XLS else ".csv"


def pending_dir(ws: Workspace) -> Path:
    return ws.uploads_dir / "pending"


def pending_paths(ws: Workspace, sha256: str, ext: str) -> list[Path]:
    folder = pending_dir(ws)
    return sorted(folder.glob(f"{sha256}-*{ext}")) if folder.is_dir() else []


def _sha_of_pending(path: Path) -> str:
    return path.name.lstrip(".").split("-")[0]


def archive_name(ws: Workspace, upload_id: int, sha256: str, ext: str) -> str:
    """The archive path of an upload, relative to the data folder (as the journal holds it)."""
    path = ws.uploads_dir / f"{upload_id:06d}-{sha256[:16]}{ext}"
    return str(path.relative_to(ws.data_dir))


def write_pending(ws: Workspace, data: bytes, sha256: str) -> Path:
    path = pending_dir(ws) / f"{sha256}-{uuid.uuid4().hex[:12]}{suffix(data)}"
    write_whole(path, data)
    return path


def confirm(ws: Workspace, upload: dict) -> None:
    """Move a committed upload's pending file to its archive name, if it is still pending."""
    if not upload["archive"]:
        return
    final = ws.data_dir / upload["archive"]
    waiting = [] if final.exists() else pending_paths(ws, upload["sha256"], final.suffix)
    if not waiting:
        return
    try:
        move(waiting[0], final)
    except Exception:  # noqa: BLE001 - a read-only folder: confirmed at a later opening
        return


def settle_pending(ws: Workspace, con: duckdb.DuckDBPyConnection) -> None:
    """Confirm pending files whose upload the database holds (a crash after the commit)."""
    folder = pending_dir(ws)
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        sha = _sha_of_pending(path)
        known = store_figures.upload_by_sha(con, sha)
        if known is not None:
            confirm(ws, {"archive": known["archive_path"], "sha256": sha})


def drop_stale_pending(ws: Workspace, con: duckdb.DuckDBPyConnection) -> None:
    """Remove pending files no upload committed, an hour old or more (the caller holds the
    journal's lock and has caught up, so the database knows every committed upload)."""
    folder = pending_dir(ws)
    if not folder.is_dir():
        return
    cutoff = time.time() - STALE_PENDING_SECONDS
    for path in folder.iterdir():
        if path.stat().st_mtime > cutoff:
            continue
        if store_figures.upload_by_sha(con, _sha_of_pending(path)) is None:
            path.unlink(missing_ok=True)


def original(ws: Workspace, con, archive_path: str) -> bytes | None:
    """An upload's original bytes by the archive path its journal line names: from the
    server's `archive_files` (shipped samples excepted) or the data folder; None if gone."""
    if dialect.is_postgres(con):
        data = server_archive.get(con, archive_path)
        if data is not None:
            return data
    file = ws.data_dir / archive_path
    return file.read_bytes() if file.is_file() else None


def shipped_files(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.actuals_dir.glob("*") if p.suffix.lower() in SHIPPED_SUFFIXES)
