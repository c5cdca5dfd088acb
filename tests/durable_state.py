"""A data folder with something of every kind of record, and the whole state of a database
as plain data, for tests that lose, damage, restore and rebuild things."""

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime

import pandas as pd

from dashboard.core.access import User
from dashboard.services import accounts, audit_log, comments, snapshots
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, record_refusal, store_preview
from dashboard.store import journal as journal_file
from dashboard.store import records
from dashboard.store.connection import connect
from tests.conftest import ACCOUNTS, PASSWORD, ROOT, TODAY
from tests.files import csv_bytes

AT = datetime(2026, 11, 20, 9, 30, 15, 123456)
ADMIN = User("admin", "admin")
FGW = User("fgw", "uploader", frozenset({"市发展改革委"}))


def cli(ws, *args, db=None, env=None) -> subprocess.CompletedProcess:
    """`python -m dashboard ...` as an administrator runs it on the server."""
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(db or ws.db_path)]
    full = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=full, timeout=180)


def populate(ws, step: int = 0) -> None:
    """Accounts (and their journaled changes), an upload, a refused upload, comments (one
    a qualitative status), a snapshot, logins and an export: every kind of record.
    `step` varies the figures and texts so that later calls add new records."""
    path = accounts.users_path(ws.data_dir)
    with open_store(ws) as con:
        for name, role, departments in ACCOUNTS if step == 0 else []:
            user = accounts.add_user(path, name, PASSWORD, role, departments)
            audit_log.account_change(ws, con, "cli", "user_add", user, at=AT)
        good = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", str(2460 + step)]])
        store_preview(con, ws, preview(con, good, f"ev_{step}.csv", TODAY), good, "fgw", AT)
        bad = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "x"]])
        pv = preview(con, bad, "bad.csv", TODAY)
        record_refusal(ws, con, "fgw", "bad.csv", pv.parsed.sha256, pv.problems, AT)
        ev = comments.find_target(con, "ev_chargers", 2026)
        comments.add_comment(
            ws, con, FGW, ev, 10, reason=f"原因{step}", measures="=加快", status=None, at=AT
        )
        trade = comments.find_target(con, "trade_quality", 2026)
        comments.add_comment(
            ws, con, ADMIN, trade, 9, reason="进展顺利", measures="", status="on_track", at=AT
        )
        snapshots.take(ws, con, 2026, 10, note=f"例会{step}", user="admin", at=AT)
        audit_log.record(ws, con, "admin", "login", "ok", at=AT)
        audit_log.record(ws, con, "nobody", "login", "failed", at=AT)
        audit_log.record(ws, con, "admin", "export", "csv", at=AT, snapshot_id=1)


# The note that accounts were first seen (services/accounts) is set when they are seen, by
# the clock; a rebuild without the old database takes the journal's first account change,
# which these tests date at AT: not compared. The account changes themselves are.
# The count of catalogue loads (store/catalogue.version) counts loads into this database,
# and a rebuild loads the catalogue again: not a record either.
NOT_RECORDS = {("meta", "accounts_since"), ("meta", "catalogue_loads")}


def tables(db_path) -> dict[str, list]:
    """Every table of a database, rows sorted, as plain values (for ==)."""
    with connect(db_path, create=False) as con:
        names = records.table_names(con)
        found = {name: _rows(records.table(con, name)) for name in names}
    return {
        name: [row for row in rows if (name, row[0]) not in NOT_RECORDS]
        for name, rows in found.items()
    }


def _rows(frame: pd.DataFrame) -> list:
    return [
        tuple(None if (not isinstance(v, str | list) and pd.isna(v)) else v for v in row)
        for row in frame.itertuples(index=False)
    ]


def counts(db_path) -> dict[str, int]:
    with connect(db_path, create=False) as con:
        return records.summary(con)


TALLIES = ROOT / "test-artifacts" / "fault_tallies.json"


def record_tally(name: str, tally: Counter) -> None:
    TALLIES.parent.mkdir(exist_ok=True)
    found = json.loads(TALLIES.read_text()) if TALLIES.exists() else {}
    found[name] = dict(tally)
    TALLIES.write_text(json.dumps(found, indent=1, sort_keys=True))


def state_after_kill(ws) -> str:
    """Where the kill left things, before anything repairs them: a line on disk that the
    database has not applied, a torn tail, or database and journal in step. On a server
    the line and its rows are one transaction: always in step."""
    if ws.on_server:
        return "in_step"
    size = journal_file.size(ws.data_dir)
    lines = journal_file.read(ws.data_dir)
    end = lines[-1][1] if lines else 0
    if ws.db_path.exists():
        with connect(ws.db_path, create=False) as con:
            applied = records.position(con)[1]
    else:
        applied = 0
    if size > end:
        return "torn_tail"
    return "line_not_yet_applied" if lines and lines[-1][0]["seq"] > applied else "in_step"
