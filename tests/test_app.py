"""Streamlit pages through AppTest: every page, both languages, upload -> confirm -> overview.

The clock stands at 26 November 2026 (DASHBOARD_TODAY), the shipped samples run to October.
"""

import re
from datetime import datetime
from html import unescape

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.services import reporting
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import PASSWORD, ROOT, TODAY, add_accounts
from tests.durable_state import tables
from tests.files import csv_bytes

APP = str(ROOT / "dashboard" / "app.py")
AT = datetime(2026, 11, 26, 9, 0)


def start(ws, monkeypatch, today: str = "2026-11-26") -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(ws.data_dir))
    monkeypatch.setenv("DASHBOARD_TODAY", today)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    return start(sample_ws, monkeypatch)


def store(ws, rows: list[list], name: str = "nov.csv") -> None:
    """Upload a file through the same service as the page (with the page's checks)."""
    data = csv_bytes([["指标", "时期", "数值", "单位"], *rows])
    with open_store(ws) as con:
        store_preview(con, ws, preview(con, data, name, TODAY), data, "fgw", AT)


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def login(at, name: str, password: str = PASSWORD):
    at.text_input(key="login_name").set_value(name)
    at.text_input(key="login_password").set_value(password)
    button(at, "登录").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """Markdown as a reader sees it: escapes and word joiners gone (user text is escaped)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def texts(at) -> str:
    return shown("\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption))


def cards(at) -> dict[str, str]:
    """Each gauge card's words, by its name (what a person reads under the gauge)."""
    found = {}
    for m in at.markdown:
        if 'class="gauge-card"' in m.value:
            words = re.sub(r"<title>.*?</title>", "", m.value)
            found[m.value] = " | ".join(
                unescape(t).strip() for t in re.findall(r">([^<>]+)<", words) if t.strip()
            )
    return found


def card(at, name: str) -> str:
    """The words of the card whose tooltip starts with `name`."""
    for html, words in cards(at).items():
        if re.search(rf'aria-label="{re.escape(name)} ·', html):
            return words
    raise AssertionError(f"no gauge card for {name}")


def table_row(at, name: str, index: int = 0) -> dict:
    frame = at.dataframe[index].value
    return frame[frame.iloc[:, 0] == name].iloc[0].to_dict()


def show_table(at):
    at.segmented_control(key="overview_view").set_value("table").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


# ---------------------------------------------------------------- overview


@pytest.mark.both_engines
def test_overview_tiles_filter_by_status(app):
    assert app.title[0].value == "目标进度看板 · 2026年10月"
    tiles = {b.key: b.label for b in app.button if (b.key or "").startswith("tile_")}
    # issue 15: 超序时 and 达序时 apart, 未报送 counted; four targets have no samples
    assert list(tiles.values()) == [
        "✖ 滞后 **12**",
        "▲ 略滞后 **9**",
        "↑ 超序时 **14**",
        "● 达序时 **34**",
        "✔ 已完成 **12**",
        "! 逾期未报 **0**",  # 未报送 elsewhere counts 逾期未报 and 暂无数据
        "? 暂无数据 **4**",
        "… 未到评估期 **5**",
    ]
    assert len(cards(app)) == 90 and [s.value for s in app.subheader][:2] == [
        "稳中求进",
        "全国统一大市场",
    ]
    app.button(key="tile_off_track").click().run()
    assert "共12项指标" in texts(app) and len(cards(app)) == 12
    assert app.button(key="tile_off_track").proto.type == "primary"
    app.button(key="tile_off_track").click().run()  # again: every status
    assert len(cards(app)) == 90
    app.text_input(key="f_query").set_value("充电桩").run()
    assert "共1项指标" in texts(app)
    app.text_input(key="f_query").set_value("无此指标").run()
    assert app.info[0].value == "没有符合筛选条件的指标。"


def test_gauge_cards_say_actual_target_gap_and_status_in_words(app):
    assert (
        card(app, "新建电动汽车公共充电桩") == "81.7% | 2,450 / 3,000个 | 差1.6个百分点 | ▲ 欠序时"
    )
    assert card(app, "机场货邮吞吐量") == "75.9% | 83.51 / ≥110万吨 | 差7.4个百分点 | ▲ 欠序时"
    assert card(app, "整车产量") == "85.3% | 128 / ≥150万辆 | 超2.0个百分点 | ↑ 超序时"
    # GDP is quarterly: on the October page its figure is for 前三季度, and says so; with
    # one quarter left, 0.2 points below the bar is off track (issue 15, rule 4)
    assert card(app, "地区生产总值增长") == (
        "4.8% | 目标 ≥5% | 差0.2个百分点 | ✖ 低于目标 | 数据：前三季度"
    )
    html = next(h for h in cards(app) if 'aria-label="新建电动汽车公共充电桩 ·' in h)
    title = re.search(r"<title>(.*?)</title>", html)[1]
    assert title == "新建电动汽车公共充电桩 · ▲ 欠序时 · 2,450 / 3,000个 · 差1.6个百分点"
    assert "#" not in title and "fill" not in title and "001" not in title
    links = {link.label: link.proto for link in app.get("page_link")}
    ev = links["新建电动汽车公共充电桩"]  # the card opens the target's detail page
    assert (ev.page, ev.query_string) == ("detail", "id=ev_chargers")


def test_gauges_sorted_and_filtered_by_gap(app):
    app.selectbox(key="f_gap").set_value("behind_10").run()
    app.selectbox(key="f_sort").set_value("behind_first").run()
    names = [re.search(r'aria-label="([^"]+?) ·', h)[1] for h in cards(app)]
    # heating and zero-carbon parks are judged at their assessment date now (issue 15): no gap
    assert names == ["新建改造供气管网", "自备井用户水源置换", "新增安置面积"]
    assert "共3项指标" in texts(app)
    assert not app.subheader  # in gap order the sections give way to one list


def test_table_view_has_the_numbers_under_the_right_headers(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    # 省市重点项目完成投资 reported for November: the example
    store(sample_ws, [["省市重点项目完成投资", "2026年1-11月", "1790", "亿元"]])
    app = show_table(start(sample_ws, monkeypatch))
    assert app.title[0].value == "目标进度看板 · 2026年11月"
    frame = app.dataframe[0].value
    assert list(frame.columns) == [  # the figures beside the name (a phone shows them)
        "指标",
        "目标",
        "实际",
        "完成率",
        "序时",
        "差(百分点)",
        "状态",
        "数据月份",
        "责任单位",
        "领域",
    ]
    key = table_row(app, "省市重点项目完成投资")
    assert (key["目标"], key["实际"], key["完成率"], key["序时"], key["差(百分点)"]) == (
        "2,000亿元",
        "1,790亿元",
        89.5,
        91.7,
        -2.2,
    )
    # with one month left, any shortfall is off track (issue 15, rule 4)
    assert (key["状态"], key["数据月份"]) == ("滞后", "1—11月")
    ev = table_row(app, "新建电动汽车公共充电桩")  # not reported for November yet
    assert (ev["实际"], ev["序时"], ev["数据月份"]) == ("2,450个", 83.3, "1—10月")
    gdp = table_row(app, "地区生产总值增长")
    assert (gdp["目标"], gdp["实际"], gdp["差(百分点)"]) == ("≥5%", "4.8%", -0.2)
    assert frame["完成率"].dtype.kind == "f" and frame["差(百分点)"].dtype.kind == "f"
    # the gauges of the same page say which month each figure is for
    app.segmented_control(key="overview_view").set_value("gauges").run()
    assert card(app, "省市重点项目完成投资").endswith("✖ 滞后")
    assert card(app, "新建电动汽车公共充电桩").endswith("数据：1—10月")


def test_english_page_speaks_english_throughout(app):
    app.segmented_control(key="lang_choice").set_value("English").run()
    assert app.title[0].value == "Target progress dashboard · Oct 2026"
    assert [s.value for s in app.subheader][:2] == ["Steady progress", "National unified market"]
    assert card(app, "Airport cargo and mail throughput") == (
        "75.9% | 0.8351 / ≥1.1 million t | 7.4 pts behind | ▲ Behind time share"
    )
    show_table(app)
    row = table_row(app, "New public EV charging piles")
    assert (row["Target"], row["Actual"], row["Status"], row["Department"], row["Data month"]) == (
        "3,000 charging piles",  # what the target counts, not the 个's general "units"
        "2,450 charging piles",
        "Behind time share",
        "Development and Reform Commission",
        "Jan–Oct",
    )
    assert not re.search(r"[\u4e00-\u9fff]", " ".join(app.dataframe[0].value["Section"]))


# ---------------------------------------------------------------- months and the clock


def test_no_month_after_today_is_offered(app):
    months = app.selectbox(key="as_of_2026_zh").options
    assert months == [f"2026年{m}月" for m in range(1, 12)]  # 26 November: up to November
    app.selectbox(key="as_of_2026_zh").set_value(6).run()
    assert app.title[0].value == "目标进度看板 · 2026年6月"


def test_the_month_chosen_is_kept_and_named_in_english_after_the_switch(app):
    """The month list kept its Chinese names on the English page ("2026年10月"); a list
    per language showed the default month again, losing the month chosen."""
    app.selectbox(key="as_of_2026_zh").set_value(6).run()
    app.segmented_control(key="lang_choice").set_value("English").run()
    months = app.selectbox(key="as_of_2026_en")
    assert months.options[-1] == "Nov 2026" and months.value == 6
    assert app.title[0].value.endswith("Jun 2026")
    app.segmented_control(key="lang_choice").set_value("中文").run()
    assert app.selectbox(key="as_of_2026_zh").value == 6


def test_early_in_a_month_the_month_is_offered_but_not_before_it(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    app = start(sample_ws, monkeypatch, today="2026-10-05")
    assert app.selectbox(key="as_of_2026_zh").options[-1] == "2026年10月"
    assert app.title[0].value == "目标进度看板 · 2026年10月"
    early = start(sample_ws, monkeypatch, today="2026-09-30")
    assert early.selectbox(key="as_of_2026_zh").options[-1] == "2026年9月"
    assert early.title[0].value == "目标进度看板 · 2026年9月"  # never a month not begun
    before = start(sample_ws, monkeypatch, today="2025-12-31")
    assert before.info[0].value == "2026年尚未开始，还没有可查看的月份。"


# ---------------------------------------------------------------- detail and comments


@pytest.mark.both_engines
def test_detail_comment_boxes_start_empty_and_an_untouched_field_stores_nothing(app, sample_ws):
    login(app, "fgw")
    app.switch_page("ui/detail.py").run()
    app.selectbox(key="target").set_value("ev_chargers").run()
    assert app.title[0].value == "新建电动汽车公共充电桩"
    page = texts(app)
    assert "1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点" in page
    assert "新建电动汽车公共充电桩3000个" in page  # the report's sentence
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {
        "实际": "2,450个",
        "目标": "3,000个",
        "完成率": "81.7%",
        "序时": "83.3%",
        "差距": "差1.6个百分点",
    }
    assert [a.value for a in app.text_area] == ["", ""]
    app.text_area[0].set_value("冬季施工受限")
    button(app, "保存说明").click().run()
    assert app.success[0].value == "已保存。"
    assert [a.value for a in app.text_area] == ["冬季施工受限", ""]
    shown = app.dataframe[-1].value.iloc[0]
    assert shown[["月份", "原因分析", "下步措施", "填报人"]].tolist() == [
        "10月",
        "冬季施工受限",
        "",
        "fgw",
    ]
    with open_store(sample_ws) as con:
        row = reporting.progress(con, 2026, 10).set_index("id").loc["ev_chargers"]
    assert (row["reason"], row["measures"]) == ("冬季施工受限", None)
    app.selectbox(key="target").set_value("public_parking").run()  # another department's
    assert app.caption[-1].value.startswith("责任单位的填报人员登录后可填写")
    assert not [b for b in app.button if b.label == "保存说明"]


# ---------------------------------------------------------------- my department


def test_an_uploader_lands_on_their_department(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    app = login(start(sample_ws, monkeypatch), "fgw")
    assert app.title[0].value == "我的部门 · 2026年10月"
    assert app.caption[0].value == "市发展改革委"
    assert [s.value for s in app.subheader][:2] == ["缺报数据", "滞后指标"]
    lagging = app.dataframe[-1].value
    assert lagging.iloc[0].to_dict() == {
        "指标": "省市重点项目完成投资",
        "差(百分点)": -3.8,
        "本月原因分析": "未填写",
        "状态": "欠序时",
        "目标": "2,000亿元",
        "实际": "1,590亿元",
    }
    assert "新建电动汽车公共充电桩" in set(lagging["指标"])
    labels = [d.label for d in app.get("download_button")]
    assert {"下载 CSV", "下载 Excel"} <= set(labels)
    assert "本表应报" in texts(app)  # the department's own form (tests/test_exports.py)
    names = [link.label for link in app.get("page_link")]
    assert "新建电动汽车公共充电桩" in names and "新建公共停车位" not in names


# ---------------------------------------------------------------- upload


def test_upload_needs_a_login(app):
    app.switch_page("ui/upload.py").run()
    assert app.info[0].value == "上传数据需要以填报人员或管理员身份登录。"
    assert len(app.file_uploader) == 0
    login(app, "guest")
    assert app.info[0].value == "上传数据需要以填报人员或管理员身份登录。"


@pytest.mark.both_engines
def test_upload_confirm_then_overview_updates(app):
    login(app, "fgw")
    app.switch_page("ui/upload.py").run()
    data = csv_bytes(
        [["指标", "时期", "数值", "单位"], ["充电桩", "2026年10月", "2,550", "个"]], "gbk"
    )
    app.file_uploader[0].set_value(("chargers.csv", data, "text/csv")).run()
    assert "chargers.csv · GBK 中文编码文本 · 长表：每行一个数据" in texts(app)
    preview_table = app.dataframe[0].value
    assert preview_table.iloc[0].to_dict() == {
        "行": 2,
        "指标": "新建电动汽车公共充电桩",
        "时期": "2026 1—10月",
        "数值": "2,550个",
        "同时公布的数据": "",
        "类型": "修订 2,450 → 2,550个",  # a revision shows the value it replaces
    }
    button(app, "确认保存").click().run()
    assert app.success[0].value == "已保存上传 #8：1 条数据。"
    # after the save: what was stored and where next, no second confirm for the same file
    assert [h.value for h in app.subheader] == ["已保存的数据"]
    assert app.dataframe[0].value.iloc[0]["数值"] == "2,550个"
    assert not [b for b in app.button if b.label == "确认保存"]
    app.switch_page("ui/overview.py").run()
    row = table_row(show_table(app), "新建电动汽车公共充电桩")
    assert (row["状态"], row["实际"], row["完成率"]) == ("超序时", "2,550个", 85.0)


def test_refusals_are_written_in_the_readers_language(app):
    login(app, "cgj")
    app.switch_page("ui/upload.py").run()
    data = csv_bytes(
        [
            ["指标", "时期", "数值", "单位"],
            ["公共停车位", "2026年10月", "2.7", "万个"],
            ["充电桩", "2026年10月", "2,550", "个"],
            ["公共停车位", "2026年9月", "待核实", "万个"],
        ]
    )
    app.file_uploader[0].set_value(("mixed.csv", data, "text/csv")).run()
    assert app.error[0].value.startswith("文件未通过校验，未保存任何数据")
    problems = app.dataframe[0].value
    assert problems[["行", "列", "问题"]].values.tolist() == [
        [3, "C", "新建电动汽车公共充电桩属于市发展改革委；cgj 负责填报：市城市管理局"],
        [4, "C", "“待核实”不是数字"],
    ]
    assert not re.search(r"[A-Za-z]{4,}", " ".join(problems["问题"] + problems["修改建议"]))
    assert not [b for b in app.button if b.label == "确认保存"]
    app.segmented_control(key="lang_choice").set_value("English").run()
    assert app.dataframe[0].value["Problem"].tolist()[1] == "'待核实' is not a number"


def test_broken_upload_is_refused_with_rows(app):
    login(app, "fgw")
    app.switch_page("ui/upload.py").run()
    data = csv_bytes(
        [
            ["指标", "时期", "数值"],
            ["充电桩", "2026年10月", "很多"],
            ["新建公共充电桩", "2026年10月", "1"],  # a near miss: an error
        ]
    )
    app.file_uploader[0].set_value(("bad.csv", data, "text/csv")).run()
    assert app.error[0].value.startswith("文件未通过校验，未保存任何数据")
    problems = app.dataframe[0].value
    assert problems[["行", "列"]].values.tolist() == [[2, "C"], [3, "A"]]
    assert not [b for b in app.button if b.label == "确认保存"]  # nothing to confirm


# ---------------------------------------------------------------- other pages


def test_completeness_page(app):
    app.switch_page("ui/completeness.py").run()
    assert app.title[0].value == "数据完整性 · 2026年10月"
    summary = app.dataframe[0].value
    assert set(summary.columns) == {"责任单位", "已报", "缺报", "不需报"}
    owing = app.dataframe[1].value  # issue 21: reports due and missing, per department
    assert owing.to_dict("records") == [
        {
            "责任单位": "市人力资源和社会保障局",
            "逾期未报送（项）": 1,
            "最长逾期（天）": 42,
            "逾期指标": "离校未就业高校毕业生跟踪服务全覆盖（9月，逾期42天）",
        },
        {
            "责任单位": "市发展改革委",
            "逾期未报送（项）": 1,
            "最长逾期（天）": 11,
            "逾期指标": "编制低空经济发展规划（10月，逾期11天）",
        },
        {
            "责任单位": "市商务局",
            "逾期未报送（项）": 1,
            "最长逾期（天）": 11,
            "逾期指标": "申建自贸区空港新片区（10月，逾期11天）",
        },
        {
            "责任单位": "市文物局",
            "逾期未报送（项）": 1,
            "最长逾期（天）": 11,
            "逾期指标": "建立文化遗产保护督察制度（10月，逾期11天）",
        },
    ]
    grid = app.dataframe[2].value
    charger = grid[grid["指标"] == "新建电动汽车公共充电桩"].iloc[0]
    assert charger["10月"] == "✔ 已报"
    fai = grid[grid["指标"] == "固定资产投资增长"].iloc[0]
    assert fai["1月"] == "· 不需报"  # 1-2月 indicators owe nothing for January


def test_a_bookmarked_overview_address_opens_the_overview(app):
    """QA: /overview showed Streamlit's English "Page not found" (the front page is "/").
    The browser asks for the page by its path; the page registered under it leads home."""
    pages = app._registered_pages  # what st.navigation told the browser
    assert {p["url_pathname"] for p in pages.values()} >= {"", "overview", "detail"}
    app._page_hash = next(h for h, p in pages.items() if p["url_pathname"] == "overview")
    app.run()
    assert not app.exception and app.title[0].value == "目标进度看板 · 2026年10月"


@pytest.mark.both_engines
def test_every_page_in_english(app):
    app.segmented_control(key="lang_choice").set_value("English").run()
    for page, title in (
        ("ui/detail.py", "GDP growth"),
        ("ui/upload.py", "Upload"),
        ("ui/completeness.py", "Completeness · Oct 2026"),
        ("ui/snapshots.py", "Snapshots and exports"),
    ):
        app.switch_page(page).run()
        assert not app.exception and app.title[0].value == title
    app.switch_page("ui/completeness.py").run()
    assert "Development and Reform Commission" in set(app.dataframe[0].value["Department"])


@pytest.mark.both_engines
def test_snapshots_page_take_and_compare_in_words(app, sample_ws):
    from tests.test_items_store import SCHOOL, SCHOOLS
    from tests.test_items_store import upload as items_upload

    app.switch_page("ui/snapshots.py").run()
    assert not [b for b in app.button if b.label == "拍快照"]  # viewers cannot
    login(app, "admin")
    app.switch_page("ui/snapshots.py").run()
    assert app.info[0].value == "还没有快照。"
    next(x for x in app.text_input if x.label == "备注").set_value("十月例会")
    button(app, "拍快照").click().run()
    assert app.success[0].value == "已保存快照 #1。"
    listing = app.dataframe[0].value
    assert listing[["#", "数据截至", "备注", "拍摄人"]].values.tolist() == [
        [1, "2026年10月", "十月例会", "admin"]
    ]
    assert listing["数据版本"][0] == "截至上传 #7（共 7 次上传）"
    assert listing["规则版本"][0].startswith("目标清单 ")
    assert "总量类落后序时 30 个百分点以内为略滞后" in listing["规则版本"][0]
    assert listing["规则版本"][0].endswith("数据于到期月 15 日前报送")  # every part in words
    labels = [b.label for b in app.get("download_button")] + [b.label for b in app.button]
    assert {"导出 CSV", "导出 XLSX", "生成 PDF", "生成 PNG"} <= set(labels)
    snapshot_table = app.dataframe[-1].value
    key = snapshot_table[snapshot_table["指标"] == "省市重点项目完成投资"].iloc[0]
    assert (key["目标"], key["实际"], key["完成率"]) == ("2,000亿元", "1,590亿元", 79.5)
    store(sample_ws, [["充电桩", "2026年10月", "2550", "个"]], "rev.csv")
    button(app, "拍快照").click().run()
    changes = app.dataframe[1].value
    assert changes.iloc[0].to_dict() == {
        "指标": "新建电动汽车公共充电桩",
        "类型": "状态变化、数据修订",
        "状态": "欠序时 → 超序时",
        "实际": "2,450个 → 2,550个",
        "时期": "1—10月 → 1—10月",
    }
    assert "清单项目" not in [h.value for h in app.subheader]  # no item reported yet
    with open_store(sample_ws) as con:
        items_upload(con, sample_ws, SCHOOLS)
    button(app, "拍快照").click().run()
    frozen = app.dataframe[-1].value  # the named items below the targets, as frozen
    assert frozen.iloc[:, :3].values.tolist() == [
        [SCHOOL, "郑州市第一〇七中学", "已完成"],
        [SCHOOL, "二七区实验学校", "已逾期"],
        [SCHOOL, "中原区须水小学", "已逾期"],
        ["完成积水点治理", "京广路积水点", "已完成"],
    ]


@pytest.mark.both_engines
def test_admin_page_shows_the_audit_log_in_words(app):
    login(app, "admin")
    app.switch_page("ui/admin.py").run()
    log = app.dataframe[0].value
    rows = log[["用户", "操作", "结果"]].values.tolist()  # newest first, every code in words
    assert rows[:2] == [["admin", "登录", "成功"], ["sample-data", "载入示例数据", "已载入"]]
    assert rows[-3:] == [
        ["sample-data", "上传数据", "示例数据"],
        ["system", "载入目标清单", "已载入"],
        ["system", "数据日志", "已开始"],
    ]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", log["时间"].iloc[0])
    assert log["详情"].iloc[1] == "文件 7；0 个文件未通过"
    assert log["详情"].iloc[-2].startswith("文件 targets.csv；校验值 ")
    accounts = app.dataframe[1].value
    assert accounts["用户名"].tolist() == ["admin", "fgw", "cgj", "guest"]
    assert "scrypt" not in accounts.to_string()


def test_the_database_deleted_while_the_dashboard_runs_comes_back_whole(app, sample_ws):
    login(app, "fgw")
    app.switch_page("ui/detail.py").run()
    app.selectbox(key="target").set_value("ev_chargers").run()
    app.text_area[0].set_value("冬季施工受限")
    button(app, "保存说明").click().run()
    assert app.success[0].value == "已保存。"
    before = tables(sample_ws.db_path)
    sample_ws.db_path.unlink()  # someone deletes the file under the running dashboard
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.warning[0].value == (
        "数据库文件 dashboard.duckdb 在运行中被删除，已从数据文件夹的日志重建：没有丢失任何记录。"
    )
    assert app.dataframe[-1].value.iloc[0]["原因分析"] == "冬季施工受限"
    after = tables(sample_ws.db_path)
    # login sessions are not records: after a rebuild, people log in again
    assert {k: v for k, v in after.items() if k not in ("audit", "sessions")} == {
        k: v for k, v in before.items() if k not in ("audit", "sessions")
    }
    assert after["audit"] == before["audit"]
    app.run()
    assert not app.warning  # said once


def test_a_damaged_database_under_the_dashboard_offers_a_rebuild(app, sample_ws):
    before = tables(sample_ws.db_path)
    data = bytearray(sample_ws.db_path.read_bytes())
    data[:64] = b"\0" * 64
    sample_ws.db_path.write_bytes(bytes(data))
    app.run()
    said = shown(app.error[0].value)  # the file name is escaped Markdown
    assert said.startswith("数据库文件 dashboard.duckdb 已损坏，无法读取。")
    assert "/" not in said.split("python -m dashboard rebuild")[0]
    button(app, "从日志重建数据库").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.success[0].value.startswith("已从日志重建数据库：7 次上传，0 条评论，0 个快照，")
    assert app.title[0].value == "目标进度看板 · 2026年10月"
    after = tables(sample_ws.db_path)
    assert after["uploads"] == before["uploads"] and after["figures"] == before["figures"]
    assert [r[3:5] for r in after["audit"][len(before["audit"]) :]] == [("database", "set_aside")]
    assert len(list(sample_ws.data_dir.glob("dashboard.duckdb.damaged-*"))) == 1


def test_a_far_cell_workbook_is_refused_and_the_page_keeps_working(app):
    """It aborted the whole server (calamine asked for 549 GB)."""
    import io

    import openpyxl

    login(app, "fgw")
    app.switch_page("ui/upload.py").run()
    book = openpyxl.Workbook()
    book.active["A1"], book.active["XFD1048576"] = "指标", 1
    far = io.BytesIO()
    book.save(far)
    app.file_uploader[0].set_value(("far.xlsx", far.getvalue(), "application/zip")).run()
    assert app.error[0].value.startswith("文件未通过校验，未保存任何数据")
    problems = app.dataframe[0].value
    assert problems.iloc[0]["问题"].startswith("工作表“Sheet”的已用区域延伸到 XFD1048576")
    data = csv_bytes([["指标", "时期", "数值", "单位"], ["充电桩", "2026年10月", "2,550", "个"]])
    app.file_uploader[0].set_value(("chargers.csv", data, "text/csv")).run()
    assert app.dataframe[0].value.iloc[0]["数值"] == "2,550个"


def test_the_overview_makes_its_pdf_and_audits_it(app, sample_ws):
    """Making a PDF on a page failed: its audit record was written without the workspace."""
    button(app, "生成 PDF").click().run()
    assert not app.exception, [e.value for e in app.exception]
    with open_store(sample_ws) as con:
        made = con.execute("SELECT outcome FROM audit WHERE action = 'export' ORDER BY seq")
        assert made.fetchall() == [("pdf",)]
