"""The catalogue: every target of the report, checked against its text; loading rules."""

import hashlib
import re
from datetime import date

import pytest

from dashboard.core.problems import CatalogueError
from dashboard.core.vocab import TARGET_COLUMNS as COLUMNS
from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.services.database import open_store, sync_catalogue
from dashboard.store import catalogue as store_catalogue
from dashboard.store.connection import connect
from dashboard.store.schema import ensure_schema
from tests.conftest import DATA, REPORT


def by_name(catalogue, name_zh):
    rows = catalogue[catalogue["name_zh"] == name_zh]
    assert len(rows) == 1, name_zh
    return rows.iloc[0]


@pytest.mark.parametrize(
    "name_zh, value, low, high, unit, comparator, direction",
    [
        ("地区生产总值增长", 5, None, None, "%", "at_least", "higher"),
        ("固定资产投资增长", 5, None, None, "%", "about", "higher"),
        ("规模以上工业增加值增长", 8.5, None, None, "%", "about", "higher"),
        ("社会消费品零售总额增长", 5.5, None, None, "%", "about", "higher"),
        ("一般公共预算收入增长", 2, None, None, "%", "exactly", "higher"),
        ("新增国际航线", None, 5, 8, "条", "range", "higher"),
        ("机场货邮吞吐量", 110, None, None, "万吨", "at_least", "higher"),
        ("跨境电商交易额", 1800, None, None, "亿元", "at_least", "higher"),
        ("入库国家科技型中小企业", 8000, None, None, "家", "at_least", "higher"),
        ("计算机整机产量", 200, None, None, "万台", "at_least", "higher"),
        ("整车产量", 150, None, None, "万辆", "at_least", "higher"),
        ("新建电动汽车公共充电桩", 3000, None, None, "个", "exactly", "higher"),
        ("新建公共停车位", 3, None, None, "万个", "exactly", "higher"),
        ("公共停车场试点项目", None, 1, 2, "个", "range", "higher"),
        ("新发展天然气用户", 6.5, None, None, "万户", "exactly", "higher"),
        ("改造新建高标准农田", 9.7, None, None, "万亩", "exactly", "higher"),
        ("粮食种植面积", 446, None, None, "万亩", "at_least", "higher"),
        ("粮食产量", 29, None, None, "亿斤", "at_least", "higher"),
        ("单位产值增加值能耗下降", 4, None, None, "%", "decrease", "lower"),
        ("县级以上集中式饮用水源地取水水质达标率", 100, None, None, "%", "maintain", "higher"),
        ("南水北调总干渠水质", 2, None, None, "类", "maintain", "lower"),
        ("高新技术产品出口占比", 60, None, None, "%", "at_least", "higher"),
        ("新增城镇就业", 12.9, None, None, "万人", "exactly", "higher"),
        ("组织职业技能培训", 4.8, None, None, "万人次", "at_least", "higher"),
        ("新增学位", 9870, None, None, "个", "exactly", "higher"),
        ("基本医保参保", 1050, None, None, "万人", "at_least", "higher"),
        ("新增安置面积", 900, None, None, "万平方米", "at_least", "higher"),
    ],
)
def test_spot_checks_against_report(
    catalogue, name_zh, value, low, high, unit, comparator, direction
):
    row = by_name(catalogue, name_zh)
    assert (row["unit"], row["comparator"], row["direction"]) == (unit, comparator, direction)
    for col, want in (("target_value", value), ("target_low", low), ("target_high", high)):
        assert (row[col] is None or row[col] != row[col]) if want is None else row[col] == want


def test_baselines_from_the_report(catalogue):
    gdp = by_name(catalogue, "地区生产总值增长")
    assert (gdp["baseline_value"], gdp["baseline_unit"], gdp["baseline_growth_pct"]) == (
        1.52,
        "万亿元",
        5.4,
    )
    assert by_name(catalogue, "规模以上工业增加值增长")["baseline_growth_pct"] == 9
    assert by_name(catalogue, "社会消费品零售总额增长")["baseline_growth_pct"] == 5
    assert by_name(catalogue, "一般公共预算收入增长")["baseline_growth_pct"] == 2.3


def test_milestone_due_dates(catalogue):
    assert by_name(catalogue, "新郑综保区扩区提质启动运行")["due_date"] == date(2026, 10, 31)
    assert by_name(catalogue, "郑洛高速建成通车")["due_date"] == date(2026, 12, 31)
    milestones = catalogue[catalogue["comparator"] == "milestone"]
    # issue 15: 申建自贸区空港新片区, 编制低空经济发展规划, 建立文化遗产保护督察制度 added
    assert len(milestones) == 23 and milestones["due_date"].notna().all()


def test_catalogue_covers_the_report(catalogue):
    assert len(catalogue) == 90  # issue 15 added four targets the catalogue missed
    assert catalogue["id"].is_unique
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in catalogue["id"])
    qualitative = set(catalogue.loc[catalogue["comparator"] == "qualitative", "name_zh"])
    assert qualitative == {"进出口稳中提质", "居民收入增长与经济增长同步"}
    assert set(catalogue["entity"]) == {"郑州市"} and set(catalogue["year"]) == {2026}


@pytest.mark.skipif(not REPORT.exists(), reason="the report is kept in ../shared/reference")
def test_every_source_sentence_is_verbatim_in_the_report(catalogue):
    text = _joined(REPORT.read_text("utf-8"))
    missing = [r.id for r in catalogue.itertuples() if r.source_text not in text]
    assert missing == []
    # and every number of a numeric target appears in its own sentence ("全覆盖" is 100%)
    for r in catalogue.itertuples():
        for v in (r.target_value, r.target_low, r.target_high):
            if v == v and v is not None and r.comparator != "maintain":
                words = r.source_text.replace("全覆盖", "100")
                assert f"{v:g}" in words, (r.id, v)


def _joined(report: str) -> str:
    """The report as printed: a paragraph cut at the page break ("培育龙" / "头企业")
    runs on into the next one."""
    return re.sub(r"([^。！？”\n])\n\n(?=\S)", r"\1", report)


@pytest.mark.skipif(not REPORT.exists(), reason="the report is kept in ../shared/reference")
def test_sentences_cut_at_the_page_break_are_restored_whole(catalogue):
    rows = catalogue.set_index("id")
    assert rows.loc["equipment_leaders", "source_text"].startswith("依托中铁装备")
    assert "培育龙头企业5家以上" in rows.loc["equipment_va_growth", "source_text"]
    assert rows.loc["parking_pilots", "source_text"] == (
        "新建电动汽车公共充电桩3000个、公共停车位3万个，打造1-2个公共停车场试点项目。"
    )


def test_new_columns_say_how_each_target_is_judged(catalogue):
    rows = catalogue.set_index("id")
    assert (catalogue["assessment_reason"] != "").all()
    assert rows.loc["medical_insurance_enrolment", "assessment"] == "year_end"
    assert rows.loc["hightech_export_share", "measure"] == "ytd_share"
    assert rows.loc["trading_enterprises", "measure"] == "ytd_distinct"
    assert rows.loc["energy_intensity", ["nature", "publication_lag"]].tolist() == ["binding", 6]
    assert rows.loc["zhengkai_avenue_start", "done_words"] == "开工;开工建设"
    heating = rows.loc["heating_area"]  # judged before the heating season; the report gives no date
    assert (heating["assessment_date"], heating["due_date"]) == (date(2026, 11, 15), None)
    interview = set(catalogue.loc[catalogue["source_doc"] == "mayor_interview", "id"])
    assert interview == {
        "software_industry_scale",
        "resettlement_area",
        "waterlogging_points",
        "zhengzhou_symphony",
        "huayuankou_water_class",
        "low_altitude_plan",
    }
    assert set(catalogue.loc[catalogue["assessment"] == "items", "id"]) == {
        "parking_pilots",
        "new_schools",
        "waterlogging_points",
    }


def test_targets_the_catalogue_missed_are_there(catalogue):
    rows = catalogue.set_index("name_zh")
    coverage = rows.loc["离校未就业高校毕业生跟踪服务全覆盖"]
    # 全覆盖: a share of 100% held, judged on the year (as the proposal rules read coverage)
    assert (coverage["target_value"], coverage["unit"], coverage["comparator"]) == (
        100,
        "%",
        "maintain",
    )
    assert coverage["assessment"] == "year_end"
    for name in ("编制低空经济发展规划", "申建自贸区空港新片区", "建立文化遗产保护督察制度"):
        assert rows.loc[name, "comparator"] == "milestone"


def test_an_assessment_must_fit_the_kind_of_target():
    extra = "assessment,assessment_reason"
    header = ",".join(COLUMNS) + "," + extra
    good = {**GOOD, "assessment": "linear", "assessment_reason": "r"}
    rate = {**GOOD, "id": "b", "kind": "growth", "unit": "%", "measure": "ytd_growth"}
    lines = [header] + [
        ",".join(str(r.get(c, "")) for c in [*COLUMNS, "assessment", "assessment_reason"])
        for r in (good, {**rate, "assessment": "linear", "assessment_reason": "r"})
    ]
    with pytest.raises(CatalogueError) as err:
        parse_catalogue("\n".join(lines) + "\n")
    assert [p.line().split(" — ")[0] for p in err.value.problems] == [
        "targets.csv:3:assessment: assessment 'linear' does not fit a rate target"
    ]


def _csv(rows: list[dict]) -> str:
    lines = [",".join(COLUMNS)]
    for r in rows:
        lines.append(",".join(str(r.get(c, "")) for c in COLUMNS))
    return "\n".join(lines) + "\n"


GOOD = {
    "id": "a",
    "entity": "某区",
    "year": 2026,
    "section": "s",
    "name_zh": "甲",
    "name_en": "A",
    "kind": "amount",
    "comparator": "at_least",
    "direction": "higher",
    "target_value": 10,
    "unit": "亿元",
    "frequency": "monthly",
    "measure": "ytd",
    "department": "d",
    "source_text": "x",
}


def test_malformed_catalogue_lists_every_problem_by_row_and_column():
    rows = [
        GOOD,
        {**GOOD, "id": "b", "kind": "amountx"},
        {**GOOD, "id": "c", "target_value": ""},
        {**GOOD, "id": "d", "comparator": "range", "target_low": 8, "target_high": 5},
        {**GOOD, "id": "a"},
        {
            **GOOD,
            "id": "f",
            "comparator": "milestone",
            "kind": "milestone",
            "due_date": "2026-13-01",
        },
        {**GOOD, "id": "g", "unit": "斤两"},
        {**GOOD, "id": "h", "direction": ""},
    ]
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(_csv(rows))
    lines = [p.line().split(" — ")[0] for p in err.value.problems]
    assert lines == [
        "targets.csv:3:kind: unknown kind 'amountx'",
        "targets.csv:4:target_value: a at_least target needs a number",
        "targets.csv:5:target_low: range low 800 million yuan is above high 500 million yuan",
        "targets.csv:6:id: duplicate id 'a'",
        "targets.csv:7:due_date: bad date '2026-13-01'",
        "targets.csv:8:unit: unknown unit '斤两'",
        "targets.csv:9:direction: empty",
    ]


def test_several_entities_and_years_side_by_side():
    rows = [GOOD, {**GOOD, "year": 2027}, {**GOOD, "entity": "另一区"}]
    frame = parse_catalogue(_csv(rows))
    assert len(frame) == 3


@pytest.mark.both_engines
def test_loading_twice_gives_the_same_database(empty_ws):
    with open_store(empty_ws) as con:
        first = store_catalogue.targets(con)
        assert sync_catalogue(con, empty_ws) is False  # unchanged file: nothing to do
    with open_store(empty_ws) as con:
        second = store_catalogue.targets(con)
    assert first.equals(second) and len(first) == 90


@pytest.mark.both_engines
def test_broken_catalogue_leaves_database_as_it_was(empty_ws):
    with open_store(empty_ws) as con:
        before = store_catalogue.targets(con)
    text = empty_ws.targets_csv.read_text("utf-8")
    empty_ws.targets_csv.write_text(text.replace(",at_least,", ",at_leastt,", 1), "utf-8")
    with pytest.raises(CatalogueError) as err:
        with open_store(empty_ws):
            pass
    assert err.value.problems[0].line().startswith("targets.csv:2:comparator: unknown")
    with connect(empty_ws.db_path) as con:
        assert store_catalogue.targets(con).equals(before)


@pytest.mark.both_engines
def test_edited_catalogue_is_picked_up_and_keeps_figures(sample_ws):
    with open_store(sample_ws) as con:
        n_figures = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    text = sample_ws.targets_csv.read_text("utf-8")
    sample_ws.targets_csv.write_text(
        text.replace("公共充电桩3000个、", "公共充电桩3000个、", 1).replace(
            ",3000,,,个,", ",3200,,,个,"
        ),
        "utf-8",
    )
    with open_store(sample_ws) as con:
        t = store_catalogue.targets(con)
        assert t.loc[t["id"] == "ev_chargers", "target_value"].item() == 3200
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == n_figures > 0


def test_load_targets_in_memory_is_idempotent(mem, catalogue):
    ensure_schema(mem)
    digest = hashlib.sha256(b"x").hexdigest()
    assert store_catalogue.load_targets(mem, catalogue, digest) is True
    assert store_catalogue.load_targets(mem, catalogue, digest) is False
    assert mem.execute("SELECT count(*) FROM targets").fetchone()[0] == 90


def test_shipped_catalogue_file_is_utf8_without_bom():
    assert not (DATA / "targets.csv").read_bytes().startswith(b"\xef\xbb\xbf")
