"""The department scoreboard (issue 21): counts per lead department with exact numbers,
the page's drill-down through AppTest, and the same table in the PDF bulletin."""

import shutil
import subprocess
from datetime import date, datetime

import pytest

from dashboard.core.scoreboard import category, scoreboard
from dashboard.services import exporting, reporting
from dashboard.services.database import open_store
from tests.test_app import start
from tests.test_supervision_pages import open_item

TOP = [  # department, total, ahead, level, behind, achieved, unreported, other, supervised
    ["市工业和信息化局", 14, 3, 6, 4, 1, 0, 0, 0],
    ["市商务局", 13, 2, 4, 3, 2, 1, 1, 0],
    ["市发展改革委", 6, 0, 2, 2, 0, 1, 1, 0],
    ["市教育局", 2, 0, 0, 2, 0, 0, 0, 0],
]


@pytest.mark.parametrize(
    "status, position, expected",
    [
        ("on_track", "ahead", "ahead"),
        ("on_track", "level", "level"),
        ("on_track", None, "level"),
        ("at_risk", "behind", "behind"),
        ("off_track", None, "behind"),
        ("achieved", None, "achieved"),
        ("overdue_report", None, "unreported"),
        ("no_data", None, "unreported"),
        ("not_assessable", None, "other"),
    ],
)
def test_categories(status, position, expected):
    assert category(status, position) == expected


def sample_progress(ws):
    with open_store(ws) as con:
        return reporting.progress(con, 2026, 10, today=date(2026, 11, 26))


def test_counts_per_department_most_behind_first(sample_ws):
    progress = sample_progress(sample_ws)
    board = scoreboard(
        progress, frozenset({("郑州市", "gas_pipes"), ("郑州市", "well_replacement")})
    )
    assert board.head(4).values.tolist() == TOP
    assert int(board["total"].sum()) == len(progress) == 90
    cgj = board[board["department"] == "市城市管理局"].iloc[0]
    assert int(cgj["supervised"]) == 1 and int(cgj["behind"]) >= 1
    assert int(board["supervised"].sum()) == 2


def test_page_drills_down_to_a_department(sample_ws, monkeypatch):
    from tests.conftest import add_accounts

    add_accounts(sample_ws)
    open_item(sample_ws, "gas_pipes", date(2026, 12, 20), datetime(2026, 11, 1, 9))
    at = start(sample_ws, monkeypatch)
    at.switch_page("ui/scoreboard.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "部门考评 · 2026年10月"
    board = at.dataframe[0].value
    assert list(board.columns) == [
        "责任单位",
        "指标数",
        "超序时",
        "达序时",
        "欠序时",
        "已完成",
        "未报送",
        "其他",
        "督办中",
    ]
    assert board.head(4).values.tolist() == TOP
    assert board[board["责任单位"] == "市城市管理局"]["督办中"].tolist() == [1]
    at.selectbox(key="scoreboard_department").set_value("市商务局").run()
    drill = at.dataframe[1].value
    assert len(drill) == 13
    at.pills(key="scoreboard_only").set_value(["unreported"]).run()
    assert at.dataframe[1].value[["指标", "分类", "状态"]].values.tolist() == [
        ["申建自贸区空港新片区", "未报送", "未报送进展"]
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_bulletin_has_the_scoreboard(sample_ws, tmp_path):
    progress = sample_progress(sample_ws)
    head = exporting.heading(progress, 2026, 10, "en")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(
        exporting.export_bytes(
            progress, "pdf", head, "en", supervised=frozenset({("郑州市", "gas_pipes")})
        )
    )
    words = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "Targets by department" in words
    line = next(x for x in words.splitlines() if x.startswith("Commerce Bureau"))
    assert line.split()[-8:] == ["13", "2", "4", "3", "2", "1", "1", "0"]
