"""Files under the data folder: written private (0600) from the first byte, whole or not at
all (a temporary name, fsync, rename, fsync of the folder), and a full disk or a read-only
folder reported as such instead of an OSError."""

import errno
import os
from pathlib import Path

from dashboard.store.errors import DiskFull, FolderReadOnly

PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700
FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(err: OSError, where: Path) -> Exception:
    """The error to raise for `err` while writing `where`: ours for a full disk or a
    read-only folder (errors the person can act on), else `err` itself."""
    if err.errno in FULL:
        return DiskFull(where)
    if err.errno in READ_ONLY:
        return FolderReadOnly(where)
    return err


def make_private_dir(path: Path) -> None:
    try:
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    except OSError as err:
        raise storage_error(err, path) from err


def open_private(path: Path, flags: int) -> int:
    """os.open with mode 0600 (so no other account can read it, whatever the umask)."""
    try:
        return os.open(path, flags | os.O_CLOEXEC, PRIVATE_FILE)
    except OSError as err:
        raise storage_error(err, path.parent) from err


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` completely or leave it as it was (a crash leaves at most a *.tmp)."""
    make_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        sync_dir(path.parent)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise storage_error(err, path.parent) from err


def sync_dir(path: Path) -> None:
    """Make a rename or a new file in `path` survive a power cut."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def move(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
        sync_dir(target.parent)
    except OSError as err:
        raise storage_error(err, target.parent) from err
