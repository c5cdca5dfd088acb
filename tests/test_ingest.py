"""Uploads as officials produce them: every accepted value equals the file's figure in the
catalogue's unit; every broken row is named with its line, column and a fix hint."""

import codecs
import sys

import pytest

from dashboard.core.messages import Names
from dashboard.core.problems import IngestError, errors, warnings
from dashboard.ingest.names import NearMisses, _without_verb, canonical, read_label
from dashboard.ingest.parse import parse_upload
from dashboard.ingest.resolve import SUGGESTION_CANDIDATES, CatalogueIndex
from dashboard.ingest.validate import MAX_SUGGESTED
from tests.conftest import ROOT, TODAY
from tests.files import csv_bytes, excel_date, xlsx_bytes

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402


@pytest.fixture(scope="module")
def index(catalogue):
    return CatalogueIndex.build(catalogue)


def parse(data: bytes, index, name="f.csv"):
    return parse_upload(data, name, index, TODAY)


def values(parsed) -> dict:
    f = parsed.figures
    return {(r.id, r.period_start, r.period_end, r.basis): r.value for r in f.itertuples()}


def lines(problems) -> list[str]:
    return [p.line().split(" — ")[0] for p in problems]


def test_gbk_long_table_with_title_unit_row_and_footnote(index):
    data = csv_bytes(
        [
            ["2026年1-3月郑州市重点指标完成情况"],
            ["单位：万吨"],
            ["指标", "时期", "累计值"],
            ["机场货邮吞吐量", "1-2月", "13.3"],
            ["机场货邮吞吐量", "3月", "21.1"],
            ["注：数据为初步统计"],
            ["机场货邮吞吐量", "4月", "abc"],
        ],
        "gbk",
    )
    p = parse(data, index)
    assert p.encoding == "gbk/gb18030" and p.layout == "long" and p.ok
    assert values(p) == {("airport_cargo", 1, 2, "ytd"): 13.3, ("airport_cargo", 1, 3, "ytd"): 21.1}
    assert list(p.figures["source_row"]) == [4, 5]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings_decode_to_the_same_figures(index, encoding):
    rows = [
        ["指标名称", "时期", "数值", "单位"],
        ["新建电动汽车公共充电桩", "2026年10月", "2,450", "个"],
    ]
    delimiter = "\t" if encoding == "utf-16" else ","
    p = parse(csv_bytes(rows, encoding, delimiter), index)
    assert values(p) == {("ev_chargers", 1, 10, "ytd"): 2450.0}


def test_unknown_encoding_is_refused_not_garbled(index):
    data = "指标,时期,数值\n充电桩,2026-10,1\n".encode()[:-3] + b"\xff\xfe\x00\x81"
    with pytest.raises(IngestError) as err:
        parse(b"\x80\x81\x82" + bytes(range(0x80, 0xA0)) * 20, index)
    assert "cannot tell the file's text encoding" in err.value.problems[0].message
    assert data  # the first bytes alone would decode; junk never does silently


def refused(data: bytes, index) -> list[str]:
    with pytest.raises(IngestError) as err:
        parse(data, index)
    return [p.line() for p in err.value.problems]


def test_rows_of_two_encodings_are_refused_naming_the_line(index):
    """Rows pasted from a GBK export under a UTF-8 one: 'cannot tell the encoding' said
    nothing of where; the line that differs is named."""
    data = (
        "指标,时期,累计值\n充电桩,2026年1-9月,2450\n".encode()
        + "整车产量,2026年1-9月,50\n".encode("gbk")
    )
    assert refused(data, index) == [
        "f.csv:3:-: the file mixes two text encodings: line 3 is not UTF-8, while line 1 is"
        " — copy the rows into one sheet and save it as “CSV UTF-8” or as .xlsx"
    ]


def test_gbk_rows_after_a_utf8_bom_are_refused_naming_their_line(index):
    """'broken utf-8-sig text at byte 77' named no line, and the byte counted from after
    the BOM."""
    data = codecs.BOM_UTF8 + "指标,时期,累计值\n充电桩,2026年1-9月,2450\n".encode()
    data += "整车产量,2026年1-9月,50\n".encode("gbk")
    assert refused(data, index) == [
        "f.csv:3:-: the file starts as UTF-8 text, but line 3 (at byte 56) is not — save the "
        "file again from Excel as “CSV UTF-8”"
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16"])
def test_a_nul_byte_is_refused_at_its_line_and_column(index, encoding):
    data = "指标,时期,累计值\n充电桩,2026年1-9月,24\x0050\n".encode(encoding)
    assert refused(data, index) == [
        "f.csv:2:C: line 2, column C holds the control character U+0000 (not text; the file "
        "may be damaged) — delete the character (or export the table again) and upload it again"
    ]


def workbook(*sheets: tuple[str, list[list], bool]) -> bytes:
    """An .xlsx of (name, rows, hidden) sheets, in that order."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, hidden in sheets:
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = "hidden" if hidden else "visible"
    book.active = next(i for i, (_, _, hidden) in enumerate(sheets) if not hidden)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def chargers(value) -> list[list]:
    return [["指标", "时期", "累计值"], ["新建电动汽车公共充电桩", "2026年1-9月", value]]


def test_a_hidden_sheet_is_never_read_and_every_sheet_not_read_is_said(index):
    """The hidden first sheet (last month's 1,111) was stored over the visible 2,450; a
    说明 sheet before the data refused the file; other sheets were dropped unsaid."""
    data = workbook(
        ("旧", chargers(1111), True),
        ("说明", [["本表由市发展改革委填报"]], False),
        ("数据", chargers(2450), False),
        ("10月", chargers(2600), False),
    )
    p = parse_upload(data, "f.xlsx", index, TODAY)
    assert p.ok and values(p) == {("ev_chargers", 1, 9, "ytd"): 2450.0}
    assert [w.line() for w in warnings(p.problems)] == [
        f"f.xlsx:0:-: {what} was not read (only sheet '数据' was) — to upload its figures, "
        "save that sheet as a file of its own and upload it"
        for what in ("the hidden sheet '旧'", "sheet '说明'", "sheet '10月'")
    ]


def test_an_empty_first_sheet_is_passed_over_not_called_damaged(index):
    data = workbook(("空", [], False), ("数据", chargers(2450), False))
    assert values(parse_upload(data, "f.xlsx", index, TODAY)) == {
        ("ev_chargers", 1, 9, "ytd"): 2450.0
    }


def test_a_workbook_whose_data_is_all_hidden_is_refused_saying_so(index):
    data = workbook(("空", [], False), ("数据", chargers(2450), True), ("旧", chargers(2400), True))
    with pytest.raises(IngestError) as err:
        parse_upload(data, "f.xlsx", index, TODAY)
    assert [p.line() for p in err.value.problems] == [
        "f.xlsx:0:-: only hidden sheets (数据, 旧) hold data, and hidden sheets are not read — "
        "unhide the sheet to upload in Excel or WPS, save and upload again"
    ]  # listed as each language lists names
    assert (
        err.value.problems[0]
        .line("zh")
        .startswith("f.xlsx:0:-: 工作簿中只有隐藏的工作表（数据、旧）有数据")
    )


@pytest.mark.parametrize("cell", ["-", "—", "/", ""])
def test_a_file_of_dashes_is_refused_asking_for_figures_not_names(index, cell):
    """Its rows are catalogue indicators: 'none is a catalogue indicator; map a name'
    sent the official the wrong way."""
    p = parse(
        csv_bytes([["指标", "时期", "累计值"], ["新建电动汽车公共充电桩", "2026年1-9月", cell]]),
        index,
    )
    assert [e.line() for e in errors(p.problems)] == [
        "f.csv:0:-: no catalogue figure in the file: all 1 data row(s) skipped (see the rows "
        "and why) — none of them has a figure its target uses: the value is blank or a dash "
        "(—, -, /), or another measure (a growth rate where the target counts an amount); "
        "fill in the figures the targets use and upload again"
    ]


def test_units_and_multipliers_are_converted_exactly(index):
    rows = [
        ["indicator", "period", "value", "unit"],
        ["airport_cargo", "2026-03", "211,000", "吨"],
        ["cross_border_ecommerce", "2026年一季度", "3,900,000", "万元"],
        ["public_parking", "2026-10", "26,000", "个"],
        ["gas_users", "2026-10", "5.6万", ""],
        ["key_project_investment", "2026-10", "1590亿", ""],
        ["well_replacement", "2026-10", "6,200户", ""],
        ["grain_area", "2026-09", "2,976,000,000平方米", ""],
    ]
    p = parse(csv_bytes(rows), index)
    assert p.ok, lines(p.problems)
    v = values(p)
    assert v[("airport_cargo", 1, 3, "ytd")] == 21.1
    assert v[("cross_border_ecommerce", 1, 3, "ytd")] == 390.0
    assert v[("public_parking", 1, 10, "ytd")] == 2.6
    assert v[("gas_users", 1, 10, "ytd")] == 5.6
    assert v[("key_project_investment", 1, 10, "ytd")] == 1590.0
    assert v[("well_replacement", 1, 10, "ytd")] == 0.62
    assert v[("grain_area", 9, 9, "level")] == 446.4


def test_units_in_headers_full_width_parentheses(index):
    rows = [["指标", "时期", "累计完成（吨）"], ["机场货邮吞吐量", "2026年1-10月", "835,100"]]
    p = parse(csv_bytes(rows, "utf-8-sig"), index)
    assert values(p) == {("airport_cargo", 1, 10, "ytd"): 83.51}


def test_bureau_table_with_merged_two_row_header_xlsx(index):
    rows = [
        ["2026年1—3月郑州市主要经济指标"],
        ["指标", "3月", None, "1—3月", None],
        [None, "绝对量", "同比增长(%)", "绝对量", "同比增长(%)"],
        ["社会消费品零售总额(亿元)", "406.3", "4.2", "1,268.7", "４.９"],
        ["#限额以上单位消费品零售额", "150.2", "3.1", "480.0", "3.5"],
        ["一般公共预算收入(亿元)", "98.4", "下降1.2", "330.5", "1.6"],
        ["注：本月数据为初步统计。"],
    ]
    p = parse(xlsx_bytes(rows, merges=["B2:C2", "D2:E2"]), index, "bureau.xlsx")
    assert p.layout == "wide" and not errors(p.problems), lines(p.problems)
    assert values(p) == {
        ("retail_sales_growth", 1, 3, "ytd"): 4.9,
        ("budget_revenue_growth", 1, 3, "ytd"): 1.6,
    }
    assert lines(warnings(p.problems)) == []
    assert [(s.row, s.key, s.params["indicator"]) for s in p.skipped] == [
        (5, "skip.not_catalogue", "限额以上单位消费品零售额")
    ]
    # the 1—3月 amounts are kept beside the rates; the 3月 columns are single months
    companions = p.figures.set_index("id")[["companion_value", "companion_unit"]]
    assert companions.loc["retail_sales_growth"].tolist() == [1268.7, "亿元"]
    assert companions.loc["budget_revenue_growth"].tolist() == [330.5, "亿元"]


def test_wide_layout_one_column_per_period_with_unit_column(index):
    rows = [
        ["指标", "单位", "1-2月", "1-3月", "1-4月"],
        ["新建电动汽车公共充电桩", "个", "410", "735", "—"],
        ["新建公共停车位", "万个", "0.5", "", "-"],
    ]
    p = parse(csv_bytes(rows), index)
    assert values(p) == {
        ("ev_chargers", 1, 2, "ytd"): 410.0,
        ("ev_chargers", 1, 3, "ytd"): 735.0,
        ("public_parking", 1, 2, "ytd"): 0.5,
    }


def test_single_month_figures_from_the_file_override_the_catalogue_default(index):
    rows = [
        ["指标", "口径", "单位", "2026年1月", "2026年2月"],
        ["机场货邮吞吐量", "当月", "吨", "70,500", "62,800"],
    ]
    p = parse(csv_bytes(rows, "utf-16", "\t"), index, "cargo.txt")
    assert values(p) == {
        ("airport_cargo", 1, 1, "month"): 7.05,
        ("airport_cargo", 2, 2, "month"): 6.28,
    }


def test_growth_rates_decline_words_and_excel_dates(index):
    rows = [
        ["指标", "时期", "同比增长(%)"],
        ["固定资产投资", excel_date(1, 2), "下降0.6%"],
        ["fai_growth", "2026-03", "1.2"],
    ]
    p = parse(xlsx_bytes(rows), index, "g.xlsx")
    assert values(p) == {("fai_growth", 1, 2, "ytd"): -0.6, ("fai_growth", 1, 3, "ytd"): 1.2}
    assert lines(warnings(p.problems)) == ["g.xlsx:2:B: date 2026-01-02 read as 1-2月"]


def test_every_row_with_an_excel_date_gets_the_warning(index):
    # the period is worked out once per distinct cell, the warning given on each row
    rows = [
        ["指标", "时期", "数值"],
        ["充电桩", excel_date(1, 2), "500"],
        ["公共停车位", excel_date(1, 2), "1.2"],
        ["充电桩", excel_date(1, 3), "700"],
        ["公共停车位", "2026年3月", "0.3"],
    ]
    p = parse(xlsx_bytes(rows), index, "d.xlsx")
    assert lines(warnings(p.problems)) == [
        "d.xlsx:2:B: date 2026-01-02 read as 1-2月",
        "d.xlsx:3:B: date 2026-01-02 read as 1-2月",
        "d.xlsx:4:B: date 2026-01-03 read as 1-3月",
    ]
    assert [p.message_in("zh") for p in warnings(p.problems)][0] == "日期 2026-01-02 按 1-2月 读取"


def test_milestones_and_water_classes(index):
    rows = [
        ["指标", "月份", "进展情况"],
        ["新郑综保区扩区提质启动运行", "2026年10月", "推进中"],
        ["南水北调总干渠水质", "2026年10月", "Ⅱ类"],
        ["郑洛高速建成通车", "2026年9月", "已建成通车"],
    ]
    p = parse(csv_bytes(rows), index)
    assert values(p) == {
        ("xinzheng_bonded_zone", 10, 10, "level"): 1.0,
        ("snbd_canal_water_class", 10, 10, "level"): 2.0,
        ("zhengluo_expressway", 9, 9, "level"): 2.0,
    }


def test_every_problem_is_listed_with_row_column_and_hint(index):
    rows = [
        ["指标", "时期", "数值", "单位"],
        ["新建公共充电桩", "2026-10", "1", "个"],  # a near miss of a catalogue name
        ["充电桩", "2026-12", "2450", "个"],  # future
        ["城镇化率", "2026-10", "80", "%"],  # not in the catalogue: skipped, listed
        ["公共停车位", "2026-10", "abc", "个"],  # not a number
        ["机场货邮吞吐量", "2026-10", "5", "万元"],  # unit cannot convert
        ["口袋公园", "2026-10", "-3", "个"],  # negative count
        ["绿地面积", "2026-09", "80", "万平方米"],
        ["绿地面积", "2026-09", "81", "万平方米"],  # duplicate, different value
        ["绿地面积", "2026-08", "70", "万平方米"],
        ["绿地面积", "2026-08", "70", "万平方米"],  # duplicate, same value: warning
        ["新增绿地", "13月", "1", "万平方米"],
    ]  # bad period
    p = parse(csv_bytes(rows), index, "bad.csv")
    assert not p.ok
    assert lines(errors(p.problems)) == [
        "bad.csv:2:A: unknown indicator '新建公共充电桩'",
        "bad.csv:3:B: period 2026-12 is in the future",
        "bad.csv:5:C: 'abc' is not a number",
        "bad.csv:6:C: unit '万元' cannot be converted to the target's unit '万吨'",
        "bad.csv:7:C: negative count '-3'",
        "bad.csv:9:C: new_green_space Jan–Sep appears again (first on row 8) with a different "
        "value 810,000 m² vs 800,000 m²",
        "bad.csv:12:B: month 13 does not exist",
    ]
    unknown = errors(p.problems)[0]
    assert "新建电动汽车公共充电桩" in unknown.hint
    assert all(x.hint for x in p.problems)
    assert lines(warnings(p.problems)) == [
        "bad.csv:11:C: new_green_space Jan–Aug appears again (first on row 10)"
    ]
    assert [(s.row, s.key) for s in p.skipped] == [(4, "skip.not_catalogue"), (11, "skip.repeated")]
    outcomes = [r.outcome for r in p.rows]
    assert outcomes.count("error") + outcomes.count("skipped") + outcomes.count("stored") == 11
    assert (outcomes.count("error"), outcomes.count("skipped")) == (7, 2)


def test_earlier_years_are_reference_figures_and_later_ones_refused(index):
    rows = [
        ["指标", "时期", "数值", "单位"],
        ["充电桩", "2025-10", "2100", "个"],  # last year's: a reference figure
        ["充电桩", "2026-10", "2450", "个"],
        ["充电桩", "2027-01", "10", "个"],  # after the catalogue year (and the future)
    ]
    p = parse(csv_bytes(rows), index, "years.csv")
    assert lines(errors(p.problems)) == [
        "years.csv:4:B: period 2027-01 is outside the target year 2026"
    ]
    got = sorted(zip(p.figures["year"], p.figures["value"], strict=True))
    assert got == [(2025, 2100.0), (2026, 2450.0)]


def test_ambiguous_names_need_an_entity(catalogue):
    other = catalogue[catalogue["id"] == "ev_chargers"].assign(entity="金水区")
    index = CatalogueIndex.build(__import__("pandas").concat([catalogue, other]))
    rows = [["指标", "时期", "数值"], ["充电桩", "2026-10", "100"]]
    p = parse(csv_bytes(rows), index)
    assert lines(errors(p.problems)) == ["f.csv:2:A: indicator '充电桩' is ambiguous"]
    rows = [
        ["地区", "指标", "时期", "数值"],
        ["金水区", "充电桩", "2026-10", "100"],
        ["二七区", "充电桩", "2026-10", "100"],
    ]
    p = parse(csv_bytes(rows), index)
    assert p.figures["entity"].tolist() == ["金水区"] and p.ok
    # a place without targets is listed, never stored as another entity's figure
    assert [(s.row, s.key, s.params["entity"]) for s in p.skipped] == [
        (3, "skip.other_entity", "二七区")
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "the file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "damaged Excel file (CalamineError)"),
        (b"PK\x03\x04garbage", "damaged Excel file (bad zip)"),
        ("就是一段文字\n没有表头\n".encode(), "no header row found"),
    ],
)
def test_unreadable_files_are_refused_whole(index, data, message):
    with pytest.raises(IngestError) as err:
        parse(data, index)
    assert err.value.problems[0].message == message


def test_header_only_file_has_no_figures(index):
    p = parse(csv_bytes([["指标", "时期", "数值"]]), index)
    assert lines(p.problems) == ["f.csv:0:-: no figures found in the file"]


def test_blank_and_whitespace_labels_are_skipped(index):
    rows = [
        ["指标", "时期", "数值"],
        ["   ", "2026年10月", "5"],
        ["", "2026年10月", "6"],
        ["充电桩", "2026年10月", " 2450 "],
    ]
    p = parse(csv_bytes(rows), index)
    assert p.ok and values(p) == {("ev_chargers", 1, 10, "ytd"): 2450.0}
    assert [(s.row, s.key) for s in p.skipped] == [(2, "skip.no_label"), (3, "skip.no_label")]


def test_a_rate_column_without_a_period_belongs_to_the_period_before_it(index):
    rows = [
        ["郑州市主要经济指标"],
        ["指标", "单位", "10月", "1-10月", "增长%"],
        ["社会消费品零售总额", "亿元", "461.2", "4,252.3", "4.6"],
        ["规模以上工业增加值", "%", "", "", "8.7"],
    ]
    p = parse(csv_bytes(rows), index)
    assert p.ok and values(p) == {
        ("retail_sales_growth", 1, 10, "ytd"): 4.6,
        ("industry_va_growth", 1, 10, "ytd"): 8.7,
    }
    assert p.figures["companion_value"].tolist()[0] == 4252.3
    assert p.notes == [
        ("note.year_from_catalogue", {"year": 2026}),
        ("note.place_from_title", {"place": "郑州市"}),
    ]


def test_silent_scaling_is_refused_row_by_row(index):
    """Ambiguous grouping, a figure implausible only once converted, and an .xlsx formula
    saved without its result: each a named problem, never a stored wrong value."""
    rows = [
        ["指标", "时期", "数值", "单位"],
        ["充电桩", "2026-10", "1,5", "个"],  # 1.5 or 15?
        ["公共停车位", "2026-10", "1.234,5", "个"],  # a decimal comma
        ["充电桩", "2026-09", "999999999999999", "亿个"],  # 9.99e22 个
        ["公共停车位", "2026-09", "12 34", "个"],
        ["充电桩", "2026-08", "1,234", "个"],
    ]
    p = parse(csv_bytes(rows), index)
    assert [p.line() for p in errors(p.problems)] == [
        "f.csv:2:C: '1,5' has an ambiguous separator: a comma only separates thousands, in "
        "groups of three (as in 1,234,567) — write decimals with a point (1.5), and thousands "
        "in groups of three (1,234) or without separators",
        "f.csv:3:C: '1.234,5' has an ambiguous separator: a comma only separates thousands, "
        "in groups of three (as in 1,234,567) — write decimals with a point (1.5), and "
        "thousands in groups of three (1,234) or without separators",
        "f.csv:4:C: '999999999999999' is 1e+23 个 in the target's unit, implausibly large — "
        "check the cell for a typing error",
        "f.csv:5:C: '12 34' has an ambiguous separator: a comma only separates thousands, in "
        "groups of three (as in 1,234,567) — write decimals with a point (1.5), and thousands "
        "in groups of three (1,234) or without separators",
    ]
    assert values(p) == {("ev_chargers", 1, 8, "ytd"): 1234.0}


def test_a_plain_figure_scaled_up_by_its_column_unit_is_checked_in_the_target_unit(index):
    rows = [["指标", "时期", "数值(亿个)"], ["充电桩", "2026-10", "99999999"]]
    assert lines(errors(parse(csv_bytes(rows), index).problems)) == [
        "f.csv:2:C: '99999999' is 1e+16 个 in the target's unit, implausibly large"
    ]
    rows = [["指标", "时期", "数值(万个)"], ["充电桩", "2026-10", "0.245"]]
    assert values(parse(csv_bytes(rows), index)) == {("ev_chargers", 1, 10, "ytd"): 2450.0}


def test_a_formula_without_its_result_is_named_where_a_figure_is_expected(index):
    rows = [
        ["指标", "时期", "数值"],
        ["充电桩", "2026年10月", "=C3*2"],
        ["公共停车位", "2026年10月", 1.2],
    ]
    p = parse(xlsx_bytes(rows), index, "f.xlsx")
    assert [p.line() for p in p.problems] == [
        "f.xlsx:2:C: formula =C3*2 has no saved result — open the file in Excel or WPS and "
        "save it (saving stores the formula's result), or paste the value instead"
    ]
    assert p.problems[0].message_in("zh") == "公式 =C3*2 没有保存计算结果"


def test_negated_milestone_states_are_never_done(index):
    rows = [
        ["指标", "月份", "进展情况"],
        ["郑洛高速建成通车", "2026年9月", "尚未完成"],
        ["郑许高速建成通车", "2026年9月", "完成前期手续"],
        ["组建郑州交响乐团", "2026年9月", "暂未开工"],
        ["上汽智己二期投产", "2026年9月", "不能按期完成"],
    ]
    assert values(parse(csv_bytes(rows), index)) == {
        ("zhengluo_expressway", 9, 9, "level"): 1.0,
        ("zhengxu_expressway", 9, 9, "level"): 1.0,
        ("zhengzhou_symphony", 9, 9, "level"): 0.0,
        ("saic_phase2_production", 9, 9, "level"): 1.0,
    }


def test_unknown_names_cost_no_search_of_the_catalogue(catalogue):
    """10,000 distinct names the catalogue lacks are 10,000 skipped rows, found unknown by
    lookups (near misses are indexed once per catalogue); no close names are computed for
    rows that are skipped (a fuzzy search of the whole catalogue per name took 15 s)."""
    index = CatalogueIndex.build(catalogue)
    rows = [["指标", "时期", "数值"]] + [
        [f"其他指标{k:05d}", "2026-10", "1"] for k in range(10_000)
    ]
    p = parse(csv_bytes(rows), index)
    assert len(p.skipped) == 10_000 and {s.key for s in p.skipped} == {"skip.not_catalogue"}
    assert index.comparisons == 0


def test_close_names_are_looked_up_for_the_first_unknown_names_only(catalogue):
    """In the fill-in template (indicators by id) an unknown name is an error with the
    closest names: for the first 20 of a file, at most 20 comparisons each."""
    index = CatalogueIndex.build(catalogue)
    ids = [f"ev_chargers_{k:05d}" for k in range(10_000)]
    rows = [["指标ID", "时期", "数值"]] + [[i, "2026-10", "1"] for i in ids]
    p = parse(csv_bytes(rows), index)
    hints = [q.hint_key for q in p.problems]
    assert len(hints) == 10_000 and {q.key for q in p.problems} == {"indicator.unknown"}
    assert hints[:MAX_SUGGESTED] == ["hint.closest_names"] * MAX_SUGGESTED
    assert hints[MAX_SUGGESTED:] == ["hint.suggestions_stopped"] * (10_000 - MAX_SUGGESTED)
    assert 0 < index.comparisons <= MAX_SUGGESTED * SUGGESTION_CANDIDATES
    assert p.problems[0].hint == "closest catalogue names: 新建电动汽车公共充电桩"
    assert p.problems[-1].line() == (
        "f.csv:10001:A: unknown indicator 'ev_chargers_09999' — close names are looked up for "
        "the first 20 unknown names of a file only; check the name against the fill-in template"
    )
    assert parse(csv_bytes(rows), index).problems[0].hint_key == "hint.closest_names"


def near_misses_by_comparing(key: str, names: dict[str, str]) -> list[str]:
    """The near-miss rule by comparing with every catalogue name (what the index replaces)."""
    if len(key) < 3:
        return []
    bare = _without_verb(key)
    hits = [
        shown
        for k, shown in names.items()
        if k != key
        and len(k) >= 3
        and (
            (bare != key and bare == _without_verb(k))
            or (len(k) == len(key) >= 4 and sum(a != b for a, b in zip(k, key, strict=True)) == 1)
            or (len(key) >= 5 and k.startswith(key) and 1 <= len(k) - len(key) <= 2)
        )
    ]
    return list(dict.fromkeys(hits))[:3]


def test_near_misses_are_looked_up_not_searched(catalogue):
    """Every one-character typo and every shortened form of every catalogue name: the
    index finds exactly what comparing with every name finds, and a file of them is
    refused row by row with no fuzzy comparison."""
    index = CatalogueIndex.build(catalogue)
    near = NearMisses(index.shown)
    keys = list(index.shown)
    typos = [k[:i] + "〇" + k[i + 1 :] for k in keys for i in range(len(k))]
    shorter = [k[:-n] for k in keys for n in (1, 2)] + ["建设" + k for k in keys]
    for key in typos + shorter:
        assert near.find(key) == near_misses_by_comparing(key, index.shown), key
    names = [n[:-1] + "〇" for n in dict.fromkeys(catalogue["name_zh"]) if len(n) >= 6]
    rows = [["指标", "时期", "数值"]] + [[n, "2026-10", "1"] for n in names]
    p = parse(csv_bytes(rows), index)
    near_rows = [
        r for r, n in enumerate(names, start=2) if near.find(canonical(read_label(n).core))
    ]
    assert [q.row for q in errors(p.problems)] == near_rows and len(near_rows) > 70
    assert errors(p.problems)[0].params["names"] == Names(("地区生产总值增长",))
    assert index.comparisons == 0


def test_unknown_districts_cost_one_sorted_list_per_name():
    """100,000 rows for 2,000 districts the catalogue lacks sorted the 2,000 known ones
    for every district and name (17 s); the list is now made once per name."""
    index = CatalogueIndex.build(synth.ingest_catalogue())
    p = parse(synth.rows_to_csv(synth.ingest_rows(20_000, first_entity=2000)), index)
    assert len(p.skipped) == 20_000 and {s.key for s in p.skipped} == {"skip.other_entity"}
    assert p.skipped[0].reason_in("en") == "the catalogue has no target for '区县2000'"
    assert len(index._sorted_entities) == len(synth.LEDGERS)  # the work meter: one per name
