"""Many writers at once against one store: app server processes and command-line writers.

    python bench/load.py --db postgresql://user@host/db     # a server (a fresh database is
                                                           # made on it and dropped after)
    python bench/load.py                                   # a DuckDB file in a temp folder
    python bench/load.py --servers 3 --cli 2 --uploads 100 --rows 200

Each app server process runs the upload page's calls (parse, check, store) for its share
of the files, one thread per file as Streamlit runs one per session, all at the same
moment; each command-line writer is one `python -m dashboard ingest` of its share. Every
file is distinct (its own districts), so each upload must end stored with all its figures.
Printed: uploads stored, refused with our message (which one), raw errors (a traceback or
an engine's own words), lost (reported stored but not whole in the store), and times.

All data is generated (synthetic ledger targets, bench/synth.py).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

ENTITIES = 2000  # the ledger catalogue's districts; 50 figures each
RAW = ("Traceback", "Exception", "Error:", "psycopg", "duckdb", "IOException")


def is_server(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def prepare(root: Path, uploads: int, rows: int) -> tuple[Path, list[Path]]:
    """A data folder with the ledger catalogue and `uploads` distinct files."""
    data = root / "data"
    (data / "actuals").mkdir(parents=True)
    synth.ingest_catalogue(ENTITIES).to_csv(data / "targets.csv", index=False)
    per_file = max(1, rows // 50)
    if uploads * per_file > ENTITIES:
        raise SystemExit(f"{uploads} files of {rows} rows need more than {ENTITIES} districts")
    files = []
    for k in range(uploads):
        path = root / "files" / f"upload_{k:03d}.csv"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(synth.rows_to_csv(synth.ingest_rows(rows, first_entity=k * per_file)))
        files.append(path)
    return data, files


def app_server(db: str, data: Path, files: list[str], start_at: float) -> None:
    """One app server process: a thread per file doing what ui/upload.py does."""
    from dashboard.core.access import User
    from dashboard.core.errors import DashboardError
    from dashboard.services.database import connect
    from dashboard.services.uploading import catalogue_index, check, parse, store_preview
    from dashboard.services.workspace import workspace

    ws = workspace(db, data)
    with connect(ws.db_path) as con:
        index = catalogue_index(con)
    user = User(f"web{os.getpid()}", "admin", ())
    lock = threading.Lock()

    def session(name: str) -> None:
        raw = Path(name).read_bytes()
        started = time.monotonic()
        outcome, message = "stored", ""
        try:
            now = datetime.now()
            parsed = parse(raw, Path(name).name, index, (now.year, now.month))
            with connect(ws.db_path) as con:
                pv = check(ws, con, parsed, index, user, now)
            with connect(ws.db_path) as con:
                store_preview(con, ws, pv, raw, user.name, now)
        except DashboardError as err:
            outcome, message = "refused", str(err)
        except Exception:  # noqa: BLE001 - counted as a raw error, the thing to find
            outcome, message = "raw", traceback.format_exc(limit=-3)
        line = {
            "file": Path(name).name,
            "outcome": outcome,
            "message": message,
            "seconds": round(time.monotonic() - started, 3),
        }
        with lock:
            print(json.dumps(line, ensure_ascii=False), flush=True)

    time.sleep(max(0.0, start_at - time.time()))
    threads = [threading.Thread(target=session, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cli_writer(db: str, data: Path, files: list[str], start_at: float, n: int):
    env = {**os.environ, "DASHBOARD_DATA": str(data), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "dashboard", "ingest", *files, "--db", db]
    cmd += ["--user", f"cli{n}", "--admin-override"]
    time.sleep(max(0.0, start_at - time.time()))
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(db: str, data: Path, files: list[Path], servers: int, clis: int) -> dict:
    """All writers at once; the tally of what happened to every file."""
    shares = [[str(f) for f in files[i :: servers + clis]] for i in range(servers + clis)]
    start_at = time.time() + 3.0  # every process imported and ready by then
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    apps = [
        subprocess.Popen(
            [sys.executable, __file__, "app", db, str(data), str(start_at), *shares[i]],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(servers)
    ]
    clis_out = []
    threads = []
    for n in range(clis):

        def launch(n=n):
            proc = cli_writer(db, data, shares[servers + n], start_at, n)
            clis_out.append((shares[servers + n], proc, *proc.communicate(timeout=900)))

        threads.append(threading.Thread(target=launch))
        threads[-1].start()
    app_lines, raw = [], []
    for proc in apps:
        out, err = proc.communicate(timeout=900)
        app_lines += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if proc.returncode != 0 or err.strip():
            raw.append(err.strip()[-2000:])
    for t in threads:
        t.join()
    elapsed = time.time() - start_at
    return tally(db, data, files, app_lines, clis_out, raw, elapsed)


def tally(db, data, files, app_lines, clis_out, raw, elapsed) -> dict:
    import hashlib

    from dashboard.services import archive, journal
    from dashboard.services.database import connect
    from dashboard.services.workspace import workspace
    from dashboard.store import figures as store_figures

    ws = workspace(db, data)
    with connect(ws.db_path) as con:
        uploads = store_figures.uploads(con)
        per_upload = dict(
            con.execute("SELECT upload_id, count(*) FROM figures GROUP BY upload_id").fetchall()
        )
        originals = {
            row.filename: archive.original(ws, con, row.archive_path)
            for row in uploads.itertuples()
        }
        journal_problems = journal.verify(ws, con)
    archived = {
        row.filename
        for row in uploads.itertuples()
        if originals[row.filename] is not None
        and hashlib.sha256(originals[row.filename]).hexdigest() == row.sha256
    }
    whole = {
        row.filename
        for row in uploads.itertuples()
        if per_upload.get(row.upload_id, 0) == row.figure_count
    }
    refused = [line for line in app_lines if line["outcome"] == "refused"]
    raw += [line["message"] for line in app_lines if line["outcome"] == "raw"]
    said_stored = {line["file"] for line in app_lines if line["outcome"] == "stored"}
    for share, proc, _out, err in clis_out:
        lines = [line for line in err.splitlines() if line.strip()]
        raw += [line for line in lines if any(word in line for word in RAW)]
        refused += [{"message": line} for line in lines if line.startswith("error:")]
        if proc.returncode == 0:
            said_stored |= {Path(f).name for f in share}
    names = {f.name for f in files}
    return {
        "engine": "postgresql" if is_server(db) else "duckdb",
        "uploads": len(files),
        "stored": len(whole & names),
        "archived": len(archived & names),
        "journal_problems": journal_problems[:5],
        "refused_with_message": len(refused),
        "messages": sorted({r["message"][:160] for r in refused}),
        "raw_errors": len(raw),
        "raw": raw[:5],
        "lost": len(said_stored - whole),
        "not_stored": len(names - whole),
        "seconds": round(elapsed, 1),
        "app_session_seconds_max": max((line["seconds"] for line in app_lines), default=0),
    }


@contextmanager
def database(server: str | None, data: Path) -> Iterator[str]:
    """A DuckDB file in the data folder, or a new database on `server` dropped after."""
    if not server:
        yield str(data / "dashboard.duckdb")
        return
    import psycopg

    name = f"dashboard_load_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", help="postgresql://… server (default: a DuckDB file in a temp dir)")
    p.add_argument("--servers", type=int, default=3)
    p.add_argument("--cli", type=int, default=2)
    p.add_argument("--uploads", type=int, default=100)
    p.add_argument("--rows", type=int, default=200)
    args = p.parse_args()
    from dashboard.services.database import open_store
    from dashboard.services.workspace import workspace

    with tempfile.TemporaryDirectory(prefix="dashboard-load-") as tmp:
        data, files = prepare(Path(tmp), args.uploads, args.rows)
        with database(args.db, data) as db:
            with open_store(workspace(db, data)):
                pass  # schema and catalogue in place before the writers start
            result = run(db, data, files, args.servers, args.cli)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "app":
        db, data, start_at, *names = sys.argv[2:]
        app_server(db, Path(data), names, float(start_at))
    else:
        main()
