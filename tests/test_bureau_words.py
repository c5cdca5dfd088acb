"""Names, titles and metadata lines as statistics tables write them (issue 14)."""

import pytest

from dashboard.ingest.cells import Period
from dashboard.ingest.context import (
    TableContext,
    find_period,
    find_year,
    read_line,
    title_indicator,
)
from dashboard.ingest.names import canonical, match_keys, near_misses, read_label


@pytest.mark.parametrize(
    ("text", "name", "core", "unit", "breakdown", "growth", "basis"),
    [
        ("工业增加值累计增长(%)", "工业增加值累计增长", "工业增加值", "%", False, True, "ytd"),
        ("工业增加值_同比增长(%)", "工业增加值_同比增长", "工业增加值", "%", False, True, "month"),
        (
            "社会消费品零售总额累计值(亿元)",
            "社会消费品零售总额累计值",
            "社会消费品零售总额",
            "亿元",
            False,
            False,
            "ytd",
        ),
        (
            "社会消费品零售总额当期值(亿元)",
            "社会消费品零售总额当期值",
            "社会消费品零售总额",
            "亿元",
            False,
            False,
            "month",
        ),
        (
            "规模以上工业增加值增速（%）",
            "规模以上工业增加值增速",
            "规模以上工业增加值",
            "%",
            False,
            True,
            None,
        ),
        ("地区生产总值（GDP）", "地区生产总值", "地区生产总值", "", False, None, None),
        ("地区生产总值①", "地区生产总值", "地区生产总值", "", False, None, None),
        ("固定资产投资(不含农户)", "固定资产投资", "固定资产投资", "", False, None, None),
        (
            "居民消费价格指数(上年同期=100)",
            "居民消费价格指数",
            "居民消费价格指数",
            "",
            False,
            None,
            None,
        ),
        ("　#制造业", "制造业", "制造业", "", True, None, None),
        (
            "＃规上装备制造业增加值",
            "规上装备制造业增加值",
            "规上装备制造业增加值",
            "",
            True,
            None,
            None,
        ),
        (
            "　其中：规上装备制造业增加值",
            "规上装备制造业增加值",
            "规上装备制造业增加值",
            "",
            True,
            None,
            None,
        ),
        ("其中:工业投资", "工业投资", "工业投资", "", True, None, None),
        ("　　工业投资", "工业投资", "工业投资", "", True, None, None),
        ("旅客吞吐量（万人次）", "旅客吞吐量", "旅客吞吐量", "万人次", False, None, None),
        ("固定资产投资增长", "固定资产投资增长", "固定资产投资", "", False, True, None),
    ],
)
def test_labels_are_taken_apart(text, name, core, unit, breakdown, growth, basis):
    label = read_label(text)
    assert (label.name, label.core, label.unit) == (name, core, unit)
    assert (label.breakdown, label.growth, label.basis) == (breakdown, growth, basis)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("工业增加值累计增长(%)", "工业增加值"),
        ("固定资产投资额累计增长(%)", "固定资产投资"),
        ("全市规上工业增加值", "规模以上工业增加值"),
        ("全省规模工业增加值", "规模以上工业增加值"),
        ("郑州市固定资产投资", "固定资产投资"),
        ("全　市社会消费品零售总额", "社会消费品零售总额"),
    ],
)
def test_match_keys_reach_the_catalogue_wording(text, key):
    assert key in match_keys(read_label(text), ("郑州市",))


def test_short_forms_are_one_key():
    assert canonical("规上工业增加值") == canonical("规模以上工业增加值") == "规模以上工业增加值"
    assert canonical("规模工业增加值") == "规模以上工业增加值"


# alias -> the target name the preview suggests, as the catalogue index shows them
CATALOGUE = {
    canonical(alias): shown
    for shown, aliases in (
        ("新建电动汽车公共充电桩", ("新建电动汽车公共充电桩", "公共充电桩", "充电桩")),
        ("新建公共停车位", ("新建公共停车位", "公共停车位")),
        ("社会消费品零售总额增长", ("社会消费品零售总额增长", "社会消费品零售总额")),
        ("规模以上工业增加值增长", ("规模以上工业增加值增长", "规上工业增加值", "工业增加值")),
        ("规上装备制造业增加值增长", ("规上装备制造业增加值", "装备制造业增加值")),
        ("进出口稳中提质", ("进出口稳中提质",)),
        ("机场货邮吞吐量", ("机场货邮吞吐量", "货邮吞吐量")),
        ("工业投资完成", ("工业投资完成", "工业投资")),
        ("新增绿地", ("新增绿地", "绿地面积")),
    )
    for alias in aliases
}


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("新建公共充电桩", ["新建电动汽车公共充电桩"]),
        ("社会消费品零售总值", ["社会消费品零售总额增长"]),
        ("新增公共充电桩", ["新建电动汽车公共充电桩"]),
        ("新建充电桩", ["新建电动汽车公共充电桩"]),
        ("新增绿地面积", ["新增绿地"]),
        ("新建电动汽车公共充电", ["新建电动汽车公共充电桩"]),
        ("轻工业增加值", []),
        ("制造业增加值", []),
        ("规模以上制造业增加值", []),
        ("进出口总额", []),
        ("国际地区货邮吞吐量", []),
        ("民间投资", []),
        ("重工业", []),
        ("集体企业", []),
        ("工业", []),
    ],
)
def test_near_misses_are_abbreviations_or_one_letter_typos(text, suggested):
    assert near_misses(canonical(read_label(text).core), CATALOGUE) == suggested


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2026年1—10月郑州市主要经济指标", Period(2026, 1, 10, True)),
        ("２０２６年１～２月郑州市主要经济指标", Period(2026, 1, 2, True)),
        ("2026年1–3月", Period(2026, 1, 3, True)),
        ("2026年1至9月各省辖市规模以上工业增加值增长速度", Period(2026, 1, 9, True)),
        ("表1：2026年1-3季度郑州市地区生产总值初步核算数据", Period(2026, 1, 9, True)),
        ("推进情况表（截至10月底）", Period(None, 1, 10, True)),
        ("截至2026年10月31日", Period(2026, 1, 10, True)),
        ("10月止", Period(None, 1, 10, True)),
        ("前9个月累计", Period(None, 1, 9, True)),
        ("前三个月", Period(None, 1, 3, True)),
        ("2026年前三季度", Period(2026, 1, 9, True)),
        ("2026年上半年", Period(2026, 1, 6, True)),
        ("2022年9月社会消费品零售总额", Period(2022, 9, 9, None)),
        ("1—10月累计", Period(None, 1, 10, True)),
        ("比上年同期增长(%)", None),
        ("最近13个月", None),
        ("11-12月", None),
    ],
)
def test_periods_are_found_where_bureaus_put_them(text, period):
    assert find_period(text) == period


def test_years_and_periods_come_from_title_and_metadata_lines():
    ctx = TableContext()
    for line in (
        "数据库：月度数据",
        "地区：郑州市",
        "时间：2026年",
        "指标：工业增加值_累计增长(%)",
    ):
        ctx = read_line(ctx, line)
    assert (ctx.year, ctx.period, ctx.entity) == (2026, None, "郑州市")
    assert ctx.indicator == "工业增加值_累计增长(%)"
    assert ctx.where == {"entity": "metadata", "year": "metadata", "indicator": "metadata"}


def test_a_filled_in_date_is_not_the_period():
    ctx = read_line(TableContext(), "市发展改革委2026年重点指标推进情况表（截至10月底）")
    ctx = read_line(ctx, "填报单位：市发展改革委 填报时间：2026年11月5日")
    assert (ctx.year, ctx.period) == (2026, Period(2026, 1, 10, True))


def test_a_span_of_years_names_no_period():
    ctx = read_line(TableContext(), "郑州机场货邮吞吐量统计（2025年1月–2026年10月）")
    assert (ctx.year, ctx.period) == (None, None)
    assert find_year("2026年") == 2026


@pytest.mark.parametrize(
    ("line", "unit"), [("单位：亿元", "亿元"), ("单位：亿元、%", ""), ("计量单位：万吨", "万吨")]
)
def test_unit_lines(line, unit):
    assert read_line(TableContext(), line).unit == unit


def test_an_indicator_named_only_in_the_title():
    text = title_indicator("2026年1至9月各省辖市规模以上工业增加值增长速度")
    assert read_label(text).core == "规模以上工业增加值"
