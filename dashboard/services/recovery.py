"""A journal written again from a database: for a database made before the journal
existed (its records become the journal's first lines), and for a folder whose journal was
lost while its database survived (the lines come back with their seq). Archived uploads
that such a database does not know (each with its manifest, as the archive kept them
before the journal) are read again and recorded as recovered; none is removed.
"""

import json
import uuid
from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.journal_lines import (
    FIGURE_FIELDS,
    ITEM_VERSION,
    REVIEW_VERSION,
    encode,
    pack_columns,
    with_figure_fields,
)
from dashboard.core.problems import IngestError, errors
from dashboard.services.journal import WRITE_LOCK, audit
from dashboard.services.supervision import SUPERVISION_FIELDS
from dashboard.services.uploading import catalogue_index, parse
from dashboard.services.workspace import Workspace
from dashboard.store import journal, records
from dashboard.store.connection import connect
from dashboard.store.schema import ensure_schema, get_meta


def journal_from_database(ws: Workspace) -> int:
    """Write the journal from the database at ws.db_path (unless one appeared meanwhile);
    how many lines."""
    with connect(ws.db_path) as con:
        ensure_schema(con)
        folder = get_meta(con, "folder_line")
        tables = records.dump(con)
        if folder:
            lines = _renumbered(_bound_lines(tables, json.loads(folder)))
        else:
            lines = _first_lines(con, tables)
        lines += _orphans(ws, con, tables, len(lines))
    with WRITE_LOCK, journal.locked(ws.data_dir):
        if journal.size(ws.data_dir):
            return 0
        journal.replace(ws.data_dir, [encode(r) for r in lines])
    return len(lines)


def append_from_database(ws: Workspace) -> int:
    """Append to the journal the lines the database holds beyond its end (the journal was
    replaced by an older copy or cut short); how many."""
    with connect(ws.db_path) as con:
        folder = get_meta(con, "folder_line")
        lines = _bound_lines(records.dump(con), json.loads(folder)) if folder else []
    with WRITE_LOCK, journal.locked(ws.data_dir):
        have = journal.read(ws.data_dir)
        last = have[-1][0]["seq"] if have else 0
        beyond = [line for line in lines if line["seq"] > last]
        if [line["seq"] for line in beyond] != list(range(last + 1, last + 1 + len(beyond))):
            return 0  # not a continuation of this journal: left to a restore
        journal.append(ws.data_dir, [encode(line) for line in beyond])
    return len(beyond)


def _stamp(value) -> str:
    return pd.Timestamp(value).to_pydatetime().isoformat()


def _plain(value):
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def _record(kind: str, at, user: str, seq, audit_row: dict | None, data: dict | None) -> dict:
    rec = {"seq": seq, "kind": kind, "at": _stamp(at), "user": user}
    if audit_row is not None:
        rec["audit"] = audit_row
    if data is not None:
        rec["data"] = data
    return rec


def _kind_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    """Uploads, comments, snapshots and account changes as lines, each with its audit row
    taken out of `audits` (by seq, when the database has seq columns)."""
    return [
        *_upload_lines(tables, audits),
        *_comment_lines(tables, audits),
        *_snapshot_lines(tables, audits),
        *_account_lines(tables, audits),
        *_review_lines(tables, audits),
        *_supervision_lines(tables, audits),
        *_deadline_lines(tables, audits),
    ]


def _line(kind: str, at, user: str, seq, audits: dict, data: dict) -> dict:
    seq = None if _plain(seq) is None else int(seq)
    return _record(kind, at, user, seq, audits.pop(seq, None), data)


def _upload_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    figures = dict(iter(tables["figures"].groupby("upload_id", sort=False)))
    empty = pd.DataFrame(columns=FIGURE_FIELDS)
    lines = []
    for u in tables["uploads"].itertuples():
        data = {
            "upload_id": int(u.upload_id),
            "sha256": u.sha256,
            "filename": u.filename,
            "archive": u.archive_path,
            "figures": pack_columns(figures.get(u.upload_id, empty), FIGURE_FIELDS),
        }
        line = _line("upload", u.uploaded_at, u.user_name, u.seq, audits, data)
        if _plain(u.review) is not None:  # held for review when stored
            data["review"] = u.review
            line["v"] = REVIEW_VERSION
        lines.append(line)
    return lines


def _supervision_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    lines = []
    for e in tables["supervision_events"].to_dict("records"):
        data = {"item_id": int(e["item_id"]), "action": e["action"]}
        for field in SUPERVISION_FIELDS[e["action"]]:
            value = _plain(e[field])
            if field == "year" and value is not None:
                value = int(value)
            if field == "deadline" and value is not None:
                value = pd.Timestamp(value).date().isoformat()
            data[field] = value
        line = _line("supervision", e["at"], e["user_name"], e["seq"], audits, data)
        lines.append({**line, "v": REVIEW_VERSION})
    return lines


def _deadline_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    lines = []
    for d in tables["report_deadlines"].to_dict("records"):
        data = {"entity": d["entity"], "year": int(d["year"]), "id": d["id"]}
        for field in ("lag", "day"):
            value = _plain(d[field])
            data[field] = None if value is None else int(value)
        line = _line("deadline", d["set_at"], d["user_name"], d["seq"], audits, data)
        lines.append({**line, "v": REVIEW_VERSION})
    return lines


def _review_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    lines = []
    for r in tables["reviews"].itertuples():
        data = {"upload_id": int(r.upload_id), "decision": r.decision, "reason": _plain(r.reason)}
        line = _line("review", r.decided_at, r.user_name, r.seq, audits, data)
        lines.append({**line, "v": REVIEW_VERSION})
    return lines


def _comment_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    return [
        _line(
            "comment",
            c.created_at,
            c.user_name,
            c.seq,
            audits,
            {
                "entity": c.entity,
                "year": int(c.year),
                "id": c.id,
                "month": int(c.month),
                "reason": _plain(c.reason),
                "measures": _plain(c.measures),
                "status": _plain(c.status),
            },
        )
        for c in tables["comments"].itertuples()
    ]


def _snapshot_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    rows = {
        k: [json.loads(r) for r in g["record"]]
        for k, g in tables["snapshot_rows"].groupby("snapshot_id", sort=False)
    }
    return [
        _line(
            "snapshot",
            s.created_at,
            s.user_name,
            s.seq,
            audits,
            {
                "snapshot_id": int(s.snapshot_id),
                "year": int(s.year),
                "month": int(s.month),
                "note": _plain(s.note),
                "data_version": s.data_version,
                "rule_version": s.rule_version,
                "rows": rows.get(s.snapshot_id, []),
            },
        )
        for s in tables["snapshots"].itertuples()
    ]


def _account_lines(tables: dict[str, pd.DataFrame], audits: dict) -> list[dict]:
    return [
        _line(
            "account",
            a.changed_at,
            a.by_user,
            a.seq,
            audits,
            {
                "action": a.action,
                "account": a.account,
                "role": _plain(a.role),
                "departments": json.loads(a.departments or "[]"),
            },
        )
        for a in tables["account_events"].itertuples()
    ]


def _audits(tables: dict[str, pd.DataFrame]) -> dict:
    return {
        int(a.seq): {
            "at": a.logged_at,
            "user": a.user_name,
            "audit": {
                "action": a.action,
                "outcome": a.outcome,
                "detail": json.loads(a.detail or "{}"),
            },
        }
        for a in tables["audit"].itertuples()
    }


def _item_lines(audits: dict, taken: set) -> list[dict]:
    """Item renames as `item` lines again: a rename changes figures' names in place and
    keeps no table of its own, so its audit row (target 'entity/year/id', item_from,
    item_to) is all that says it happened. Written back as a plain audit line, a rebuild
    would replay the uploads under the old name."""
    lines = []
    for seq, v in audits.items():
        row = v["audit"]
        if seq in taken or (row["action"], row["outcome"]) != ("item", "renamed"):
            continue
        d = row["detail"]
        entity, year, target_id = d["target"].rsplit("/", 2)
        data = {"action": "rename", "entity": entity, "year": int(year), "id": target_id}
        data |= {"from": d["item_from"], "to": d["item_to"]}
        line = _record("item", v["at"], v["user"], seq, row, data)
        lines.append({**line, "v": ITEM_VERSION})
    return lines


def _bound_lines(tables: dict[str, pd.DataFrame], folder: dict) -> list[dict]:
    """The lines of a database made from a journal, with their own seq."""
    audits = _audits(tables)
    kinds = _kind_lines(tables, {k: v["audit"] for k, v in audits.items()})
    kinds += _item_lines(audits, {line["seq"] for line in kinds})
    taken = {line["seq"] for line in kinds} | {folder["seq"]}
    plain = [
        _record("audit", v["at"], v["user"], seq, v["audit"], None)
        for seq, v in audits.items()
        if seq not in taken
    ]
    return sorted([folder, *kinds, *plain], key=lambda r: r["seq"])


def _first_lines(con: duckdb.DuckDBPyConnection, tables: dict[str, pd.DataFrame]) -> list[dict]:
    """The lines of a database made before the journal: a new folder identity, its audit
    log as it was, then its uploads, comments and snapshots (their audit rows are already
    among the audit lines)."""
    now = datetime.now()
    folder = _record(
        "folder",
        now,
        "system",
        None,
        audit("journal", "started", migrated=True),
        {"folder_id": uuid.uuid4().hex},
    )
    plain = [
        _record("audit", v["at"], v["user"], None, v["audit"], None)
        for v in _audits(tables).values()
    ]
    lines = [folder, *plain, *_kind_lines(tables, {})]
    if get_meta(con, "shipped_files_loaded"):
        lines.append(
            _record(
                "audit", now, "sample-data", None, audit("samples", "loaded", migrated=True), None
            )
        )
    return _renumbered(lines)


def _renumbered(lines: list[dict]) -> list[dict]:
    return [{**line, "seq": n} for n, line in enumerate(lines, start=1)]


def _orphans(ws: Workspace, con, tables: dict[str, pd.DataFrame], after: int) -> list[dict]:
    """Archived uploads (with a manifest) the database does not know: read again and
    recorded as recovered, or, if they cannot be read any more, audited as such."""
    known = set(tables["uploads"]["sha256"])
    taken = set(tables["uploads"]["upload_id"].astype(int))
    index = None
    lines = []
    for manifest in _manifests(ws):
        if manifest["sha256"] in known:
            continue
        index = index or catalogue_index(con)
        line = _recovered(ws, manifest, index, taken)
        lines.append({**line, "seq": after + len(lines) + 1})
        known.add(manifest["sha256"])
    return lines


def _recovered(ws: Workspace, m: dict, index, taken: set[int]) -> dict:
    path = ws.uploads_dir / m["archive"]
    at = datetime.fromisoformat(m["uploaded_at"])
    where = str(path.relative_to(ws.data_dir))
    try:
        parsed = parse(path.read_bytes(), m["filename"], index, (at.year, at.month), isolated=False)
        problems = errors(parsed.problems)
    except (IngestError, OSError) as err:
        parsed, problems = None, getattr(err, "problems", [None])
    if parsed is None or problems:
        lost = audit(
            "upload", "unrecoverable", archive=where, sha256=m["sha256"], errors=len(problems)
        )
        return _record("audit", datetime.now(), m["user"], None, lost, None)
    upload_id = m["upload_id"] if m["upload_id"] not in taken else max(taken, default=0) + 1
    taken.add(upload_id)
    found = audit(
        "upload",
        "recovered",
        upload_id=upload_id,
        file=m["filename"],
        sha256=m["sha256"],
        figures=len(parsed.figures),
        archive=where,
    )
    data = {
        "upload_id": upload_id,
        "sha256": m["sha256"],
        "filename": m["filename"],
        "archive": where,
        "figures": pack_columns(with_figure_fields(parsed.figures), FIGURE_FIELDS),
    }
    return _record("upload", at, m["user"], None, found, data)


def _manifests(ws: Workspace) -> list[dict]:
    """The per-upload manifests the archive wrote before the journal existed."""
    if not ws.uploads_dir.is_dir():
        return []
    found = []
    for path in sorted(ws.uploads_dir.glob("*.json")):
        try:
            manifest = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if (ws.uploads_dir / manifest.get("archive", "")).is_file():
            found.append(manifest)
    return sorted(found, key=lambda m: m["upload_id"])
