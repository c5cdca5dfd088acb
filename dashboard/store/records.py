"""Journal lines into tables: the only code that writes uploads, figures, comments,
snapshots, account changes and audit rows (services/journal.py calls it, after the line is
on disk). Lines are applied in one transaction together with the journal position they
reach, so the database is always a whole prefix of the journal.
"""

import json

import duckdb
import pandas as pd

from dashboard.core.journal_lines import FIGURE_FIELDS, timestamp, unpack_columns
from dashboard.store import dialect, item_renames
from dashboard.store.connection import FRAME_SCANS, transaction
from dashboard.store.errors import StoreError
from dashboard.store.schema import get_meta, set_meta

FIGURE_COLUMNS = ["upload_id", *FIGURE_FIELDS]
# Tables whose rows come from journal lines, each with the line's seq.
JOURNALED = (
    "audit",
    "uploads",
    "comments",
    "snapshots",
    "account_events",
    "reviews",
    "supervision_events",
    "report_deadlines",
)


class FolderConflict(StoreError):
    """A folder line for another data folder than the one this database is bound to (the
    journal was swapped for another folder's while in use)."""

    def __init__(self):
        super().__init__("journal.folder_changed")


def position(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(byte offset, seq) of the last journal line applied; (0, 0) for a new database."""
    offset, seq = get_meta(con, "journal_offset"), get_meta(con, "journal_seq")
    return int(offset or 0), int(seq or 0)


def folder_id(con: duckdb.DuckDBPyConnection) -> str | None:
    return get_meta(con, "folder_id")


def apply(
    con: duckdb.DuckDBPyConnection,
    lines: list[tuple[dict, int]],
    figures: dict[int, pd.DataFrame] | None = None,
) -> None:
    """Apply (line, offset after it) pairs in one transaction. `figures` may hold an
    upload's figures already in memory, by seq (the line has the same in its data)."""
    if not lines:
        return
    figures = figures or {}
    with FRAME_SCANS, transaction(con):
        for record, _ in lines:
            APPLY[record["kind"]](con, record, figures.get(record["seq"]))
            if record.get("audit"):
                _audit_row(con, record)
        last, end = lines[-1]
        set_meta(con, "journal_offset", str(end))
        set_meta(con, "journal_seq", str(last["seq"]))


def _audit_row(con, record: dict) -> None:
    audit = record["audit"]
    con.execute(
        "INSERT INTO audit (seq, logged_at, user_name, action, outcome, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            record["seq"],
            timestamp(record),
            record["user"],
            audit["action"],
            audit["outcome"],
            detail_text(audit.get("detail") or {}),
        ],
    )


def detail_text(detail: dict) -> str:
    return json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)


def _folder(con, record: dict, _figures) -> None:
    bound = folder_id(con)
    if bound not in (None, record["data"]["folder_id"]):
        raise FolderConflict()
    set_meta(con, "folder_id", record["data"]["folder_id"])
    # kept whole: a journal lost with its folder's identity can be written again from here
    line = {k: v for k, v in record.items() if k not in ("v", "crc")}
    set_meta(con, "folder_line", json.dumps(line, ensure_ascii=False))


def _nothing(con, record: dict, _figures) -> None:
    """An audit line: its audit row is all it makes."""


def _upload(con, record: dict, frame: pd.DataFrame | None) -> None:
    data = record["data"]
    if frame is None:
        frame = unpack_columns(data["figures"])
    # a column added to the figures since the line was written is null in it
    missing = {c: None for c in FIGURE_FIELDS if c not in frame}
    frame = frame.assign(**missing, upload_id=data["upload_id"])[FIGURE_COLUMNS]
    if frame["item_due"].notna().any():  # ISO text in a journal line, a DATE in the table
        frame = frame.assign(item_due=_dates(frame["item_due"]))
    con.execute(
        "INSERT INTO uploads (upload_id, sha256, filename, archive_path, user_name, "
        "uploaded_at, figure_count, seq, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            data["upload_id"],
            data["sha256"],
            data["filename"],
            data["archive"],
            record["user"],
            timestamp(record),
            len(frame),
            record["seq"],
            data.get("review"),  # "pending" when the upload waits for review
        ],
    )
    if len(frame):
        dialect.insert_frame(con, "figures", frame)


def _dates(column: pd.Series) -> pd.Series:
    days = pd.to_datetime(column, errors="coerce")
    return pd.Series(
        [None if pd.isna(d) else d.date() for d in days], index=column.index, dtype=object
    )


def _comment(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO comments (entity, year, id, month, reason, measures, status, user_name, "
        "created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            d["entity"],
            d["year"],
            d["id"],
            d["month"],
            d["reason"],
            d["measures"],
            d["status"],
            record["user"],
            timestamp(record),
            record["seq"],
        ],
    )


def _snapshot(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO snapshots (snapshot_id, year, month, note, user_name, created_at, "
        "data_version, rule_version, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            d["snapshot_id"],
            d["year"],
            d["month"],
            d["note"],
            record["user"],
            timestamp(record),
            d["data_version"],
            d["rule_version"],
            record["seq"],
        ],
    )
    if d["rows"]:
        con.executemany(
            "INSERT INTO snapshot_rows (snapshot_id, position, record) VALUES (?, ?, ?)",
            [
                (d["snapshot_id"], i, json.dumps(row, ensure_ascii=False))
                for i, row in enumerate(d["rows"])
            ],
        )


def _account(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO account_events (seq, changed_at, by_user, action, account, role, "
        "departments) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            record["seq"],
            timestamp(record),
            record["user"],
            d["action"],
            d["account"],
            d.get("role"),
            json.dumps(d.get("departments") or [], ensure_ascii=False),
        ],
    )


def _review(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO reviews (seq, upload_id, decision, reason, user_name, decided_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            record["seq"],
            d["upload_id"],
            d["decision"],
            d.get("reason"),
            record["user"],
            timestamp(record),
        ],
    )
    con.execute(
        "UPDATE uploads SET review = ? WHERE upload_id = ?", [d["decision"], d["upload_id"]]
    )


SUPERVISION_COLUMNS = (
    "entity",
    "year",
    "id",
    "department",
    "asked",
    "deadline",
    "measures",
    "progress",
    "note",
)


def _supervision(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO supervision_events (seq, item_id, action, user_name, acted_at, "
        f"{', '.join(SUPERVISION_COLUMNS)}) VALUES ({', '.join(['?'] * 14)})",
        [
            record["seq"],
            d["item_id"],
            d["action"],
            record["user"],
            timestamp(record),
            *(d.get(c) for c in SUPERVISION_COLUMNS),
        ],
    )


def _deadline(con, record: dict, _figures) -> None:
    d = record["data"]
    con.execute(
        "INSERT INTO report_deadlines (seq, entity, year, id, lag, day, user_name, set_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            record["seq"],
            d["entity"],
            d["year"],
            d["id"],
            d.get("lag"),
            d.get("day"),
            record["user"],
            timestamp(record),
        ],
    )


def _item(con, record: dict, _figures) -> None:
    """A named item renamed (kind `item`, action `rename`): every report of it, whichever
    upload it came in and whether it counts yet, carries the new name from then on."""
    d = record["data"]
    key = [d["entity"], d["year"], d["id"]]
    con.execute(
        "UPDATE figures SET item = ? WHERE entity = ? AND year = ? AND id = ? AND item = ?",
        [d["to"], *key, d["from"]],
    )
    item_renames.apply_rename(con, key, d["from"], d["to"], record["seq"])


APPLY = {
    "item": _item,
    "review": _review,
    "deadline": _deadline,
    "supervision": _supervision,
    "folder": _folder,
    "audit": _nothing,
    "upload": _upload,
    "comment": _comment,
    "snapshot": _snapshot,
    "account": _account,
}


def empty(con) -> None:
    """Inside the caller's transaction: every row that journal lines made, and the
    position and digests that say what was applied or loaded (a rebuild on a server then
    applies its journal again and reloads the catalogue files)."""
    for table in (*JOURNALED, "figures", "snapshot_rows", "item_renames"):
        con.execute(f"DELETE FROM {table}")
    for key in POSITION_KEYS:
        con.execute("DELETE FROM meta WHERE key = ?", [key])


# What applying lines and loading catalogue files leave in meta.
POSITION_KEYS = (
    "journal_offset",
    "journal_seq",
    "folder_id",
    "folder_line",
    "catalogue_sha256",
    "profiles_sha256",
    "aliases_sha256",
)


def seqs_by_table(con: duckdb.DuckDBPyConnection) -> dict[str, list[int]]:
    """The journal lines each table holds rows of: what `verify` compares with the file."""
    return {
        table: [r[0] for r in con.execute(f"SELECT seq FROM {table} ORDER BY seq").fetchall()]
        for table in JOURNALED
    }


def figure_counts(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """Figures stored per upload id."""
    return dict(
        con.execute("SELECT upload_id, count(*) FROM figures GROUP BY upload_id").fetchall()
    )


def has_records(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a database holds anything of its own (a database made before the journal)."""
    return (
        any(
            con.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in ("uploads", "comments", "snapshots", "audit")
        )
        or get_meta(con, "shipped_files_loaded") is not None
    )


def latest_catalogue_load(con: duckdb.DuckDBPyConnection) -> str | None:
    """The catalogue hash the journal last recorded as loaded."""
    row = con.execute(
        "SELECT detail FROM audit WHERE action = 'catalogue' AND outcome = 'loaded' "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return json.loads(row[0]).get("sha256") if row else None


def has_audit(con: duckdb.DuckDBPyConnection, action: str, outcome: str) -> bool:
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM audit WHERE action = ? AND outcome = ?)", [action, outcome]
    ).fetchone()[0]


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write everything into the database file itself (the write-ahead log emptied)."""
    con.execute("CHECKPOINT")


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        ).fetchall()
    ]


def table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """A whole table in a stable order (for comparing databases)."""
    if name not in table_names(con):
        raise KeyError(name)
    columns = ", ".join(f'"{c}"' for c in _columns(con, name))
    return con.execute(f"SELECT * FROM {name} ORDER BY {columns}").df()


def _columns(con, table: str) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?)",
        [table, column],
    ).fetchone()[0]


def dump(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every journaled record the database holds, for writing a journal again from it (a
    database made before the journal has no seq columns: seq is null there)."""

    def seq(table: str) -> str:
        return "seq" if _has_column(con, table, "seq") else "CAST(NULL AS BIGINT) AS seq"

    # the review state an upload had when it was stored: pending if any decision followed
    review = (
        "CASE WHEN review IS NOT NULL THEN 'pending' END AS review"
        if _has_column(con, "uploads", "review")
        else "NULL AS review"
    )

    queries = {
        "uploads": f"SELECT upload_id, sha256, filename, archive_path, user_name, uploaded_at, "
        f"{seq('uploads')}, {review} FROM uploads ORDER BY upload_id",
        "reviews": "SELECT seq, upload_id, decision, reason, user_name, decided_at FROM reviews "
        "ORDER BY seq",
        "figures": f"SELECT {', '.join(FIGURE_COLUMNS)} FROM figures "
        f"ORDER BY upload_id, {dialect.insertion_order(con)}",
        "comments": "SELECT entity, year, id, month, reason, measures, status, user_name, "
        f"created_at, {seq('comments')} FROM comments ORDER BY created_at",
        "snapshots": "SELECT snapshot_id, year, month, note, user_name, created_at, "
        f"data_version, rule_version, {seq('snapshots')} FROM snapshots ORDER BY snapshot_id",
        "snapshot_rows": "SELECT snapshot_id, record FROM snapshot_rows "
        "ORDER BY snapshot_id, position",
        "audit": "SELECT seq, logged_at, user_name, action, outcome, detail FROM audit "
        "ORDER BY seq",
        "account_events": "SELECT seq, changed_at, by_user, action, account, role, departments "
        "FROM account_events ORDER BY seq",
        "supervision_events": "SELECT seq, item_id, action, entity, year, id, department, "
        "asked, deadline, measures, progress, note, user_name, acted_at AS at "
        "FROM supervision_events ORDER BY seq",
        "report_deadlines": "SELECT seq, entity, year, id, lag, day, user_name, set_at "
        "FROM report_deadlines ORDER BY seq",
    }
    return {name: con.execute(sql).df() for name, sql in queries.items()}


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many of each record the database holds (what a restore or rebuild reports)."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM uploads), (SELECT count(*) FROM current_figures), "
        "(SELECT count(*) FROM comments), (SELECT count(*) FROM snapshots), "
        "(SELECT count(*) FROM audit)"
    ).fetchone()
    return dict(zip(("uploads", "figures", "comments", "snapshots", "audit"), row, strict=True))
