"""Parsing an upload in a worker process, so that one file cannot starve or take down the
server.

Streamlit serves every session from one process. Parsing a large file is CPU-bound Python
that holds the interpreter lock for seconds (other visitors' pages slowed from 2.3 s to
6-10 s while a 50,000-row file was read), and a file that makes a library allocate without
bound aborts the whole process (as calamine did with one far cell). The page therefore
parses each upload in a fresh worker process forked from a server that has the ingest
code loaded: at a lower priority, with a limit on the memory it may take and on its CPU
time. If the worker dies, the upload is refused with a message and the next one gets a
new worker; the session that sent the file only waits, without holding the lock.
"""

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from dashboard.core.problems import IngestError, Problem
from dashboard.ingest.parse import ParsedUpload, parse_upload
from dashboard.ingest.resolve import CatalogueIndex

try:
    import resource
except ImportError:  # Windows: no limits, the worker still keeps the lock free
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
    """One upload at a time, each in a fresh process (`max_tasks_per_child=1`): limits on
    CPU time apply per file, and nothing of one file stays behind for the next."""

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
    ) -> ParsedUpload:
        """parse_upload in the worker; raises IngestError, also when the worker died.

        The worker gets the catalogue's rows and indexes them itself: a 10,000-target
        index pickles to 6.5 MB in 0.1 s, its rows in a fraction of that."""
        try:
            job = self._executor().submit(
                _parse_upload, data, file, index.targets, index.home, today, strict, reading
            )
            return job.result()
        except (BrokenProcessPool, MemoryError) as err:
            self._discard()
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
        self._discard()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=_context(),
                    initializer=_limit,
                    initargs=(self.limits,),
                    max_tasks_per_child=1,
                )
            return self._pool

    def _discard(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _context():
    """Workers forked from a clean server process that has the ingest code imported (a
    fork of the Streamlit process itself would copy its threads' locks)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["dashboard.ingest.parse"])
        return ctx
    return multiprocessing.get_context("spawn")


def _parse_upload(data, file, targets, home, today, strict, reading) -> ParsedUpload:
    index = CatalogueIndex.build(targets, home)
    return parse_upload(data, file, index, today, strict, reading)


def _limit(limits: Limits) -> None:
    """In the worker, before it reads the file. RLIMIT_DATA counts heap and anonymous
    mappings (where both Python and Rust allocate), on top of what the worker holds."""
    if resource is None:
        return
    os.nice(limits.nice)
    budget = limits.memory_mib * 2**20 + _data_in_use()
    resource.setrlimit(resource.RLIMIT_DATA, (budget, budget))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))


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
