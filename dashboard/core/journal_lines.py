"""One line of the journal (data/journal.jsonl), format version 1: bytes in, records out.

Every comment, snapshot, audit entry, account change and accepted upload is a line; the
database is rebuilt from them (docs/journal.md describes the format for people). A line is
one JSON object in UTF-8 ending in a newline:

    {"v":1,"seq":12,"kind":"comment","at":"2026-11-20T09:30:00","user":"wang",
     "audit":{"action":"comment","outcome":"saved","detail":{...}},"data":{...},"crc":"…"}

`seq` counts lines from 1 without gaps; `audit` (optional) is the audit row the line makes;
`data` depends on `kind`; `crc` is the CRC-32 (8 hex digits) of the line's text before
`,"crc"` with "}" appended — a line cut short or changed on disk fails it. A reader refuses
a version it does not know rather than guess.
"""

import json
import zlib
from datetime import date, datetime

import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.progress_row import FIGURE_COLUMNS

VERSION = 1
# Version 2 marks the lines issue 21 added: a `review` line, an upload line whose figures
# wait for review (data.review = "pending"; a reader of version 1 would count them), and a
# `supervision` line, a `deadline` line (a target's own report deadline). A reader of
# version 1 must refuse those instead of guessing; every other line stays version 1.
REVIEW_VERSION = 2
# Version 3 marks an `item` line: a named item renamed, its reports kept (issue 15). A
# reader of version 2 refuses it as newer instead of calling the line damaged.
ITEM_VERSION = 3
VERSIONS = (VERSION, REVIEW_VERSION, ITEM_VERSION)
KINDS = (
    "folder",
    "audit",
    "upload",
    "comment",
    "snapshot",
    "account",
    "review",
    "supervision",
    "deadline",
    "item",
)
CRC_FIELD = ',"crc":"'
# An upload line's figures, column by column (the figures table less the upload id).
FIGURE_FIELDS = [*FIGURE_COLUMNS, "companion_value", "companion_unit", "item", "item_due"]


class BadLine(DashboardError, ValueError):
    """A line that is not a whole, unchanged version-1 record (`reason` says which)."""

    KEYS = {"damaged": "journal.damaged", "newer_version": "journal.newer_version"}

    def __init__(self, reason: str, **params):
        self.reason = reason
        super().__init__(self.KEYS[reason], **params)


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON")


def encode(record: dict) -> bytes:
    """`record` (seq, kind, at, user, audit?, data?, v?) as one checksummed line."""
    body = json.dumps(
        {"v": VERSION, **record},
        ensure_ascii=False,
        allow_nan=False,
        separators=(",", ":"),
        default=_plain,
    )
    raw = body.encode("utf-8")
    return b'%s%s%08x"}\n' % (raw[:-1], CRC_FIELD.encode(), zlib.crc32(raw))


def decode(raw: bytes) -> dict:
    """The record of one line (without its newline); BadLine if it is damaged or unknown."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadLine("damaged") from err
    cut = line.rfind(CRC_FIELD)
    if cut < 0 or not line.endswith('"}'):
        raise BadLine("damaged")
    body = line[:cut] + "}"
    if f"{zlib.crc32(body.encode('utf-8')):08x}" != line[cut + len(CRC_FIELD) : -2]:
        raise BadLine("damaged")
    record = json.loads(body)
    if record.get("v") not in VERSIONS:
        raise BadLine("newer_version", version=record.get("v"))
    if record.get("kind") not in KINDS or not isinstance(record.get("seq"), int):
        raise BadLine("damaged")
    return record


def timestamp(record: dict) -> datetime:
    return datetime.fromisoformat(record["at"])


def pack_columns(frame: pd.DataFrame, columns: list[str]) -> dict[str, list]:
    """A table as {column: [values]}: compact, and exact for floats (JSON keeps every digit)."""
    packed = {}
    for name in columns:
        column = frame[name]
        if column.isna().any():  # NaN and NA are null in JSON
            column = column.astype(object).where(column.notna(), None)
        packed[name] = column.tolist()
    return packed


def with_figure_fields(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with every column of an upload line's figures, null where the file had
    none (no published pairs, no named items)."""
    missing = {c: None for c in FIGURE_FIELDS if c not in frame}
    return frame.assign(**missing) if missing else frame


def unpack_columns(columns: dict[str, list]) -> pd.DataFrame:
    return pd.DataFrame(columns)
