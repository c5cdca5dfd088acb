"""Many entities and years (issue 19, point 3): a district's catalogue beside the city's and
the city's next year, carried over. Every page shows the chosen entity and year only, the
overview counts each entity's statuses, an upload that names no entity is read for the
chosen one, and a target carried over keeps its figures and finds last year's.

The clock stands at 15 February 2027: 2026 is a whole year, 2027 has begun.
"""

import csv
import io
from datetime import datetime

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ingest.resolve import UnknownEntity
from dashboard.present.overview_tables import entity_counts
from dashboard.services import catalogue_drafts as drafts
from dashboard.services import catalogues, exporting, reporting, snapshots
from dashboard.services.database import open_store
from dashboard.services.uploading import catalogue_index, preview, store_preview
from dashboard.store import catalogue as store_catalogue
from tests.conftest import PASSWORD, ROOT, add_accounts
from tests.files import csv_bytes
from tests.test_app import card, cards, login
from tests.test_cli import run

APP = str(ROOT / "dashboard" / "app.py")
AT = datetime(2027, 2, 15, 9, 0)
TODAY = (2027, 2)
DISTRICT_IDS = ["gdp_growth", "ev_chargers", "xinzheng_bonded_zone"]


def save(ws, rows: pd.DataFrame, entity: str, year: int) -> None:
    with open_store(ws) as con:
        assert catalogues.save(con, ws, rows, entity, year, "admin", at=AT).saved


def upload(ws, rows: list[list], entity: str | None = None, name: str = "f.csv") -> None:
    """Through the page's service; `entity`: the one chosen on the page."""
    data = csv_bytes(rows)
    with open_store(ws) as con:
        pv = preview(con, data, name, TODAY, catalogue_index(con, entity))
        assert pv.ok, [p.message for p in pv.problems]
        store_preview(con, ws, pv, data, "admin", AT)


@pytest.fixture
def two(sample_ws):
    """郑州市 2026 (the shipped catalogue and samples), 金水区 2026 (three targets, its own
    bars) and 郑州市 2027 (two targets carried over), with figures for each."""
    with open_store(sample_ws) as con:
        city = catalogues.catalogue(con, "郑州市", 2026)
    district = drafts.as_draft(city[city["id"].isin(DISTRICT_IDS)], "金水区", 2026)
    district.loc[district["id"] == "ev_chargers", "target_value"] = "300"
    district.loc[district["id"] == "ev_chargers", "department"] = "金水区发展改革委"
    save(sample_ws, district, "金水区", 2026)
    save(
        sample_ws,
        drafts.carry_over(city[city["id"].isin(["ev_chargers", "gdp_growth"])], 2027),
        "郑州市",
        2027,
    )
    upload(
        sample_ws,
        [["指标", "时期", "数值", "单位"], ["充电桩", "2026年10月", "240", "个"]],
        entity="金水区",
    )
    upload(sample_ws, [["指标", "时期", "数值", "单位"], ["充电桩", "2027年1月", "150", "个"]])
    return sample_ws


@pytest.fixture
def app(two, monkeypatch):
    add_accounts(two)
    monkeypatch.setenv("DASHBOARD_DB", str(two.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(two.data_dir))
    monkeypatch.setenv("DASHBOARD_TODAY", "2027-02-15")
    return ok(AppTest.from_file(APP, default_timeout=90).run())


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def choose(at, entity: str | None = None, year: int | None = None, lang: str = "zh"):
    if entity is not None:
        ok(at.sidebar.selectbox(key=f"entity_choice_{lang}").select(entity).run())
    if year is not None:
        current = at.session_state["scope.entity"]
        ok(at.sidebar.selectbox(key=f"year_choice_{current}").select(year).run())
    return at


def card_words(at) -> list[str]:
    return list(cards(at).values())


@pytest.mark.both_engines
def test_each_entity_has_its_years_and_latest_month(two):
    with open_store(two) as con:
        assert reporting.entities(con) == ["郑州市", "金水区"]  # the office's own first
        assert reporting.months(con, "郑州市") == ([2026, 2027], (2027, 1))
        assert reporting.months(con, "金水区") == ([2026], (2026, 10))
        assert reporting.default_as_of(con, 2026, "郑州市") == (2026, 10)
        # every entity's figures, as before: the command line's default
        assert reporting.months(con) == ([2026, 2027], (2027, 1))


@pytest.mark.both_engines
def test_a_district_without_figures_defaults_to_the_month_its_figures_are_due(sample_ws):
    with open_store(sample_ws) as con:
        city = catalogues.catalogue(con, "郑州市", 2026)
    save(
        sample_ws, drafts.as_draft(city[city["id"] == "gdp_growth"], "二七区", 2026), "二七区", 2026
    )
    with open_store(sample_ws) as con:
        assert reporting.default_as_of(con, entity="二七区") == (2026, 10)


def test_overview_defaults_to_the_city_and_its_latest_year(app):
    assert app.session_state["scope.entity"] == "郑州市"
    assert app.title[0].value == "目标进度看板 · 郑州市 · 2027年1月"
    assert len(card_words(app)) == 2
    assert card(app, "新建电动汽车公共充电桩").startswith("5.0% | 150 / 3,000个")


def test_switching_year_and_entity_changes_every_number_on_the_overview(app):
    choose(app, year=2026)
    assert app.title[0].value == "目标进度看板 · 郑州市 · 2026年10月"
    assert len(card_words(app)) == 90
    choose(app, entity="金水区")
    assert app.title[0].value == "目标进度看板 · 金水区 · 2026年10月"
    words = card_words(app)
    assert len(words) == 3
    assert card(app, "新建电动汽车公共充电桩") == "80.0% | 240 / 300个 | 差3.3个百分点 | ▲ 欠序时"
    assert card(app, "地区生产总值增长") == "— | 目标 ≥5% | ? 暂无数据"
    # the department × status table (the overdue reports per department come after it)
    departments = next(d.value for d in app.dataframe if "暂无数据" in d.value.columns)
    assert departments.iloc[:, 0].tolist() == [
        "市统计局",
        "郑州航空港经济综合实验区管委会",
        "金水区发展改革委",
    ]


def test_overview_by_entity_counts_each_entitys_statuses(app):
    choose(app, year=2026)
    table = entity_table(app)
    assert table.columns.tolist()[:2] == ["主体", "目标数"]
    rows = table.set_index("主体")
    assert rows["目标数"].to_dict() == {"郑州市": 90, "金水区": 3}
    statuses = rows.drop(columns="目标数")
    assert statuses.sum(axis=1).to_dict() == {"郑州市": 90, "金水区": 3}
    # 金水区: the chargers 240 of 300 by October (80% against 83.3%), the zone due by
    # October's end with no word of it, the quarterly growth rate without a figure
    assert statuses.loc["金水区"][statuses.loc["金水区"] > 0].to_dict() == {
        "滞后": 1,
        "略滞后": 1,
        "暂无数据": 1,
    }
    with open_store(app_ws(app)) as con:
        judged = reporting.progress(con, 2026, 10)
    city = judged[judged["entity"] == "郑州市"]
    assert statuses.loc["郑州市"].sum() == len(city) == 90


def entity_table(at) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if d.value.columns[0] in ("主体", "Entity"))


def app_ws(at):
    from dashboard.ui.common import ws

    return ws()


def test_the_choice_follows_to_completeness_detail_and_snapshots(app):
    login(app, "admin")
    choose(app, entity="金水区")
    ok(app.switch_page("ui/completeness.py").run())
    assert app.session_state["scope.entity"] == "金水区"
    grid = app.dataframe[-1].value
    assert len(grid) == 3
    ok(app.switch_page("ui/detail.py").run())
    assert app.query_params["entity"] == "金水区"
    assert len(app.selectbox(key="target").options) == 3
    with open_store(app_ws(app)) as con:  # the city's 2027: no target of the district
        snapshots.take(app_ws(app), con, 2027, 1, note="", user="admin", at=AT)
    ok(app.switch_page("ui/snapshots.py").run())
    assert [i.value for i in app.info] == [
        "金水区还没有快照；另有 1 个快照不含其目标，在侧栏选择其他主体可查看。"
    ]
    ok(next(b for b in app.button if b.label == "拍快照").click().run())
    shown = app.dataframe[-1].value
    assert len(shown) == 3
    assert app.dataframe[0].value["#"].tolist() == [2]  # the list: the district's only
    assert "只列出含金水区目标的快照；另有 1 个快照不含。" in [c.value for c in app.caption]
    choose(app, entity="郑州市", year=2026)
    assert len(app.dataframe[-1].value) == 93 - 3  # the same snapshot, the city's rows
    assert app.dataframe[0].value["#"].tolist() == [1, 2]


@pytest.mark.both_engines
def test_the_snapshots_of_an_entity_are_those_holding_its_targets(two):
    with open_store(two) as con:
        snapshots.take(two, con, 2027, 1, note="", user="admin", at=AT)  # the city only
        assert snapshots.listing(con, "金水区").empty
        snapshots.take(two, con, 2026, 12, note="", user="admin", at=AT)
        assert snapshots.listing(con, "金水区")["snapshot_id"].tolist() == [2]
        assert snapshots.listing(con, "郑州市")["snapshot_id"].tolist() == [1, 2]
        assert snapshots.listing(con)["snapshot_id"].tolist() == [1, 2]
        # the district's changes are counted from its own previous snapshot: none
        assert snapshots.previous_id(con, 2, "金水区") is None
        assert snapshots.previous_id(con, 2, "郑州市") == 1


def test_an_upload_naming_no_entity_is_read_for_the_chosen_one(app):
    login(app, "admin")
    choose(app, entity="金水区")
    ok(app.switch_page("ui/upload.py").run())
    data = csv_bytes([["指标", "时期", "数值", "单位"], ["充电桩", "2026年11月", "260", "个"]])
    ok(app.file_uploader(key="upload_file").set_value(("jinshui.csv", data, "text/csv")).run())
    table = app.dataframe[0].value
    assert table[["主体", "指标", "数值"]].values.tolist() == [
        ["金水区", "新建电动汽车公共充电桩", "260个"]
    ]
    # a name only the city's catalogue has is not the district's: refused, not the city's
    other = csv_bytes([["指标", "时期", "数值", "单位"], ["公共停车位", "2026年11月", "9", "个"]])
    ok(app.file_uploader(key="upload_file").set_value(("p.csv", other, "text/csv")).run())
    assert app.error[0].value.startswith("文件未通过校验，未保存任何数据。")
    assert app.dataframe[1].value.values.tolist() == [[2, "公共停车位", "目录中没有“金水区”的目标"]]


@pytest.mark.both_engines
def test_carried_over_targets_keep_their_figures_and_find_last_years(two):
    with open_store(two) as con:
        assert store_catalogue.figure_counts(con, "郑州市", 2026)["ev_chargers"] == 10
        assert store_catalogue.figure_counts(con, "郑州市", 2027) == {"ev_chargers": 1}
        judged = reporting.progress(con, 2027, 1).set_index(["entity", "id"])
        before = reporting.current_figures(con, 2026)
    last = before[(before["id"] == "ev_chargers") & (before["period_end"] == 1)]
    row = judged.loc[("郑州市", "ev_chargers")]
    assert (row["actual"], row["target"]) == (150, 3000)
    assert row["last_year_actual"] == last["value"].iloc[0]


def test_page_in_english_names_the_entity(app):
    choose(app, entity="金水区")
    ok(app.sidebar.segmented_control(key="lang_choice").set_value("English").run())
    switch = app.sidebar.selectbox(key="entity_choice_en")  # the names in English, the choice kept
    assert (switch.options, switch.value) == (["Zhengzhou", "金水区"], "金水区")
    assert app.title[0].value == "Target progress dashboard · 金水区 · Oct 2026"
    table = entity_table(app)
    assert table["Entity"].tolist() == ["Zhengzhou", "金水区"]


def test_a_chosen_entity_never_reads_another_entitys_target(two):
    with open_store(two) as con:
        chosen = catalogue_index(con, "金水区")
        default = catalogue_index(con)
    ev = chosen.records[chosen.resolve("充电桩", None, 2026)]
    assert (ev["entity"], ev["id"]) == ("金水区", "ev_chargers")
    with pytest.raises(UnknownEntity) as err:
        chosen.resolve("公共停车位", None, 2026)  # only the city has it
    assert err.value.entities == ["郑州市"]
    # the command line names no entity: the office's own where both have the name
    ev = default.records[default.resolve("充电桩", None, 2026)]
    assert (ev["entity"], ev["id"]) == ("郑州市", "ev_chargers")


def test_a_districts_form_names_it_and_is_stored_for_it_anywhere(two):
    with open_store(two) as con:
        targets = reporting.targets(con, 2026, "金水区")
    data, count = exporting.fill_in_template(targets, 2026, 11, "csv", entity="金水区")
    form = data.decode("utf-8-sig").splitlines()
    assert count == 2 and form[0].endswith(",主体")
    assert (
        form[2]
        == "ev_chargers,新建电动汽车公共充电桩,2026年1-11月,,个,累计,金水区发展改革委,,金水区"
    )
    filled = "\r\n".join([form[0], form[2].replace(",,个", ",270,个")])
    with open_store(two) as con:  # read as the command line reads: no entity chosen
        pv = preview(con, filled.encode("utf-8-sig"), "form.csv", TODAY)
    assert pv.ok and pv.figures[["entity", "id", "value"]].values.tolist() == [
        ["金水区", "ev_chargers", 270.0]
    ]


def test_entity_counts_one_row_per_entity_in_the_order_given():
    frame = pd.DataFrame(
        {
            "entity": ["郑州市", "郑州市", "金水区"],
            "status": ["on_track", "off_track", "no_data"],
            "time_position": ["ahead", None, None],
        }
    )
    table = entity_counts(frame, "zh")
    assert table.columns.tolist() == [
        "主体", "目标数", "滞后", "略滞后", "超序时", "达序时", "已完成", "逾期未报", "暂无数据",
        "未到评估期",
    ]  # fmt: skip
    assert table.values.tolist() == [
        ["郑州市", 2, 1, 0, 1, 0, 0, 0, 0, 0],
        ["金水区", 1, 0, 0, 0, 0, 0, 0, 1, 0],
    ]
    assert entity_counts(frame, "en")["Entity"].tolist() == ["Zhengzhou", "金水区"]


def test_command_line_reads_one_entity_when_asked(two):
    shown = run(two, "progress", "--entity", "金水区", "--format", "csv")
    assert shown.returncode == 0, shown.stderr
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert [(r["entity"], r["id"], r["status"]) for r in rows] == [
        ("金水区", "gdp_growth", "no_data"),
        ("金水区", "xinzheng_bonded_zone", "off_track"),
        ("金水区", "ev_chargers", "at_risk"),
    ]
    out = two.data_dir / "jinshui.csv"
    made = run(two, "export", "--entity", "金水区", "--format", "csv", "--out", str(out))
    assert made.returncode == 0, made.stderr
    exported = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert [(r["指标"], r["目标"], r["实际"]) for r in exported] == [
        ("地区生产总值增长", "5.0", ""),
        ("新郑综保区扩区提质启动运行", "", ""),
        ("新建电动汽车公共充电桩", "300.0", "240.0"),
    ]
    wrong = run(two, "progress", "--entity", "金水")
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert wrong.stderr == "error: no catalogue for the entity '金水'; there are: 郑州市, 金水区\n"


def test_a_district_uploader_starts_on_the_district(app, two):
    from dashboard.services import accounts

    path = accounts.users_path(two.data_dir)
    accounts.add_user(path, "jinshui", PASSWORD, "uploader", ["金水区发展改革委"])
    assert app.session_state["scope.entity"] == "郑州市"  # before logging in: the city
    login(app, "jinshui")
    ok(app.switch_page("ui/my_department.py").run())
    assert app.session_state["scope.entity"] == "金水区"
    assert app.title[0].value == "我的部门 · 金水区 · 2026年10月"
    assert card(app, "新建电动汽车公共充电桩").startswith("80.0% | 240 / 300个")
    choose(app, entity="郑州市")  # the uploader may still look at the city
    assert app.title[0].value.startswith("我的部门 · 郑州市")


def test_a_form_for_departments_without_targets_here_is_empty(two):
    with open_store(two) as con:
        city = reporting.targets(con, 2026, "郑州市")
    data, count = exporting.fill_in_template(
        city, 2026, 10, "csv", ["金水区发展改革委"], entity="郑州市"
    )
    assert count == 0
    assert data.decode("utf-8-sig").splitlines() == [
        "指标ID,指标名称,时期,数值,单位,口径,责任单位,备注,主体"
    ]
