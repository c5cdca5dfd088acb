"""Write the SYNTHETIC sample figures shipped in data/actuals/ (January–October 2026).

Every number here is invented to make the first start look like a real year: 1-2月
combined, quarterly GDP, back-loaded investment, a Q4 cargo peak, a few indicators clearly
behind, one maintain target breached (river sections in July), one milestone overdue (the
Xinzheng bonded zone, due end of October). Each file is written in a format officials
really produce, so the samples also exercise the upload path.

    python scripts/make_samples.py        # rewrites data/actuals/synthetic_sample_*
"""

import csv
import io
from pathlib import Path

import openpyxl

OUT = Path(__file__).resolve().parents[1] / "data" / "actuals"
MONTHS = range(1, 11)
NOTE = "注：本表为模拟数据（synthetic sample），仅用于演示，不代表真实统计。"

# ---------------------------------------------------------------- statistics bureau (GBK)
BUREAU = {  # label -> {period end: (level, cumulative growth %)}
    "固定资产投资": {
        2: (None, 3.1),
        3: (None, 3.6),
        4: (None, 3.9),
        5: (None, 4.2),
        6: (None, 4.4),
        7: (None, 4.3),
        8: (None, 4.5),
        9: (None, 4.6),
        10: (None, 4.6),
    },
    "规模以上工业增加值": {
        2: (None, 9.4),
        3: (None, 9.0),
        4: (None, 8.8),
        5: (None, 8.9),
        6: (None, 8.7),
        7: (None, 8.6),
        8: (None, 8.8),
        9: (None, 8.7),
        10: (None, 8.7),
    },
    "社会消费品零售总额(亿元)": {
        2: (862.4, 5.1),
        3: (1268.7, 4.9),
        4: (1671.3, 4.8),
        5: (2093.5, 4.7),
        6: (2522.8, 4.7),
        7: (2938.1, 4.6),
        8: (3352.6, 4.5),
        9: (3791.0, 4.5),
        10: (4252.3, 4.6),
    },
    "一般公共预算收入(亿元)": {
        2: (232.1, 1.9),
        3: (330.5, 1.6),
        4: (448.2, 1.4),
        5: (540.8, 1.2),
        6: (655.3, 1.0),
        7: (761.9, 0.9),
        8: (842.4, 0.8),
        9: (930.2, 0.8),
        10: (1031.6, 0.8),
    },
    "#规上装备制造业增加值": {
        2: (None, 6.8),
        3: (None, 7.0),
        4: (None, 7.1),
        5: (None, 7.3),
        6: (None, 7.2),
        7: (None, 7.1),
        8: (None, 7.2),
        9: (None, 7.2),
        10: (None, 7.2),
    },
}


def bureau_gbk() -> bytes:
    ends = range(2, 11)
    rows = [
        ["2026年1—10月郑州市主要经济指标（模拟数据）"],
        [],
        ["指标"] + sum([[f"1—{e}月", None] for e in ends], []),
        [None] + ["绝对量", "同比增长(%)"] * len(ends),
    ]
    for label, series in BUREAU.items():
        row = [label]
        for e in ends:
            level, growth = series[e]
            row += ["—" if level is None else f"{level:,.1f}", f"{growth}"]
        rows.append(row)
    rows.append([NOTE])
    return _csv(rows).encode("gbk")


# ---------------------------------------------------------------- quarterly (UTF-8 BOM)
QUARTERLY = {  # name, unit, {quarter end: value}
    ("地区生产总值", "%"): {3: 5.3, 6: 5.1, 9: 4.8},
    ("跨境电商交易额", "亿元"): {3: 390, 6: 820, 9: 1290},
    ("培育高端装备龙头企业", "家"): {3: 1, 6: 2, 9: 3},
    ("制造业新技术改造城市试点项目", "个"): {3: 6, 6: 11, 9: 16},
    ("新增“无感审批”事项", "项"): {3: 48, 6: 110, 9: 170},
    ("城市更新新增入库项目", "个"): {3: 12, 6: 26, 9: 38},
    ("公共停车场试点项目", "个"): {3: 0, 6: 1, 9: 1},
    ("改造新建高标准农田", "万亩"): {3: 2.1, 6: 5.3, 9: 8.0},
    ("建设粮油高产示范区", "万亩"): {3: 12, 6: 31, 9: 31},
    ("培育和美乡村先导区", "个"): {3: 1, 6: 2, 9: 4},
    ("打造和美村", "个"): {3: 10, 6: 24, 9: 40},
    ("打造富民村", "个"): {3: 20, 6: 52, 9: 80},
    ("打造洁美村", "个"): {3: 45, 6: 110, 9: 170},
    ("新增培育规模以上绿色制造体系企业", "家"): {3: 4, 6: 10, 9: 18},
    ("零碳工厂", "家"): {3: 1, 6: 2, 9: 3},
    ("零碳园区", "家"): {3: 0, 6: 1, 9: 2},
    ("新建、改扩建义务教育阶段学校", "所"): {3: 1, 6: 2, 9: 4},
    ("新增学位", "个"): {3: 1500, 6: 3600, 9: 7000},
    ("软件产业规模", "亿元"): {3: 330, 6: 700, 9: 1080},
}
QUARTER_NAMES = {3: "2026年一季度", 6: "2026年上半年", 9: "2026年前三季度"}


def quarterly_utf8_bom() -> bytes:
    rows = [["指标名称", "时期", "累计值", "单位"]]
    for (name, unit), series in QUARTERLY.items():
        for q, v in series.items():
            header_unit = unit
            rows.append([name, QUARTER_NAMES[q], f"{v:,}", header_unit])
    return _csv(rows).encode("utf-8-sig")


# ---------------------------------------------------------------- ledgers (XLSX)
def _linear(total_oct: float, months=MONTHS, profile=None):
    """Year-to-date values reaching `total_oct` in October, spread like `profile`."""
    shares = profile or {m: m for m in months}
    return {m: total_oct * shares[m] / shares[10] for m in months}


BACK_LOADED = {1: 3, 2: 8, 3: 15, 4: 23, 5: 31, 6: 41, 7: 49, 8: 58, 9: 68, 10: 78}
LEDGERS = {  # name, unit, October YTD, profile
    ("新建电动汽车公共充电桩", "个"): (2450, None),
    ("新建公共停车位", "万个"): (2.6, None),
    ("新建改造供水管网", "公里"): (36, None),
    ("新建改造供气管网", "公里"): (30, None),
    ("新建改造供热管网", "公里"): (13.2, None),
    ("新增供热水网面积", "万平方米"): (150, None),
    ("新发展天然气用户", "万户"): (5.6, None),
    ("自备井用户水源置换", "万户"): (0.62, None),
    ("建设口袋公园", "个"): (12, None),
    ("打造“公园+”特色园区", "个"): (18, None),
    ("新增绿地", "万平方米"): (88, None),
    ("完成道路中修", "万平方米"): (44, None),
    ("开展促消费活动", "场"): (920, None),
    ("入库国家科技型中小企业", "家"): (8120, None),
    ("发布企业用工岗位", "万个"): (18.5, None),
    ("组织职业技能培训", "万人次"): (3.9, None),
    ("新增城镇就业", "万人"): (11.2, None),
    ("农村劳动力转移就业", "万人"): (2.2, None),
    ("有进出口实绩的企业", "家"): (5200, None),
    ("新增安置面积", "万平方米"): (610, None),
    ("完成积水点治理", "处"): (9, None),
    ("新增国际航线", "条"): (6, None),
    ("省市重点项目完成投资", "亿元"): (1590, BACK_LOADED),
    ("签约亿元以上产业链项目", "亿元"): (2300, None),
    ("城市更新完成投资", "亿元"): (930, BACK_LOADED),
}
FROM_FEB = {  # bureau-calendar ledgers: first figure is 1-2月
    ("工业投资完成", "亿元"): (1180, BACK_LOADED),
    ("计算机整机产量", "万台"): (158, None),
    ("电子信息产业规模", "亿元"): (7400, None),
    ("整车产量", "万辆"): (128, None),
}
COUNT_UNITS = ("个", "场", "家", "处", "条")


def ledgers_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账汇总"
    sheet.append(["2026年重点任务台账汇总（模拟数据）"])
    sheet.append(["指标名称", "时期", "累计完成", "单位"])
    for (name, unit), (oct_value, profile) in {**LEDGERS, **FROM_FEB}.items():
        series = _linear(oct_value, profile=profile)
        months = range(2, 11) if (name, unit) in FROM_FEB else MONTHS
        for m in months:
            v = series[m]
            v = round(v) if unit in COUNT_UNITS else round(v, 2)
            period = "2026年1-2月" if m == 2 and (name, unit) in FROM_FEB else f"2026年{m}月"
            sheet.append([name, period, v, unit])
    sheet.append([NOTE])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- airport (UTF-16 text)
CARGO_TONNES = {
    1: 70500,
    2: 62800,
    3: 78400,
    4: 80100,
    5: 82300,
    6: 83900,
    7: 86200,
    8: 89500,
    9: 96800,
    10: 104600,
}


def airport_utf16() -> bytes:
    header = ["指标", "口径", "单位"] + [f"2026年{m}月" for m in MONTHS]
    row = ["机场货邮吞吐量", "当月", "吨"] + [f"{CARGO_TONNES[m]:,}" for m in MONTHS]
    text = "\r\n".join("\t".join(r) for r in (header, row)) + "\r\n"
    return text.encode("utf-16")  # Excel "Unicode text": UTF-16 with BOM, tab-separated


# ---------------------------------------------------------------- levels (UTF-8)
def levels_csv() -> bytes:
    rows = [["indicator", "period", "value", "unit"]]
    for m in MONTHS:
        p = f"2026-{m:02d}"
        rows.append(["drinking_water_compliance", p, "100%", "%"])
        rows.append(["river_sections_compliance", p, "95.8%" if m == 7 else "100%", "%"])
        rows.append(["snbd_canal_water_class", p, "Ⅱ类", ""])
        rows.append(["huayuankou_water_class", p, "Ⅱ类", ""])
        rows.append(["zero_employment_households", p, "0", "户"])
        rows.append(["hightech_export_share", p, f"{57.2 + m * 0.15:.1f}%", "%"])
        rows.append(["medical_insurance_enrolment", p, f"{1018 + m * 1.4:.1f}", "万人"])
    return _csv(rows).encode("utf-8")


# ---------------------------------------------------------------- milestones
MILESTONES = {
    "办好第三届郑州—卢森堡“空中丝绸之路”国际合作论坛": {4: "推进中", 9: "已完成"},
    "北理工郑研院建成投用": {3: "推进中"},
    "上海交大郑研院建成投用": {3: "推进中", 8: "已完成"},
    "北大郑研院基本建成": {3: "推进中"},
    "上汽智己二期投产": {2: "推进中", 6: "已完成"},
    "海马盒子汽车首款车型量产": {3: "推进中"},
    "开业运营胖东来郑州店": {3: "推进中"},
    "开业运营京东MALL": {2: "推进中", 5: "已完成"},
    "开业运营麦德龙新店": {4: "推进中", 9: "已完成"},
    "建成二七万象城二期": {3: "推进中"},
    "初步建成“免证明城市”": {3: "推进中"},
    "新郑综保区扩区提质启动运行": {2: "推进中"},
    "建成智慧口岸物流系统": {5: "推进中"},
    "郑洛高速建成通车": {2: "推进中"},
    "郑许高速建成通车": {2: "推进中", 10: "已完成"},
    "焦平高速主线完工": {3: "推进中"},
    "开工建设郑开大道智慧化改造": {6: "已完成"},
    "开工建设新国道107郑州境快速化": {4: "已完成"},
    "建成中原粮储、兴隆粮库等项目": {3: "推进中"},
    "组建郑州交响乐团": {1: "未启动"},
}


def milestones_csv() -> bytes:
    rows = [["指标", "月份", "进展情况"]]
    for name, changes in MILESTONES.items():
        for m, state in changes.items():
            rows.append([name, f"2026年{m}月", state])
    return _csv(rows).encode("utf-8")


# ---------------------------------------------------------------- a revision
def revision_csv() -> bytes:
    """The bureau's final 1-9月 retail figure replaces the preliminary one."""
    rows = [["指标", "时期", "同比增长(%)"], ["社会消费品零售总额", "2026年1-9月", "4.4"]]
    return _csv(rows).encode("utf-8-sig")


def _csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(
        [["" if c is None else c for c in r] for r in rows]
    )
    return out.getvalue()


FILES = {
    "synthetic_sample_01_statistics_bureau_gbk.csv": bureau_gbk,
    "synthetic_sample_02_quarterly_utf8bom.csv": quarterly_utf8_bom,
    "synthetic_sample_03_department_ledgers.xlsx": ledgers_xlsx,
    "synthetic_sample_04_airport_cargo_utf16.txt": airport_utf16,
    "synthetic_sample_05_environment_and_levels.csv": levels_csv,
    "synthetic_sample_06_milestones.csv": milestones_csv,
    "synthetic_sample_07_retail_revision.csv": revision_csv,
}

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        (OUT / name).write_bytes(make())
        print("wrote", OUT / name)
