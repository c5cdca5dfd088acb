"""Uploads end to end: preview, archive the original bytes, store all-or-nothing, rebuild.

The archive under data/actuals/uploads/ holds each accepted file's bytes and a manifest
(original name, user, time). The database can always be rebuilt from it and targets.csv.
Uploaded file names are kept as text only; archive paths are made from the upload id and
the file's hash.
"""

import json
import os
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.core.access import User
from dashboard.ingest.parse import ParsedUpload, parse_upload, sequence_warnings
from dashboard.ingest.problems import IngestError, Problem, errors
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.services.workspace import Workspace
from dashboard.store import audit
from dashboard.store import catalogue as store_catalogue
from dashboard.store import figures as store_figures
from dashboard.store.schema import get_meta, set_meta

SAMPLE_USER = "sample-data"
SHIPPED_SUFFIXES = (".csv", ".txt", ".xlsx")
# One writer at a time inside this process (Streamlit sessions are threads).
_WRITE_LOCK = threading.Lock()


@dataclass
class Preview:
    parsed: ParsedUpload
    figures: pd.DataFrame  # with a `change` column: new | revision | unchanged
    problems: list[Problem]
    duplicate_of: dict | None  # the earlier upload with identical bytes

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def catalogue_index(con: duckdb.DuckDBPyConnection) -> CatalogueIndex:
    return CatalogueIndex.build(store_catalogue.targets(con))


def preview(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    filename: str,
    today: tuple[int, int],
    index: CatalogueIndex | None = None,
) -> Preview:
    """Everything the user should see before confirming; raises IngestError if unreadable."""
    index = index or catalogue_index(con)
    return review(con, parse_upload(data, filename, index, today), index)


def review(con: duckdb.DuckDBPyConnection, parsed: ParsedUpload, index: CatalogueIndex) -> Preview:
    """A parsed file against what is stored: warnings, new vs revision, re-uploads.

    Parsing needs no database, so callers parse first and hold the file only for this.
    """
    previous, steps = store_figures.against_current(con, parsed.figures)
    problems = parsed.problems + (sequence_warnings(steps, parsed.file) if parsed.ok else [])
    figures = _mark_changes(parsed.figures, previous)
    return Preview(parsed, figures, problems, store_figures.upload_by_sha(con, parsed.sha256))


def authorise(pv: Preview, user: User, index: CatalogueIndex) -> Preview:
    """Refuse every row for a target outside the user's departments (admins: none)."""
    if user.is_admin:
        return pv
    file = pv.parsed.file
    if not user.may_upload():
        problem = Problem(
            file,
            None,
            None,
            f"{user.name} may not upload figures (role {user.role})",
            "ask an administrator for the uploader role",
        )
        return replace(pv, problems=pv.problems + [problem])
    department = {
        (r["entity"], r["year"], r["id"]): (r["department"], r["name_zh"]) for r in index.records
    }
    own = "、".join(sorted(user.departments)) or "no department"
    problems = []
    for f in pv.figures.itertuples():
        dept, name = department[(f.entity, f.year, f.id)]
        if not user.may_edit(dept):
            problems.append(
                Problem(
                    file,
                    int(f.source_row),
                    f.source_column,
                    f"{name} belongs to {dept}; {user.name} reports for {own}",
                    "send this row to that department, or ask an administrator",
                )
            )
    return replace(pv, problems=pv.problems + problems)


def check(
    con: duckdb.DuckDBPyConnection,
    parsed: ParsedUpload,
    index: CatalogueIndex,
    user: User,
    at: datetime,
    record: bool = True,
) -> Preview:
    """Review and authorise a parsed file for `user`; a refusal goes to the audit log."""
    pv = authorise(review(con, parsed, index), user, index)
    if not pv.ok and record:
        record_refusal(con, user.name, parsed.file, parsed.sha256, pv.problems, at)
    return pv


def record_refusal(
    con: duckdb.DuckDBPyConnection,
    user: str,
    file: str,
    sha256: str | None,
    problems: list[Problem],
    at: datetime,
) -> None:
    audit.record(
        con,
        user,
        "upload",
        "refused",
        at=at,
        file=file,
        sha256=sha256,
        errors=len(errors(problems)),
        rows=sorted({p.row for p in errors(problems) if p.row})[:50],
    )


def _mark_changes(figures: pd.DataFrame, previous: np.ndarray) -> pd.DataFrame:
    change = np.where(
        np.isnan(previous),
        "new",
        np.where(previous == figures["value"].to_numpy(), "unchanged", "revision"),
    )
    return figures.assign(previous=previous, change=change.astype(object))


def store_preview(
    con: duckdb.DuckDBPyConnection, ws: Workspace, pv: Preview, data: bytes, user: str, at: datetime
) -> int | None:
    """Archive then store; returns the upload id, or None for an identical re-upload."""
    if not pv.ok:
        raise IngestError(errors(pv.problems))
    if pv.duplicate_of is not None:
        audit.record(
            con,
            user,
            "upload",
            "unchanged",
            at=at,
            file=pv.parsed.file,
            sha256=pv.parsed.sha256,
            same_as=pv.duplicate_of["upload_id"],
        )
        return None
    with _WRITE_LOCK:
        upload_id = store_figures.next_upload_id(con)
        archive = _archive(ws, upload_id, pv.parsed, data, user, at)
        try:
            store_figures.store_upload(
                con,
                upload_id=upload_id,
                sha256=pv.parsed.sha256,
                filename=pv.parsed.file,
                archive_path=str(archive.relative_to(ws.data_dir)),
                user=user,
                at=at,
                figures=pv.parsed.figures,
            )
        except BaseException:
            _remove_archive(archive)
            raise
    changes = pv.figures["change"].value_counts()
    audit.record(
        con,
        user,
        "upload",
        "accepted",
        at=at,
        upload_id=upload_id,
        file=pv.parsed.file,
        sha256=pv.parsed.sha256,
        figures=len(pv.figures),
        new=int(changes.get("new", 0)),
        revisions=int(changes.get("revision", 0)),
    )
    return upload_id


def _archive(
    ws: Workspace, upload_id: int, parsed: ParsedUpload, data: bytes, user: str, at: datetime
) -> Path:
    ws.uploads_dir.mkdir(parents=True, exist_ok=True)
    suffix = ".xlsx" if data[:4] == b"PK\x03\x04" else ".csv"
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


def _remove_archive(path: Path) -> None:
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
            _remove_archive(ws.uploads_dir / m["archive"])
            removed += 1
    for tmp in ws.uploads_dir.glob("*.tmp"):
        tmp.unlink(missing_ok=True)
    return removed


def shipped_files(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.actuals_dir.glob("*") if p.suffix.lower() in SHIPPED_SUFFIXES)


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
    with _WRITE_LOCK:
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
