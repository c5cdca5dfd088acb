"""An amount is never stored as a growth rate, nor a growth rate as an amount.

'指标 | 1-10月累计 | 比上年同期增长(%)' under a '…2026年10月…' title: 5000 is the 1—10月 amount
(the companion of the pair), 5.9 the 1—10月 growth rate. Before, the amount column (a
header naming a period and 累计 but no measure, no unit) was read as the growth target's
figure and stored as 5000%, while the rate took the title's single month and was set aside.
"""

import pytest

from dashboard.core.messages import text
from dashboard.ingest.parse import parse_upload
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.services.database import open_store
from dashboard.services.uploading import preview
from tests.files import csv_bytes

TODAY = (2026, 11)
TITLE = ["郑州市2026年10月主要经济指标"]
FIGURE = ["id", "period_start", "period_end", "basis", "value", "companion_value", "companion_unit"]


@pytest.fixture(scope="module")
def index(catalogue) -> CatalogueIndex:
    return CatalogueIndex.build(catalogue)


def parse(index, *rows: list):
    return parse_upload(csv_bytes([TITLE, *rows]), "t.csv", index, TODAY)


def figures(parsed) -> list[tuple]:
    frame = parsed.figures[FIGURE].astype(object)
    return [tuple(r) for r in frame.where(frame.notna(), None).itertuples(index=False)]


def keys(parsed) -> list[tuple]:
    return [(p.row, p.column, p.key, p.severity) for p in parsed.problems]


def test_the_reviewers_table_stores_the_rate_of_1_to_10_with_its_amount(empty_ws):
    data = csv_bytes(
        [TITLE, ["指标", "1-10月累计", "比上年同期增长(%)"], ["社会消费品零售总额", "5000", "5.9"]]
    )
    with open_store(empty_ws) as con:
        pv = preview(con, data, "zz.csv", TODAY)
    assert figures(pv) == [("retail_sales_growth", 1, 10, "ytd", 5.9, 5000.0, "")]
    # the amount's unit is nowhere in the table: said, not guessed
    assert keys(pv) == [(3, "B", "figure.companion_unit_unknown", "warning")]
    assert pv.ok
    (warning,) = pv.problems
    assert text(warning.key, "zh", **warning.params) == (
        "与增速并列的总量 5000 未注明单位：按原数保存，单位未知"
    )
    assert text(warning.hint_key, "en") == (
        "name the unit in the header (1-10月累计(亿元)), or add a 单位 column or a "
        "'单位：亿元' line"
    )


@pytest.mark.parametrize(
    ("header", "row", "companion", "column"),
    [
        (  # month and year-to-date, each with its own rate
            ["指标", "本月", "1-10月累计", "本月增长(%)", "累计增长(%)"],
            ["社会消费品零售总额", "520", "5000", "4.1", "5.9"],
            (5000.0, ""),
            "C",
        ),
        (  # a 单位 column gives the amount's unit; '1-10月' beside '增长(%)' is the amount
            ["指标", "单位", "1-10月", "增长(%)"],
            ["社会消费品零售总额", "亿元", "5000", "5.9"],
            (5000.0, "亿元"),
            None,
        ),
        (  # the unit in the amount's header
            ["指标", "1-10月累计(亿元)", "比上年同期增长(%)"],
            ["社会消费品零售总额", "5000", "5.9"],
            (5000.0, "亿元"),
            None,
        ),
    ],
)
def test_a_pair_stores_the_rate_and_keeps_the_amount(index, header, row, companion, column):
    parsed = parse(index, header, row)
    assert figures(parsed) == [("retail_sales_growth", 1, 10, "ytd", 5.9, *companion)]
    assert keys(parsed) == (
        [(3, column, "figure.companion_unit_unknown", "warning")] if column else []
    )


def test_the_rate_alone_is_the_year_to_date_rate(index):
    parsed = parse(index, ["指标", "比上年同期增长(%)"], ["社会消费品零售总额", "5.9"])
    assert figures(parsed) == [("retail_sales_growth", 1, 10, "ytd", 5.9, None, None)]
    assert keys(parsed) == []


def test_a_row_that_says_it_is_a_rate_is_one_under_a_cumulative_header(index):
    parsed = parse(index, ["指标", "1-10月累计"], ["社会消费品零售总额增速(%)", "5.9"])
    assert figures(parsed) == [("retail_sales_growth", 1, 10, "ytd", 5.9, None, None)]


@pytest.mark.parametrize(
    ("header", "row", "column", "cell"),
    [
        (["指标", "1-10月累计"], ["社会消费品零售总额", "5000"], "B", "5000"),
        (["指标", "本月", "1-10月累计"], ["社会消费品零售总额", "520", "5000"], "C", "5000"),
        (["指标", "绝对额"], ["社会消费品零售总额", "5000"], "B", "5000"),
    ],
)
def test_an_amount_alone_is_never_a_growth_rate(index, header, row, column, cell):
    parsed = parse(index, header, row)
    assert figures(parsed) == []
    (skip,) = parsed.skipped
    assert (skip.row, skip.key) == (3, "skip.amount_not_rate")
    assert skip.reason_in("zh") == (
        f"社会消费品零售总额增长：{column} 列的“{cell}”是总量（绝对额），"
        "不是本目标所用的增速（%），未入库；请给出增速列（如“比上年同期增长(%)”），或把增速写在该列的表头（如“累计增长(%)”）"
    )
    # nothing to store: the file asks for the figures, not for names to be mapped
    assert [(p.key, p.hint_key) for p in parsed.problems] == [
        ("file.no_catalogue_figure", "hint.fill_figures")
    ]


@pytest.mark.parametrize(
    ("name", "unit"),
    [("工业投资完成", "亿元"), ("有进出口实绩的企业", "家"), ("粮食种植面积", "万亩")],
)
def test_a_growth_rate_alone_is_never_an_amount(index, name, unit):
    parsed = parse(index, ["指标", "增长"], [name, "5.9"])
    assert figures(parsed) == []
    (skip,) = parsed.skipped
    assert (skip.row, skip.key) == (3, "skip.rate_not_amount")
    assert skip.reason_in("en") == (
        f"{name}: '5.9' in column B is a growth rate (%), not the amount ({unit}) the target "
        "uses: not stored; give the amount in a column of its own (such as 1-10月累计)"
    )


def test_an_amount_target_keeps_the_rate_as_its_companion(index):
    parsed = parse(
        index,
        ["指标", "1-10月累计", "比上年同期增长(%)"],
        ["工业投资完成", "300", "5.9"],
        ["有进出口实绩的企业", "1200", "3.1"],
    )
    assert figures(parsed) == [
        ("industrial_investment", 1, 10, "ytd", 300.0, 5.9, "%"),
        ("trading_enterprises", 1, 10, "ytd", 1200.0, 3.1, "%"),
    ]
    assert keys(parsed) == []


def test_a_cumulative_header_over_a_plain_one_is_an_amount(index):
    """'1-10月累计' spanning '数值' in a second header row: the amount, not a rate."""
    parsed = parse(index, ["指标", "1-10月累计"], [None, "数值"], ["社会消费品零售总额", "5000"])
    assert figures(parsed) == []
    assert [(s.row, s.key) for s in parsed.skipped] == [(4, "skip.amount_not_rate")]


@pytest.mark.parametrize("amount", ["1-10月", "1-10月累计"])
def test_places_down_the_side_pair_the_same_way(index, amount):
    """A 指标 line over places down the first column: '1-10月 | 增长(%)' is a pair too (it
    refused the file, two values for one period, or stored 5000 as the rate)."""
    rows = [["指标：社会消费品零售总额"], ["地区", amount, "增长(%)"], ["郑州市", "5000", "5.9"]]
    parsed = parse(index, *rows)
    assert figures(parsed) == [("retail_sales_growth", 1, 10, "ytd", 5.9, 5000.0, "")]
    assert keys(parsed) == [(4, "B", "figure.companion_unit_unknown", "warning")]
