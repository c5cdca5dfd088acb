"""The archive of accepted uploads under data/actuals/uploads/: each file's bytes and a
manifest (original name, user, time). The database can always be rebuilt from it and
targets.csv. Uploaded file names are kept as text only; archive paths are made from the
upload id and the file's hash.
"""

import json
import os
from datetime import datetime
from pathlib import Path

import duckdb

from dashboard.ingest.parse import ParsedUpload
from dashboard.services.workspace import Workspace
from dashboard.store import figures as store_figures

SHIPPED_SUFFIXES = (".csv", ".txt", ".xlsx", ".xls")


def write_upload(
    ws: Workspace, upload_id: int, parsed: ParsedUpload, data: bytes, user: str, at: datetime
) -> Path:
    ws.uploads_dir.mkdir(parents=True, exist_ok=True)
    suffix = (
        ".xlsx"
        if data[:4] == b"PK\x03\x04"
        else ".xls"
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        else ".csv"
    )
    path = ws.uploads_dir / f"{upload_id:06d}-{parsed.sha256[:16]}{suffix}"
    manifest = {
        "upload_id": upload_id,
        "sha256": parsed.sha256,
        "filename": parsed.file,
        "user": user,
        "uploaded_at": at.isoformat(),
        "archive": path.name,
    }
    _write_atomic(path, data)
    _write_atomic(path.with_suffix(".json"), json.dumps(manifest, ensure_ascii=False).encode())
    return path


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def remove_upload(path: Path) -> None:
    path.with_suffix(".json").unlink(missing_ok=True)
    path.unlink(missing_ok=True)


def manifests(ws: Workspace) -> list[dict]:
    if not ws.uploads_dir.exists():
        return []
    found = [json.loads(p.read_text("utf-8")) for p in ws.uploads_dir.glob("*.json")]
    return sorted(found, key=lambda m: m["upload_id"])


def reconcile_archive(con: duckdb.DuckDBPyConnection, ws: Workspace) -> int:
    """Drop archived files whose upload never committed (a crash between the two steps)."""
    if not ws.uploads_dir.exists():
        return 0
    stored = store_figures.uploads(con)
    last = int(stored["upload_id"].max()) if len(stored) else 0
    known = set(stored["sha256"])
    removed = 0
    for m in manifests(ws):
        if m["upload_id"] > last and m["sha256"] not in known:
            remove_upload(ws.uploads_dir / m["archive"])
            removed += 1
    for tmp in ws.uploads_dir.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
    return removed


def shipped_files(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.actuals_dir.glob("*") if p.suffix.lower() in SHIPPED_SUFFIXES)
