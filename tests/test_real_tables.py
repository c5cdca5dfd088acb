"""Tables copied from real publications, ingested unedited with `python -m dashboard
ingest` (issue 14). Where each comes from is in tests/data/real_tables/README.md; the
figures are as published, so the years are those of the publications: a year-less table
takes the catalogue's year (and says so), an earlier year's figures are reference figures.
"""

from pathlib import Path

import pytest

from dashboard.services.database import open_store
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
