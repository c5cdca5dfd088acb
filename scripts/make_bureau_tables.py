"""Write the statistics-bureau test tables in tests/data/bureau_tables/ (issue 14).

Layout, wording, symbols and file formats are those of published tables (see the README
there for the tables each one follows); every NUMBER is synthetic, and every file name
says so. The expected results beside each file (`*.expected.json`) are written by hand,
not by this script: regenerating the tables must not silently change what is expected.

    python scripts/make_bureau_tables.py   # needs openpyxl and xlwt (pip install xlwt)
"""

import csv
import io
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "bureau_tables"
IND = "\u3000"  # full-width space: how bureau tables indent breakdown rows
SYNTH_BODY = "本表数字为模拟数据（synthetic），仅用于测试，版式与用语仿照统计部门公开发布的表格。"
SYNTH = "注：" + SYNTH_BODY


# ------------------------------------------------------------------- writers
def _padded(rows: list[list]) -> list[list]:
    """Excel pads every row of a CSV/text export to the sheet's used width."""
    width = max(len(r) for r in rows)
    return [["" if c is None else c for c in r] + [""] * (width - len(r)) for r in rows]


def _csv_text(rows: list[list], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(_padded(rows))
    return out.getvalue()


def write_csv(name: str, rows: list[list], encoding: str) -> None:
    """encoding: 'gbk' (Excel's plain CSV on Chinese Windows), 'utf-8-sig' (CSV UTF-8)."""
    (OUT / name).write_bytes(_csv_text(rows).encode(encoding))


def write_utf16_tsv(name: str, rows: list[list]) -> None:
    """Excel's 'Unicode text': UTF-16LE with a BOM, tab-separated, CRLF."""
    (OUT / name).write_bytes(b"\xff\xfe" + _csv_text(rows, "\t").encode("utf-16-le"))


def write_xlsx(name: str, rows: list[list], merges: list[str] = ()) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for r in rows:
        sheet.append(r)
    for rng in merges:
        sheet.merge_cells(rng)
        sheet[rng.split(":")[0]].alignment = Alignment(horizontal="center")
    book.save(OUT / name)


def write_xls(name: str, rows: list[list], merges: list[tuple] = ()) -> None:
    """A real BIFF8 .xls (the format of Excel 97-2003 and of the statistics portal's
    Excel download), written by xlwt; merges are (row0, row1, col0, col1), 0-based."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    merged = {(m[0], m[2]): m for m in merges}
    covered = {
        (r, c)
        for (r0, r1, c0, c1) in merges
        for r in range(r0, r1 + 1)
        for c in range(c0, c1 + 1)
        if (r, c) != (r0, c0)
    }
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is None or value == "" or (i, j) in covered:
                continue
            if (i, j) in merged:
                r0, r1, c0, c1 = merged[(i, j)]
                sheet.write_merge(r0, r1, c0, c1, value)
            else:
                sheet.write(i, j, value)
    book.save(str(OUT / name))


# ------------------------------------------------------------------- B01
def b01() -> None:
    """City main-indicators table, 1—10月, GBK CSV: title period, mixed 单位 row and a
    per-row unit column, breakdown rows (#, indentation), amount and growth side by side,
    亿美元, a CPI row with '(上年同期=100)', numbered notes and a 数据来源 footer."""
    rows = [
        ["2026年1—10月郑州市主要经济指标"],
        ["单位：亿元、%"],
        ["指标名称", "计量单位", "1—10月累计", "比上年同期增长(%)"],
        ["地区生产总值（GDP）", "亿元", "—", "—"],
        ["规模以上工业增加值", "%", "—", "8.7"],
        [IND + "#制造业", "%", "—", "9.6"],
        [IND * 2 + "高技术制造业", "%", "—", "12.1"],
        [IND + "#六大主导产业", "%", "—", "10.2"],
        ["固定资产投资", "%", "—", "4.6"],
        [IND + "#民间投资", "%", "—", "3.2"],
        [IND * 2 + "工业投资", "亿元", "1,186.4", "12.3"],
        [IND * 2 + "房地产开发投资", "亿元", "1,402.7", "同比下降8.0%"],
        ["社会消费品零售总额", "亿元", "4,252.3", "4.6"],
        [IND + "#限额以上单位消费品零售额", "亿元", "1,693.5", "6.1"],
        ["一般公共预算收入", "亿元", "1,031.6", "0.8"],
        [IND + "#税收收入", "亿元", "702.5", "-2.1"],
        ["货物进出口总额", "亿元", "4,830.2", "下降8.0"],
        [IND + "#出口", "亿元", "2,911.7", "-5.6"],
        ["实际使用外资", "亿美元", "12.6", "-5.3"],
        ["机场货邮吞吐量", "万吨", "92.31", "9.8"],
        ["居民消费价格指数(上年同期=100)", "%", "100.3", "—"],
        ["注：1.规模以上工业增加值增速按可比价格计算，其他指标增速按现价计算。"],
        ["2.部分数据因四舍五入，存在总计与分项合计不等的情况。"],
        [SYNTH],
        ["数据来源：郑州市统计局"],
    ]
    write_csv("B01_zz_main_indicators_2026_1-10_synthetic_gbk.csv", rows, "gbk")


# ------------------------------------------------------------------- B02
def b02() -> None:
    """1~2月 table whose only period is in the title (full-width digits, a tilde); the
    header carries measures, not periods. Cell wordings: 9.1①, 同比增长6.0%, 增长5.4%,
    同口径下降1.9%, …; a bracketed qualifier that is not a unit: (不含农户)."""
    rows = [
        ["表1"],
        ["２０２６年１～２月郑州市主要经济指标"],
        ["指标", "单位", "绝对量", "增长（%）"],
        ["全市规上工业增加值", "%", "—", "9.1①"],
        [IND + "其中：规上装备制造业增加值", "%", "—", "6.8"],
        [IND * 3 + "规模以上制造业增加值", "%", "—", "9.9"],
        ["固定资产投资(不含农户)", "%", "—", "同比增长6.0%"],
        [IND + "其中：工业投资", "%", "—", "33.7"],
        ["社会消费品零售总额", "亿元", "1128.6", "增长5.4%"],
        [IND + "#限额以上单位消费品零售额", "亿元", "412.3", "10.8"],
        ["一般公共预算收入", "亿元", "232.1", "同口径下降1.9%"],
        ["规模以上工业用电量", "亿千瓦时", "52.3", "3.1"],
        ["新登记市场主体", "万户", "3.2", "…"],
        ["注：①规模以上工业增加值增速按可比价格计算。"],
        [SYNTH],
        ["数据来源：郑州市统计局、国家统计局郑州调查队"],
    ]
    write_csv(
        "B02_zz_main_indicators_2026_1~2_title_period_synthetic_utf8bom.csv", rows, "utf-8-sig"
    )


# ------------------------------------------------------------------- B03
NBS_MONTHS = [f"2026年{m}月" for m in range(9, 0, -1)] + [f"2025年{m}月" for m in (12, 11, 10, 9)]


def _nbs_monthly_rows() -> list[list]:
    """Statistics-portal export: 数据库/地区/时间 lines, months newest first, January
    blank and the 1-2月 cumulative in the 2月 column, then notes and 数据来源."""
    blank = ""
    return [
        ["数据库：月度数据"],
        ["地区：郑州市"],
        ["时间：最近13个月"],
        ["指标", *NBS_MONTHS],
        # fmt: off
        [
            "规模以上工业增加值累计增长(%)",
            8.7,
            8.8,
            8.6,
            8.7,
            8.9,
            8.8,
            9.0,
            9.4,
            blank,
            9.0,
            9.1,
            9.2,
            9.3,
        ],
        [
            "工业增加值_同比增长(%)",
            8.2,
            9.1,
            8.0,
            8.3,
            9.6,
            8.1,
            8.2,
            blank,
            blank,
            8.6,
            8.4,
            8.9,
            9.0,
        ],
        [
            "固定资产投资额累计增长(%)",
            4.6,
            4.5,
            4.3,
            4.4,
            4.2,
            3.9,
            3.6,
            3.1,
            blank,
            5.3,
            5.0,
            4.8,
            4.7,
        ],
        [
            "社会消费品零售总额累计值(亿元)",
            3791.0,
            3352.6,
            2938.1,
            2522.8,
            2093.5,
            1671.3,
            1268.7,
            862.4,
            blank,
            5085.2,
            4600.1,
            4123.9,
            3660.3,
        ],
        [
            "社会消费品零售总额累计增长(%)",
            4.5,
            4.5,
            4.6,
            4.7,
            4.7,
            4.8,
            4.9,
            5.1,
            blank,
            5.0,
            4.9,
            4.9,
            4.8,
        ],
        [
            "社会消费品零售总额当期值(亿元)",
            438.4,
            414.5,
            415.3,
            429.3,
            422.2,
            402.6,
            406.3,
            blank,
            blank,
            485.1,
            476.2,
            463.6,
            441.0,
        ],
        [
            "房地产投资累计值(亿元)",
            1262.3,
            1131.2,
            995.4,
            870.0,
            706.9,
            545.2,
            392.8,
            231.6,
            blank,
            1702.2,
            1560.4,
            1423.3,
            1290.8,
        ],
        # fmt: on
        [
            "注：1.为消除春节日期不固定因素的影响，1-2月数据一起调查、一起发布，2月数据为1-2月累计数。"
        ],
        ["2." + SYNTH_BODY],
        ["数据来源：郑州市统计局"],
    ]


def b03() -> None:
    rows = _nbs_monthly_rows()
    text_rows = [
        [("" if c == "" else f"{c:g}") if isinstance(c, float) else c for c in r] for r in rows
    ]
    write_csv("B03_zz_portal_monthly_2025-2026_synthetic_utf8bom.csv", text_rows, "utf-8-sig")
    write_xls("B03x_zz_portal_monthly_2025-2026_synthetic.xls", rows)


# ------------------------------------------------------------------- B04
def b04() -> None:
    """Regions as rows, one indicator named in a metadata line (指标：…_同比增长(%)): the
    provinces have no targets, and a single-month growth rate is context anyway."""
    months = [f"2026年{m}月" for m in range(9, 3, -1)]
    rows = [
        ["数据库：分省月度数据"],
        ["指标：工业增加值_同比增长(%)"],
        ["时间：最近6个月"],
        ["地区", *months],
        ["北京市", "5.1", "4.8", "6.0", "5.5", "4.9", "5.2"],
        ["河北省", "6.3", "6.9", "7.1", "6.4", "6.8", "7.0"],
        ["山西省", "3.2", "2.8", "4.1", "3.6", "3.0", "2.9"],
        ["河南省", "7.6", "8.1", "7.9", "8.3", "7.7", "8.0"],
        ["湖北省", "6.8", "7.2", "7.5", "6.9", "7.1", "7.4"],
        ["注：1.规模以上工业企业起点标准为年主营业务收入2000万元。"],
        [
            "2.为消除春节日期不固定因素的影响，1-2月份工业数据一起调查、一起发布，不单独发布2月份当月数据。"
        ],
        ["3." + SYNTH_BODY],
        ["数据来源：国家统计局"],
    ]
    write_csv("B04_provinces_as_rows_single_month_growth_synthetic_utf8bom.csv", rows, "utf-8-sig")


# ------------------------------------------------------------------- B05
def b05() -> None:
    """Provincial table of cities: indicator and period only in the title (1至9月), a
    merged '增长速度（%）' over '9月 | 1—9月', cities as rows with 全　省 first."""
    rows = [
        ["2026年1至9月各省辖市规模以上工业增加值增长速度"],
        ["市别", "增长速度（%）", None],
        [None, "9月", "1—9月"],
        ["全　省", 7.6, 8.1],
        ["郑州市", 8.2, 8.7],
        ["开封市", 6.9, 7.4],
        ["洛阳市", 8.8, 8.3],
        ["平顶山市", 5.1, "同比下降0.5%"],
        ["安阳市", 7.0, 7.7],
        ["新乡市", 9.1, 8.9],
        ["济源示范区", 4.4, 5.0],
        ["航空港区", 12.4, 11.8],
        ["注：增长速度按可比价格计算。" + SYNTH_BODY],
        ["数据来源：河南省统计局"],
    ]
    write_xlsx(
        "B05_henan_cities_industry_growth_2026_1-9_title_indicator_synthetic.xlsx",
        rows,
        ["A1:C1", "B2:C2", "A2:A3"],
    )


# ------------------------------------------------------------------- B06
DISTRICTS = [
    # name, GDP, its growth, industry growth, FAI growth, retail, its growth, revenue, its growth
    ("中原区", 812.4, 4.1, 6.2, 3.3, 402.7, 4.2, 41.3, -1.8),
    ("二七区", 903.6, 4.5, 7.1, 2.9, 466.8, 4.6, 45.2, 0.6),
    ("管城回族区", 611.0, 5.0, 9.3, 5.7, 301.5, 5.1, 33.8, 1.9),
    ("金水区", 1786.2, 4.3, 3.8, -2.1, 1010.6, 4.0, 97.1, -0.9),
    ("上街区", 128.9, 3.2, 4.4, 8.8, 31.2, 3.9, 8.0, 2.2),
    ("惠济区", 239.5, 4.0, 5.6, "9.3*", 88.3, 4.4, 14.6, 1.1),
    ("中牟县", 601.7, 5.6, 10.2, 6.1, 153.0, 5.5, 40.9, 3.0),
    ("巩义市", 902.3, 5.2, 9.9, 5.0, 190.2, 4.8, 46.7, 0.3),
    ("荥阳市", 702.5, 4.9, 8.1, 4.2, 150.6, 4.7, 38.1, -2.6),
    ("新密市", 701.8, 4.6, 8.4, 3.8, 171.4, 4.5, 36.9, 0.0),
    ("新郑市", 1001.2, 5.3, 10.8, 6.6, 239.0, 5.0, 55.2, 1.4),
    ("登封市", 491.0, 4.8, 7.7, 4.9, 140.9, 4.9, 27.4, -3.5),
    ("郑东新区", 1189.6, 4.4, "/", 1.2, 301.6, 4.3, 98.0, -1.3),
    ("郑州经开区", 1012.5, 5.9, 11.6, 7.4, 80.1, 4.1, 61.5, 2.7),
    ("郑州高新区", 712.8, 6.1, 12.0, 8.2, 52.3, 3.6, 40.2, 3.3),
    ("郑州航空港区", 1015.3, 6.4, 13.1, 9.5, 74.5, 5.8, 49.7, 4.0),
]


def _district_rows(city_label: str, text: bool) -> list[list]:
    """Regions as rows, indicators as columns under a merged two-row header."""

    def cell(v):
        if not text or isinstance(v, str):
            return v
        return f"{v:,.1f}" if abs(v) >= 1000 else f"{v:g}" if v != int(v) else f"{v:.1f}"

    city = [city_label, 11458.3, 4.8, 8.7, 4.6, 3791.0, 4.5, 930.2, "下降0.4" if text else -0.4]
    return [
        ["2026年1—9月郑州市各县（市、区）主要经济指标"],
        ["单位：亿元、%"],
        [
            "地区",
            "地区生产总值",
            None,
            "规模以上工业增加值增速",
            "固定资产投资增速",
            "社会消费品零售总额",
            None,
            "一般公共预算收入",
            None,
        ],  # fmt: skip
        [None, "绝对量", "增速", None, None, "绝对量", "增速", "绝对量", "增速"],
        [cell(v) for v in city],
        *[[cell(v) for v in d] for d in DISTRICTS],
        [
            "注：1.各县（市、区）数据相加不等于全市合计；郑东新区、经开区、高新区、航空港区为功能区。"
        ],
        ["2.“/”表示该区无此项统计，“*”表示数据待核。"],
        [SYNTH],
    ]


def b06() -> None:
    merges_xlsx = ["A1:I1", "A2:I2", "B3:C3", "F3:G3", "H3:I3", "A3:A4", "D3:D4", "E3:E4"]
    write_xlsx(
        "B06_zz_districts_2026_1-9_synthetic.xlsx", _district_rows("郑州市", False), merges_xlsx
    )
    write_csv(
        "B06c_zz_districts_2026_1-9_quanshi_synthetic_gbk.csv",
        _district_rows("全　市", True),
        "gbk",
    )
    merges_xls = [(0, 0, 0, 8), (1, 1, 0, 8), (2, 2, 1, 2), (2, 2, 5, 6), (2, 2, 7, 8),
                  (2, 3, 0, 0), (2, 3, 3, 3), (2, 3, 4, 4)]  # fmt: skip
    write_xls(
        "B06x_zz_districts_2026_1-9_synthetic.xls", _district_rows("郑州市", False), merges_xls
    )


# ------------------------------------------------------------------- B07
def b07() -> None:
    """Long layout: one row per indicator and quarter, amount and growth side by side,
    last year's quarters (2025年 = the year) before this year's."""
    rows = [
        ["郑州市地区生产总值（季度累计）"],
        ["指标名称", "时期", "绝对量(亿元)", "比上年同期增长(%)"],
        ["地区生产总值", "2025年一季度", 3483.2, 5.6],
        ["地区生产总值", "2025年上半年", 7233.0, 5.5],
        ["地区生产总值", "2025年前三季度", 11050.4, 5.4],
        ["地区生产总值", "2025年", 15208.7, 5.4],
        [IND + "第一产业", "2025年", 192.4, 3.0],
        ["地区生产总值", "2026年一季度", 3621.9, 5.3],
        ["地区生产总值", "2026年上半年", 7476.4, 5.1],
        ["地区生产总值", "2026年前三季度", 11458.3, 4.8],
        [IND + "第一产业", "2026年前三季度", 112.1, 3.1],
        [IND + "第二产业", "2026年前三季度", 4321.6, 6.2],
        [IND + "第三产业", "2026年前三季度", 7024.6, 4.1],
        [SYNTH],
    ]
    write_xlsx("B07_zz_gdp_quarterly_long_2025-2026_synthetic.xlsx", rows, ["A1:D1"])


# ------------------------------------------------------------------- B08
def b08() -> None:
    """GDP accounting table: the header's first cell is blank, the period (1-3季度) is in
    the title, breakdown rows are indented; 指标解释 and 注 below. UTF-16 text."""
    rows = [
        ["表1：2026年1-3季度郑州市地区生产总值初步核算数据"],
        ["", "绝对额(亿元)", "比上年同期增长(%)"],
        ["地区生产总值", "11458.3", "4.8"],
        ["第一产业", "112.1", "3.1"],
        [IND + "农林牧渔业", "118.6", "3.3"],
        ["第二产业", "4321.6", "6.2"],
        [IND + "工业", "3702.9", "7.5"],
        [IND + "建筑业", "627.4", "1.2"],
        ["第三产业", "7024.6", "4.1"],
        [IND + "交通运输、仓储和邮政业", "611.9", "6.0"],
        [IND + "批发和零售业", "1150.3", "5.2"],
        [IND + "住宿和餐饮业", "201.7", "4.4"],
        [IND + "金融业", "1088.5", "4.9"],
        [IND + "房地产业", "902.2", "-2.7"],
        [IND + "其他服务业", "3070.0", "4.8"],
        ["注：绝对额按现价计算，增长速度按不变价计算。"],
        [
            "指标解释：地区生产总值是指按市场价格计算的一个地区所有常住单位在一定时期内生产活动的最终成果。"
        ],
        [SYNTH],
    ]
    write_utf16_tsv("B08_zz_gdp_accounts_2026_1-3q_synthetic_utf16.txt", rows)


# ------------------------------------------------------------------- B09 / B10
def _ledger_rows(charger_label: str) -> list[list]:
    """A department ledger: 序号, the annual target beside the figure (not a figure),
    截至10月底 as the period, a completion share, a 全年预计 column of estimates."""
    return [
        ["市发展改革委2026年重点指标推进情况表（截至10月底）"],
        ["填报单位：市发展改革委", None, None, None, None, "填报时间：2026年11月5日"],
        ["序号", "指标", "年度目标", "截至10月底累计完成", "完成率", "全年预计"],
        ["1", charger_label, "3000个", "2415", "80.5%", "3050"],
        ["2", "省市重点项目完成投资", "2000亿元", "1,790", "89.5%", "2010"],
        ["3", "新建公共停车位", "3万个", "2.61万个", "87.0%", "3.05"],
        ["4", "单位产值增加值能耗下降", "4%以上", "—", "—", "预计下降4.2%"],
        ["5", "固定资产投资增长", "5%左右", "4.6%", "—", "预计增长5.0%"],
        ["备注：" + SYNTH_BODY],
    ]


def b09_b10() -> None:
    write_csv("B09_ledger_fgw_2026_oct_estimates_synthetic_utf8bom.csv",
              _ledger_rows("新建电动汽车公共充电桩"), "utf-8-sig")  # fmt: skip
    write_csv("B10_ledger_fgw_2026_oct_near_miss_name_synthetic_utf8bom.csv",
              _ledger_rows("新建公共充电桩"), "utf-8-sig")  # fmt: skip


# ------------------------------------------------------------------- B11
def b11() -> None:
    """Airport ledger in Excel's Unicode text: a year column, months as 'N月止' columns
    (cumulative to the end of month N), last year's full year and this year's to date."""
    y2025 = [7.02, 13.41, 21.37, 29.70, 38.02, 46.15, 54.48, 63.20, 72.61, 82.73, 92.40, 102.51]
    y2026 = [7.05, 13.33, 21.17, 29.18, 37.41, 45.80, 54.02, 62.97, 72.65, 83.11]
    intl = [4.61, 8.93, 14.02, 19.40, 24.96, 30.31, 35.87, 41.80, 48.21, 55.12]
    head = ["指标", "年份", *[f"{m}月止" for m in range(1, 13)]]
    rows = [
        ["郑州机场货邮吞吐量统计（2025年1月–2026年10月）"],
        ["单位：万吨"],
        head,
        ["货邮吞吐量", "2025年", *[f"{v:.2f}" for v in y2025]],
        ["货邮吞吐量", "2026年", *[f"{v:.2f}" for v in y2026]],
        [IND + "其中：国际地区货邮吞吐量", "2026年", *[f"{v:.2f}" for v in intl]],
        [
            "旅客吞吐量（万人次）",
            "2026年",
            "262.1",
            "531.0",
            "790.4",
            "1051.2",
            "1320.9",
            "1588.0",
            "1871.3",
            "2166.8",
            "2430.5",
            "2712.9",
        ],  # fmt: skip
        ["数据来源：郑州机场。" + SYNTH_BODY],
    ]
    write_utf16_tsv("B11_airport_cargo_yue_zhi_2025-2026_synthetic_utf16.txt", rows)


# ------------------------------------------------------------------- B12
def b12() -> None:
    """Portal export with the indicator in a metadata line and cities as rows: the
    cumulative growth of 郑州市 is a catalogue figure, the other cities are not."""
    months = [f"2026年{m}月" for m in range(9, 0, -1)]
    rows = [
        ["数据库：城市月度数据"],
        ["指标：规模以上工业增加值_累计增长(%)"],
        ["时间：2026年"],
        ["地区", *months],
        ["郑州市", "8.7", "8.8", "8.6", "8.7", "8.9", "8.8", "9.0", "9.4", ""],
        ["开封市", "7.4", "7.1", "7.3", "7.0", "6.8", "7.2", "7.5", "7.9", ""],
        ["洛阳市", "8.3", "8.0", "8.1", "8.4", "8.6", "8.2", "8.8", "9.1", ""],
        ["数据来源：河南省统计局。" + SYNTH_BODY],
    ]
    write_csv("B12_cities_as_rows_indicator_metadata_2026_synthetic_utf8bom.csv", rows, "utf-8-sig")


# ------------------------------------------------------------------- B13
def b13() -> None:
    """A key-project ledger, then the same month again with a slip of the finger: 17900
    for 1,790 (ten times the previous figure) must be shown old -> new with a warning."""
    for name, value in (
        ("B13a_key_projects_2026_1-9_synthetic_utf8bom.csv", "1,790"),
        ("B13b_key_projects_2026_1-9_revision_10x_synthetic_utf8bom.csv", "17900"),
    ):
        rows = [
            ["2026年1-9月省市重点项目完成情况"],
            ["指标", "单位", "前9个月累计", "占年度计划(%)"],
            ["省市重点项目完成投资", "亿元", value, "89.5"],
            [SYNTH],
        ]
        write_csv(name, rows, "utf-8-sig")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for make in (b01, b02, b03, b04, b05, b06, b07, b08, b09_b10, b11, b12, b13):
        make()
    print("wrote", len(list(OUT.glob("B*"))), "files to", OUT)


if __name__ == "__main__":
    main()
