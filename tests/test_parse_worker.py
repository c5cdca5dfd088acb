"""Uploads are parsed in a worker process with limits: a file that costs too much ends
the worker, not the dashboard, and is refused with a message; the next file is read."""

import pickle
import sys

import pytest

from dashboard.core.problems import IngestError, Problem
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.services.parse_worker import Limits, ParseWorker
from tests.conftest import ROOT, TODAY
from tests.files import csv_bytes

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


@pytest.fixture(scope="module")
def index(catalogue):
    return CatalogueIndex.build(catalogue)


@pytest.fixture
def small_worker():
    worker = ParseWorker(Limits(memory_mib=40))
    yield worker
    worker.close()


def test_a_file_beyond_the_memory_limit_is_refused_and_the_next_one_read(small_worker, index):
    big = synth.rows_to_csv(synth.ingest_rows(100_000))
    with pytest.raises(IngestError) as err:
        small_worker.parse(big, "big.csv", index, TODAY)
    assert err.value.problems[0].line() == (
        "big.csv:0:-: reading the file went beyond the limits (40 MiB of memory, 120 s of CPU) "
        "and was stopped — split it into smaller files"
    )
    small = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026-10", "2450"]])
    parsed = small_worker.parse(small, "small.csv", index, TODAY)
    assert parsed.ok and parsed.figures["value"].tolist() == [2450.0]


def test_problems_come_back_from_the_worker_whole(small_worker, index):
    data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026-10", "1,5"]])
    assert [p.line() for p in small_worker.parse(data, "f.csv", index, TODAY).problems] == [
        "f.csv:2:C: '1,5' has an ambiguous separator: a comma only separates thousands, in "
        "groups of three (as in 1,234,567) — write decimals with a point (1.5), and thousands "
        "in groups of three (1,234) or without separators"
    ]
    with pytest.raises(IngestError) as err:
        small_worker.parse(b",,,\n" * 3, "empty.csv", index, TODAY)
    assert err.value.problems[0].line() == (
        "empty.csv:0:-: the file is empty — export the sheet again with its figures"
    )


def test_a_refusal_survives_pickling():
    err = IngestError([Problem("f.csv", 3, "B", "cell.not_number", "hint.digits", {"text": "x"})])
    again = pickle.loads(pickle.dumps(err))
    assert again.problems == err.problems and str(again) == str(err)


def test_the_cpu_budget_is_per_file_in_a_reused_worker(index):
    worker = ParseWorker(Limits(cpu_seconds=1))
    try:
        small = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026-10", "2450"]])
        for _ in range(3):  # used time adds up in the worker; each file starts afresh
            assert worker.parse(small, "small.csv", index, TODAY).ok
        names = [[f"未知指标{k}", "2026-10", "1"] for k in range(199_990)]
        big = csv_bytes([["指标", "时期", "数值"], *names])  # ~3 CPU seconds, budget 1-2
        with pytest.raises(IngestError) as err:
            worker.parse(big, "big.csv", index, TODAY)
        assert err.value.problems[0].key == "file.too_costly"
        assert worker.parse(small, "small.csv", index, TODAY).ok
    finally:
        worker.close()


def test_a_worker_started_under_a_page_script_does_not_run_the_script(index, tmp_path):
    """Under Streamlit `__main__` is the page script (app.py). A new worker re-imported it
    outside Streamlit, died, and every upload on the server was refused as too costly."""
    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise NameError('user')\n")
    page = type(sys)("__main__")
    page.__file__ = str(script)
    real = sys.modules["__main__"]
    sys.modules["__main__"] = page
    worker = ParseWorker(Limits())
    try:
        data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026-10", "2450"]])
        parsed = worker.parse(data, "chargers.csv", index, TODAY)
    finally:
        worker.close()
        sys.modules["__main__"] = real
    assert parsed.ok and parsed.figures["value"].tolist() == [2450.0]
    assert not marker.exists()
    assert sys.modules["__main__"] is real


OWNER = """
import sys, time
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.services.parse_worker import Limits, ParseWorker
from tests.files import csv_bytes

index = CatalogueIndex.build(parse_catalogue(open("data/targets.csv", encoding="utf-8").read()))
worker = ParseWorker(Limits())
data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026-10", "1"]])
worker.parse(data, "a.csv", index, (2026, 11))
print(*worker._pool._processes, flush=True)
time.sleep(600)
"""


def test_a_worker_ends_when_the_process_that_started_it_is_killed():
    """A command or server killed outright left its worker (and the forkserver) running for
    good, and whoever read the command's output waited forever."""
    import os
    import select
    import signal
    import subprocess
    import time

    owner = subprocess.Popen(
        [sys.executable, "-c", OWNER],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    workers = [int(p) for p in owner.stdout.readline().split()]
    assert len(workers) == 1
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 30
    # the pipe closes: no process is left holding it (a read would wait forever)
    while time.monotonic() < deadline and not select.select([owner.stdout], [], [], 0.2)[0]:
        pass
    assert select.select([owner.stdout], [], [], 0)[0] and owner.stdout.read() == ""
    while time.monotonic() < deadline and _running(workers[0]):
        time.sleep(0.2)
    assert not _running(workers[0])


def _running(pid: int) -> bool:
    """Alive, not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
