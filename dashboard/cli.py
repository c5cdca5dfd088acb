"""Command line: thin commands over the same functions the dashboard uses.

Exit codes: 0 success, 1 refused input or busy database, 2 usage error.
"""

import argparse
import getpass
import io
import json
import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from dashboard.core.access import ROLES, User
from dashboard.core.amounts import figures
from dashboard.core.control_chars import json_escaped, visible
from dashboard.core.entity_ranking import rankings
from dashboard.core.errors import DashboardError
from dashboard.core.formulas import neutralise
from dashboard.core.items import with_name_lists
from dashboard.core.json_value import plain_value
from dashboard.core.messages import Names, joined, text
from dashboard.core.periods import short_period
from dashboard.core.problems import IngestError, errors, warnings
from dashboard.core.vocab import JUDGED_STATUSES
from dashboard.present.item_tables import STATE_WORDS
from dashboard.present.labels import states_in_words
from dashboard.present.text_table import render
from dashboard.present.upload_tables import item_lines
from dashboard.services import (
    account_changes,
    accounts,
    aliases,
    audit_log,
    backup,
    comments,
    deadlines,
    exporting,
    item_names,
    mailing,
    migration,
    proposing,
    reminders,
    reporting,
    review,
    snapshots,
    supervision,
)
from dashboard.services.account_changes import SHELL
from dashboard.services.database import (
    connect,
    open_store,
    rebuild,
    storage_error,
    summary,
)
from dashboard.services.uploading import (
    OTHER_PLACE,
    catalogue_index,
    check,
    parse,
    record_refusal,
    store_preview,
)
from dashboard.services.workspace import workspace

LANG = "en"  # what the command line prints in (logs and scripts read it)
PROGRESS_TABLE = [
    "id",
    "name_zh",
    "unit",
    "target",
    "actual",
    "actual_period",
    "completion_pct",
    "time_share_pct",
    "gap_pp",
    "status",
]


def _year_month(value: str) -> tuple[int, int]:
    try:
        stamp = datetime.strptime(value, "%Y-%m")
    except ValueError as err:
        raise argparse.ArgumentTypeError(text("cli.not_year_month", LANG, text=value)) from err
    return stamp.year, stamp.month


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(text("cli.not_date", LANG, text=value)) from err


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description=text("app_title", "zh"))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", help="DuckDB file (default: $DASHBOARD_DB or data/dashboard.duckdb)"
    )
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("targets", parents=[common], help="print the catalogue as stored")
    t.add_argument("--year", type=int)
    t.add_argument("--entity", help="only this entity's catalogue (default: every entity)")
    t.add_argument("--format", choices=("table", "csv", "json"), default="table")

    pr = sub.add_parser("progress", parents=[common], help="status of every target")
    pr.add_argument("--as-of", type=_year_month, help="YYYY-MM (default: latest month with data)")
    pr.add_argument("--year", type=int)
    pr.add_argument("--entity", help="only this entity's targets (default: every entity)")
    pr.add_argument("--format", choices=("table", "csv", "json"), default="table")
    pr.add_argument("--today", type=_date, help="YYYY-MM-DD: judge as on this day (default: today)")

    i = sub.add_parser("ingest", parents=[common], help="validate and store figure files")
    i.add_argument("files", nargs="+", type=Path)
    i.add_argument("--user", default="cli", help="an account; its departments limit the rows")
    i.add_argument("--dry-run", action="store_true", help="validate only, store nothing")
    i.add_argument(
        "--strict",
        action="store_true",
        help="refuse a file with any row that would be skipped (not a catalogue indicator, "
        "a place without targets, a single-month or estimated figure, no figure)",
    )
    i.add_argument(
        "--basis",
        choices=("ytd", "month"),
        help="read figures whose file says neither 累计 nor 当月 as year-to-date or single months "
        "(default: each target's catalogue measure)",
    )
    i.add_argument(
        "--today",
        type=_date,
        help="YYYY-MM-DD: check periods against this day, not today (a backfill, a test)",
    )
    i.add_argument(
        "--place",
        metavar="other|ENTITY",
        help="whose figures a file holds where it names no place (this answer also "
        "overrides a place read from its title): 'other' (the nation's, the province's, "
        "another city's: none is stored) or an entity of the catalogue (default: the "
        "office's own)",
    )
    i.add_argument(
        "--confirm",
        action="store_true",
        help="store figures that do not fit that reading (a year-to-date figure below an "
        "earlier one, a single month ten times the last)",
    )
    i.add_argument(
        "--admin-override",
        action="store_true",
        help="batch load without account checks (recorded in the audit log)",
    )

    sub.add_parser(
        "rebuild", parents=[common], help="rebuild the database from the data folder's journal"
    )

    cm = sub.add_parser("comment", parents=[common], help="comment on a target's month")
    cm.add_argument("target_id")
    cm.add_argument("--month", type=_year_month, required=True, help="YYYY-MM")
    cm.add_argument("--reason", default="", help="原因分析: why the figure is where it is")
    cm.add_argument("--measures", default="", help="下步措施: what will be done next")
    cm.add_argument(
        "--status", choices=JUDGED_STATUSES, help="for qualitative targets: the status to set"
    )
    cm.add_argument("--user", required=True, help="the target's department or an admin")

    cs = sub.add_parser("comments", parents=[common], help="every comment, oldest first")
    cs.add_argument("target_id", nargs="?")
    cs.add_argument("--format", choices=("table", "csv", "json"), default="table")

    bk = sub.add_parser("backup", parents=[common], help="copy the database and data folder")
    bk.add_argument("--out", type=Path, required=True, help="folder for backup-<time>/")

    rs = sub.add_parser("restore", parents=[common], help="bring back what a backup has")
    rs.add_argument("backup_dir", type=Path, help="a backup-<time>/ folder, or one holding them")
    rs.add_argument(
        "--replace",
        action="store_true",
        help="replace a data folder of another identity (its journal and database are kept aside)",
    )

    sn = sub.add_parser("snapshot", parents=[common], help="freeze progress as of a month")
    sn.add_argument("--as-of", type=_year_month, required=True)
    sn.add_argument("--note", default="")
    sn.add_argument("--user", default="cli", help="an admin account")
    sn.add_argument(
        "--admin-override",
        action="store_true",
        help="without an account check (recorded in the audit log)",
    )

    ex = sub.add_parser("export", parents=[common], help="CSV/XLSX/PDF/PNG of progress")
    which = ex.add_mutually_exclusive_group()
    which.add_argument("--as-of", type=_year_month)
    which.add_argument("--snapshot", type=int)
    ex.add_argument("--entity", help="only this entity's targets (default: every entity)")
    ex.add_argument("--format", choices=tuple(exporting.FORMATS), required=True)
    ex.add_argument("--out", type=Path, required=True)
    ex.add_argument("--lang", choices=("zh", "en"), default="zh")
    ex.add_argument("--user", default="cli")
    ex.add_argument("--today", type=_date, help="YYYY-MM-DD (default: today)")

    au = sub.add_parser("audit", parents=[common], help="print the audit log")
    au.add_argument("--format", choices=("table", "csv", "json"), default="table")

    us = sub.add_parser("user", parents=[common], help="local accounts")
    us_sub = us.add_subparsers(dest="user_command", required=True)
    ua = us_sub.add_parser(
        "add", parents=[common], help="add a user (password read from stdin or prompted)"
    )
    ua.add_argument("name")
    ua.add_argument("--role", choices=ROLES, required=True)
    ua.add_argument(
        "--department",
        action="append",
        default=[],
        help="a department of the catalogue the user reports for (repeat for several)",
    )
    ua.add_argument(
        "--recreate",
        action="store_true",
        help="start a new users file after the old one was lost (accounts existed)",
    )
    up = us_sub.add_parser(
        "passwd", parents=[common], help="set a user's password (ends their sessions)"
    )
    up.add_argument("name")
    ur = us_sub.add_parser("set", parents=[common], help="change a user's role and departments")
    ur.add_argument("name")
    ur.add_argument("--role", choices=ROLES, required=True)
    ur.add_argument("--department", action="append", default=[])
    us_sub.add_parser("list", parents=[common], help="users with roles, departments, status")
    for command, what in (
        ("disable", "stop a user logging in or acting (ends their sessions)"),
        ("enable", "let a disabled user log in again"),
        ("delete", "remove a user (their uploads and audit entries stay)"),
    ):
        us_sub.add_parser(command, parents=[common], help=what).add_argument("name")

    al = sub.add_parser("alias", parents=[common], help="names learned for targets (以后自动识别)")
    al_sub = al.add_subparsers(dest="alias_command", required=True)
    aa = al_sub.add_parser(
        "add", parents=[common], help="make a name, as files write it, an alias of a target"
    )
    aa.add_argument("name", help="the name as the file writes it, e.g. 新建公共充电桩")
    aa.add_argument("--target", required=True, help="the target's id (see `targets`)")
    aa.add_argument("--entity", help="the target's entity (default: the office's own)")
    aa.add_argument("--year", type=int, help="the catalogue year (default: the latest)")
    aa.add_argument("--user", default="cli", help="an uploader of the target's department")
    al_sub.add_parser("list", parents=[common], help="every learned name").add_argument(
        "--format", choices=("table", "csv", "json"), default="table"
    )
    ar = al_sub.add_parser("remove", parents=[common], help="take a learned name back")
    ar.add_argument("name")
    ar.add_argument("--target", help="only for this target's id (default: every target)")
    ar.add_argument("--user", default="cli", help="an uploader of the target's department")
    for sp in (aa, ar):
        sp.add_argument(
            "--admin-override",
            action="store_true",
            help="without an account check (recorded in the audit log)",
        )

    po = sub.add_parser("propose", parents=[common], help="catalogue rows read from a report")
    po.add_argument("report", type=Path, help="the work report: .txt, .md or .docx")
    po.add_argument("--year", type=int, required=True, help="the year the report plans")
    po.add_argument("--entity", required=True, help="the city, district or province, e.g. 洛阳市")
    po.add_argument("--out", type=Path, help="CSV file to write (default: standard output)")
    po.add_argument(
        "--undated-milestones",
        action="store_true",
        help="also propose events without a date (建成投用…) and 全覆盖 aims",
    )
    po.add_argument(
        "--keywords",
        type=Path,
        help="keyword,department CSV (default: data/department_keywords.csv)",
    )

    mg = sub.add_parser("migrate", help="copy every table into another, empty store")
    mg.add_argument("--from", dest="source", required=True, help="data/dashboard.duckdb or a URL")
    mg.add_argument("--to", dest="target", required=True, help="postgresql://user@host/db")

    rm = sub.add_parser(
        "reminders", parents=[common], help="per department: reports overdue, targets behind"
    )
    rm.add_argument("--as-of", type=_year_month, help="YYYY-MM (default: the month before today)")
    rm.add_argument("--department", help="one department (as the catalogue names it)")
    rm.add_argument("--format", choices=("table", "csv", "json"), default="table")
    rm.add_argument("--today", type=_date, help="YYYY-MM-DD: judge as on this day")
    rm.add_argument("--out", type=Path, help="folder to write each department's PDF and XLSX")
    rm.add_argument(
        "--send", action="store_true", help="e-mail each digest (DASHBOARD_SMTP_*, admins)"
    )
    rm.add_argument("--user", default="cli", help="the admin sending (with --send)")
    rm.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of digests")

    rk = sub.add_parser(
        "ranking", parents=[common], help="areas (districts) ranked on the indicators they share"
    )
    rk.add_argument("--target", help="one shared indicator's id (default: every shared one)")
    rk.add_argument("--as-of", type=_year_month, help="YYYY-MM (default: latest month with data)")
    rk.add_argument("--year", type=int)
    rk.add_argument("--format", choices=("table", "csv", "json"), default="table")
    rk.add_argument("--today", type=_date, help="YYYY-MM-DD: judge as on this day (default: today)")

    rv = sub.add_parser("review", parents=[common], help="uploads waiting for review")
    rv_sub = rv.add_subparsers(dest="review_command", required=True)
    rl = rv_sub.add_parser("list", parents=[common], help="pending uploads")
    rl.add_argument("--format", choices=("table", "csv", "json"), default="table")
    ra = rv_sub.add_parser("approve", parents=[common], help="count an upload's figures")
    ra.add_argument("upload_id", type=int)
    ra.add_argument("--user", required=True, help="a reviewer of its departments, or an admin")
    rj = rv_sub.add_parser("reject", parents=[common], help="refuse an upload, with a reason")
    rj.add_argument("upload_id", type=int)
    rj.add_argument("--reason", required=True, help="what the uploader should fix")
    rj.add_argument("--user", required=True, help="a reviewer of its departments, or an admin")

    sv = sub.add_parser("supervise", parents=[common], help="supervision items (督办)")
    sv_sub = sv.add_subparsers(dest="supervise_command", required=True)
    sl = sv_sub.add_parser("list", parents=[common], help="items, oldest first")
    sl.add_argument("--state", choices=("all", "open", "overdue", "closed"), default="all")
    sl.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sl.add_argument("--today", type=_date, help="YYYY-MM-DD: overdue as on this day")
    so = sv_sub.add_parser("open", parents=[common], help="open an item on a target (admins)")
    so.add_argument("target_id")
    so.add_argument("--asked", required=True, help="what the department is asked to do")
    so.add_argument("--deadline", type=_date, required=True, help="YYYY-MM-DD")
    so.add_argument("--department", help="default: the target's lead department")
    so.add_argument("--year", type=int, help="the catalogue year (default: the latest)")
    sa = sv_sub.add_parser("answer", parents=[common], help="the department's answer")
    sa.add_argument("item_id", type=int)
    sa.add_argument("--measures", default="")
    sa.add_argument("--progress", default="")
    se = sv_sub.add_parser("extend", parents=[common], help="a later deadline (admins)")
    se.add_argument("item_id", type=int)
    se.add_argument("--deadline", type=_date, required=True)
    se.add_argument("--note", required=True, help="why")
    sc = sv_sub.add_parser("close", parents=[common], help="销号: dealt with (admins)")
    sc.add_argument("item_id", type=int)
    sc.add_argument("--note", default="")
    for step in (so, sa, se, sc):
        step.add_argument("--user", required=True)

    it = sub.add_parser("item", parents=[common], help="named items of items targets")
    it_sub = it.add_subparsers(dest="item_command", required=True)
    irn = it_sub.add_parser(
        "rename", parents=[common], help="rename an item, keeping its reports (admins)"
    )
    irn.add_argument("target_id")
    irn.add_argument("--from", dest="old", required=True, help="the item's name as reported")
    irn.add_argument("--to", dest="new", required=True, help="its new name")
    irn.add_argument("--year", type=int, help="the catalogue year (default: the latest)")
    irn.add_argument("--entity", help="where several entities hold the target id")
    irn.add_argument("--user", required=True, help="an admin")
    ils = it_sub.add_parser("list", parents=[common], help="a target's items with their states")
    ils.add_argument("target_id")
    ils.add_argument("--year", type=int, help="the catalogue year (default: the latest)")
    ils.add_argument("--entity", help="where several entities hold the target id")
    ils.add_argument("--format", choices=("table", "csv", "json"), default="table")

    dl = sub.add_parser("deadline", parents=[common], help="report deadlines set per target")
    dl_sub = dl.add_subparsers(dest="deadline_command", required=True)
    dls = dl_sub.add_parser("list", parents=[common], help="the targets with their own deadline")
    dls.add_argument("--year", type=int, help="one catalogue year")
    dls.add_argument("--format", choices=("table", "csv", "json"), default="table")
    dss = dl_sub.add_parser("set", parents=[common], help="a target's own deadline (admins)")
    dss.add_argument("target_id")
    dss.add_argument("--months", type=int, help="months after the period (default: catalogue)")
    dss.add_argument("--day", type=int, help="day of that month, 1-28 (default: report_day)")
    dss.add_argument("--default", action="store_true", help="back to the default rule")
    dss.add_argument("--year", type=int, help="the catalogue year (default: the latest)")
    dss.add_argument("--entity", help="where several entities hold the target id")
    dss.add_argument("--user", required=True, help="an admin")

    tp = sub.add_parser("template", parents=[common], help="fill-in file for a month")
    tp.add_argument("--month", type=_year_month, required=True)
    tp.add_argument("--out", type=Path, required=True, help="…csv or …xlsx")
    return p


def main(argv: list[str] | None = None) -> int:
    out, err_out = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Visible(out), _Visible(err_out)
    # Every file this process makes (the database's write-ahead log included) is private.
    os.umask(0o077)
    try:
        args = _parser().parse_args(argv)
        ws = workspace(getattr(args, "db", None))
        return COMMANDS[args.command](args, ws)
    except DashboardError as err:
        _report(err)
        return 1
    except OSError as err:
        translated = storage_error(err)
        if translated is None:
            raise
        _report(translated)
        return 1
    finally:
        sys.stdout, sys.stderr = out, err_out


class _Visible(io.TextIOBase):
    """Everything the command line prints goes to a terminal: user names, comments, file
    names and cells of uploaded files are shown with terminal escapes written out."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, s: str) -> int:
        return self.stream.write(visible(s))

    def flush(self) -> None:
        self.stream.flush()


def _report(err: DashboardError) -> None:
    """The one place a refused operation becomes words on stderr (English)."""
    if isinstance(err, IngestError):  # a broken catalogue, at any command
        for problem in err.problems:
            print(problem.line(LANG), file=sys.stderr)
    else:
        print(text("cli.error", LANG, message=err.text(LANG)), file=sys.stderr)


def _emit(frame: pd.DataFrame, fmt: str, table_columns: list[str] | None = None) -> None:
    """CSV cells as the page exports write them (a formula is text: '=HYPERLINK(...)),
    JSON with every acting character escaped, tables one line per row."""
    if fmt == "csv":
        safe = frame.map(lambda v: neutralise(visible(v)) if isinstance(v, str) else v)
        sys.stdout.write(safe.to_csv(index=False))
    elif fmt == "json":
        records = [{k: plain_value(v) for k, v in r.items()} for r in frame.to_dict("records")]
        sys.stdout.write(json_escaped(json.dumps(records, ensure_ascii=False, indent=1)) + "\n")
    else:
        sys.stdout.write(render(frame[table_columns] if table_columns else frame))


def acting_user(args, ws, need: str) -> User:
    """The account named by --user, checked for `need` (upload | admin)."""
    return accounts.acting_user(ws, args.user, need, getattr(args, "admin_override", False))


def _unknown_entity(con, entity: str | None) -> bool:
    """An --entity the catalogue lacks is a usage error, said with the entities there are."""
    known = reporting.entities(con)
    if entity is None or entity in known:
        return False
    message = text("cli.unknown_entity", LANG, entity=entity, known=Names(tuple(known)))
    print(text("cli.error", LANG, message=message), file=sys.stderr)
    return True


def _of_entity(frame: pd.DataFrame, entity: str | None) -> pd.DataFrame:
    return frame if entity is None else frame[frame["entity"] == entity]


def cmd_targets(args, ws) -> int:
    with open_store(ws) as con:
        if _unknown_entity(con, args.entity):
            return 2
        frame = reporting.targets(con, args.year, args.entity)
    _emit(
        frame,
        args.format,
        [
            "id",
            "entity",
            "year",
            "section",
            "name_zh",
            "kind",
            "comparator",
            "target_value",
            "target_low",
            "target_high",
            "unit",
            "frequency",
            "due_date",
        ],
    )
    return 0


def cmd_progress(args, ws) -> int:
    with open_store(ws) as con:
        if _unknown_entity(con, args.entity):
            return 2
        if args.as_of:
            year, month = args.as_of
        else:
            year, month = reporting.default_as_of(con, args.year, args.entity)
        frame = _of_entity(reporting.progress(con, year, month, today=args.today), args.entity)
    frame = reporting.output_frame(frame)
    if args.format == "json":  # a list of names is a list in JSON, a joined cell in CSV
        frame = with_name_lists(frame)
    if args.format == "table":
        frame = states_in_words(frame, LANG)
    _emit(frame, args.format, PROGRESS_TABLE)
    return 0


def cmd_ingest(args, ws) -> int:
    now = datetime.now()
    missing = [f for f in args.files if not f.is_file()]
    if missing:
        files = joined(missing, LANG)
        print(
            text("cli.error", LANG, message=text("cli.no_such_file", LANG, files=files)),
            file=sys.stderr,
        )
        return 2
    user = acting_user(args, ws, "upload")
    with open_store(ws) as con:
        index = catalogue_index(con)
        if args.admin_override:
            audit_log.record(
                ws,
                con,
                user.name,
                "admin_override",
                "used",
                at=now,
                command="ingest",
                files=[p.name for p in args.files],
            )
    rejected, figures, skipped = 0, 0, 0
    for path in args.files:
        outcome = _ingest_one(ws, index, path, args, user, now)
        if outcome is None:
            rejected += 1
        else:
            figures, skipped = figures + outcome[0], skipped + outcome[1]
    summary = "cli.ingest.validated" if args.dry_run else "cli.ingest.stored"
    print(
        text(summary, LANG, figures=figures, skipped=skipped)
        + (text("cli.ingest.rejected", LANG, rejected=rejected) if rejected else "")
    )
    return 1 if rejected else 0


def _print_skipped(parsed) -> None:
    """Every row not stored, with why: `FILE:ROW: skipped: reason` on stderr."""
    for s in parsed.skipped:
        reason = s.reason_in(LANG)
        print(
            text("cli.skipped", LANG, file=parsed.file, row=s.row, reason=reason), file=sys.stderr
        )


def _print_place(parsed) -> None:
    """A published table (it has a title) that says nowhere whose figures it holds: say
    whose they are taken to be. A department's own ledger, header on its first line, is
    read as the office's without a word, as it always was."""
    for key, params in parsed.notes:
        if key == "note.place_assumed" and params["titled"]:
            entity = params["entity"]
            print(text("cli.place_assumed", LANG, file=parsed.file, entity=entity), file=sys.stderr)


def _print_revisions(pv, index) -> None:
    """Every figure that replaces a stored one, old -> new, on stderr: the preview's 修订."""
    units = {(r["entity"], r["id"]): r["unit"] or "" for r in index.records}
    revised = pv.figures[pv.figures["change"] == "revision"]
    for f in revised.itertuples():
        span = short_period(int(f.period_start), int(f.period_end))
        unit = units.get((f.entity, f.id), "")
        (old, new), word = figures([f.previous, f.value], unit, LANG, f.id)
        print(
            text("cli.revision", LANG, file=pv.parsed.file, row=f.source_row, id=f.id,
                 year=f.year, period=span, old=old, new=new, unit=word),
            file=sys.stderr,
        )  # fmt: skip


def _ingest_one(ws, index, path: Path, args, user: User, now: datetime) -> tuple | None:
    """(figures stored or that would be, rows skipped); None when the file is rejected.

    The file is parsed before the database is opened, so a large file never keeps the
    dashboard waiting for the lock.
    """
    data = path.read_bytes()
    try:
        clock = args.today or now.date()
        place = OTHER_PLACE if args.place == "other" else args.place
        parsed = parse(
            data, path.name, index, (clock.year, clock.month), args.strict, args.basis, place=place
        )
    except IngestError as err:
        for p in err.problems:
            print(p.line(LANG))
        if not args.dry_run:
            with connect(ws.db_path) as con:
                record_refusal(ws, con, user.name, path.name, None, err.problems, now)
        return None
    _print_skipped(parsed)
    _print_place(parsed)
    with connect(ws.db_path) as con:
        pv = check(ws, con, parsed, index, user, now, record=not args.dry_run)
        for p in warnings(pv.problems):
            print(text("cli.warning", LANG, line=p.line(LANG)), file=sys.stderr)
        if pv.read_by_default:
            print(
                text("cli.read_by_default", LANG, file=path.name, n=pv.read_by_default),
                file=sys.stderr,
            )
        if not pv.ok:
            for p in errors(pv.problems):
                print(p.line(LANG))
            return None
        if pv.unconfirmed and not args.confirm:
            print(text("cli.unconfirmed", LANG, file=path.name, n=len(pv.unconfirmed)))
            return None
        _print_revisions(pv, index)
        if pv.duplicate_of:
            same = pv.duplicate_of
            print(
                text(
                    "cli.identical",
                    LANG,
                    file=path.name,
                    id=same["upload_id"],
                    name=same["filename"],
                ),
                file=sys.stderr,
            )
            return 0, 0
        if args.dry_run:
            for line in item_lines(pv.figures, path.name, LANG):
                print(line)
        else:
            held = review.held_for_review(user)
            upload_id = store_preview(con, ws, pv, data, user.name, now, held=held)
            if held and upload_id is not None:
                note = text(
                    "cli.review.held", LANG, id=upload_id, file=path.name, n=len(pv.figures)
                )
                print(note, file=sys.stderr)
    return len(pv.figures), len(parsed.skipped)


def cmd_rebuild(args, ws) -> int:
    problems = rebuild(ws)
    for p in problems:
        print(p.line(LANG), file=sys.stderr)
    with open_store(ws) as con:
        held = summary(con)
    print(text("cli.rebuilt", LANG, db=ws.db_path.name if ws.on_server else ws.db_path, **held))
    return 1 if problems else 0


def cmd_migrate(args, ws) -> int:
    copied = migration.migrate(args.source, args.target, ws.data_dir)
    for c in copied:
        print(text("cli.migrated_table", LANG, table=c.table, rows=c.rows))
    source, target = migration.store_name(args.source), migration.store_name(args.target)
    rows = sum(c.rows for c in copied)
    print(text("cli.migrated", LANG, source=source, target=target, tables=len(copied), rows=rows))
    return 0


def cmd_template(args, ws) -> int:
    year, month = args.month
    with open_store(ws) as con:
        targets = reporting.targets(con, year)
        items = reporting.items(con, year, month)
    fmt = "xlsx" if args.out.suffix.lower() == ".xlsx" else "csv"
    data, count = exporting.fill_in_template(targets, year, month, fmt, items=items)
    args.out.write_bytes(data)
    print(text("cli.template_written", LANG, out=args.out, count=count, year=year, month=month))
    return 0


def cmd_propose(args, ws) -> int:
    if not args.report.is_file():
        message = text("cli.no_such_file", LANG, files=args.report)
        print(text("cli.error", LANG, message=message), file=sys.stderr)
        return 2
    keywords = proposing.keyword_table(ws, args.keywords)
    proposed = proposing.propose_file(
        args.report.read_bytes(),
        args.report.name,
        args.year,
        args.entity,
        keywords=keywords,
        undated_milestones=args.undated_milestones,
    )
    if args.out:
        args.out.write_text(proposed.csv(), encoding="utf-8-sig")  # BOM: Excel and WPS
    else:
        sys.stdout.write(proposed.csv())
    summary = {
        "count": len(proposed.rows),
        "check": proposed.to_check,
        "baselines": len(proposed.proposal.baselines),
        "report": args.report.name,
    }
    print(text("cli.proposed", LANG, **summary), file=sys.stderr)
    return 0


def cmd_snapshot(args, ws) -> int:
    year, month = args.as_of
    user = acting_user(args, ws, "admin")
    with open_store(ws) as con:
        if args.admin_override:
            audit_log.record(ws, con, user.name, "admin_override", "used", command="snapshot")
        sid = snapshots.take(
            ws, con, year, month, note=args.note, user=user.name, at=datetime.now()
        )
    print(sid)
    return 0


def cmd_export(args, ws) -> int:
    with open_store(ws) as con:
        if _unknown_entity(con, args.entity):
            return 2
        if args.snapshot is not None:
            info, frame = snapshots.load(con, args.snapshot)
            year, month = int(info["year"]), int(info["month"])
        else:
            year, month = args.as_of or reporting.default_as_of(con, entity=args.entity)
            info, frame = None, reporting.progress(con, year, month, today=args.today)
        if info:  # the items as they stood then
            items = snapshots.items(con, args.snapshot)
        else:
            items = reporting.items(con, year, month)
        items = _of_entity(items, args.entity)
        frame = _of_entity(frame, args.entity)
        head = exporting.heading(frame, year, month, args.lang, info, datetime.now())
        live = info is None  # a snapshot's bulletin: supervision items are not frozen with it
        open_items = (
            supervision.open_lines(con, year, args.today or date.today(), args.lang) if live else []
        )
        ids = supervision.supervised_ids(con, year) if live else frozenset()
    # written first: the audit log records exports that happened, not ones that failed
    data = exporting.export_bytes(
        frame,
        args.format,
        head,
        args.lang,
        items=items,
        supervision=open_items,
        supervised=ids,
    )
    args.out.write_bytes(data)
    with open_store(ws) as con:
        audit_log.record(
            ws,
            con,
            args.user,
            "export",
            args.format,
            as_of=f"{year}-{month:02d}",
            snapshot_id=args.snapshot,
            file=args.out.name,
            **({"entity": args.entity} if args.entity else {}),
        )
    written = {"out": args.out, "format": args.format, "count": len(frame)}
    print(text("cli.export_written", LANG, **written, year=year, month=month))
    return 0


def cmd_audit(args, ws) -> int:
    with open_store(ws) as con:
        frame = audit_log.entries(con)
    _emit(frame, args.format)
    return 0


def cmd_user(args, ws) -> int:
    with open_store(ws):
        pass  # the catalogue's departments are what accounts may report for
    return USER_COMMANDS[args.user_command](args, ws, time.time())


def _user_list(args, ws, now: float) -> int:
    users = accounts.directory(ws)
    frame = pd.DataFrame(
        [
            {
                "name": n,
                "role": u["role"],
                "departments": joined(u.get("departments", []), LANG),
                "status": "disabled" if u.get("disabled") else "active",
                "created": u.get("created"),
            }
            for n, u in users.items()
        ],
        columns=["name", "role", "departments", "status", "created"],
    )
    sys.stdout.write(render(frame))
    return 0


def _user_add(args, ws, now: float) -> int:
    password = _read_password()
    user = account_changes.add(
        ws, SHELL, args.name, password, args.role, args.department, now, args.recreate
    )
    departments = joined(sorted(user.departments), LANG)
    added = "cli.user_added" if departments else "cli.user_added_alone"
    print(text(added, LANG, name=user.name, role=user.role, departments=departments))
    return 0


def _user_set(args, ws, now: float) -> int:
    user = account_changes.set_role(ws, SHELL, args.name, args.role, args.department, now)
    departments = joined(sorted(user.departments), LANG)
    print(text("cli.user_set", LANG, name=user.name, role=user.role, departments=departments))
    return 0


def _user_passwd(args, ws, now: float) -> int:
    ended = account_changes.reset_password(ws, SHELL, args.name, _read_password(), now)
    print(text("cli.password_set", LANG, name=args.name, ended=ended))
    return 0


def _user_disable(args, ws, now: float) -> int:
    ended = account_changes.set_disabled(ws, SHELL, args.name, True, now)
    print(text("cli.user_disabled", LANG, name=args.name, ended=ended))
    return 0


def _user_enable(args, ws, now: float) -> int:
    account_changes.set_disabled(ws, SHELL, args.name, False, now)
    print(text("cli.user_enabled", LANG, name=args.name))
    return 0


def _user_delete(args, ws, now: float) -> int:
    ended = account_changes.delete(ws, SHELL, args.name, now)
    print(text("cli.user_deleted", LANG, name=args.name, ended=ended))
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(text("cli.password_prompt", LANG))
        return accounts.repeated(first, getpass.getpass(text("cli.password_again", LANG)))
    return sys.stdin.readline().rstrip("\n")


USER_COMMANDS = {
    "list": _user_list,
    "add": _user_add,
    "set": _user_set,
    "passwd": _user_passwd,
    "disable": _user_disable,
    "enable": _user_enable,
    "delete": _user_delete,
}


def cmd_alias(args, ws) -> int:
    now = datetime.now()
    if args.alias_command == "list":
        with open_store(ws) as con:
            frame = aliases.listing(con, catalogue_index(con))
        _emit(frame, args.format)
        return 0
    user = acting_user(args, ws, "upload")
    with open_store(ws) as con:
        index = catalogue_index(con)
        if args.admin_override:
            audit_log.record(ws, con, user.name, "admin_override", "used", at=now,
                             command=f"alias {args.alias_command}")  # fmt: skip
        if args.alias_command == "add":
            target = aliases.target_of(index, args.target, args.entity, args.year)
            alias = aliases.learn(con, ws, index, user, args.name, target, now)
            name = next(
                r["name_zh"] for r in index.records if (r["entity"], r["year"], r["id"]) == target
            )
            print(text("cli.alias_added", LANG, alias=alias, id=target[2], name=name,
                       entity=target[0], year=target[1]))  # fmt: skip
            return 0
        for entity, year, target_id in aliases.forget(
            con, ws, index, user, args.name, now, args.target
        ):
            print(text("cli.alias_removed", LANG, alias=args.name, id=target_id, entity=entity,
                       year=year))  # fmt: skip
    return 0


def cmd_comment(args, ws) -> int:
    year, month = args.month
    user = acting_user(args, ws, "comment")  # the target's department: add_comment checks
    with open_store(ws) as con:
        target = comments.find_target(con, args.target_id, year)
        seq = comments.add_comment(
            ws,
            con,
            user,
            target,
            month,
            reason=args.reason.strip(),
            measures=args.measures.strip(),
            status=args.status,
            at=datetime.now(),
        )
    print(text("cli.comment_saved", LANG, id=args.target_id, year=year, month=month, seq=seq))
    return 0


COMMENT_COLUMNS = [
    "id",
    "entity",
    "month",
    "name_zh",
    "reason",
    "measures",
    "status",
    "user",
    "at",
]


def cmd_comments(args, ws) -> int:
    with open_store(ws) as con:
        frame = comments.listing(con, args.target_id)
    frame = frame.assign(
        month=[f"{y}-{m:02d}" for y, m in zip(frame["year"], frame["month"], strict=True)],
        user=frame["user_name"],
        at=frame["created_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
    )[COMMENT_COLUMNS + ["name_en", "seq"]]
    if args.format == "csv":  # people's text opened in a spreadsheet must stay text
        frame = frame.map(neutralise)
    _emit(frame, args.format, COMMENT_COLUMNS)
    return 0


def cmd_backup(args, ws) -> int:
    folder, files = backup.backup(ws, args.out)
    print(text("cli.backup_written", LANG, path=folder, files=files))
    return 0


RESTORED_DATABASE = {
    "kept": "cli.restore_database.kept",
    "installed": "cli.restore_database.installed",
}


def cmd_restore(args, ws) -> int:
    done = backup.restore(ws, args.backup_dir, replace=args.replace)
    database = text(RESTORED_DATABASE[done.database], LANG)
    print(
        text(
            "cli.restored",
            LANG,
            backup=done.backup,
            lines=done.lines_added,
            files=len(done.files_copied),
            database=database,
            **done.summary,
        )
    )
    for aside in (done.journal_aside, done.set_aside):
        if aside:
            print(text("cli.set_aside", LANG, path=aside))
    if done.files_kept:
        print(text("cli.files_kept", LANG, files=joined(done.files_kept, LANG)), file=sys.stderr)
    if done.archives_missing:
        files = joined(done.archives_missing, LANG)
        print(text("cli.archives_missing", LANG, files=files), file=sys.stderr)
    return 0


REMINDER_FIELDS = [
    "department",
    "kind",
    "id",
    "entity",
    "name_zh",
    "name_en",
    "period_due",
    "period_due_en",
    "due_date",
    "days_late",
    "status",
    "status_label_zh",
    "status_label_en",
    "gap_pp",
]
REMINDER_TABLE = [
    "department",
    "kind",
    "id",
    "name_zh",
    "period_due",
    "due_date",
    "days_late",
    "status",
    "gap_pp",
]


def cmd_reminders(args, ws) -> int:
    today = args.today or date.today()
    settings = mailing.smtp_settings() if args.send else None
    if args.send and settings is None:
        raise mailing.MailSetupError("mail.not_configured")
    user = acting_user(args, ws, "admin") if args.send else None
    contacts = mailing.load_contacts(mailing.contacts_path(ws)) if args.send else {}
    with open_store(ws) as con:
        year, month = args.as_of or reminders.default_as_of(con, today)
        frame = reminders.reminder_frame(con, year, month, today, args.department)
        digests = (
            reminders.digests(frame, year, month, today, args.lang)
            if (args.out or args.send)
            else []
        )
        if args.send:
            sent = mailing.send_digests(ws, con, user, settings, contacts, digests, year, month)
    days = frame["days_late"].astype("Int64")
    _emit(frame.assign(days_late=days)[REMINDER_FIELDS], args.format, REMINDER_TABLE)
    if args.out:
        _write_digests(args.out, digests, year, month)
    if args.send:
        for s in sent:
            to = joined(s.to, LANG)
            line = text(
                f"cli.reminder.{s.outcome}", LANG, department=s.department, to=to, error=s.error
            )
            print(line, file=sys.stderr)
        return 1 if any(s.outcome == "failed" for s in sent) else 0
    return 0


def _write_digests(folder: Path, digests, year: int, month: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for d in digests:
        for name, content in zip(d.filenames(year, month), (d.pdf, d.xlsx), strict=True):
            (folder / name).write_bytes(content)
            print(text("cli.reminder.written", LANG, path=folder / name), file=sys.stderr)


RANKING_FIELDS = [
    "id",
    "name_zh",
    "entity",
    "rank",
    "actual",
    "unit",
    "completion_pct",
    "gap_pp",
    "status",
]


def cmd_ranking(args, ws) -> int:
    """Each shared indicator's areas best first, as the 部门考评 page ranks them; `rank` is
    empty (null) for an area without a comparable gap."""
    with open_store(ws) as con:
        if args.as_of:
            year, month = args.as_of
        else:
            year, month = reporting.default_as_of(con, args.year)
        progress = reporting.progress(con, year, month, today=args.today, explained=False)
    frame = rankings(progress, args.target)
    if args.format == "table":  # a shared milestone's actual is its state
        frame = states_in_words(frame, LANG)
    _emit(frame.assign(rank=frame["rank"].astype("Int64"))[RANKING_FIELDS], args.format)
    return 0


REVIEW_FIELDS = ["upload_id", "departments", "uploader", "rows", "filename", "uploaded_at"]


def cmd_review(args, ws) -> int:
    if args.review_command == "list":
        with open_store(ws) as con:
            frame = review.pending(con)
        frame = frame.assign(
            uploader=frame["user_name"],
            rows=frame["figure_count"].astype("int64"),
            uploaded_at=frame["uploaded_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
        )[REVIEW_FIELDS]
        _emit(frame, args.format)
        return 0
    decision = {"approve": "approved", "reject": "rejected"}[args.review_command]
    user = acting_user(args, ws, "review")
    with open_store(ws) as con:
        seq = review.decide(ws, con, user, args.upload_id, decision, getattr(args, "reason", None))
    print(text(f"cli.review.{decision}", LANG, id=args.upload_id, seq=seq))
    return 0


SUPERVISION_FIELDS = [
    "item_id",
    "state",
    "id",
    "name_zh",
    "department",
    "asked",
    "deadline",
    "measures",
    "progress",
    "opened_by",
    "extensions",
    "note",
]


def cmd_supervise(args, ws) -> int:
    command = args.supervise_command
    if command == "list":
        return _supervise_list(args, ws)
    user = acting_user(args, ws, "comment")  # the service checks each step's rights
    now = datetime.now()
    with open_store(ws) as con:
        if command == "open":
            year = args.year or reporting.months(con)[0][-1]
            target = comments.find_target(con, args.target_id, year)
            item_id = supervision.open_item(
                ws, con, user, target, args.asked, args.deadline, args.department, now
            )
        elif command == "answer":
            item_id = args.item_id
            supervision.answer(ws, con, user, item_id, args.measures, args.progress, now)
        elif command == "extend":
            item_id = args.item_id
            supervision.extend(ws, con, user, item_id, args.deadline, args.note, now)
        else:
            item_id = args.item_id
            supervision.close(ws, con, user, item_id, args.note, now)
    print(text(f"cli.supervise.{command}", LANG, id=item_id))
    return 0


def _supervise_list(args, ws) -> int:
    with open_store(ws) as con:
        frame = supervision.items(con)
    frame = supervision.with_state(frame, args.today or date.today())
    if args.state != "all":
        frame = frame[frame["shown_state"] == args.state]
    frame = frame.assign(state=frame["shown_state"], extensions=frame["extensions"].astype("Int64"))
    _emit(frame[SUPERVISION_FIELDS], args.format)
    return 0


def cmd_item(args, ws) -> int:
    if args.item_command == "list":
        return _item_list(args, ws)
    user = acting_user(args, ws, "admin")
    with open_store(ws) as con:
        year = args.year or reporting.months(con)[0][-1]
        target = comments.find_target(con, args.target_id, year, args.entity)
        seq = item_names.rename(ws, con, user, target, args.old, args.new, datetime.now())
    where = f"{target['entity']}/{year}/{args.target_id}"
    print(text("cli.item.renamed", LANG, target=where, old=args.old, new=args.new.strip(), seq=seq))
    return 0


ITEM_FIELDS = [
    "item",
    "department",
    "state",
    "state_zh",
    "state_en",
    "words",
    "reported_month",
    "due_date",
    "done_month",
]
ITEM_TABLE = ["item", "department", "state_zh", "words", "reported_month", "due_date", "done_month"]


def _item_list(args, ws) -> int:
    """A target's named items as they stand at the latest month with figures: the state
    (code and words), the words reported, the months of the last report and of completion
    and the due date."""
    with open_store(ws) as con:
        year = args.year or reporting.months(con)[0][-1]
        target = comments.find_target(con, args.target_id, year, args.entity)
        items = item_names.listing(con, target)
    if items.empty and args.format == "table":
        where = f"{target['entity']}/{year}/{args.target_id}"
        print(text("cli.item.none", LANG, target=where))
        return 0
    frame = items.assign(
        department=target["department"],
        state_zh=[text(STATE_WORDS[s], "zh") for s in items["state"]],
        state_en=[text(STATE_WORDS[s], "en") for s in items["state"]],
        words=[w if isinstance(w, str) else None for w in items["words"]],
        reported_month=items["reported_month"].astype("Int64"),
        due_date=[
            None if pd.isna(d) else pd.Timestamp(d).date().isoformat() for d in items["due_date"]
        ],
        done_month=items["done_month"].astype("Int64"),
    )
    _emit(frame[ITEM_FIELDS], args.format, ITEM_TABLE)
    return 0


DEADLINE_FIELDS = ["entity", "year", "id", "months", "day", "user_name", "set_at"]


def cmd_deadline(args, ws) -> int:
    if args.deadline_command == "list":
        with open_store(ws) as con:
            frame = deadlines.current(con, args.year).rename(columns={"lag": "months"})
        _emit(frame.astype({"months": "Int64", "day": "Int64"})[DEADLINE_FIELDS], args.format)
        return 0
    if args.default == (args.months is not None or args.day is not None):
        raise deadlines.DeadlineRefused("deadline.usage")
    user = acting_user(args, ws, "admin")
    with open_store(ws) as con:
        year = args.year or reporting.months(con)[0][-1]
        target = comments.find_target(con, args.target_id, year, args.entity)
        deadlines.set_deadline(ws, con, user, target, args.months, args.day, datetime.now())
    print(text("cli.deadline.set", LANG, id=args.target_id, entity=target["entity"], year=year))
    return 0


COMMANDS = {
    "alias": cmd_alias,
    "deadline": cmd_deadline,
    "item": cmd_item,
    "supervise": cmd_supervise,
    "review": cmd_review,
    "ranking": cmd_ranking,
    "reminders": cmd_reminders,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "comment": cmd_comment,
    "comments": cmd_comments,
    "restore": cmd_restore,
    "user": cmd_user,
    "targets": cmd_targets,
    "progress": cmd_progress,
    "ingest": cmd_ingest,
    "rebuild": cmd_rebuild,
    "template": cmd_template,
    "propose": cmd_propose,
    "snapshot": cmd_snapshot,
    "export": cmd_export,
    "migrate": cmd_migrate,
}
