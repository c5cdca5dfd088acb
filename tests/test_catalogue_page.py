"""The 目标目录 page through AppTest: propose from a report, accept, edit, merge, check,
save (admin only), carry over to next year, a district beside the city, the overview."""

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.services import audit_log
from dashboard.services import catalogue_drafts as drafts
from dashboard.services.database import open_store
from tests.conftest import DATA, ROOT, add_accounts
from tests.test_app import login

APP = str(ROOT / "dashboard" / "app.py")
REPORT = (ROOT / "tests" / "data" / "reports" / "zhengzhou_2026.md").read_text("utf-8")
DISTRICT = (
    "二、2027年重点工作\n\n新建电动汽车公共充电桩300个、公共停车位2000个。"
    "新郑综保区扩区提质，10月底启动运行。去年新增学位500个。\n"
)


@pytest.fixture
def page(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    shutil.copy(DATA / "department_keywords.csv", sample_ws.data_dir)
    monkeypatch.setenv("DASHBOARD_DB", str(sample_ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_ws.data_dir))
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("ui/catalogue.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def ok(at):
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at, key: str):
    return ok(next(b for b in at.button if b.key == key).click().run())


def propose(at, text: str, entity: str | None = None, year: int | None = None):
    if entity is not None:
        at.selectbox(key="catalogue_entity").set_value("+").run()
        at.text_input(key="catalogue_new_entity").set_value(entity).run()
    if year is not None:
        at.number_input(key="catalogue_year").set_value(year).run()
    at.text_area(key="report_text").set_value(text)
    return click(at, "propose")


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def problems(at):
    """The problems table (by row and column) last shown."""
    return [d.value for d in at.dataframe if "问题" in d.value.columns][-1]


def side_tables(at):
    return [d.value for d in at.dataframe if list(d.value.columns)[:2] == ["id", "指标"]]


def editor(at, entity: str, year: int):
    return next(
        e for e in at.data_editor if e.key and e.key.startswith(f"editor::{entity}::{year}")
    )


def test_proposals_are_highlighted_in_the_text_and_counted(page):
    propose(page, REPORT)
    assert metrics(page) == {
        "建议目标": "65",
        "需核对（可信度低于 0.7）": "1",
        "往年数据（作基数，不作目标）": "6",
    }
    marked = next(h.value for h in page.html if "<mark" in h.value)
    assert marked.count("<mark") == 64  # 零碳工厂及园区各5家: two targets, one clause
    assert "地区生产总值增长5%以上<sup>1</sup></mark>" in marked
    assert "增长5.4%" in marked and "增长5.4%<sup>" not in marked  # last year's, not marked
    table = page.data_editor[0].value
    assert table.iloc[0][["指标", "目标", "建议责任单位（待确认）"]].tolist() == [
        "地区生产总值增长",
        "5%以上",
        "市统计局",
    ]
    assert table["采纳"].sum() == 64  # the one below 0.7 is left for a person to tick


def test_accept_then_save_needs_an_admin_and_departments_confirmed(page, sample_ws):
    propose(page, DISTRICT, entity="金水区", year=2027)
    click(page, "accept_selected")
    assert page.success[0].value.startswith("已将 3 条建议加入 金水区 2027 年的草稿")
    draft = editor(page, "金水区", 2027).value
    assert draft[
        ["name_zh", "target_value", "department", "suggested_department"]
    ].values.tolist() == [
        ["新建电动汽车公共充电桩", "300", "", "市发展改革委"],
        ["新建公共停车位", "2000", "", "市城市管理局"],
        ["新郑综保区扩区提质启动运行", "", "", "郑州航空港经济综合实验区管委会"],
    ]
    # a district's first catalogue: new ids (the city's are another entity's)
    hashed = [
        drafts.new_id(n, n, set()) for n in ("新建电动汽车公共充电桩", "新郑综保区扩区提质启动运行")
    ]
    assert draft["id"].tolist() == [hashed[0], "public_parking_spaces", hashed[1]]
    assert page.error[0].value == "有 3 个问题，改正后才能保存："
    assert page.info[-1].value == "保存目录需要以管理员身份登录。"
    click(page, "take_suggestions")
    assert page.success[-1].value == "3 个目标，检查通过。"
    login(page, "admin")
    click(page, "save")
    assert (
        page.success[-1].value
        == "已保存到 catalogues/金水区/2027.csv：新增 3 个，修改 0 个，删除 0 个。"
    )
    saved = (sample_ws.data_dir / "catalogues" / "金水区" / "2027.csv").read_text("utf-8")
    assert saved.count("\n") == 4 and ",金水区,2027," in saved
    with open_store(sample_ws) as con:
        entry = audit_log.entries(con).iloc[-1]
    assert (entry["user_name"], entry["action"], entry["outcome"]) == (
        "admin",
        "catalogue",
        "saved",
    )
    assert len(json.loads(entry["detail"])["added"]) == 3


def test_edits_in_the_table_are_checked_by_row_and_column_and_saved(page, sample_ws):
    login(page, "admin")
    key = editor(page, "郑州市", 2026).key
    page.session_state[key] = {
        "edited_rows": {49: {"target_value": "3600"}, 1: {"unit": "斤两"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    ok(page.run())
    assert page.error[0].value == "有 1 个问题，改正后才能保存："
    assert problems(page).iloc[0][["行", "列", "问题", "修改建议"]].tolist() == [
        2,
        "unit",
        "未知单位“斤两”",
        "请使用 亿元、万吨、个、% 等单位",
    ]
    page.session_state[key] = {
        "edited_rows": {49: {"target_value": "3600"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    ok(page.run())
    click(page, "save")
    assert page.success[-1].value.endswith("新增 0 个，修改 1 个，删除 0 个。")
    with open_store(sample_ws) as con:
        detail = json.loads(audit_log.entries(con).iloc[-1]["detail"])
    assert detail["changed"] == {"ev_chargers": {"target_value": ["3000", "3600"]}}


def test_removing_a_target_with_figures_waits_for_a_confirmation(page, sample_ws):
    login(page, "admin")
    key = editor(page, "郑州市", 2026).key
    page.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [49]}
    ok(page.run())
    click(page, "save")
    assert page.warning[-1].value == "未保存："
    assert problems(page).iloc[0]["问题"] == "删除的目标“ev_chargers”已有 10 条数据"
    page.checkbox(key="confirm_removal").check().run()
    click(page, "save")
    assert page.success[-1].value.endswith("新增 0 个，修改 0 个，删除 1 个。")


def test_merge_two_rows(page):
    merging = ["zero_carbon_factories", "zero_carbon_parks"]
    page.multiselect(key="merge::郑州市::2026").set_value(merging).run()
    click(page, "merge")
    draft = editor(page, "郑州市", 2026).value
    assert len(draft) == 89 and "zero_carbon_parks" not in draft["id"].tolist()
    merged = draft.set_index("id").loc["zero_carbon_factories"]
    assert merged["aliases"] == "零碳园区"


def test_carry_over_to_next_year_and_compare_side_by_side(page, sample_ws):
    login(page, "admin")
    page.multiselect(key="carry").set_value(["gdp_growth", "xinzheng_bonded_zone"]).run()
    ok(next(b for b in page.button if b.label == "结转到 2027 年草稿").click().run())
    assert page.success[-1].value.startswith("已将 2 个目标结转到 郑州市 2027 年的草稿")
    page.number_input(key="catalogue_year").set_value(2027).run()
    draft = editor(page, "郑州市", 2027).value
    assert draft[["id", "year", "due_date"]].values.tolist() == [
        ["gdp_growth", "2027", ""],
        ["xinzheng_bonded_zone", "2027", "2027-10-31"],
    ]
    click(page, "save")
    assert page.success[-1].value == (
        "已保存到 catalogues/郑州市/2027.csv：新增 2 个，修改 0 个，删除 0 个。"
    )
    page.selectbox(key="right").set_value(("郑州市", 2027)).run()
    left, right = side_tables(page)
    assert (len(left), len(right)) == (90, 2)
    assert right["目标"].tolist() == ["5%以上", "10月底"]
    overview = next(d.value for d in page.dataframe if "主体" in d.value.columns)
    assert overview[["主体", "年份", "目标数"]].values.tolist() == [
        ["郑州市", 2026, 90],  # issue 15: four targets added
        ["郑州市", 2027, 2],
    ]


def test_an_unreadable_report_file_is_refused_with_its_problem(page):
    page.file_uploader(key="report_file").set_value(("report.docx", b"PK\x03\x04broken", "x"))
    click(page, "propose")
    assert page.error[0].value == "无法读取该报告。"
    assert problems(page).iloc[0][["问题", "修改建议"]].tolist() == [
        "无法读取的 .docx 文件",
        "请用 Word 或 WPS 重新保存",
    ]


def test_keyword_table_saved_by_an_admin(page, sample_ws):
    assert not any(b.key == "save_keywords" for b in page.button)
    login(page, "admin")
    page.session_state["keywords"] = {
        "edited_rows": {},
        "added_rows": [{"keyword": "智算", "department": "市数据局"}],
        "deleted_rows": [],
    }
    ok(page.run())
    click(page, "save_keywords")
    assert page.success[-1].value == "已保存 130 个关键词。"  # 129 shipped + 1
    assert "智算,市数据局" in (sample_ws.data_dir / "department_keywords.csv").read_text("utf-8")


def test_page_in_english(page):
    page.segmented_control(key="lang_choice").set_value("English").run()
    ok(page)
    assert page.title[0].value == "Target catalogue"
    propose(page, DISTRICT, year=2027)
    assert metrics(page)["Proposed targets"] == "3"
