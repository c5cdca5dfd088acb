"""Cell parsers: numbers, periods, milestone states, water classes, units."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from dashboard.core.units import IncompatibleUnits, UnknownUnit, conversion_factor, convert
from dashboard.ingest.cells import (
    CellError,
    Period,
    number_from_cell,
    parse_number,
    parse_period,
    parse_water_class,
)
from dashboard.ingest.grid import column_letter
from dashboard.ingest.milestones import parse_milestone


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("1,552,981", "1552981", ""),
        ("１２３．５", "123.5", ""),
        ("110万吨", "110", "万吨"),
        ("8.5%", "8.5", "%"),
        ("８．５％", "8.5", "%"),
        ("下降0.6%", "-0.6", "%"),
        ("增长5.2%", "5.2", "%"),
        ("-0.6", "-0.6", ""),
        ("1800亿", "1800", "亿"),
        (" 3,000 个 ", "3000", "个"),
        ("1.2e3", "1.2E+3", ""),
        ("…", "0", ""),
        ("1,234.5", "1234.5", ""),
        ("12 345 678", "12345678", ""),
        ("下降1,234.5万元", "-1234.5", "万元"),
        # copied from a web page or a typeset PDF: invisible characters, a true minus sign
        ("2450\u200b", "2450", ""),
        ("\ufeff2,450", "2450", ""),
        ("\u2060\u22120.6%", "-0.6", "%"),
        ("\xa02\u202f450\xa0", "2450", ""),
    ],
)
def test_numbers(text, value, unit):
    n = parse_number(text)
    assert (n.value, n.unit) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["", "—", "-", "--", "——", "－", "/", "N/A", "无"])
def test_no_figure_is_never_zero(text):
    assert parse_number(text).value is None


@pytest.mark.parametrize(
    "text, message",
    [
        ("abc", "'abc' is not a number"),
        ("1e300", "'1e300' is implausibly large"),
        ("nan", "'nan' is not a number"),
        ("12斤两", "'12斤两': unknown unit '斤两'"),
        ("1.2.3", "'1.2.3' is not a number"),
        ("a,b", "'a,b' is not a number"),
    ],
)
def test_bad_numbers(text, message):
    with pytest.raises(CellError) as err:
        parse_number(text)
    assert err.value.message == message and err.value.hint


def test_excel_numbers_and_nan():
    assert number_from_cell(2450).value == Decimal(2450)
    assert number_from_cell(0.1).value == Decimal("0.1")
    for bad in (float("nan"), float("inf"), True, datetime(2026, 1, 2)):
        with pytest.raises(CellError):
            number_from_cell(bad)


@pytest.mark.parametrize(
    "text, period",
    [
        ("2026-03", Period(2026, 3, 3, None)),
        ("2026年3月", Period(2026, 3, 3, None)),
        ("202603", Period(2026, 3, 3, None)),
        ("3月", Period(None, 3, 3, None)),
        ("三月", Period(None, 3, 3, None)),
        ("2026/3", Period(2026, 3, 3, None)),
        ("1-2月", Period(None, 1, 2, True)),
        ("1~2月", Period(None, 1, 2, True)),
        ("1—2月", Period(None, 1, 2, True)),
        ("１－２月", Period(None, 1, 2, True)),
        ("前2个月", Period(None, 1, 2, True)),
        ("前两个月", Period(None, 1, 2, True)),
        ("一季度", Period(None, 1, 3, True)),
        ("2026年一季度", Period(2026, 1, 3, True)),
        ("上半年", Period(None, 1, 6, True)),
        ("1-6月", Period(None, 1, 6, True)),
        ("前三季度", Period(None, 1, 9, True)),
        ("全年", Period(None, 1, 12, True)),
        ("2026年1-10月", Period(2026, 1, 10, True)),
        ("2026Q1", Period(2026, 1, 3, True)),
        ("1至10月", Period(None, 1, 10, True)),
    ],
)
def test_periods(text, period):
    assert parse_period(text) == period


def test_excel_date_cells():
    assert parse_period(datetime(2026, 3, 1)) == Period(2026, 3, 3, None)
    p = parse_period(datetime(2026, 1, 2))  # Excel's reading of "1-2"
    assert (p.start, p.end, p.cumulative) == (1, 2, True) and "1-2月" in p.note
    assert parse_period(date(2026, 10, 31)).end == 10


@pytest.mark.parametrize(
    "text, message",
    [
        ("13月", "month 13 does not exist"),
        ("4-6月", "'4-6月' does not start in January"),
        ("二季度", "'二季度' is a single quarter"),
        ("下个月", "'下个月' is not a period"),
    ],
)
def test_bad_periods(text, message):
    with pytest.raises(CellError) as err:
        parse_period(text)
    assert err.value.message == message


@pytest.mark.parametrize(
    "text, code",
    [
        ("已完成", 2),
        ("建成投用", 2),
        ("推进中", 1),
        ("在建", 1),
        ("未启动", 0),
        ("未开工", 0),
        ("done", 2),
        ("in progress", 1),
        ("1", 1),
        ("2.0", 2),  # an Excel number
        ("已建成通车", 2),
        ("建成并投用", 2),
        ("启动运行", 2),
        ("已完成（9月20日）", 2),
        ("项目已于9月建成投用", 2),
        ("已完成验收", 2),
        ("基本建成", 2),
        ("开工建设", 1),
        ("不断推进", 1),  # 不断 is "continuously", not a negation
        ("Completed.", 2),
        # negated or partial: never done
        ("尚未完成", 1),
        ("暂未完成", 1),
        ("没有完成", 1),
        ("未能按期完成", 1),
        ("不能按期完成", 1),
        ("完成前期手续", 1),
        ("完成70%", 1),
        ("incomplete", 1),
        ("unfinished", 1),
        ("not yet completed", 1),
        ("暂未开工", 0),
        ("尚未启动", 0),
        ("没有开工建设", 0),
        ("not started", 0),
    ],
)
def test_milestone_states(text, code):
    assert parse_milestone(text) == code


@pytest.mark.parametrize("text", ["完善中的", "良好", "—", "not", "3", "未"])
def test_words_without_a_state_are_refused_not_guessed(text):
    with pytest.raises(CellError) as err:
        parse_milestone(text)
    assert err.value.message == f"{text!r} is not a milestone state"


@pytest.mark.parametrize("text", ["1,5", "12,34", "1.234,5", ",5", "1,2,3", "1,234,56", "12 34"])
def test_ambiguous_grouping_is_refused_with_a_hint(text):
    with pytest.raises(CellError) as err:
        parse_number(text)
    assert err.value.message == (
        f"{text!r} has an ambiguous separator: a comma only separates thousands, in groups "
        "of three (as in 1,234,567)"
    )
    assert err.value.hint == (
        "write decimals with a point (1.5), and thousands in groups of three (1,234) or "
        "without separators"
    )


@pytest.mark.parametrize(
    "text, cls", [("Ⅱ类", 2), ("II类", 2), ("Ⅲ", 3), ("2类", 2), ("劣Ⅴ类", 6), ("Ⅰ类", 1)]
)
def test_water_classes(text, cls):
    assert parse_water_class(text) == cls


def test_exact_unit_conversion():
    assert convert(Decimal("1552981"), "万元", "亿元") == Decimal("155.2981")
    assert conversion_factor("吨", "万吨") == Decimal("0.0001")
    assert convert(Decimal("30000"), "个", "万个") == Decimal("3")
    assert convert(Decimal("2"), "亿斤", "万吨") == Decimal("10")
    with pytest.raises(IncompatibleUnits):
        conversion_factor("亿元", "万吨")
    with pytest.raises(IncompatibleUnits):
        conversion_factor("个", "家")
    with pytest.raises(UnknownUnit):
        conversion_factor("斤两", "吨")


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


@pytest.mark.parametrize(
    "text, done_words, code",
    [
        ("已开工", "开工;开工建设", 2),  # starting is the target
        ("已开工", "建成通车;通车", 1),  # starting is a step towards opening
        ("已完工", "开工;开工建设", 2),  # past the start: the start is done too
        ("项目已竣工", "开工;开工建设", 2),
        ("暂未开工", "开工;开工建设", 0),
        ("已建成", "开业;开业运营;营业", 1),  # built is not open
        ("已开业", "开业;开业运营;营业", 2),
        ("已完成", "开业;开业运营;营业", 2),  # a plain 完成 completes anything
        ("部分投用", "建成投用;投用;投入使用", 1),
        ("试运行", "建成;上线运行;投用", 1),
        ("已揭牌", "组建;成立;揭牌", 2),  # a verb only the target names
        ("尚未揭牌", "组建;成立;揭牌", 1),
        ("初稿已完成", "编制完成;印发;出台;发布", 1),  # a draft is a step
        ("正在编制", "编制完成;印发;出台;发布", 1),
        ("征求意见中", "编制完成;印发;出台;发布", 1),
        ("已印发", "编制完成;印发;出台;发布", 2),
        ("主线贯通", "完工;主线完工;贯通", 2),
    ],
)
def test_milestone_states_by_the_targets_own_verbs(text, done_words, code):
    assert parse_milestone(text, done_words) == code
