"""Areas ranked on the indicators they share (issue 21), with a catalogue that sets two of
Zhengzhou's targets for three of its districts too: the districts are ranked against each
other (not against the city), one indicator at a time, in points ahead of the time share or
the bar; counted by category per district; on the 部门考评 page in both languages."""

import csv
import io
import json
import shutil
import subprocess

import openpyxl
import pytest

from dashboard.core.entity_ranking import areas, entity_board, ranking, shared_ids
from dashboard.core.scoreboard import COLUMNS
from dashboard.services import exporting, reporting
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import TODAY, add_accounts
from tests.files import csv_bytes
from tests.test_app import AT, start
from tests.test_cli import run

DISTRICTS = ("中原区", "二七区", "金水区")
SHARED = ("ev_chargers", "retail_sales_growth")
FIGURES = [  # 1—10月: chargers against 300 each, retail growth against 5.5% (about)
    ["中原区", "充电桩", "2026年1-10月", "270"],  # 90.0% of the target, time share 83.3%
    ["二七区", "充电桩", "2026年1-10月", "240"],  # 80.0%
    ["中原区", "社会消费品零售总额增长", "2026年1-10月", "6.0"],
    ["二七区", "社会消费品零售总额增长", "2026年1-10月", "5.0"],
    ["金水区", "社会消费品零售总额增长", "2026年1-10月", "5.5"],
]  # 金水区 has no chargers figure


@pytest.fixture
def district_ws(sample_ws):
    path = sample_ws.data_dir / "targets.csv"
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    header = rows[0]
    added = []
    for row in rows[1:]:
        if row[0] in SHARED:
            for district in DISTRICTS:
                copy = dict(zip(header, row, strict=True), entity=district)
                if row[0] == "ev_chargers":
                    copy["target_value"] = "300"
                added.append([copy[c] for c in header])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows + added)
    path.write_text(out.getvalue(), "utf-8")
    data = csv_bytes([["地区", "指标", "时期", "数值"], *FIGURES])
    with open_store(sample_ws) as con:
        pv = preview(con, data, "districts.csv", TODAY)
        assert len(pv.figures) == len(FIGURES), pv.problems
        store_preview(con, sample_ws, pv, data, "admin", AT)
    return sample_ws


def october(ws):
    with open_store(ws) as con:
        return reporting.progress(con, 2026, 10, explained=False)


@pytest.mark.both_engines
def test_districts_ranked_per_shared_indicator(district_ws):
    progress = october(district_ws)
    assert sorted(set(areas(progress)["entity"])) == sorted(DISTRICTS)  # the city apart
    assert shared_ids(progress) == ["retail_sales_growth", "ev_chargers"]  # catalogue order
    chargers = ranking(progress, "ev_chargers")
    assert chargers[["entity", "rank", "completion_pct", "gap_pp"]].fillna(-1).values.tolist() == [
        ["中原区", 1.0, 90.0, 6.7],
        ["二七区", 2.0, 80.0, -3.3],
        ["金水区", -1, -1, -1],  # no figure: not ranked
    ]
    retail = ranking(progress, "retail_sales_growth")
    assert retail[["entity", "rank", "gap_pp"]].values.tolist() == [
        ["中原区", 1.0, 0.5],
        ["金水区", 2.0, 0.0],
        ["二七区", 3.0, -0.5],
    ]


def test_the_command_line_ranks_the_districts(district_ws):  # the ranks: both engines above
    """`ranking` prints what the page ranks: every shared indicator by default, one with
    --target, an unranked area with a null rank; a target no two areas hold is refused."""
    out = run(district_ws, "ranking", "--as-of", "2026-10", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["id"], r["entity"], r["rank"]) for r in rows] == [
        ("retail_sales_growth", "中原区", 1),
        ("retail_sales_growth", "金水区", 2),
        ("retail_sales_growth", "二七区", 3),
        ("ev_chargers", "中原区", 1),
        ("ev_chargers", "二七区", 2),
        ("ev_chargers", "金水区", None),
    ]
    assert rows[3] == {
        "id": "ev_chargers",
        "name_zh": rows[3]["name_zh"],
        "entity": "中原区",
        "rank": 1,
        "actual": 270.0,
        "unit": "个",
        "completion_pct": 90.0,
        "gap_pp": 6.7,
        "status": "on_track",
    }
    out = run(
        district_ws, "ranking", "--as-of", "2026-10", "--target", "ev_chargers", "--format", "csv"
    )
    assert (
        out.stdout.splitlines()[0]
        == "id,name_zh,entity,rank,actual,unit,completion_pct,gap_pp,status"
    )
    assert [line.split(",")[2:4] for line in out.stdout.splitlines()[1:]] == [
        ["中原区", "1"],
        ["二七区", "2"],
        ["金水区", ""],
    ]
    refused = run(district_ws, "ranking", "--target", "airport_cargo")
    assert refused.returncode == 1
    assert refused.stderr == (
        "error: 'airport_cargo' is not an indicator two or more areas share; "
        "shared: retail_sales_growth, ev_chargers\n"
    )


def test_districts_counted_by_category(district_ws):
    board = entity_board(october(district_ws), frozenset({("金水区", "ev_chargers")}))
    assert list(board.columns) == ["entity", *COLUMNS[1:]]
    # entity, total, ahead, level, behind, achieved, unreported, other, supervised
    assert board.values.tolist() == [
        ["二七区", 2, 0, 1, 1, 0, 0, 0, 0],  # retail within its 0.5-point band, chargers behind
        ["金水区", 2, 0, 1, 0, 0, 1, 0, 1],  # no chargers figure, and a 督办 item on it
        ["中原区", 2, 2, 0, 0, 0, 0, 0, 0],
    ]


def test_a_catalogue_of_one_city_has_nothing_to_rank(sample_ws):
    assert shared_ids(october(sample_ws)) == []


def test_the_scoreboard_page_ranks_the_districts(district_ws, monkeypatch):
    add_accounts(district_ws)
    at = start(district_ws, monkeypatch)
    at.switch_page("ui/scoreboard.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "各地区共有指标排名" in [s.value for s in at.subheader]
    at.selectbox(key="ranking_indicator").set_value("ev_chargers").run()
    table = at.dataframe[-1].value
    assert table.values.tolist() == [
        ["1", "中原区", "270个", "90.0%", "超6.7个百分点", "超序时"],
        ["2", "二七区", "240个", "80.0%", "差3.3个百分点", "欠序时"],
        ["不排名", "金水区", "—", "—", "—", "暂无数据"],
    ]
    at.segmented_control(key="lang_choice").set_value("English").run()
    assert "Areas ranked on shared indicators" in [s.value for s in at.subheader]
    table = at.dataframe[-1].value
    assert list(table.columns) == [
        "Rank",
        "Area",
        "Actual",
        "Completion",
        "Ahead of (behind) time or bar",
        "Status",
    ]
    assert table.iloc[:, 0].tolist() == ["1", "2", "not ranked"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_bulletin_counts_the_districts(district_ws, tmp_path):
    progress = october(district_ws)
    head = exporting.heading(progress, 2026, 10, "zh")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(exporting.export_bytes(progress, "pdf", head, "zh"))
    words = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "各地区共有指标进展（项）" in words
    lines = [line.split() for line in words.splitlines()]
    rows = {cells[0]: cells[1:] for cells in lines if cells and cells[0] in DISTRICTS}
    # total, ahead, level, behind, achieved, unreported, other, supervised
    assert rows == {
        "二七区": ["2", "0", "1", "1", "0", "0", "0", "0"],
        "金水区": ["2", "0", "1", "0", "0", "1", "0", "0"],
        "中原区": ["2", "2", "0", "0", "0", "0", "0", "0"],
    }
    # and each shared indicator's areas in rank order, the unranked named after
    assert "各地区共有指标排名" in words
    ranks = {  # 1 中原区、2 金水区、3 二七区
        cells[0]: cells[1:]
        for cells in lines
        if cells and cells[0] in ("新建电动汽车公共充电桩", "社会消费品零售总额增长")
    }
    assert ranks == {
        "社会消费品零售总额增长": ["1", "中原区、2", "金水区、3", "二七区"],
        "新建电动汽车公共充电桩": ["1", "中原区、2", "二七区；不排名：金水区"],
    }


def test_the_xlsx_has_a_sheet_of_the_districts_ranks(district_ws):
    progress = october(district_ws)
    head = exporting.heading(progress, 2026, 10, "en")
    book = openpyxl.load_workbook(io.BytesIO(exporting.export_bytes(progress, "xlsx", head, "en")))
    assert book.sheetnames == ["Summary", "Detail", "Area ranks"]
    rows = list(book["Area ranks"].iter_rows(values_only=True))
    assert rows[0] == (
        "Shared indicator",
        "Rank",
        "Area",
        "Actual",
        "Completion",
        "Ahead of (behind) time or bar",
        "Status",
    )
    assert [r[1:3] for r in rows[1:]] == [
        ("1", "中原区"),
        ("2", "金水区"),
        ("3", "二七区"),
        ("1", "中原区"),
        ("2", "二七区"),
        ("not ranked", "金水区"),
    ]
    assert rows[4][3:] == ("270 charging piles", "90.0%", "6.7 pts ahead", "Ahead of time share")


def test_an_unshared_indicator_lists_the_shared_ones_as_the_language_lists_names():
    """The shared ids were joined with '、' when raised: English read 'x、y'."""
    import pandas as pd

    from dashboard.core.entity_ranking import NotShared, rankings

    progress = pd.DataFrame({"entity": ["中原区", "二七区"] * 2, "id": ["x", "x", "y", "y"]})
    with pytest.raises(NotShared) as err:
        rankings(progress, "z")
    assert err.value.text("zh") == "指标“z”不是两个以上地区共有的指标；共有指标：x、y"
    assert str(err.value) == "'z' is not an indicator two or more areas share; shared: x, y"
