"""Parsing an upload in a worker process, so that one file can neither starve nor take
down the server.

Streamlit serves every session from one process. Parsing a large file is CPU-bound Python
that holds the interpreter lock for seconds (other visitors' pages slowed from 2.3 s to
6-10 s while a 50,000-row file was read), and a file that makes a library allocate without
bound aborts the whole process (as calamine did with one far cell). So uploads are parsed
in a worker process, one at a time, at a lower priority, each file within a budget of
memory and CPU time counted from where the worker stands when the file arrives. If the
worker dies, the file is refused with a message and the next one gets a new worker; the
session that sent the file only waits, without holding the lock.
"""

import math
import multiprocessing
import os
import sys
import threading
import time
import types
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd

from dashboard.core.problems import IngestError, Problem
from dashboard.ingest.parse import ParsedUpload, parse_upload
from dashboard.ingest.resolve import CatalogueIndex

try:
    import resource
except ImportError:  # Windows: no limits; the worker still keeps the lock free
    resource = None


@dataclass(frozen=True)
class Limits:
    memory_mib: int = 2048  # a 200,000-row upload peaks at a few hundred MiB
    cpu_seconds: int = 120  # a 200,000-row .xlsx takes a few seconds
    nice: int = 10  # pages first: parsing waits for the CPU, visitors do not


def limits_from_environment() -> Limits:
    memory = os.environ.get("DASHBOARD_PARSE_MEMORY_MB")
    return Limits(memory_mib=int(memory)) if memory else Limits()


class ParseWorker:
    """One worker process, one file at a time; a new process after one has died."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def parse(
        self,
        data: bytes,
        file: str,
        index: CatalogueIndex,
        today: tuple[int, int],
        strict: bool = False,
        reading: str | None = None,
        place: str | None = None,
    ) -> ParsedUpload:
        """parse_upload in the worker; raises IngestError, also when the worker died.

        The worker gets the catalogue's rows and indexes them itself: a 10,000-target
        index pickles to 6.5 MB in 0.1 s, its rows in a fraction of that."""
        pool = self._executor()
        try:
            with _launching(self._lock):
                job = pool.submit(
                    _parse_within,
                    self.limits,
                    data,
                    file,
                    index.targets,
                    index.home,
                    index.only_home,
                    today,
                    strict,
                    reading,
                    place,
                )
            return job.result()
        except (BrokenProcessPool, MemoryError) as err:
            self._discard(pool)
            raise IngestError(
                [
                    Problem(
                        file,
                        None,
                        None,
                        "file.too_costly",
                        "hint.split_file",
                        {"memory": self.limits.memory_mib, "cpu": self.limits.cpu_seconds},
                    )
                ]
            ) from err

    def close(self) -> None:
        self._discard(self._pool)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=_context(),
                    initializer=_start,
                    initargs=(self.limits, os.getpid()),
                )
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor | None) -> None:
        with self._lock:
            if pool is not None and pool is self._pool:
                self._pool = None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


@contextmanager
def _launching(lock: threading.Lock):
    """Hide the page script from multiprocessing while a worker process may start.

    A forkserver (or spawned) child re-imports the parent's `__main__` by its file before it
    runs anything. Under Streamlit `__main__` is the page script being run (app.py), so each
    new worker ran the whole app outside Streamlit, failed, and died: every upload was
    refused as too costly. Processes start inside submit(), in the calling thread; during
    it `__main__` is an empty module, which multiprocessing has nothing to re-import from.
    """
    with lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _context():
    """Workers forked from a clean server process that has pandas and calamine imported
    (a fork of the Streamlit process itself would copy its threads' locks). Our own code
    is imported by the worker after it took the caller's sys.path: Python 3.11's
    forkserver imports its preloads before it applies that path, so a preloaded
    `dashboard` could be another checkout's."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pandas", "python_calamine"])
        return ctx
    return multiprocessing.get_context("spawn")


def _start(limits: Limits, owner: int) -> None:
    if resource is not None:
        os.nice(limits.nice)
    threading.Thread(target=_end_with, args=(owner,), daemon=True).start()


def _end_with(owner: int) -> None:
    """End the worker when the process that asked for it is gone. A worker keeps its own
    queues and the forkserver open, so a server or command killed outright (SIGKILL, the
    OOM killer) would leave both running for good, holding its memory and, for a
    command, its output pipe (whoever reads it would wait forever)."""
    while True:
        time.sleep(1)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:  # alive, under another user: keep serving
            pass


def _parse_within(
    limits: Limits,
    data: bytes,
    file: str,
    targets: pd.DataFrame,
    home: str | None,
    only_home: bool,
    today: tuple[int, int],
    strict: bool,
    reading: str | None,
    place: str | None = None,
) -> ParsedUpload:
    """In the worker: this file's budget on top of what the worker holds and has used.
    RLIMIT_DATA counts heap and anonymous mappings, where both Python and Rust allocate;
    past RLIMIT_CPU the kernel ends the process. Only the soft limits move."""
    if resource is not None:
        memory = limits.memory_mib * 2**20 + _data_in_use()
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        resource.setrlimit(resource.RLIMIT_DATA, (_within(memory, hard), hard))
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = math.ceil(used.ru_utime + used.ru_stime) + limits.cpu_seconds  # at least it
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(resource.RLIMIT_CPU, (_within(cpu, hard), hard))
    index = CatalogueIndex.build(targets, home, only_home)
    return parse_upload(data, file, index, today, strict, reading, place)


def _within(value: int, hard: int) -> int:
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


def _data_in_use() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


_shared: ParseWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> ParseWorker:
    """The process's worker (the dashboard's sessions share it)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ParseWorker(limits_from_environment())
        return _shared
