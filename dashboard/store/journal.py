"""The journal file, data/journal.jsonl: lines are appended (fsync'd before the database
commits), never rewritten. One writer at a time across processes (an flock on
data/.journal.lock); readers share the lock, so a writer's undo is never half read.

A crash while appending leaves a torn last line without its newline: readers stop before
it, and the next writer moves it to journal.jsonl.torn-<time> before appending (it was
never committed, so nothing depends on it, but its bytes are kept).
"""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from dashboard.core.journal_lines import BadLine, decode
from dashboard.store.errors import StoreError
from dashboard.store.files import make_private_dir, open_private, storage_error, sync_dir

NAME, LOCK = "journal.jsonl", ".journal.lock"


class JournalDamaged(StoreError):
    """A complete line in the journal fails its checksum (or is of a newer format)."""

    KEYS = {
        "damaged": "journal.damaged_at",
        "newer_version": "journal.newer_version_at",
        "gap": "journal.gap_at",
    }

    def __init__(self, after_seq: int, reason: str):
        self.after_seq = after_seq
        super().__init__(self.KEYS[reason], after=after_seq)


def path(data_dir: Path) -> Path:
    return data_dir / NAME


def size(data_dir: Path) -> int:
    try:
        return path(data_dir).stat().st_size
    except FileNotFoundError:
        return 0


def exists(data_dir: Path) -> bool:
    return path(data_dir).exists()


@contextmanager
def locked(data_dir: Path, exclusive: bool = True) -> Iterator[None]:
    make_private_dir(data_dir)
    fd = open_private(data_dir / LOCK, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


def read(data_dir: Path, offset: int = 0, after_seq: int = 0) -> list[tuple[dict, int]]:
    """Every complete line from byte `offset` on, each with the offset just after it.

    A damaged complete line raises JournalDamaged (naming the last good seq); a torn tail
    (no newline yet, or a crash mid-append) is not a line and is left out.
    """
    try:
        with open(path(data_dir), "rb") as fh:
            fh.seek(offset)
            raw = fh.read()
    except FileNotFoundError:
        return []
    found, position, last = [], offset, after_seq
    for piece in raw.split(b"\n")[:-1]:  # the part after the last newline is torn or empty
        position += len(piece) + 1
        try:
            record = decode(piece)
        except (BadLine, ValueError) as err:
            raise JournalDamaged(last, getattr(err, "reason", "damaged")) from err
        found.append((record, position))
        last = record["seq"]
    return found


def read_tolerant(data_dir: Path) -> tuple[list[tuple[dict, bytes]], list[bytes]]:
    """Every intact line (record, bytes with its newline) and the damaged ones' bytes:
    what a restore compares with a backup's copy. A torn tail is neither."""
    try:
        raw = path(data_dir).read_bytes()
    except FileNotFoundError:
        return [], []
    good, bad = [], []
    for piece in raw.split(b"\n")[:-1]:
        try:
            good.append((decode(piece), piece + b"\n"))
        except (BadLine, ValueError):
            bad.append(piece + b"\n")
    return good, bad


def first(data_dir: Path) -> dict | None:
    """The first line (the folder's identity), or None without a journal."""
    try:
        with open(path(data_dir), "rb") as fh:
            line = fh.readline()
    except FileNotFoundError:
        return None
    if not line.endswith(b"\n"):
        return None
    try:
        return decode(line[:-1])
    except (BadLine, ValueError) as err:
        raise JournalDamaged(0, getattr(err, "reason", "damaged")) from err


def append(data_dir: Path, lines: list[bytes]) -> tuple[int, int]:
    """Append and fsync (the caller holds the exclusive lock); (start, end) byte offsets.

    On a write error (full disk, read-only folder) the journal is cut back to `start`.
    """
    file = path(data_dir)
    new = not file.exists()
    fd = open_private(file, os.O_RDWR | os.O_CREAT)
    try:
        start = _set_torn_tail_aside(fd, file)
        try:
            os.lseek(fd, start, os.SEEK_SET)
            data = b"".join(lines)
            while data:
                data = data[os.write(fd, data) :]
            os.fsync(fd)
            if new:
                sync_dir(file.parent)
        except OSError as err:
            os.ftruncate(fd, start)
            raise storage_error(err, file.parent) from err
        return start, start + sum(map(len, lines))
    finally:
        os.close(fd)


def undo(data_dir: Path, start: int) -> None:
    """Cut off what the caller appended from `start` (it still holds the lock, so no one
    has read it): a line whose database write failed was never committed."""
    fd = open_private(path(data_dir), os.O_RDWR)
    try:
        os.ftruncate(fd, start)
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(data_dir: Path, lines: list[bytes]) -> None:
    """Write a whole journal in one step (a restore's merge; the caller holds the lock)."""
    file = path(data_dir)
    tmp = file.with_name(f".{NAME}.{os.getpid()}.tmp")
    fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(b"".join(lines))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, file)
        sync_dir(file.parent)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise storage_error(err, file.parent) from err


def keep_aside(data_dir: Path, what: str, data: bytes) -> Path:
    """Bytes that leave the journal (a torn tail, damaged lines a restore replaced) are
    kept beside it as journal.jsonl.<what>-<time>."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    side = path(data_dir).with_name(f"{NAME}.{what}-{stamp}")
    fd = open_private(side, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return side


def _set_torn_tail_aside(fd: int, file: Path) -> int:
    """Where the next line starts: after the last newline. Bytes after it (a crash mid-
    append) are copied to a side file first."""
    end = os.lseek(fd, 0, os.SEEK_END)
    if end == 0:
        return 0
    tail_start = end
    while tail_start > 0:
        step = min(65536, tail_start)
        chunk = os.pread(fd, step, tail_start - step)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            tail_start = tail_start - step + newline + 1
            break
        tail_start -= step
    if tail_start == end:
        return end
    keep_aside(file.parent, "torn", os.pread(fd, end - tail_start, tail_start))
    os.ftruncate(fd, tail_start)
    return tail_start
