"""The 督办事项 page through AppTest (issue 21): the admin opens and closes, the department
answers, an overdue item shows on the overview, an open one on the detail page and its
gauge; the PDF bulletin lists the open items."""

import shutil
import subprocess
from datetime import date, datetime

import pytest

from dashboard.core.access import User
from dashboard.services import exporting, reporting, review, supervision
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import TODAY
from tests.files import csv_bytes
from tests.test_app import AT, button, card, login, shown, start

ADMIN = User("admin", "admin")


def open_item(ws, target_id: str, deadline: date, at: datetime) -> int:
    with open_store(ws) as con:
        target = next(
            r for r in reporting.targets(con, 2026).to_dict("records") if r["id"] == target_id
        )
        return supervision.open_item(ws, con, ADMIN, target, "年底前完成年度任务", deadline, at=at)


def test_admin_opens_department_answers_admin_closes(app, sample_ws, monkeypatch):
    at = login(app, "admin")
    at.switch_page("ui/supervision.py").run()
    assert at.title[0].value == "督办事项"
    assert "没有符合条件的督办事项。" in [c.value for c in at.caption]
    form_target = next(s for s in at.selectbox if s.label == "指标")
    assert form_target.options[0].startswith("新建改造供气管网")  # most behind first
    at.text_area[0].set_value("12月底前完成供气管网改造")
    button(at, "立项督办").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "已对“新建改造供气管网”立项督办，责任单位：市城市管理局。"
    listed = at.dataframe[0].value
    assert listed[["编号", "指标", "责任单位", "督办要求", "状态"]].values.tolist() == [
        [1, "新建改造供气管网", "市城市管理局", "12月底前完成供气管网改造", "督办中"]
    ]
    assert listed["办结期限"].tolist() == ["2026-12-26"]  # 30 days from 26 November
    assert at.text_area[0].value == ""  # the form starts afresh: no duplicate by a second click

    dept = login(start(sample_ws, monkeypatch), "cgj")
    dept.switch_page("ui/supervision.py").run()
    assert "回复督办" in [s.value for s in dept.subheader]
    assert "新立督办事项" not in [s.value for s in dept.subheader]
    dept.text_area[0].set_value("增派施工队伍")
    dept.text_area[1].set_value("已完成85%")
    button(dept, "提交回复").click().run()
    assert dept.success[0].value == "已回复督办事项 #1。"
    assert dept.dataframe[0].value[["整改措施", "进展情况"]].values.tolist() == [
        ["增派施工队伍", "已完成85%"]
    ]
    other = login(start(sample_ws, monkeypatch), "fgw")  # not its department: nothing to answer
    other.switch_page("ui/supervision.py").run()
    assert "回复督办" not in [s.value for s in other.subheader]

    at.run()
    at.text_input[1].set_value("管网改造全部完成")
    button(at, "销号").click().run()
    assert at.success[0].value == "督办事项 #1 已销号。"
    assert "没有符合条件的督办事项。" in [c.value for c in at.caption]  # open/overdue shown
    at.pills(key="supervision_states").set_value(["closed"]).run()
    assert at.dataframe[0].value[["状态", "说明"]].values.tolist() == [
        ["已销号", "管网改造全部完成"]
    ]


def test_open_and_overdue_items_on_overview_detail_and_gauge(app, sample_ws, monkeypatch):
    open_item(sample_ws, "gas_pipes", date(2026, 11, 20), datetime(2026, 11, 1, 9))
    open_item(sample_ws, "well_replacement", date(2026, 12, 20), datetime(2026, 11, 1, 9))
    at = start(sample_ws, monkeypatch)  # 26 November: the first is overdue
    assert [shown(line) for line in at.warning[0].value.split("  \n")] == [
        "逾期未办结的督办事项（1项）",
        "#1 新建改造供气管网（市城市管理局）：年底前完成年度任务，应于2026-11-20前办结，已逾期",
    ]
    assert "督办中 #2" in card(at, "自备井用户水源置换")
    at.switch_page("ui/detail.py").run()
    at.selectbox(key="target").set_value("well_replacement").run()
    assert "督办中" in [s.value for s in at.subheader]
    listed = next(d.value for d in at.dataframe if "督办要求" in d.value.columns)
    assert listed[["编号", "办结期限", "状态"]].values.tolist() == [[2, "2026-12-20", "督办中"]]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_bulletin_lists_open_items(sample_ws, tmp_path):
    open_item(sample_ws, "gas_pipes", date(2026, 12, 20), datetime(2026, 11, 1, 9))
    with open_store(sample_ws) as con:
        frame = reporting.progress(con, 2026, 10, today=date(2026, 11, 26))
        lines = supervision.open_lines(con, 2026, date(2026, 11, 26), "en")
        head = exporting.heading(frame, 2026, 10, "en")
    assert lines == [
        "#1 Gas pipes built or renewed (Urban Management Bureau): 年底前完成年度任务, due "
        "2026-12-20"
    ]
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(exporting.export_bytes(frame, "pdf", head, "en", supervision=lines))
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Supervision items (1)" in words
    assert "Gas pipes built or renewed (Urban Management Bureau)" in words


@pytest.fixture
def app(sample_ws, monkeypatch):
    from tests.conftest import add_accounts

    add_accounts(sample_ws)
    with open_store(sample_ws):
        pass  # the samples are loaded here, not by a parse worker spawned under AppTest
    return start(sample_ws, monkeypatch)


def test_the_overview_makes_its_pdf_with_the_items(app, sample_ws):
    """The PDF made on the overview (with the open items) is made and its making audited."""
    open_item(sample_ws, "gas_pipes", date(2026, 12, 20), datetime(2026, 11, 1, 9))
    app.run()
    button(app, "生成 PDF").click().run()
    assert not app.exception, [e.value for e in app.exception]
    with open_store(sample_ws) as con:
        made = con.execute(
            "SELECT outcome FROM audit WHERE action = 'export' ORDER BY seq"
        ).fetchall()
    assert made == [("pdf",)]


def test_cached_gauge_cards_follow_review_decisions_and_items(app, sample_ws, monkeypatch):
    """The overview's gauge cards are shared between sessions and kept per data version:
    a review decision and a supervision item change what the same month's cards show."""
    monkeypatch.setenv("DASHBOARD_REVIEW", "1")
    name = "新建电动汽车公共充电桩"
    before = card(app, name)
    assert "2,450" in before and "督办中" not in before
    data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年1-10月", "2500"]])
    with open_store(sample_ws) as con:
        held = preview(con, data, "oct.csv", TODAY)
        upload_id = store_preview(con, sample_ws, held, data, "fgw", AT, held=True)
    app.run()
    assert card(app, name) == before  # waiting for review: counts in nothing
    with open_store(sample_ws) as con:
        review.decide(sample_ws, con, ADMIN, upload_id, "approved", at=AT)
    app.run()
    approved = card(app, name)
    assert "2,500" in approved and "2,450" not in approved
    item = open_item(sample_ws, "ev_chargers", date(2026, 12, 20), datetime(2026, 11, 26, 9))
    app.run()
    assert f"督办中 #{item}" in card(app, name)
    with open_store(sample_ws) as con:
        supervision.close(sample_ws, con, ADMIN, item, "已完成", at=AT)
    app.run()
    assert card(app, name) == approved
