"""Tables copied from real publications, ingested unedited with `python -m dashboard
ingest` (issue 14). Where each comes from is in tests/data/real_tables/README.md; the
figures are as published, so the years are those of the publications: a year-less table
takes the catalogue's year (and says so), an earlier year's figures are reference figures.
"""

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from dashboard.core.messages import Glossed, text
from dashboard.core.problems import errors, warnings
from dashboard.ingest.context import source_place, title_place
from dashboard.ingest.names import read_label
from dashboard.ingest.parse import parse_upload
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.ingest.validate import OTHER_PLACE
from dashboard.services.database import open_store
from tests.conftest import ROOT
from tests.files import csv_bytes
from tests.test_bureau_upload import cli

DATA = Path(__file__).parent / "data" / "real_tables"
TODAY = "2026-11-20"
COLUMNS = "year, id, period_start, period_end, basis, value, companion_value, source_row"


def stored(ws) -> list[tuple]:
    with open_store(ws) as con:
        return con.execute(
            f"SELECT {COLUMNS} FROM figures ORDER BY year, id, period_end"
        ).fetchall()


def ingest(ws, name: str):
    return cli(ws, "ingest", str(DATA / name), "--today", TODAY)


@pytest.mark.parametrize(
    ("name", "figures", "skipped", "expected"),
    [
        (  # six stacked tables: GDP from the first, industry from the fifth; the 构成
            # table's '本地生产总值(%) | 100.0' is a share, not GDP growth
            "R02_zs_1-9_progress_blocks.csv",
            2,
            20,
            [
                (2026, "gdp_growth", 1, 9, "ytd", 11.5, 2527.54, 5),
                (2026, "industry_va_growth", 1, 9, "ytd", 15.9, 1014.28, 36),
            ],
        ),
        (  # GDP of 2024 Q1: a reference figure; 15 industries skipped, #制造业 among them
            "R05_nbs_gdp_2024q1.csv",
            1,
            15,
            [(2024, "gdp_growth", 1, 3, "ytd", 5.3, 296299.0, 3)],
        ),
        (  # 本月 | 比去年同月增长 | 1-本月 | 比去年同期增长 under a '2022年9月' title
            "R06_city_retail_2022-09.csv",
            1,
            6,
            [(2022, "retail_sales_growth", 1, 9, "ytd", -10.7, 11864.63, 4)],
        ),
        (  # a year's GDP with its index (2011年为上年% = 112: growth of 12.0%, never a
            # growth rate of 112%) and shares beside it; 全市 in the title: the city's own
            "R10_city_gdp_index_2011.csv",
            1,
            13,
            [(2011, "gdp_growth", 1, 12, "ytd", 12.0, 6145.52, 6)],
        ),
        (  # a province's 1-3月 industry growth beside 产销率(%) (never stored), GBK
            "R11_jiangsu_industry_2020-1-3_gbk.csv",
            1,
            12,
            [(2020, "industry_va_growth", 1, 3, "ytd", -7.8, None, 4)],
        ),
        (  # '项 目 名 称 | 计算 单位 | 4月 | 1-4月 累计 | 累计比上年同期 增长(%) | 结构(%)'
            # and '一、社会消费品零售总额' in 万元: was 'no header row found'; no year on it
            "R12_longgang_commerce_2011-04_gbk.csv",
            1,
            21,
            [(2026, "retail_sales_growth", 1, 4, "ytd", 16.5, 1278093.0, 3)],
        ),
        (  # R12 as a workbook: header cells wrapped with Alt+Enter ('1-4月\n累计'),
            # numbers as numbers (16.0 is 16), section rows merged across the table
            "R12x_longgang_commerce_2011-04.xlsx",
            1,
            21,
            [(2026, "retail_sales_growth", 1, 4, "ytd", 16.5, 1278093.0, 3)],
        ),
        (  # stacked blocks of 1-6月 (negative growth), the sixth block of 1-5月
            "R14_zs_1-6_progress_blocks.csv",
            2,
            27,
            [
                (2026, "gdp_growth", 1, 6, "ytd", -6.5, 1389.32, 4),
                (2026, "industry_va_growth", 1, 6, "ytd", -9.8, 497.99, 35),
            ],
        ),
        (  # R06's table for 2023年3月: the first quarter's 1-本月
            "R17_city_retail_2023-03.csv",
            1,
            6,
            [(2023, "retail_sales_growth", 1, 3, "ytd", 5.2, 4611.01, 4)],
        ),
    ],
)
def test_a_real_table_stores_its_catalogue_figures(empty_ws, name, figures, skipped, expected):
    out = ingest(empty_ws, name)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.splitlines()[-1] == (
        f"{figures} figure(s) stored, {skipped} row(s) skipped (not catalogue indicators)"
    )
    assert stored(empty_ws) == expected


def test_stacked_tables_say_where_each_row_went(empty_ws):
    out = ingest(empty_ws, "R02_zs_1-9_progress_blocks.csv")
    lines = out.stderr.splitlines()
    assert "R02_zs_1-9_progress_blocks.csv:17: skipped: '本地生产总值构成' is not a catalogue "\
        "indicator" in lines  # fmt: skip
    assert "R02_zs_1-9_progress_blocks.csv:38: skipped: '出口产品交货值' is not a catalogue "\
        "indicator" in lines  # fmt: skip


@pytest.mark.parametrize(
    ("name", "rows", "line", "why"),
    [
        # cities of Hunan down a column whose corner cell is blank
        ("R03_hunan_cities_industry_2012.csv", 15, 4, "the catalogue has no target for '长沙市'"),
        # the statistics portal's provinces, one indicator in a 指标: line
        (
            "R04_nbs_portal_provinces_industry_2020.csv",
            6,
            3,
            "the catalogue has no target for '河北省'",
        ),  # fmt: skip
        # month-on-month growth (环比) by month: no catalogue measure
        (
            "R07_nbs_mom_growth_2012-2013.csv",
            13,
            3,
            "'规模以上工业 增加值环比增速' is not a catalogue indicator",
        ),  # fmt: skip
        # a district's GDP (表1 2023年全区生产总值, '指 标', headers wrapped over two
        # lines): its 生产总值 row was stored as 郑州市's GDP once the header was read
        (
            "R08_yicheng_district_gdp_2023.csv",
            6,
            5,
            "the title names the place '全区'; the catalogue has no target for it",
        ),  # fmt: skip
        # a provincial yearbook (years 2000…2014 as bare numbers over the columns,
        # 按主要行业分 section rows, an index section (上年=100)): was 'no header row found'
        (
            "R09_fujian_yearbook_gross_output_2015.csv",
            27,
            4,
            "'总产出' is not a catalogue indicator",
        ),
        # a district's monthly CPI table as saved from Excel: '类 别' and '以上月价格为100'
        # merged over two header rows, '以上年同期价格为100' merged over 本月 | 至本月平均
        (
            "R13_longgang_cpi_2010-04.xlsx",
            11,
            3,
            "'居民消费价格总指数' is not a catalogue indicator",
        ),
        # the nation's GDP of 1-3季度 (国内生产总值 is no city's 地区生产总值) stacked over
        # a table of quarters down a blank corner (环比, '2季度' under '2011年1季度')
        (
            "R15_nbs_gdp_2013_1-3q.csv",
            24,
            3,
            "'国内生产总值' is not a catalogue indicator",
        ),
        # a yearbook's price indices '(以上年为100)' with its 续表 repeating title and
        # '指 标' header mid-file: '1、粮食 | 113.5' was stored as 113.5 of grain output
        (
            "R16_quzhou_yearbook_cpi_2010.csv",
            49,
            6,
            "粮食产量: the table holds indices (the year before = 100), no figure of this target",
        ),
    ],
)
def test_a_real_table_without_catalogue_figures_is_refused_plainly(empty_ws, name, rows, line, why):
    out = ingest(empty_ws, name)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stdout.splitlines()[0].startswith(
        f"{name}:0:-: no catalogue figure in the file: all {rows} data row(s) skipped"
    )
    assert f"{name}:{line}: skipped: {why}" in out.stderr.splitlines()
    assert stored(empty_ws) == []


def test_a_table_of_cities_with_a_blank_corner_cell_stores_the_citys_row(empty_ws, tmp_path):
    """R03's layout (places down a column under an empty corner cell) with the city in it;
    numbers synthetic. Its first column was read as indicator names and the row lost."""
    path = tmp_path / "cities_synthetic.csv"
    path.write_text(
        "2026年1-9月各省辖市工业主要指标 单位:%,,\n"
        ",规模工业增加值增长速度,工业固定资产投资增长速度\n"
        "全 省,6.1,5.0\n郑州市,8.6,4.1\n开封市,5.2,3.3\n注:1、合成数据 synthetic,,\n",
        encoding="utf-8-sig",
    )
    out = cli(empty_ws, "ingest", str(path), "--today", TODAY)
    assert out.returncode == 0, out.stdout + out.stderr
    assert stored(empty_ws) == [(2026, "industry_va_growth", 1, 9, "ytd", 8.6, None, 4)]
    assert "cities_synthetic.csv:5: skipped: the catalogue has no target for '开封市'" in (
        out.stderr.splitlines()
    )


def test_the_nations_figure_beside_the_citys_is_not_the_citys(empty_ws, tmp_path):
    """City releases put 全国 and 全省 rows beside 全市 for comparison (numbers synthetic):
    '全国…' is the nation's figure and is skipped, never stored as the city's."""
    path = tmp_path / "compare_synthetic.csv"
    path.write_text(
        "2026年1-9月工业生产情况,,\n指标,1-9月累计增长(%),\n"
        "全国规模以上工业增加值,5.9,\n全市规模以上工业增加值,8.6,\n",
        encoding="utf-8-sig",
    )
    out = cli(empty_ws, "ingest", str(path), "--today", TODAY)
    assert out.returncode == 0, out.stdout + out.stderr
    assert stored(empty_ws) == [(2026, "industry_va_growth", 1, 9, "ytd", 8.6, None, 4)]
    assert "compare_synthetic.csv:3: skipped: '全国规模以上工业增加值' is not a catalogue "\
        "indicator" in out.stderr.splitlines()  # fmt: skip


def test_months_down_a_blank_corner_column_with_indicators_across(empty_ws, tmp_path):
    """R07's layout with 累计增长 columns (numbers synthetic): each month row is a period, a
    month without a year is of the year written above it, last year's are reference
    figures. The months were read as indicator names and every figure lost."""
    path = tmp_path / "months_synthetic.csv"
    path.write_text(
        "2026年主要指标月度数据（合成数据 synthetic）,,\n"
        ",规模以上工业增加值累计增长(%),固定资产投资累计增长(%)\n"
        "2025年11月,8.9,4.8\n12月,9.0,5.1\n2026年2月,8.1,4.0\n3月,8.3,4.4\n",
        encoding="utf-8-sig",
    )
    out = cli(empty_ws, "ingest", str(path), "--today", TODAY)
    assert out.returncode == 0, out.stdout + out.stderr
    assert stored(empty_ws) == [
        (2025, "fai_growth", 1, 11, "ytd", 4.8, None, 3),
        (2025, "fai_growth", 1, 12, "ytd", 5.1, None, 4),
        (2025, "industry_va_growth", 1, 11, "ytd", 8.9, None, 3),
        (2025, "industry_va_growth", 1, 12, "ytd", 9.0, None, 4),
        (2026, "fai_growth", 1, 2, "ytd", 4.0, None, 5),
        (2026, "fai_growth", 1, 3, "ytd", 4.4, None, 6),
        (2026, "industry_va_growth", 1, 2, "ytd", 8.1, None, 5),
        (2026, "industry_va_growth", 1, 3, "ytd", 8.3, None, 6),
    ]


# ---------------------------------------------------------------- whose figures


def read(data: bytes, name: str, place=None, home="郑州市", catalogue=None):
    index = CatalogueIndex.build(catalogue if catalogue is not None else CATALOGUE, home)
    return parse_upload(data, name, index, (2026, 11), place=place)


CATALOGUE = parse_catalogue((ROOT / "data" / "targets.csv").read_text("utf-8"))
R05 = (DATA / "R05_nbs_gdp_2024q1.csv").read_bytes()


def renamed(title: str, footer: str) -> bytes:
    """R05 with another title and a line below it."""
    published = R05.decode("utf-8-sig").replace(TITLE, title, 1)
    return (published + (f"{footer},,\n" if footer else "")).encode("utf-8-sig")


def test_a_table_naming_no_place_says_whose_figures_it_takes_them_to_be():
    """R05 as published: the national GDP table says nowhere that it is the nation's (no
    全国, no source line). Its figures are not assumed silently: the preview says whose
    they are taken to be, and the official's answer 'another place's' stores none."""
    taken = read(R05, "R05.csv")
    assert taken.place_open
    place = Glossed("entity", ("郑州市",))  # Zhengzhou in English
    assert ("note.place_assumed", {"entity": place, "titled": True}) in taken.notes
    assert text("note.place_assumed", "zh", entity="郑州市").startswith(
        "表中没有写明是哪里的数字（标题、地区行、来源行、地区列和行名都没有），按郑州市的数字读入"
    )
    # and what a city's table never holds: a quarter's GDP of 296,299亿元 beside it
    warning = taken.problems[0]
    assert (warning.row, warning.column, warning.severity) == (3, "B", "warning")
    assert warning.line("en") == (
        "R05.csv:3:B: gdp_growth: the amount published beside it, 29.6299 trillion yuan, is over "
        "ten times Zhengzhou's whole base year (1.52 trillion yuan): the table may be the "
        "nation's, the "
        "province's or another place's — if these are not the office's own figures, answer "
        "'another place's' above (on the command line, pass --place other)"
    )
    other = read(R05, "R05.csv", place=OTHER_PLACE)
    assert other.figures.empty and other.place_open
    assert [(s.row, s.key) for s in other.skipped][0] == (3, "skip.not_ours")
    assert other.skipped[0].reason_in("en") == (
        "you said these are not Zhengzhou's figures: not stored"
    )
    assert ("note.place_other", {}) in other.notes and not warnings(other.problems)


TITLE = "2024年一季度GDP初步核算数据"


@pytest.mark.parametrize(
    ("title", "footer", "skip"),
    [  # R05 as published but for the words that name its place
        (TITLE, "数据来源：国家统计局", ("skip.place_in_source", "全国")),
        ("2024年一季度全国GDP初步核算数据", "", ("skip.place_in_title", "全国")),
        ("表1 2024年一季度全省GDP", "", ("skip.place_in_title", "全省")),
        ("2024年一季度开封市GDP初步核算数据", "", ("skip.place_in_title", "开封市")),
        ("表1 2024年一季度全区GDP", "", ("skip.place_in_title", "全区")),
    ],
)
def test_a_table_that_names_another_place_stores_nothing_as_the_citys(title, footer, skip):
    """A national, provincial, district or other city's table: its GDP row was stored as
    郑州市's figure. Now it is listed as that place's, and nothing is stored."""
    parsed = read(renamed(title, footer), "R05.csv")
    assert parsed.figures.empty and not parsed.place_open
    first = parsed.skipped[0]
    assert (first.row, first.key, first.params["place"]) == (3, *skip)


@pytest.mark.parametrize(
    ("title", "footer", "home", "entity"),
    [
        ("2024年一季度郑州市GDP初步核算数据", "", "郑州市", "郑州市"),
        ("2024年一季度全市GDP初步核算数据", "", "郑州市", "郑州市"),
        (TITLE, "数据来源：郑州市统计局、国家统计局郑州调查队", "郑州市", "郑州市"),
        ("表1 2024年一季度全区GDP初步核算数据", "", "金水区", "金水区"),
    ],
)
def test_a_table_that_names_its_own_place_is_stored_for_it(title, footer, home, entity):
    """The office's own place, named or as 全市/全区 of a district office, or its own
    bureau and the national bureau's survey team there (国家统计局郑州调查队)."""
    catalogue = CATALOGUE.assign(entity=home)
    parsed = read(renamed(title, footer), "t.csv", home=home, catalogue=catalogue)
    assert not parsed.place_open
    assert parsed.figures[["entity", "year", "id", "value"]].values.tolist() == [
        [entity, 2024, "gdp_growth", 5.3]
    ]


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("2026年1—10月郑州市主要经济指标", "郑州市"),
        ("郑州市2026年1-10月主要经济指标", "郑州市"),
        ("2023年驻马店市驿城区国民经济和社会发展统计公报", "驿城区"),
        ("表2—1  全市地区生产总值", "全市"),
        ("2026年全国规模以上工业增加值", "全国"),
        ("2026年1-9月各省辖市工业主要指标 单位:%", None),
        ("2024年一季度GDP初步核算数据", None),
        ("省市重点项目完成投资", None),
        ("工业投资分区情况", None),
        ("1-9月进度数据发布", None),
        ("2-3 总产出", None),
        ("2026年晋城市主要经济指标", "晋城市"),
        ("郑州市老旧小区改造进度", "郑州市"),
        ("巩义市2026年主要指标", "巩义市"),
        ("2026年航空港区主要指标", "航空港区"),
        # a department's own ledger names what it builds, not where
        ("2026年老旧小区配套停车设施建设进度", None),
        ("2026年1-10月棚户区改造进度", None),
        ("海绵城市建设进展情况", None),
        ("2026年农贸市场改造提升进度", None),
        ("智慧社区建设台账", None),
        ("2026年文明城市创建任务", None),
        ("城市更新片区改造进度", None),
        ("工业园区污水处理", None),
    ],
)
def test_the_place_a_title_names(line, place):
    assert title_place(line) == place


PARKING = (
    "2026年老旧小区配套停车设施建设进度\n指标名称,单位,2026年1-10月\n新建公共停车位,万个,2.5\n"
)


def test_a_ledger_titled_with_what_it_builds_is_stored_as_the_offices():
    """'老旧小区' is no place: the row was skipped as another place's and nothing stored."""
    parsed = read(PARKING.encode("utf-8-sig"), "parking.csv")
    assert parsed.place_open and not parsed.skipped and not parsed.problems
    assert parsed.figures[["entity", "year", "id", "period_end", "value"]].values.tolist() == [
        ["郑州市", 2026, "public_parking", 10, 2.5]
    ]


def test_the_officials_answer_overrides_a_place_read_from_the_title():
    """--place (or the page's answer) decides over a title's words; a source line still
    names its place."""
    titled = read(renamed("2024年一季度开封市GDP初步核算数据", ""), "R05.csv", place="郑州市")
    assert titled.place_open
    assert titled.figures[["entity", "id", "value"]].values.tolist() == [
        ["郑州市", "gdp_growth", 5.3]
    ]
    assert ("note.place_chosen", {"entity": Glossed("entity", ("郑州市",))}) in titled.notes
    sourced = read(renamed(TITLE, "数据来源：国家统计局"), "R05.csv", place="郑州市")
    assert sourced.figures.empty and not sourced.place_open


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("国家统计局", "全国"),
        ("河南省统计局", "河南省"),
        ("国家统计局郑州调查队", "郑州"),
        ("市统计局", None),  # a bureau of no named place: the table's own
    ],
)
def test_the_place_a_source_line_names(line, place):
    assert source_place(line) == place


def test_the_command_line_says_whose_figures_and_takes_the_answer(empty_ws):
    out = cli(empty_ws, "ingest", str(DATA / "R05_nbs_gdp_2024q1.csv"), "--today", TODAY,
              "--place", "other")  # fmt: skip
    assert out.returncode == 1 and stored(empty_ws) == []
    assert "R05_nbs_gdp_2024q1.csv:3: skipped: you said these are not Zhengzhou's figures: not "\
        "stored" in out.stderr.splitlines()  # fmt: skip
    out = ingest(empty_ws, "R05_nbs_gdp_2024q1.csv")
    assert out.returncode == 0 and len(stored(empty_ws)) == 1
    assert (
        "R05_nbs_gdp_2024q1.csv: the table does not say whose figures these are; they are "
        "read as Zhengzhou's (pass --place other if they are another place's)"
    ) in out.stderr.splitlines()


# ---------------------------------------------------------------- whose year

GROWTH = ["规模以上工业增加值", "5.9"]


def xlsx_bytes_named(rows: list[list], sheet: str) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = sheet
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected", "note"),
    [
        (  # a column header with its year under a title of another year: was 2026
            csv_bytes([["2026年1-9月主要经济指标", ""], ["指标", "2025年1-9月累计增长(%)"],
                       GROWTH]),
            "f.csv", [(2025, 9, 5.9, "B")], None,
        ),
        (  # a 年份 column beside '1-9月累计增长(%)': was 'period empty'
            csv_bytes([["年份", "指标", "1-9月累计增长(%)"], ["2025年", *GROWTH]]),
            "f.csv", [(2025, 9, 5.9, "C")], None,
        ),
        (  # '2025年' and '2026年' each over '1-9月累计 | 增长(%)': were 2026 and 2025全年
            csv_bytes([["指标", "2025年", "", "2026年", ""],
                       ["", "1-9月累计", "增长(%)", "1-9月累计", "增长(%)"],
                       ["社会消费品零售总额(亿元)", "100", "5.9", "104", "4.0"]]),
            "f.csv", [(2025, 9, 5.9, "C"), (2026, 9, 4.0, "E")], None,
        ),
        (  # a lone '2025年' above the header: was read as the header (2025全年)
            csv_bytes([["", "2025年"], ["指标", "1-9月累计增长(%)"], GROWTH]),
            "f.csv", [(2025, 9, 5.9, "B")], ("note.year_from_title", {"year": 2025}),
        ),
        (  # the year only in the sheet's name: was the catalogue's 2026
            xlsx_bytes_named([["1-9月主要指标", ""], ["指标", "累计增长(%)"], GROWTH], "2025年"),
            "f.xlsx", [(2025, 9, 5.9, "B")], ("note.year_from_sheet", {"year": 2025}),
        ),
    ],
    ids=["header-year", "year-column", "years-over-pairs", "year-above", "sheet-name"],
)  # fmt: skip
def test_a_year_the_file_names_is_the_figures_year(data, name, expected, note):
    parsed = read(data, name)
    assert parsed.ok, [(p.row, p.column, p.key) for p in parsed.problems]
    f = parsed.figures
    assert list(zip(f["year"], f["period_end"], f["value"], f["source_column"], strict=True)) == (
        expected
    )
    assert note is None or note in parsed.notes


def test_a_year_after_the_catalogues_is_refused_by_row_and_column():
    parsed = read(csv_bytes([["2027年1-9月主要经济指标", ""], ["指标", "累计增长(%)"], GROWTH]),
                  "f.csv")  # fmt: skip
    assert parsed.figures.empty
    p = parsed.problems[0]
    assert (p.row, p.column, p.key, p.hint_key) == (
        3,
        "B",
        "period.other_year",
        "hint.catalogue_year",
    )
    assert p.line("en").startswith("f.csv:3:B: ")


def test_a_table_without_a_year_says_it_takes_the_catalogues():
    parsed = read((DATA / "R02_zs_1-9_progress_blocks.csv").read_bytes(), "R02.csv")
    assert ("note.year_from_catalogue", {"year": 2026}) in parsed.notes
    assert text("note.year_from_catalogue", "zh", year=2026) == "文件未写年份，按目录年度 2026 年计"


def test_a_districts_table_is_stored_for_the_district():
    """R08 read by the district's own office: 全区 is its own place, and its 2023 GDP is a
    reference figure with the amount beside it."""
    catalogue = CATALOGUE.assign(entity="驿城区")
    data = (DATA / "R08_yicheng_district_gdp_2023.csv").read_bytes()
    parsed = read(data, "R08.csv", home="驿城区", catalogue=catalogue)
    f = parsed.figures
    assert f[
        ["entity", "year", "id", "period_end", "value", "companion_value"]
    ].values.tolist() == [["驿城区", 2023, "gdp_growth", 12, 4.7, 613.52]]
    assert [s.row for s in parsed.skipped] == [6, 7, 8, 9, 10]


def test_an_index_is_no_figure_of_a_level_target():
    """An index column (上年=100) beside a level target's row: a clear refusal of the
    cell, never the index stored as the level."""
    data = csv_bytes(
        [["指标", "2025年", "2025年为上年%"], ["国、省控河流断面水质达标率", "", "101.2"]]
    )
    parsed = read(data, "f.csv")
    p = errors(parsed.problems)[0]
    assert (p.row, p.column, p.key, p.hint_key) == (2, "C", "value.index", "hint.index")
    assert p.line("zh") == (
        "f.csv:2:C: “101.2”是指数（上年=100），不能读作国、省控河流断面水质达标率的数据 — "
        "指数减 100 即增长率（112.3 即增长 12.3%）；请在该目标所用的列或行填写它的数据"
    )


def test_a_rate_beside_its_amount_is_read_on_the_amounts_basis(empty_ws):
    """'本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%)': the cumulative rate was read
    'by the catalogue's measure' and the official asked whether it was a single month."""
    out = ingest(empty_ws, "R17_city_retail_2023-03.csv")
    assert out.returncode == 0 and "say neither 累计 nor 当月" not in out.stderr


def test_an_amount_in_wan_yuan_is_kept_as_published(empty_ws):
    """R12's 1-4月 retail sales, 1278093 万元, beside the growth it pairs with: kept in the
    unit it was published in; its 4月 column (single month) and 结构(%) are stored nowhere."""
    assert ingest(empty_ws, "R12_longgang_commerce_2011-04_gbk.csv").returncode == 0
    with open_store(empty_ws) as con:
        rows = con.execute(
            "SELECT id, value, companion_value, companion_unit, source_column FROM figures"
        ).fetchall()
    assert rows == [("retail_sales_growth", 16.5, 1278093.0, "万元", "E")]


def test_a_continued_table_is_no_data_row(empty_ws):
    """R16's 续表 repeats the title lines and the '指 标 | 2010年 | 2009年' header halfway
    down: they were listed as data rows ('指 标' is not a catalogue indicator)."""
    out = ingest(empty_ws, "R16_quzhou_yearbook_cpi_2010.csv")
    lines = out.stderr.splitlines()
    repeated = tuple(f"R16_quzhou_yearbook_cpi_2010.csv:{n}:" for n in (30, 31, 32))
    assert [x for x in lines if x.startswith(repeated)] == []
    assert "R16_quzhou_yearbook_cpi_2010.csv:33: skipped: '衣着类' is not a catalogue "\
        "indicator" in lines  # fmt: skip


@pytest.mark.parametrize(
    ("label", "name", "breakdown"),
    [
        ("一、社会消费品零售总额", "社会消费品零售总额", False),
        ("1、批发零售贸易业", "批发零售贸易业", False),
        ("（二）固定资产投资", "固定资产投资", False),
        ("3.规模以上工业增加值(亿元)", "规模以上工业增加值", False),
        ("其中: 大米", "大米", True),
        ("2011年1季度", "2011年1季度", False),  # a period, not a number 2011
        ("1.5万吨级码头", "1.5万吨级码头", False),
        ("1. 5万吨级码头", "1. 5万吨级码头", False),
        ("二、三产业增加值", "二、三产业增加值", False),  # the 2nd and 3rd industries
        ("一、二、三产业增加值", "一、二、三产业增加值", False),
        ("三、二产业投资", "三、二产业投资", False),
        ("二、第三产业增加值", "第三产业增加值", False),  # an outline number before it
        ("二、 十大产业集群", "十大产业集群", False),
    ],
)
def test_an_outline_number_is_no_part_of_a_name(label, name, breakdown):
    got = read_label(label)
    assert (got.name, got.breakdown) == (name, breakdown)


def test_a_table_of_indices_gives_growth_and_no_amount():
    """Numbers synthetic, layout R16's: '(上年=100)' over the table makes 106.5 growth of
    6.5% for a growth target, and a level target's row a skip, never 103.2 of grain."""
    data = csv_bytes(
        [["2026年1-9月主要指标（上年同期=100）（合成数据 synthetic）", ""], ["指标", "1-9月"],
         ["地区生产总值", "106.5"], ["粮食", "103.2"]]
    )  # fmt: skip
    parsed = read(data, "f.csv")
    f = parsed.figures
    assert f[["id", "period_end", "value"]].values.tolist() == [["gdp_growth", 9, 6.5]]
    assert [(s.row, s.key) for s in parsed.skipped] == [(4, "skip.index_table")]


def test_a_stacked_index_table_leaves_the_tables_below_it_amounts():
    """'上年同期=100' in the first stacked table's title made every later table an index
    table: '2、工业生产' lost its output rows (万台, 万辆) and 5000 of retail sales became
    growth of 4900%. Only the table under the base line holds indices."""
    data = csv_bytes(
        [["郑州市2026年10月主要经济指标", "", ""],
         ["1、居民消费价格指数（上年同期=100）", "", ""], ["指标", "本月", "至本月平均"],
         ["居民消费价格总指数", "101.2", "100.8"], ["2、工业生产", "", ""],
         ["指标", "单位", "1-10月累计"], ["计算机整机产量", "万台", "160"],
         ["整车产量", "万辆", "120"], ["社会消费品零售总额", "", "5000"]]
    )  # fmt: skip
    parsed = read(data, "f.csv")
    assert parsed.figures[["id", "period_end", "value"]].values.tolist() == [
        ["computer_output", 10, 160.0],
        ["vehicle_output", 10, 120.0],
    ]  # 5000 under 累计 is the amount of retail sales, not its growth
    assert [(s.row, s.key) for s in parsed.skipped] == [
        (4, "skip.not_catalogue"),
        (9, "skip.amount_not_rate"),
    ]
    assert not errors(parsed.problems)


def test_an_amount_row_of_an_index_table_is_its_amount():
    """A row whose unit names an amount (万台 in the 单位 column, 万辆 in its label) holds
    that amount even under a title with '(上年同期=100)'; the other rows are indices."""
    data = csv_bytes(
        [["郑州市2026年1-10月主要经济指标（上年同期=100）", "", ""], ["指标", "单位", "1-10月"],
         ["地区生产总值", "", "106.5"], ["计算机整机产量", "万台", "160"],
         ["整车产量(万辆)", "", "120"], ["粮食", "%", "103.2"]]
    )  # fmt: skip
    parsed = read(data, "f.csv")
    assert parsed.figures[["id", "period_end", "value"]].values.tolist() == [
        ["gdp_growth", 10, 6.5],
        ["computer_output", 10, 160.0],
        ["vehicle_output", 10, 120.0],
    ]
    assert [(s.row, s.key) for s in parsed.skipped] == [(6, "skip.index_table")]
    assert not errors(parsed.problems)


def test_a_note_of_the_index_base_makes_no_index_table():
    """'注：价格指数以上年同期为100' says which rows are indices, not that a table of
    growth rates and amounts is one: 6.5 stays growth of 6.5%."""
    data = csv_bytes(
        [["郑州市2026年1-10月主要经济指标", "", ""], ["注：价格指数以上年同期为100", "", ""],
         ["指标", "单位", "1-10月"], ["地区生产总值增长", "%", "6.5"],
         ["计算机整机产量", "万台", "160"]]
    )  # fmt: skip
    parsed = read(data, "f.csv")
    assert parsed.figures[["id", "period_end", "value"]].values.tolist() == [
        ["gdp_growth", 10, 6.5],
        ["computer_output", 10, 160.0],
    ]
    assert not errors(parsed.problems) and not parsed.skipped


def test_quarters_down_a_blank_corner_are_periods():
    """R15's second table lists quarters down its first column ('2011年1季度', '2季度'):
    they were read as indicator names, and a GDP series laid out so was lost without a
    word. Numbers synthetic: the cumulative quarter is stored, the single one refused."""
    data = csv_bytes([["", "地区生产总值增长(%)"], ["2026年1季度", "5.0"], ["2季度", "5.4"]])
    parsed = read(data, "q.csv")
    assert parsed.figures[["year", "id", "period_end", "value"]].values.tolist() == [
        [2026, "gdp_growth", 3, 5.0]
    ]
    p = errors(parsed.problems)[0]
    assert (p.row, p.column, p.key) == (3, "A", "period.single_quarter")


def cpi_catalogue():
    """A catalogue of one target other cities' work reports set ('居民消费价格涨幅3%左右'),
    synthetic: Zhengzhou's has none. Built on the GDP row's columns."""
    rows = list(csv.reader(io.StringIO((ROOT / "data" / "targets.csv").read_text("utf-8"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    row.update(id="cpi_growth", name_zh="居民消费价格涨幅", name_en="CPI growth",
               aliases="居民消费价格指数;居民消费价格总指数", target_value="3",
               comparator="about", frequency="monthly", baseline_value="", baseline_unit="",
               baseline_growth_pct="")  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([rows[0], [row[k] for k in rows[0]]])
    return parse_catalogue(out.getvalue())


def test_a_yearbooks_price_indices_are_growth_of_a_cpi_target():
    """R16 for a catalogue with a CPI target: '(以上年为100)' is only in a title line, so
    104.2 was stored as a rise of 104.2%. It is 4.2% (and 2009's 99.2 a fall of 0.8%)."""
    data = (DATA / "R16_quzhou_yearbook_cpi_2010.csv").read_bytes()
    f = read(data, "R16.csv", catalogue=cpi_catalogue()).figures
    assert f[["year", "id", "period_end", "value", "source_column"]].values.tolist() == [
        [2010, "cpi_growth", 12, 4.2, "B"],
        [2009, "cpi_growth", 12, -0.8, "C"],
    ]


def test_a_monthly_cpi_table_gives_the_year_to_date_rise():
    """R13 with its sheet named for the page's month (2010年4月), as officials name
    sheets: '以上年同期价格为100' merged over '本月 | 至本月平均'. '至本月平均' (the average
    from January) was read as the single month and '以上年同期价格为100' as no index: the
    year to date's 100.7 is a rise of 0.7%; 本月 is a single month (context), and
    '以上月价格为100' (against the month before) is read as nothing."""
    book = openpyxl.load_workbook(DATA / "R13_longgang_cpi_2010-04.xlsx")
    book.active.title = "2010年4月"
    out = io.BytesIO()
    book.save(out)
    parsed = read(out.getvalue(), "R13.xlsx", catalogue=cpi_catalogue())
    f = parsed.figures
    assert f[["year", "period_start", "period_end", "value", "source_column"]].values.tolist() == [
        [2010, 1, 4, 0.7, "D"]
    ]
    assert not parsed.problems


def test_the_period_taken_from_the_title_is_worded_in_the_readers_language():
    parsed = read(csv_bytes([["2026年1-2月主要经济指标", ""], ["指标", "累计增长(%)"], GROWTH]),
                  "f.csv")  # fmt: skip
    notes = [(k, p) for k, p in parsed.notes if k == "note.period_from_title"]
    assert [text(k, "zh", **p) for k, p in notes] == ["未写时期的列按标题的 2026年1-2月 计"]
    assert [text(k, "en", **p) for k, p in notes] == [
        "columns without a period: Jan–Feb 2026, from the title"
    ]
