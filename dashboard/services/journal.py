"""The one way anything is recorded: uploads, comments, snapshots, account changes and
audit entries become a line in data/journal.jsonl (fsync'd) and are then applied to the
database in the same step, under the journal's lock. The database is a copy of the journal:

- a crash after the line is on disk and before the database commits leaves the line for
  the next opening to apply (`catch_up`), so the record is kept and audited;
- an error while the database writes (a full disk) cuts the line off again: nothing of it
  is kept anywhere;
- a database restored from an older copy, or a second database on the same data folder,
  catches up with every line it lacks the next time it is opened.

Ids (upload, snapshot, seq) are taken under the lock after catching up, so two people
saving at the same moment get consecutive ids, never a duplicate-key error.

On a PostgreSQL server (DASHBOARD_DB=postgresql://…) the journal is the table
`journal_lines` (store/server_journal.py) and an upload's bytes go to `archive_files`:
the line, its rows and the bytes are one transaction inside the writers' turn, which the
database gives (store/dialect.lock_writers) to app servers on any machine. There is
nothing to catch up: the database is its own journal. docs/postgresql.md says why.
"""

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from dashboard.core.journal_lines import VERSION, encode
from dashboard.services import archive
from dashboard.services.workspace import Workspace
from dashboard.store import dialect, journal, records, server_archive, server_journal
from dashboard.store.connection import transaction
from dashboard.store.errors import StoreError

# One writer at a time inside this process (Streamlit sessions are threads); the journal's
# file lock does the same between processes. Taken before the file lock, never after.
WRITE_LOCK = threading.RLock()
# Lines applied per database transaction when catching up (and figures, roughly).
CHUNK_LINES, CHUNK_FIGURES = 2000, 200_000


class JournalBehind(StoreError):
    """The database holds lines the journal no longer has (the file was replaced by an
    older copy or cut short): opening it would hide that, so it is refused."""

    def __init__(self, db_seq: int, journal_seq: int):
        super().__init__("journal.behind", db_seq=db_seq, journal_seq=journal_seq)


@dataclass(frozen=True)
class Entry:
    """What to record; the seq is added under the lock."""

    kind: str
    user: str
    at: datetime
    audit: dict | None = None  # {"action", "outcome", "detail"}
    data: dict | None = None
    figures: pd.DataFrame | None = None  # an upload's figures, already in memory
    # On a server: an upload's original bytes, (archive path, sha256, bytes), stored in
    # the same transaction as its line. In a folder the bytes are a file (archive.py).
    archive: tuple[str, str, bytes] | None = None
    version: int = VERSION  # REVIEW_VERSION for the lines of review (core/journal_lines)

    def record(self, seq: int) -> dict:
        rec = {"seq": seq, "kind": self.kind, "at": self.at.isoformat(), "user": self.user}
        if self.version != VERSION:
            rec["v"] = self.version
        if self.audit is not None:
            rec["audit"] = self.audit
        if self.data is not None:
            rec["data"] = self.data
        return rec


def audit(action: str, outcome: str, **detail) -> dict:
    return {"action": action, "outcome": outcome, "detail": detail}


def write(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    build: Entry | Callable[[duckdb.DuckDBPyConnection], Entry | None],
) -> dict | None:
    """Record one entry: catch up, build it (ids come from the caught-up database), append
    and fsync the line, apply it. Returns the line's record, or None if `build` found
    nothing to record."""
    if dialect.is_postgres(con):
        return _write_on_server(con, build)
    with WRITE_LOCK, journal.locked(ws.data_dir):
        _catch_up_locked(ws, con)
        entry = build(con) if callable(build) else build
        if entry is None:
            return None
        rec = entry.record(records.position(con)[1] + 1)
        start, end = journal.append(ws.data_dir, [encode(rec)])
        figures = None if entry.figures is None else {rec["seq"]: entry.figures}
        try:
            records.apply(con, [(rec, end)], figures)
        except BaseException:
            journal.undo(ws.data_dir, start)
            raise
    return rec


def _write_on_server(con, build) -> dict | None:
    """The same in one server transaction: the writers' turn (another app server's
    write waits until this one commits), the entry built from what is committed, then
    its line, its rows and its archive bytes together. A failure rolls all of it back."""
    with transaction(con):
        dialect.lock_writers(con)
        entry = build(con) if callable(build) else build
        if entry is None:
            return None
        rec = entry.record(records.position(con)[1] + 1)
        server_journal.append(con, rec["seq"], encode(rec))
        if entry.archive is not None:
            server_archive.put(con, *entry.archive)
        figures = None if entry.figures is None else {rec["seq"]: entry.figures}
        records.apply(con, [(rec, 0)], figures)
    return rec


def reapply_on_server(con) -> int:
    """Inside the caller's transaction and turn: the tables that journal lines make,
    emptied and made again from the server's journal (a rebuild); how many lines."""
    found = server_journal.read(con)
    records.empty(con)
    for chunk in chunks(found):
        records.apply(con, chunk)
    return len(found)


def lines(ws: Workspace, con=None) -> list[tuple[dict, int]]:
    """Every journal line: the server's table when `con` is a server connection, else the
    data folder's file."""
    if con is not None and dialect.is_postgres(con):
        return server_journal.read(con)
    return journal.read(ws.data_dir)


def raw_lines(ws: Workspace, con=None) -> list[bytes]:
    """The journal's lines as bytes, newline included: the server's table read as
    data/journal.jsonl would hold it, or that file itself."""
    if con is not None and dialect.is_postgres(con):
        return server_journal.raw_lines(con)
    return [raw for _, raw in journal.read_tolerant(ws.data_dir)[0]]


def catch_up(ws: Workspace, con: duckdb.DuckDBPyConnection) -> int:
    """Apply every journal line the database lacks; how many. Cheap when there are none.
    A server is its own journal: nothing to apply."""
    if dialect.is_postgres(con):
        return 0
    offset, _ = records.position(con)
    if journal.size(ws.data_dir) == offset:
        return 0
    with WRITE_LOCK, journal.locked(ws.data_dir, exclusive=False):
        return _catch_up_locked(ws, con)


def _catch_up_locked(ws: Workspace, con: duckdb.DuckDBPyConnection) -> int:
    offset, seq = records.position(con)
    if journal.size(ws.data_dir) == offset:
        return 0
    lines = _lines_after(ws, offset, seq)
    for chunk in chunks(lines):
        records.apply(con, chunk)
    for record, _ in lines:
        if record["kind"] == "upload":
            archive.confirm(ws, record["data"])
    return len(lines)


def _lines_after(ws: Workspace, offset: int, seq: int) -> list[tuple[dict, int]]:
    """The lines after seq `seq`: read from `offset`, or from the start when the file is
    not the one the offset was taken in (restored or merged)."""
    size = journal.size(ws.data_dir)
    try:
        lines = journal.read(ws.data_dir, offset, seq) if offset <= size else []
    except journal.JournalDamaged:
        # The offset falls inside a line: a journal written again from the database (its
        # lines need not have the old lengths). Read from the start, which still refuses
        # a line that is really damaged.
        lines, offset = [], size + 1
    if offset > size or (lines and lines[0][0]["seq"] != seq + 1):
        lines = journal.read(ws.data_dir, 0)
        last = lines[-1][0]["seq"] if lines else 0
        if last < seq:
            raise JournalBehind(seq, last)
        lines = [pair for pair in lines if pair[0]["seq"] > seq]
    _check_consecutive(lines, seq)
    return lines


def _check_consecutive(lines: list[tuple[dict, int]], seq: int) -> None:
    for record, _ in lines:
        if record["seq"] != seq + 1:
            raise journal.JournalDamaged(seq, "gap")
        seq = record["seq"]


def chunks(lines: list[tuple[dict, int]]):
    chunk, figures = [], 0
    for pair in lines:
        chunk.append(pair)
        if pair[0]["kind"] == "upload":
            figures += len(next(iter(pair[0]["data"]["figures"].values()), []))
        if len(chunk) >= CHUNK_LINES or figures >= CHUNK_FIGURES:
            yield chunk
            chunk, figures = [], 0
    if chunk:
        yield chunk


def start_folder(ws: Workspace, con: duckdb.DuckDBPyConnection) -> None:
    """Give a data folder its journal and identity (first line), unless another process
    has just done so."""

    def first_line(con) -> Entry | None:
        if dialect.is_postgres(con):
            if records.folder_id(con) is not None:  # another app server was quicker
                return None
        elif journal.first(ws.data_dir) is not None:  # (a torn first line is set aside)
            return None
        return Entry(
            "folder",
            "system",
            datetime.now(),
            audit("journal", "started", folder=ws.data_dir.name),
            {"folder_id": uuid.uuid4().hex, "path": str(ws.data_dir)},
        )

    write(ws, con, first_line)


def folder_of_journal(ws: Workspace) -> dict | None:
    """The journal's first line's data (folder_id, path), or None without a journal."""
    head = journal.first(ws.data_dir)
    return None if head is None else head["data"]


def first_at(ws: Workspace, kind: str) -> str | None:
    """When the journal's first line of `kind` was written (its `at`), or None."""
    return next((record["at"] for record, _ in lines(ws) if record["kind"] == kind), None)


def has_kind(ws: Workspace, kind: str, con=None) -> bool:
    """Whether any line of the journal is of `kind` (JournalDamaged if it cannot be read)."""
    return any(record["kind"] == kind for record, _ in lines(ws, con))


def verify(ws: Workspace, con: duckdb.DuckDBPyConnection) -> list[str]:
    """Where the database and the journal disagree (nothing: they agree): every line
    applied once to the table of its kind, each upload with all its figures."""
    recs = [record for record, _ in lines(ws, con)]
    held = records.seqs_by_table(con)
    expected = {
        "audit": [r["seq"] for r in recs if r.get("audit")],
        "uploads": [r["seq"] for r in recs if r["kind"] == "upload"],
        "comments": [r["seq"] for r in recs if r["kind"] == "comment"],
        "snapshots": [r["seq"] for r in recs if r["kind"] == "snapshot"],
        "account_events": [r["seq"] for r in recs if r["kind"] == "account"],
        "reviews": [r["seq"] for r in recs if r["kind"] == "review"],
        "supervision_events": [r["seq"] for r in recs if r["kind"] == "supervision"],
        "report_deadlines": [r["seq"] for r in recs if r["kind"] == "deadline"],
    }
    problems = [
        f"{table}: journal {expected[table]} != database {held[table]}"
        for table in expected
        if expected[table] != held[table]
    ]
    counts = records.figure_counts(con)
    for r in recs:
        if r["kind"] == "upload":
            want = len(next(iter(r["data"]["figures"].values()), []))
            if counts.get(r["data"]["upload_id"], 0) != want:
                problems.append(f"upload {r['data']['upload_id']}: figures differ")
    offset, seq = records.position(con)
    if recs and (seq != recs[-1]["seq"]):
        problems.append(f"database at seq {seq}, journal at {recs[-1]['seq']}")
    return problems
