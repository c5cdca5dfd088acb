"""The journal on a PostgreSQL server: table `journal_lines`, one row per line, the line's
bytes exactly as data/journal.jsonl would hold them (checksum included, newline left off).

Several app servers on several machines share one database and no folder, so a file
cannot be the journal there: a line is inserted in the same transaction that applies it
to the tables (services/journal.write), inside the writers' turn. What the file gets from
"append, fsync, then apply" — nothing applied that is not recorded — the transaction gives
whole: the line and its rows commit together or not at all, and there is no window in
which one exists without the other. The upload archive's bytes travel the same way
(`archive_files`, store/server_archive.py).
"""

from dashboard.core.journal_lines import BadLine, decode
from dashboard.store.journal import JournalDamaged


def append(con, seq: int, line: bytes) -> None:
    """Inside the caller's transaction and writers' turn."""
    con.execute(
        "INSERT INTO journal_lines (seq, line) VALUES (?, ?)",
        [seq, line.rstrip(b"\n").decode("utf-8")],
    )


def read(con, after_seq: int = 0) -> list[tuple[dict, int]]:
    """Every line after `after_seq`, oldest first, each with 0 for the file offset it would
    have (a server has none). A line that fails its checksum raises JournalDamaged."""
    rows = con.execute(
        "SELECT seq, line FROM journal_lines WHERE seq > ? ORDER BY seq", [after_seq]
    ).fetchall()
    found, last = [], after_seq
    for _seq, line in rows:
        try:
            record = decode(line.encode("utf-8"))
        except (BadLine, ValueError) as err:
            raise JournalDamaged(last, getattr(err, "reason", "damaged")) from err
        found.append((record, 0))
        last = record["seq"]
    return found


def raw_lines(con) -> list[bytes]:
    """The journal as file bytes, line by line with their newlines: what
    data/journal.jsonl would hold (migrate's check and the tests compare them)."""
    rows = con.execute("SELECT line FROM journal_lines ORDER BY seq").fetchall()
    return [line.encode("utf-8") + b"\n" for (line,) in rows]


def first(con) -> dict | None:
    lines = read(con)
    return lines[0][0] if lines else None


def last_seq(con) -> int:
    return con.execute("SELECT coalesce(max(seq), 0) FROM journal_lines").fetchone()[0]
