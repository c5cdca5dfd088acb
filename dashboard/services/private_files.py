"""Files only the dashboard's own user may read: the accounts and the session signing key.

They are created with mode 0600 from the first byte (never written 0644 and chmod-ed
afterwards) and replaced atomically, so a crash leaves the old file or the new one.
"""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE = 0o600


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) private, write and flush it to disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a private temporary file in the same folder."""
    with _staged(path, data) as tmp:
        os.replace(tmp, path)
    _sync_folder(path.parent)


def create_private(path: Path, data: bytes) -> bool:
    """Create `path` with `data` unless it exists (False then: another process was first).

    Linking a finished temporary file never leaves a half-written `path` behind.
    """
    with _staged(path, data) as tmp:
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
    _sync_folder(path.parent)
    return True


@contextmanager
def _staged(path: Path, data: bytes) -> Iterator[Path]:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        _write_new(tmp, data)
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
