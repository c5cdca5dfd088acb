"""Benchmarks at city and province scale. Prints a table of medians and peak memory.

    python bench/run.py            # all cases (about 15 minutes on 2 cores)
    python bench/run.py --quick    # fewer repetitions, no 10M cases
    python bench/run.py --only new_session load_20   # some cases

Issue 18's rows: browser_* (Chromium, bench/browser.py), progress_e2e_* (the DuckDB file
to judged progress), overview_zhengzhou (warm rerun). Issue 23's: new_session, load_*.

Each case runs in its own process so that its peak memory (max RSS) is its own.
All data is generated (synthetic); nothing here reads the shipped sample files.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------------------ cases


def case_overview(scale: str, repeat: int) -> dict:
    from streamlit.testing.v1 import AppTest

    from dashboard.services.workspace import Workspace

    tmp = Path(tempfile.mkdtemp())
    data = tmp / "data"
    (data / "actuals").mkdir(parents=True)
    if scale == "zhengzhou":
        shutil.copy(ROOT / "data" / "targets.csv", data / "targets.csv")
        shutil.copy(ROOT / "data" / "seasonal_profiles.csv", data / "seasonal_profiles.csv")
        for f in (ROOT / "data" / "actuals").glob("synthetic_sample_*"):
            shutil.copy(f, data / "actuals" / f.name)
    else:
        _write_generated(Workspace(data, data / "dashboard.duckdb"), entities=25, indicators=200)
    os.environ["DASHBOARD_DB"] = str(data / "dashboard.duckdb")
    os.environ["DASHBOARD_DATA"] = str(data)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300).run()
    assert not at.exception, [e.value for e in at.exception]
    at.run()  # warm: caches filled
    times = timed(at.run, repeat)
    n = sum('class="gauge-card"' in m.value for m in at.markdown)
    return {"times": times, "note": f"{n} gauge cards"}


def _zhengzhou_env() -> Path:
    """The shipped catalogue and samples in a new data folder, the pages' clock fixed."""
    import browser

    data = browser.data_folder(Path(tempfile.mkdtemp()))
    os.environ["DASHBOARD_DB"] = str(data / "dashboard.duckdb")
    os.environ["DASHBOARD_DATA"] = str(data)
    os.environ["DASHBOARD_TODAY"] = browser.TODAY
    return data


def _new_session_maker():
    """AppTest sessions of one warm server: the first session filled the caches; each new
    AppTest is a new session (its own session state) in this process. Streamlit's
    component scan, which a server does once at start and AppTest repeats per instance,
    is done once and shared, so a run is the server-side work of a page view."""
    from streamlit.testing.v1 import AppTest

    _keep_runtime()
    app = str(ROOT / "dashboard" / "app.py")
    first = AppTest.from_file(app, default_timeout=300).run()
    assert not first.exception, [e.value for e in first.exception]
    scanned = first._bidi_component_manager

    def new():
        at = AppTest.from_file(app, default_timeout=300)
        at._bidi_component_manager = scanned
        return at

    new().run()
    return new


def _keep_runtime() -> None:
    """AppTest installs a stand-in runtime for a run and removes it when the run ends: with
    sessions in several threads, the first to finish would pull it from under the others
    ("Runtime hasn't been created!"). Here the last one installed stays, as the one
    runtime of a server does."""
    from streamlit.runtime.runtime import Runtime

    last = {}

    def instance(cls):
        if cls._instance is not None:
            last["runtime"] = cls._instance
        if "runtime" not in last:
            raise RuntimeError("Runtime hasn't been created!")
        return cls._instance or last["runtime"]

    def exists(cls):
        return cls._instance is not None or "runtime" in last

    Runtime.instance = classmethod(instance)
    Runtime.exists = classmethod(exists)


def case_new_session(repeat: int) -> dict:
    _zhengzhou_env()
    new = _new_session_maker()

    def first_view():
        at = new().run()
        assert not at.exception, [e.value for e in at.exception]

    return {"times": timed(first_view, repeat), "note": "AppTest, one new session at a time"}


def case_load(sessions: int, repeat: int) -> dict:
    """`sessions` new sessions at once, each in its own thread: seconds until every first
    view is done; errors (exceptions on a page, or a run that raised) counted."""
    import threading

    _zhengzhou_env()
    new = _new_session_maker()
    errors: list[str] = []

    def one():
        try:
            at = new().run()
            errors.extend(str(e.value)[:120] for e in at.exception)
        except Exception as err:  # noqa: BLE001 - counted, the run goes on
            errors.append(repr(err)[:120])

    times = []
    for _ in range(repeat):
        threads = [threading.Thread(target=one) for _ in range(sessions)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        times.append(time.perf_counter() - start)
    first = f" (first: {errors[0]})" if errors else ""
    return {"times": times, "note": f"{sessions} sessions at once, {len(errors)} errors{first}"}


def case_progress_e2e(entities: int, repeat: int) -> dict:
    """What the dashboard does for a month at province scale: from the DuckDB file to every
    target judged (catalogue, figures, last year's, comments), as the pages call it
    (explanations are written for the rows shown or exported). Baseline: the bare
    group-by in the same file."""
    import duckdb

    from dashboard.services import reporting

    # made in another process, so that the peak memory here is judging's alone
    path = Path(tempfile.mkdtemp()) / "province.duckdb"
    subprocess.run([sys.executable, __file__, "--build", str(entities), str(path)], check=True)
    con = duckdb.connect(str(path), read_only=True)
    bare = (
        "SELECT entity, id, basis, max(period_end), arg_max(value, period_end) "
        "FROM figures WHERE year = 2026 AND period_end <= 10 GROUP BY entity, id, basis"
    )
    duck = timed(lambda: con.execute(bare).fetchall(), repeat)
    today = __import__("datetime").date(2026, 11, 26)
    try:  # as the pages call it; a tree from before lazy explanations explains every row
        reporting.progress(con, 2026, 1, today=today, explained=False)
        judge = {"explained": False}
    except TypeError:
        judge = {}
    cpu: list[float] = []  # CPU seconds of the process, all threads (a shared machine's
    # wall time says as much about the other sessions as about the code)

    def judged():
        start = time.process_time()
        reporting.progress(con, 2026, 10, today=today, **judge)
        cpu.append(time.process_time() - start)

    times = timed(judged, repeat)
    spent = f"CPU {statistics.median(cpu):.2f} s ({min(cpu):.2f}-{max(cpu):.2f})"
    try:  # the catalogue is kept between reports while it is unchanged: once read anew
        from dashboard.services.catalogue_cache import forget

        forget()
        anew = timed(judged, 1)[0]
        spent += f"; catalogue read anew {anew:.3f} s, CPU {cpu[-1]:.2f} s"
    except ImportError:  # a tree from before the kept catalogue
        pass
    n = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    t = con.execute("SELECT count(*) FROM targets").fetchone()[0]
    con.close()
    shutil.rmtree(path.parent)
    return {"times": times, "baseline": duck, "note": f"{n:,} figures, {t:,} targets; {spent}"}


def _province_file(entities: int, path: Path) -> None:
    """A DuckDB file in the dashboard's schema: the generated catalogue and its figures."""
    import duckdb

    from dashboard.core.vocab import CATALOGUE_COLUMNS
    from dashboard.store.catalogue import load_targets
    from dashboard.store.schema import ensure_schema

    cat = synth.catalogue(entities, 400)
    figs = synth.figures(cat)
    con = duckdb.connect(str(path))
    ensure_schema(con)
    # loaded as the dashboard loads a catalogue: file order kept, its digest noted
    load_targets(con, cat.reindex(columns=CATALOGUE_COLUMNS), f"synthetic-{entities}")
    con.register("figs", figs)
    con.execute(
        "INSERT INTO figures (upload_id, source_row, source_column, entity, year, id, "
        "period_start, period_end, basis, value) SELECT 1, row_number() OVER (), '', entity, "
        "year, id, period_start, period_end, basis, value FROM figs"
    )
    con.close()


def case_browser(kind: str, repeat: int) -> dict:
    import browser

    if kind == "pages_5":
        return browser.case_pages_at_once(repeat, 5)
    return getattr(browser, f"case_{kind}")(repeat)


def _write_generated(ws, entities: int, indicators: int) -> None:
    from datetime import datetime

    from dashboard.core.vocab import TARGET_COLUMNS
    from dashboard.services.database import open_store
    from dashboard.services.journal import audit, write
    from dashboard.services.uploading import upload_entry

    cat = synth.catalogue(entities, indicators)
    frame = cat.assign(due_date=cat["due_date"].dt.strftime("%Y-%m-%d"))
    frame[TARGET_COLUMNS].to_csv(ws.targets_csv, index=False)
    figs = synth.figures(cat, months=10)
    figs = figs.assign(source_row=0, source_column="", raw="")
    with open_store(ws) as con:
        made = audit("upload", "generated", figures=len(figs))
        entry = upload_entry(
            ws,
            1,
            "generated",
            "generated",
            ".csv",
            "bench",
            datetime.now(),
            made,
            figs,
            archive_path="",
        )
        write(ws, con, entry)


def case_progress(entities: int, repeat: int) -> dict:
    import duckdb

    from dashboard.core.progress import compute_progress

    cat = synth.catalogue(entities, 400)
    figs = synth.figures(cat)
    con = duckdb.connect()
    con.execute("CREATE TABLE figures AS SELECT * FROM figs")
    bare = (
        "SELECT entity, id, basis, max(period_end), arg_max(value, period_end) "
        "FROM figures WHERE period_end <= 10 GROUP BY entity, id, basis"
    )
    duck = timed(lambda: con.execute(bare).fetchall(), repeat)
    core = timed(lambda: compute_progress(cat, figs, 10), repeat)
    read = timed(lambda: con.execute("SELECT * FROM figures").df(), max(2, repeat // 2))
    extra = {"read_from_duckdb_s": statistics.median(read)}
    return {
        "times": core,
        "baseline": duck,
        "extra": extra,
        "note": f"{len(figs):,} figures, {len(cat):,} targets",
    }


def case_ingest(kind: str, repeat: int) -> dict:
    import io

    import pandas as pd

    from dashboard.services.database import open_store
    from dashboard.services.uploading import preview, store_preview
    from dashboard.services.workspace import Workspace

    data_bytes = _ingest_file(kind)
    times = []
    for _ in range(repeat):
        tmp = Path(tempfile.mkdtemp())
        ws = Workspace(tmp / "data", tmp / "data" / "db.duckdb")
        (ws.data_dir / "actuals").mkdir(parents=True)
        synth.ingest_catalogue().to_csv(ws.targets_csv, index=False)
        with open_store(ws) as con:
            start = time.perf_counter()
            pv = preview(con, data_bytes, f"bench.{kind}", (2026, 11))
            assert pv.ok, [p.line() for p in pv.problems[:5]]
            store_preview(con, ws, pv, data_bytes, "bench", pd.Timestamp.now().to_pydatetime())
            times.append(time.perf_counter() - start)
            stored = con.execute("SELECT count(*) FROM figures").fetchone()[0]
        shutil.rmtree(tmp)
    result = {"times": times, "note": f"{stored:,} figures stored, {len(data_bytes) / 1e6:.1f} MB"}
    if kind == "csv":
        # pandas is told the encoding; the upload path has to find it out
        result["baseline"] = timed(
            lambda: pd.read_csv(io.BytesIO(data_bytes), encoding="gbk"), repeat
        )
    return result


def _ingest_file(kind: str) -> bytes:
    rows = synth.ingest_rows(100_000)
    if kind == "csv":
        return synth.rows_to_csv(rows)
    return synth.rows_to_xlsx(rows)


def case_export(fmt: str, repeat: int) -> dict:
    from dashboard.services import exporting, reporting
    from dashboard.services.database import open_store
    from dashboard.services.workspace import Workspace

    tmp = Path(tempfile.mkdtemp())
    data = tmp / "data"
    (data / "actuals").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "targets.csv", data / "targets.csv")
    shutil.copy(ROOT / "data" / "seasonal_profiles.csv", data / "seasonal_profiles.csv")
    for f in (ROOT / "data" / "actuals").glob("synthetic_sample_*"):
        shutil.copy(f, data / "actuals" / f.name)
    with open_store(Workspace(data, data / "db.duckdb")) as con:
        frame = reporting.progress(con, 2026, 10)
    head = exporting.heading(frame, 2026, 10)
    exporting.export_bytes(frame, fmt, head)  # fonts and imports loaded once
    times = timed(lambda: exporting.export_bytes(frame, fmt, head), repeat)
    size = len(exporting.export_bytes(frame, fmt, head))
    return {"times": times, "note": f"{len(frame)} targets, {size / 1e3:.0f} kB"}


CASES = {
    "browser_visits": (lambda r: case_browser("visits", r), "first gauge ≤ 3 s; screen ≤ 2 s"),
    "browser_clicks": (lambda r: case_browser("clicks", r), "≤ 1 s"),
    "browser_upload": (lambda r: case_browser("upload", r), "≤ 2 s"),
    "browser_fresh_clone": (lambda r: case_browser("fresh_clone", r), "≤ 6 s"),
    "browser_pages_5": (lambda r: case_browser("pages_5", r), "—"),
    "progress_e2e_1M": (lambda r: case_progress_e2e(200, r), "≤ 0.3 s"),
    "progress_e2e_10M": (lambda r: case_progress_e2e(2000, r), "≤ 3 s, ≤ 2 GB"),
    "new_session": (case_new_session, "≤ 0.05 s"),
    "load_1": (lambda r: case_load(1, r), "—"),
    "load_5": (lambda r: case_load(5, r), "—"),
    "load_10": (lambda r: case_load(10, r), "—"),
    "load_20": (lambda r: case_load(20, r), "≤ 2 s"),
    "load_50": (lambda r: case_load(50, r), "0 errors, ≤ 1 GB"),
    "overview_zhengzhou": (lambda r: case_overview("zhengzhou", r), "≤ 0.100 s"),
    "overview_5000_targets": (lambda r: case_overview("5000", r), "≤ 0.150 s"),
    "progress_1M": (lambda r: case_progress(200, r), "≤ 0.5 s and ≤ 2× group-by"),
    "progress_10M": (lambda r: case_progress(2000, r), "(growth)"),
    "ingest_csv_100k": (lambda r: case_ingest("csv", r), "≤ 1 s"),
    "ingest_xlsx_100k": (lambda r: case_ingest("xlsx", r), "—"),
    "export_pdf": (lambda r: case_export("pdf", r), "≤ 3 s"),
    "export_xlsx": (lambda r: case_export("xlsx", r), "≤ 3 s"),
}
REPEAT = {
    "browser_visits": 7,
    "browser_clicks": 4,
    "browser_upload": 5,
    "browser_fresh_clone": 3,
    "browser_pages_5": 3,
    "progress_e2e_1M": 7,
    "progress_e2e_10M": 3,
    "new_session": 15,
    "load_1": 5,
    "load_5": 5,
    "load_10": 5,
    "load_20": 5,
    "load_50": 3,
    "overview_zhengzhou": 15,
    "overview_5000_targets": 7,
    "progress_1M": 7,
    "progress_10M": 3,
    "ingest_csv_100k": 5,
    "ingest_xlsx_100k": 3,
    "export_pdf": 5,
    "export_xlsx": 5,
}


def run_one(name: str, repeat: int) -> None:
    result = CASES[name][0](repeat)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import duckdb
    import pandas
    import streamlit

    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
        f"{mem:.0f} GiB RAM; Python {platform.python_version()}, pandas {pandas.__version__}"
        f", duckdb {duckdb.__version__}, streamlit {streamlit.__version__}"
    )


def print_row(name: str, times: list[float], r: dict, goal: str) -> None:
    med = statistics.median(times)
    base = statistics.median(r["baseline"]) if r.get("baseline") else None
    ratio = f"{med / base:5.1f}×" if base else ""
    extra = "".join(f"; {k} {v:.3f}" for k, v in r.get("extra", {}).items())
    note = f"; {r['note']}" if r.get("note") else ""
    print(
        f"{name:28} {med:7.3f}s {min(times):7.3f}s {max(times):7.3f}s "
        f"{(f'{base:8.3f}s' if base else ''):>9} {ratio:>6} {r['peak_mb']:8.0f}  "
        f"{goal}{note}{extra}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--build", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", help="case names to run")
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.repeat)
        return
    if args.build:
        _province_file(int(args.build[0]), Path(args.build[1]))
        return
    names = args.only or [n for n in CASES if not (args.quick and n.endswith("10M"))]
    print(machine())
    print(f"load (uptime): {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    print(
        f"{'case':28} {'median':>8} {'min':>8} {'max':>8} {'baseline':>9} {'ratio':>6} "
        f"{'peak MB':>8}  goal / notes"
    )
    for name in names:
        repeat = max(2, REPEAT[name] // (3 if args.quick else 1))
        proc = subprocess.run(
            [sys.executable, __file__, "--one", name, "--repeat", str(repeat)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if proc.returncode:
            print(f"{name:24} FAILED: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rows = (
            {f"{name}.{k}": v for k, v in r["rows"].items()} if "rows" in r else {name: r["times"]}
        )
        for row, times in rows.items():
            print_row(row, times, r, CASES[name][1])


if __name__ == "__main__":
    main()
