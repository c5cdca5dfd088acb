"""The journal: its line format, the file (append, torn tail, undo), catching up, and that
it is the one way records reach the tables."""

import ast
import json
import re
import zlib
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.journal_lines import (
    FIGURE_FIELDS,
    BadLine,
    decode,
    encode,
    pack_columns,
    unpack_columns,
)
from dashboard.services import audit_log, journal
from dashboard.services.database import open_store
from dashboard.store import journal as journal_file
from dashboard.store.journal import JournalDamaged

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
LINE = {
    "seq": 7,
    "kind": "comment",
    "at": "2026-11-20T09:30:00.123456",
    "user": "王",
    "audit": {"action": "comment", "outcome": "saved", "detail": {"month": 10}},
    "data": {"reason": "原因：降雨偏多\n", "value": 0.1 + 0.2},
}


def test_a_line_round_trips_exactly_and_says_its_version():
    raw = encode(LINE)
    assert raw.endswith(b"\n") and raw.count(b"\n") == 1
    assert raw.startswith(b'{"v":1,"seq":7,"kind":"comment"')
    assert decode(raw[:-1]) == {"v": 1, **LINE}
    assert json.loads(raw)["crc"] == re.search(rb'"crc":"([0-9a-f]{8})"', raw)[1].decode()


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-12],  # cut short (a crash mid-write)
        lambda raw: raw.replace("降雨".encode(), "降水".encode()),  # changed on disk
        lambda raw: raw.replace(b'"seq":7', b'"seq":8'),
        lambda raw: b"\xff" + raw,
    ],
)
def test_a_damaged_line_is_refused(damage):
    with pytest.raises(BadLine) as err:
        decode(damage(encode(LINE)[:-1]))
    assert err.value.reason == "damaged"


def test_a_newer_format_is_refused_not_guessed():
    # version 2 is the lines of review (issue 21), 3 an item renamed (issue 15); 4 is unknown
    body = json.dumps({"v": 4, "seq": 1, "kind": "audit"}, separators=(",", ":"))
    crc = zlib.crc32(body.encode())
    with pytest.raises(BadLine) as err:
        decode(f'{body[:-1]},"crc":"{crc:08x}"}}'.encode())
    assert err.value.reason == "newer_version"
    assert err.value.text("en") == (
        "the journal was written by a newer version (format 4); upgrade the dashboard"
    )


def test_figures_travel_column_by_column_with_every_digit():
    frame = pd.DataFrame(
        {
            "source_row": [2, 3],
            "source_column": ["C", None],
            "entity": ["郑州市", "郑州市"],
            "year": [2026, 2026],
            "id": ["a", "b"],
            "period_start": [1, 10],
            "period_end": [10, 10],
            "basis": ["ytd", "month"],
            "value": [0.1 + 0.2, 1e-17],
            "raw": ["0.30000000000000004", float("nan")],
            "companion_value": [4.6, float("nan")],
            "companion_unit": ["%", None],
            "item": [None, "二七区实验学校"],
            "item_due": [None, date(2026, 8, 31)],
        }
    )
    packed = json.loads(json.dumps(pack_columns(frame, FIGURE_FIELDS), default=str))
    assert packed["source_column"] == ["C", None] and packed["raw"][1] is None
    back = unpack_columns(packed)
    assert back["value"].tolist() == [0.30000000000000004, 1e-17]
    assert back["source_row"].tolist() == [2, 3]
    assert packed["companion_value"] == [4.6, None] and packed["companion_unit"] == ["%", None]
    assert packed["item"] == [None, "二七区实验学校"]
    assert packed["item_due"] == [None, "2026-08-31"]


def lines_of(ws) -> list[dict]:
    return [decode(raw) for raw in journal_file.path(ws.data_dir).read_bytes().split(b"\n")[:-1]]


def test_a_torn_tail_is_not_read_and_is_set_aside_by_the_next_writer(empty_ws):
    with open_store(empty_ws) as con:
        audit_log.record(empty_ws, con, "u", "login", "ok")
    path = journal_file.path(empty_ws.data_dir)
    whole = path.read_bytes()
    torn = encode({"seq": 99, "kind": "audit", "at": "2026-01-01T00:00:00", "user": "x"})[:30]
    path.write_bytes(whole + torn)
    assert [r["seq"] for r, _ in journal_file.read(empty_ws.data_dir)] == [1, 2, 3, 4]
    with open_store(empty_ws) as con:
        audit_log.record(empty_ws, con, "u", "logout", "ok")
    assert [(r["seq"], r["audit"]["action"]) for r in lines_of(empty_ws)][-2:] == [
        (4, "login"),
        (5, "logout"),
    ]
    (side,) = empty_ws.data_dir.glob("journal.jsonl.torn-*")
    assert side.read_bytes() == torn


def test_a_damaged_line_stops_catching_up_with_a_message(empty_ws, tmp_path):
    with open_store(empty_ws) as con:
        audit_log.record(empty_ws, con, "u", "login", "ok")
    other = type(empty_ws)(empty_ws.data_dir, tmp_path / "other.duckdb")
    path = journal_file.path(empty_ws.data_dir)
    path.write_bytes(path.read_bytes().replace(b'"login"', b'"logon"'))
    with pytest.raises(JournalDamaged) as err:
        with open_store(other):
            pass
    assert err.value.text("en").startswith(
        "The data folder's journal has a damaged line after record 3."
    )


def test_a_failed_database_write_takes_its_line_back(empty_ws):
    with open_store(empty_ws) as con:
        before = journal_file.path(empty_ws.data_dir).read_bytes()
        con.execute("INSERT INTO audit (seq) VALUES (4)")  # the next line's seq: it will clash
        entry = journal.Entry("audit", "u", datetime.now(), journal.audit("x", "y"))
        with pytest.raises(Exception, match="(?i)constraint|duplicate"):
            journal.write(empty_ws, con, entry)
        assert journal_file.path(empty_ws.data_dir).read_bytes() == before


def test_every_journaled_table_is_written_only_from_journal_lines():
    """SQL that writes uploads, figures, comments, snapshots, account changes or the audit
    log lives in store/records.py, and only services/journal.py applies lines."""
    writes = re.compile(
        r"INSERT\s+INTO\s+(audit|uploads|figures|comments|snapshots|snapshot_rows|"
        r"account_events)\b|(UPDATE|DELETE\s+FROM)\s+(audit|uploads|figures|comments|snapshots)",
        re.I,
    )
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if writes.search(node.value):
                    found.add(path.relative_to(PACKAGE).as_posix())
    assert found == {"store/records.py"}
    callers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\brecords\.apply\(", path.read_text("utf-8"))
    }
    assert callers == {"services/journal.py"}


def test_the_journal_is_private_and_the_database_too(empty_ws):
    with open_store(empty_ws):
        pass
    for path in (journal_file.path(empty_ws.data_dir), empty_ws.db_path):
        assert path.stat().st_mode & 0o777 == 0o600, path
