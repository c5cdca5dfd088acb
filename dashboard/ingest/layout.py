"""A grid -> candidate figures: find the header, tell the layout, read each cell's role.

Long:     指标 | 时期 | 数值 | 单位          (one row per indicator and period)
Wide:     指标 | 1-2月 | 1-3月 | ...        (one column per period, or per measure
                                            under a period the title names)
Regions:  地区 | 地区生产总值 | 规上工业增加值增速 | ...   (one row per place; the
          indicator is a column header, a '指标：…' line or the title)

Bureau tables put a merged row over a second header row: a period over measures ("1—3月"
over "绝对量(亿元) | 同比增长(%)"), an indicator over measures ("社会消费品零售总额" over
"绝对量 | 增速"), or a measure over periods ("增长速度（%）" over "9月 | 1—9月"); merged
cells arrive empty and are filled from the left. The title, metadata and unit lines above
the header give the year, a period, an entity, an indicator and a default unit (see
context); "注："/"数据来源："/"指标解释：" lines below end the data.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.core.problems import IngestError, Problem
from dashboard.core.units import UnknownUnit, parse_unit
from dashboard.ingest.cells import CellError, Period, clean, parse_period
from dashboard.ingest.context import TableContext, find_period, read_line, title_indicator
from dashboard.ingest.grid import Grid, column_letter
from dashboard.ingest.names import measure_only, read_label

INDICATOR_WORDS = {
    "指标",
    "指标名称",
    "项目",
    "名称",
    "指标项",
    "主要指标",
    "indicator",
    "name",
    "target",
    "id",
    "指标id",
    "指标代码",
    "代码",
    "target_id",
    "indicator_id",
}
PERIOD_WORDS = {
    "时期",
    "期间",
    "月份",
    "报告期",
    "统计期",
    "时间",
    "日期",
    "期别",
    "period",
    "month",
    "统计时间",
    "数据期",
}
UNIT_WORDS = {"单位", "计量单位", "计算单位", "unit", "units"}
# A named item of a target judged item by item (each new school, each waterlogging point):
# one row per item, its state in the value column (core/items.py).
ITEM_WORDS = {
    "子项",
    "子项目",
    "子项名称",
    "分项",
    "分项名称",
    "具体项目",
    "项目名称",
    "清单项目",
    "事项名称",
    "点位",
    "点位名称",
    "学校名称",
    "item",
    "item name",
    "item_name",
}
# An item's own due date ("9月前建成", the school's term): 完成时限 | 计划完成时间.
DUE_WORDS = {
    "完成时限",
    "时限",
    "计划完成时间",
    "计划完成日期",
    "计划完成",
    "截止时间",
    "截止日期",
    "due",
    "due date",
    "due_date",
    "deadline",
}
ENTITY_WORDS = {
    "地区",
    "地区名称",
    "主体",
    "区县",
    "县区",
    "县市区",
    "县(市、区)",
    "县(市,区)",
    "县(市区)",
    "市别",
    "地市",
    "城市",
    "市州",
    "省份",
    "区域",
    "填报主体",
    "entity",
    "region",
}
ID_WORDS = {"id", "指标id", "指标代码", "代码", "target_id", "indicator_id"}
ESTIMATE_WORDS = ("预计", "预测", "预估", "估计")
BASIS_WORDS = {"口径", "累计/当月", "basis", "统计口径", "数据类型"}
YEAR_WORDS = {"年份", "年度", "year"}
NOTE_WORDS = {"备注", "说明", "note", "notes", "comment", "原因分析", "责任单位", "department"}
VALUE_WORDS = {
    "数值",
    "值",
    "本期",
    "实际",
    "实际值",
    "完成",
    "完成值",
    "完成数",
    "完成情况",
    "绝对量",
    "绝对额",
    "绝对值",
    "绝对数",
    "总量",
    "本月",
    "当月",
    "累计",
    "本年累计",
    "累计值",
    "累计完成",
    "累计数",
    "同比增长",
    "增长",
    "增速",
    "累计增长",
    "同比",
    "同比增速",
    "增幅",
    "比上年增长",
    "比上年同期增长",
    "当月增长",
    "value",
    "actual",
    "growth",
    "yoy",
    "ytd",
    "cumulative",
    "状态",
    "进展",
    "进展情况",
    "status",
    "水质类别",
    "数据",
}
# Headers that name the level of a published amount/growth pair.
LEVEL_WORDS = {
    "绝对量",
    "绝对额",
    "绝对值",
    "绝对数",
    "总量",
    "总额",
    "金额",
    "累计值",
    "当期值",
    "本月值",
}
GROWTH_WORDS = ("增长", "增速", "同比", "增幅", "growth", "yoy")
YTD_WORDS = ("累计", "本年", "ytd", "cumulative", "1-")
MONTH_WORDS = ("当月", "本月", "单月", "同月", "month")
# A value header with one of these and no growth word is an amount: '1-10月累计', '本月'
AMOUNT_WORDS = ("累计", "当月", "本月", "单月", "本年", "绝对", "总量", "总额", "金额")
# '1-本月', '1—当月', '年初至本月': from January to the title's month, not the month alone
# '至本月平均' (a price index's average from January): the year to date as well
TO_THIS_MONTH = re.compile(r"(?:(?:1|一|年初)\s*[-—–~～至到]|^至)\s*(?:本|当)月")
DECLINE_LABELS = ("比上年下降", "同比下降", "下降(%)", "下降率")
FOOTNOTE = re.compile(
    r"^(注|附注|说明|资料来源|数据来源|指标解释|备注|note)\s*[:：\d.、①]", re.IGNORECASE
)
UNIT_ROW = re.compile(r"单位\s*[:：]\s*(\S+)")
PARENS = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")


@dataclass(slots=True)
class Column:
    index: int
    role: str  # indicator|period|unit|entity|basis|year|note|value|estimate|item|item_due
    header: str
    unit: str = ""
    growth: bool | None = None  # the header says growth (True) or level (False); None: silent
    basis: str | None = None  # ytd | month | None
    period: Period | None = None
    indicator: str | None = None  # an indicator named by the column (regions layout)
    # growth None and the header names an amount by its basis (累计, 本月) or, beside a
    # growth column, by its period: the row's label or unit may still say growth, but
    # without them the cell is an amount, never a rate
    amount: bool = False
    # an index only by the title's base ('(上年同期=100)' above the table), not its own
    # header: a row whose unit names an amount ('计算机整机产量 | 万台') keeps its unit
    titled_index: bool = False


CELL_FIELDS = (
    "row",
    "column",
    "indicator",
    "indicator_column",
    "cell",
    "period_cell",
    "period",
    "period_column",
    "unit_hint",
    "label_unit",
    "growth",
    "basis",
    "entity",
    "sub_item",
    "year",
    "item",
    "item_due",
)


@dataclass(slots=True)
class RawFigure:
    """One candidate figure: a value cell with everything around it that gives it meaning."""

    row: int
    column: str
    indicator: str | None
    indicator_column: str
    cell: object
    period_cell: object
    period: Period | None
    period_column: str
    unit_hint: str
    label_unit: str
    growth: bool | None
    basis: str | None
    entity: str | None
    sub_item: bool
    year: int | None
    item: object  # the named item the row reports (items targets), else None
    item_due: object  # its own due date as written, else None


class Cells:
    """Candidate figures as parallel columns (a 100,000-row file is a few lists, not
    100,000 objects); `at(i)` gives one as a RawFigure when a message needs it.
    `lines` are the data rows in file order and `texts` their labels as written (the
    indicator, or the place in the regions layout), for the rows that were not stored."""

    def __init__(self, columns: dict[str, list], lines: list[int] = (), texts: list = ()):
        for name in CELL_FIELDS:
            setattr(self, name, columns[name])
        self.size = len(columns["row"])
        self.lines, self.texts = list(lines), list(texts)

    def label(self, line: int) -> str:
        """The label of data row `line` as written ('' when blank)."""
        if not hasattr(self, "_by_line"):
            self._by_line = dict(zip(self.lines, self.texts, strict=True))
        text = self._by_line.get(line)
        return "" if text is None else str(text).strip()

    def __len__(self) -> int:
        return self.size

    def at(self, i: int) -> RawFigure:
        return RawFigure(*(getattr(self, name)[i] for name in CELL_FIELDS))


@dataclass
class Layout:
    kind: str  # long | wide | regions
    columns: list[Column]
    context: TableContext
    data_start: int  # first grid row below the header (and its second header row)
    estimate_columns: list[str]  # letters of '全年预计' columns: estimates, never stored
    names_by_id: bool  # the file names indicators by id (the fill-in template)
    data_stop: int | None = None  # the next table's first row, when the file holds several
    composition: bool = False  # a stacked table of shares ('…构成'): rows name shares

    @property
    def default_unit(self) -> str:
        return self.context.unit

    @property
    def title_year(self) -> int | None:
        return self.context.year


@lru_cache(maxsize=65536)
def split_label(text: str) -> tuple[str, str]:
    """'社会消费品零售总额(亿元)' -> ('社会消费品零售总额', '亿元')."""
    s = clean(text)
    m = PARENS.search(s)
    unit = m.group(1).strip() if m else ""
    base = PARENS.sub("", s).strip().rstrip(":：")
    if not unit and base.endswith("%") and len(base) > 1:  # '增长%', '同比±%'
        base, unit = base.rstrip("%±").strip(), "%"
    return base, unit


def role_of(base: str) -> str | None:
    low = base.lower()
    if any(w in low for w in ESTIMATE_WORDS):
        return "estimate"
    for role, words in (
        ("indicator", INDICATOR_WORDS),
        ("period", PERIOD_WORDS),
        ("unit", UNIT_WORDS),
        ("item", ITEM_WORDS),
        ("item_due", DUE_WORDS),
        ("entity", ENTITY_WORDS),
        ("basis", BASIS_WORDS),
        ("year", YEAR_WORDS),
        ("note", NOTE_WORDS),
        ("value", VALUE_WORDS),
    ):
        if low in words:
            return role
    if any(w in low for w in GROWTH_WORDS + YTD_WORDS + MONTH_WORDS):
        return "value"
    return None


def _measure(base: str) -> tuple[bool | None, str | None]:
    """(growth?, basis) a value header states; growth None when it names no measure."""
    low = base.lower()
    growth = True if any(w in low for w in GROWTH_WORDS) else None
    if growth is None and low in LEVEL_WORDS:
        growth = False
    return growth, _basis_of(low)


def _basis_of(low: str) -> str | None:
    """ytd | month a header or 口径 cell states, None when it states neither."""
    if TO_THIS_MONTH.search(low):
        return "ytd"
    if any(w in low for w in MONTH_WORDS):
        return "month"
    if any(w in low for w in YTD_WORDS):
        return "ytd"
    return None


def _try_period(cell) -> Period | None:
    if cell is None:
        return None
    try:
        return parse_period(cell)
    except (CellError, ValueError):
        return None


# A column of indices (the year before = 100: '2011年为上年%', '指数(上年=100)', 发展速度,
# '以上年同期价格为100'; never '以上月价格为100', a chain index against the month before):
# 112.3 there is growth of 12.3%, never a growth rate of 112.3%.
INDEX_HEADER = re.compile(
    r"为上年\s*%|上年(?:同期|同月)?(?:价格)?\s*(?:=|为)\s*100|发展速度"
)  # '以上年同期价格为100' over a CPI table's 本月 | 至本月平均
INDEX_UNIT = "上年=100"
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
YEAR_HEADER = re.compile(r"^(19|20)\d{2}$")


def _year_header(base: str) -> Period | None:
    """A yearbook's column of a year ('2014' over the figures): the whole year."""
    return Period(int(base), 1, 12, True) if YEAR_HEADER.match(base) else None


def _leading_period(base: str) -> Period | None:
    """The period a measure header starts with ('2025年1-9月累计增长', '1—9月增速',
    '前三季度增长'): without it such a column took the title's period, and a 2025 column
    under a 2026 title was stored as 2026. '比1-8月提高' compares with a period and has
    none of its own."""
    if base.lstrip().startswith(("比", "较", "与", "同比", "环比")):
        return None
    return find_period(base)


def _column(i: int, cell) -> Column | None:
    """What a header cell says; None for a cell that is none of ours (序号, 年度目标)."""
    if INDEX_HEADER.search(clean(str(cell))):  # '2011年为上年%', '(上年=100)': an index
        return Column(i, "value", str(cell), INDEX_UNIT, True, None, None)
    base, unit = split_label(str(cell))
    base = SPACED.sub("", base)  # '指 标', '绝对数' over '(亿元)': spaced and wrapped to fit
    period = _try_period(cell if not isinstance(cell, str) else base) or _year_header(base)
    role = "value" if period else role_of(base)
    if role is None:
        return None
    if period is None and role == "value":
        period = _leading_period(base)
    growth, basis = _measure(base)
    if period is not None:
        basis = "ytd" if period.cumulative else basis
    amount = role == "value" and growth is None and any(w in base for w in AMOUNT_WORDS)
    return Column(i, role, str(cell), unit, growth, basis, period, amount=amount)


def classify_header(row: list) -> list[Column]:
    cols = [col for i, cell in enumerate(row) if cell is not None and (col := _column(i, cell))]
    return _project_label(cols)


def _project_label(cols: list[Column]) -> list[Column]:
    """'项 目 名 称 | 计算 单位 | 4月 | 1-4月 累计': a statistics table's label column. Beside
    a 指标 column '项目名称' names a target's items (each school, each project); first in a
    row without one, it is the column of indicator names."""
    if not cols or any(c.role in ("indicator", "entity") for c in cols):
        return cols
    first = cols[0]
    if first.role == "item" and SPACED.sub("", split_label(first.header)[0]) == "项目名称":
        cols[0] = replace(first, role="indicator")
    return cols


def _year_over_header(grid: Grid, pos: int, cols: list[Column], ctx: TableContext) -> bool:
    """A lone '2025年' above a header that names its label column ('指标 | 1-9月累计增长'):
    the year of the table, not a header whose column holds the whole year's figure."""
    if pos + 1 >= len(grid) or grid.row(pos)[0] is not None or len(cols) != 1:
        return False
    if not all(c.period is not None and c.period.start == 1 and c.period.end == 12
               and c.period.year is not None for c in cols):  # fmt: skip
        return False
    below = grid.row(pos + 1)
    named = classify_header(below)
    return any(c.role in ("indicator", "entity") for c in named) and is_header(below, named, ctx)


def is_header(row: list, cols: list[Column], ctx: TableContext) -> bool:
    """Indicators (or places) down a label column, and figures across."""
    roles = {c.role for c in cols}
    figures = "value" in roles or any(c.period for c in cols)
    if "indicator" in roles:
        return figures
    if "entity" in roles:
        return figures or _named_columns(row, cols) != []
    # The GDP accounting table leaves the label column's header blank.
    return row[0] is None and figures and all(c.role in ("value", "unit") for c in cols)


def _named_columns(row: list, cols: list[Column]) -> list[int]:
    """Header cells beside a place column that are neither roles nor periods: indicator
    names ('地区生产总值', '规模以上工业增加值增速')."""
    known = {c.index for c in cols}
    return [
        i
        for i, cell in enumerate(row)
        if cell is not None and i not in known and re.search(r"[\u4e00-\u9fff]{2}", str(cell))
    ]


def find_layout(grid: Grid, file: str, begin: int = 0, ctx: TableContext | None = None) -> Layout:
    ctx = ctx or TableContext()
    for pos in range(begin, min(begin + 30, len(grid))):
        row = grid.row(pos)
        cols = classify_header(row)
        if is_header(row, cols, ctx) and not _year_over_header(grid, pos, cols, ctx):
            return _build_layout(grid, pos, row, cols, ctx)
        ctx = read_line(ctx, " ".join(str(c) for c in row if c is not None))
    raise IngestError(
        [
            Problem(
                file,
                grid.line_numbers[0] if grid.line_numbers else 1,
                None,
                "file.no_header",
                "hint.header",
            )
        ]
    )


# A province, city, district or county as a provincial or city table writes it down its
# first column ('全 省', '郑州市', '湘西自治州', '航空港区').
PLACE = re.compile(r"^(?:全[省市区县国]|\S{1,10}?(?:省|市|区|县|州|盟|旗))$")


def _blank_corner(grid: Grid, pos: int) -> str:
    """What the first column under a blank corner cell lists: places (a table of cities),
    periods (a release's months down, indicators across) or indicators."""
    if _places_down(grid, pos):
        return "entity"
    return "period" if _periods_down(grid, pos) else "indicator"


def _periods_down(grid: Grid, pos: int) -> bool:
    """Two thirds of the labels below are periods ('2012年9月份', '10月份', or the
    quarters of a quarterly series: '2011年1季度', '2季度')."""
    cells = [c for c in grid.columns[0][pos + 1 : pos + 60] if c is not None]
    labels = [c for c in cells if not (isinstance(c, str) and FOOTNOTE.match(clean(c)))]
    return len(labels) >= 2 and sum(_period_label(c) for c in labels) * 3 >= len(labels) * 2


def _period_label(cell) -> bool:
    """A period, or a single quarter ('2季度': refused as a figure's period, still one)."""
    try:
        parse_period(cell)
    except CellError as err:
        return err.key == "period.single_quarter"
    except ValueError:
        return False
    return True


def _places_down(grid: Grid, pos: int) -> bool:
    """Whether the first column below a blank corner cell lists places, not indicators
    (a table of cities whose corner cell was left empty): two thirds of its labels."""
    cells = [clean(c) for c in grid.columns[0][pos + 1 : pos + 60] if c is not None]
    labels = [re.sub(r"\s", "", c) for c in cells if c and not FOOTNOTE.match(c)]
    return len(labels) >= 2 and sum(bool(PLACE.match(c)) for c in labels) * 3 >= len(labels) * 2


def _build_layout(grid: Grid, pos: int, row: list, cols: list[Column], ctx) -> Layout:
    roles = {c.role for c in cols}
    if "indicator" not in roles and "entity" not in roles:  # blank label header
        label = _blank_corner(grid, pos)
        cols = [Column(0, label, ""), *cols]
        roles.add(label)
    regions = "indicator" not in roles and "entity" in roles
    periods = "indicator" not in roles and not regions  # months down, indicators across
    if regions or periods:
        for c in cols:  # '规模以上工业增加值增速' names an indicator; '增长速度（%）' does not
            if c.role == "value" and c.period is None and not measure_only(c.header):
                c.indicator = c.header
        cols = cols + [
            Column(i, "value", str(row[i]), indicator=str(row[i]))
            for i in _named_columns(row, cols)
        ]
        cols.sort(key=lambda c: c.index)
    merged = _merge_second_row(grid, pos, row, cols)
    cols = merged if merged is not None else cols
    start = pos + (2 if merged is not None else 1)
    estimates = [column_letter(c.index) for c in cols if c.role == "estimate"]
    cols = [c for c in cols if c.role != "estimate"]
    # before the title's period: '1-10月累计 | 比上年同期增长(%)' under '…10月…' is the rate
    # of 1—10月, not of the title's month
    cols = _with_context(_growth_beside_amount(cols), ctx, regions or periods)
    by_id = any(clean(c.header).lower() in ID_WORDS for c in cols if c.role == "indicator")
    if regions or periods:
        kind = "regions" if regions else "periods"
    elif any(c.period for c in cols if c.role == "value") and "period" not in roles:
        kind = "wide"
    else:
        kind = "long"
    cols = _amounts_beside_growth(_single_months_beside_cumulative(_growth_beside_amount(cols)))
    return Layout(kind, cols, ctx, start, estimates, by_id)


def _with_context(cols: list[Column], ctx: TableContext, regions: bool) -> list[Column]:
    """Value columns without a period take the title's; in the regions layout, columns
    without an indicator take the '指标：' line's or the title's."""
    named = ctx.indicator or (title_indicator(ctx.title) if ctx.title else None)
    has_period_column = any(c.role == "period" for c in cols)
    whole = ctx.period or _annual(cols, ctx)
    left = None  # '1-10月 | 增长(%)': a measure column belongs to the period before it
    for c in cols:
        if c.role != "value":
            continue
        if ctx.index and not c.unit:  # '(以上年为100)' over the table: 104.2 is an index
            c.unit, c.growth, c.titled_index = INDEX_UNIT, True, True
        period = whole or (left.period if left is not None else None)
        if c.period is None and period is not None and not has_period_column:
            c.period = period
            c.basis = "ytd" if period.cumulative else c.basis
        elif c.period is not None:
            left = c
        if regions and c.indicator is None:
            c.indicator = named
        if c.indicator and c.growth is None:
            label = read_label(c.indicator)
            c.growth, c.basis = label.growth, c.basis or label.basis
    return cols


ANNUAL = re.compile(r"比上年(?!同期|同月)")


def _annual(cols: list[Column], ctx: TableContext) -> Period | None:
    """A year's table ('表1 2023年全区生产总值 | 绝对数 | 比上年增长'): a title naming a
    year and no period, over columns compared with the year before, not the same period
    of it (比上年同期), and naming no period of their own, gives the whole year."""
    values = [c for c in cols if c.role == "value"]
    if ctx.year is None or any(c.period for c in values):
        return None
    if not any(ANNUAL.search(clean(c.header)) for c in values):
        return None
    return Period(ctx.year, 1, 12, True)


def _single_months_beside_cumulative(cols: list[Column]) -> list[Column]:
    """In a table with "1—3月" columns, a bare "3月" column is the single month."""
    if any(c.period and c.period.cumulative for c in cols):
        for c in cols:
            if c.period and c.period.cumulative is None and c.basis is None:
                c.basis = "month"
    return cols


def _growth_beside_amount(cols: list[Column]) -> list[Column]:
    """'本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%)': a growth column that says
    neither 累计 nor 当月 is the rate of the amount printed just left of it, and is read on
    that column's basis (without this the cumulative rate was 'read by the catalogue's
    measure' and the official asked whether it was a single month). Run before the
    title's period is given (the rate takes the amount's own period: '1-10月累计 |
    比上年同期增长(%)' under a '…10月…' title is 1—10月's rate, not a single month's) and
    again after it (an amount whose basis only the title gives)."""
    by_index = {c.index: c for c in cols}
    for c in cols:
        left = by_index.get(c.index - 1)
        if (
            c.role == "value"
            and c.growth
            and c.basis is None
            and left is not None
            and left.role == "value"
            and not left.growth
            and left.basis is not None
        ):
            c.basis = left.basis
            if c.period is None and left.period is not None:
                c.period = left.period
    return cols


def _amounts_beside_growth(cols: list[Column]) -> list[Column]:
    """'1-10月 | 增长(%)', '本月 | 1-10月累计 | 本月增长(%) | 累计增长(%)': in a table with a
    growth column, a value column whose header names only a period or basis (no measure)
    is the amount of the pair, never a growth rate. A header that says 累计 or 本月 says
    so by itself (see `_column`). The row's label or unit may still say growth (a
    '…增速(%)' row), so this only fills in what the header left silent."""
    if any(c.role == "value" and c.growth for c in cols):
        for c in cols:
            # not a column the header names an indicator by (regions: '社会消费品零售总额')
            if c.role == "value" and c.growth is None and c.indicator != c.header:
                c.amount = c.amount or bool(c.period or c.basis)
    return cols


def _second_row_cells(grid: Grid, pos: int, label_index: int) -> dict[int, tuple] | None:
    """The cells of a second header row (measures or periods, label cell blank)."""
    if pos + 1 >= len(grid):
        return None
    below = grid.row(pos + 1)
    if below[label_index] is not None:
        return None
    cells = {i: c for i, c in enumerate(below) if c is not None}
    read = {i: (c, _column(i, c)) for i, c in cells.items()}
    if not read or any(col is None or col.role != "value" for _, col in read.values()):
        return None
    return read


def _merge_second_row(grid: Grid, pos: int, row: list, cols: list[Column]) -> list[Column] | None:
    """Combine a merged header row with the row under it; None if there is none."""
    labels = [c.index for c in cols if c.role in ("indicator", "entity")]
    below = _second_row_cells(grid, pos, labels[0] if labels else 0)
    if below is None:
        return None
    kept = [c for c in cols if c.role not in ("value", "estimate") or c.index not in below]
    kept = [
        c for c in kept if not (c.role in ("value", "estimate") and _spans(row, c.index, below))
    ]
    by_index = {c.index: c for c in cols}
    top, top_index, left = None, None, None
    for i in range(len(row)):
        if row[i] is not None:
            top, top_index, left = by_index.get(i), i, None
        if i not in below or top is None:
            continue
        text, sub = below[i]
        period = _sub_period(top.period, sub.period or left)
        left = sub.period or left
        kept.append(_combined(top, sub, f"{row[top_index]}/{text}", i, period))
    return sorted(kept, key=lambda c: c.index)


def _sub_period(top: Period | None, sub: Period | None) -> Period | None:
    """The period of a second-row column: its own ('1-9月累计'), or the one left of it
    under the same top cell ('1-9月累计 | 增长(%)'), in the year of the top cell
    ('2025年' spanning both); the top cell's own period where the row names none."""
    if sub is None:
        return top
    if sub.year is None and top is not None and top.year is not None:
        return replace(sub, year=top.year)
    return sub


def _spans(row: list, index: int, below: dict) -> bool:
    """A header cell over second-row cells (itself or the blanks merged to its right)."""
    if index in below:
        return True
    j = index + 1
    while j < len(row) and row[j] is None:
        if j in below:
            return True
        j += 1
    return False


def _combined(top: Column, sub: Column, header: str, index: int, period: Period | None) -> Column:
    growth = sub.growth if sub.growth is not None else top.growth
    if growth is None and top.indicator:
        growth = read_label(top.indicator).growth
    basis = "ytd" if period is not None and period.cumulative else (sub.basis or top.basis)
    unit = sub.unit or top.unit
    amount = growth is None and (sub.amount or top.amount)  # '1-10月累计' over '数值'
    return Column(index, "value", header, unit, growth, basis, period, top.indicator, amount)


def raw_figures(grid: Grid, layout: Layout) -> Cells:
    """Every value cell of the data rows, with its row's label, unit, entity and period."""
    by_role = {c.role: c for c in reversed(layout.columns) if c.role != "value"}
    value_columns = [c for c in layout.columns if c.role == "value"]
    regions = layout.kind == "regions"
    across = layout.kind in ("regions", "periods")  # indicators named across the top
    name_columns = [c.index for c in layout.columns if c.role == "indicator"]
    label_indexes = (
        [by_role["entity"].index]
        if regions
        else [by_role["period"].index]
        if across
        else name_columns
    )
    keep = _data_rows(
        grid, layout.data_start, label_indexes, [c.index for c in value_columns], layout.data_stop
    )
    lines = [grid.line_numbers[r] for r in keep]
    n = len(keep)

    def column(index: int) -> list:
        col = grid.columns[index] if index < len(grid.columns) else None
        return [None] * n if col is None else [col[r] for r in keep]

    def role_column(role: str, convert=None) -> list:
        col = by_role.get(role)
        cells = [None] * n if col is None else column(col.index)
        return [None if c is None else convert(c) for c in cells] if convert else cells

    texts, letters = _first_filled([column(i) for i in label_indexes], label_indexes)
    units = [u or "" for u in role_column("unit", clean)]
    row_bases = role_column("basis", _basis_word)
    years = role_column("year", _year_word)
    items = role_column("item", _item_name)
    item_dues = role_column("item_due")
    periods = role_column("period")
    if layout.kind == "periods":
        periods = _carried_years(periods)
    period_col = by_role.get("period")
    period_letter = column_letter(period_col.index) if period_col else None
    if regions:
        entities, names = texts, [None] * n
    elif across:
        entities, names = role_column("entity"), [None] * n
    else:
        entities, names = role_column("entity"), texts
    if layout.composition:
        names = [None if t is None else _share_of(t) for t in names]
    labels = [None if t is None else read_label(t) for t in names]
    subs = [lb is not None and lb.breakdown for lb in labels]
    label_units = [(lb.unit if lb else "") or layout.default_unit for lb in labels]
    label_growth = [lb.growth if lb else None for lb in labels]
    label_basis = [lb.basis if lb else None for lb in labels]
    columns: dict[str, list] = {name: [] for name in CELL_FIELDS}
    for col in value_columns:
        letter = column_letter(col.index)
        part = {
            "row": lines,
            "column": [letter] * n,
            "indicator": [col.indicator] * n if across else names,
            "indicator_column": [letter] * n if across else letters,
            "cell": column(col.index),
            "period_cell": [col.header] * n if col.period else periods,
            "period": [col.period] * n,
            "period_column": [period_letter or letter] * n,
            "unit_hint": [col.unit or u for u in units] if col.unit else units,
            "label_unit": label_units,
            "growth": [col.growth] * n
            if col.growth is not None
            else [False if g is None else g for g in label_growth]
            if col.amount
            else label_growth,
            **(_amount_rows(units, label_units, label_growth) if col.titled_index else {}),
            "basis": [col.basis] * n
            if col.basis
            else [lb or rb for lb, rb in zip(label_basis, row_bases, strict=True)],
            "entity": entities,
            "sub_item": subs,
            "year": years,
            "item": items,
            "item_due": item_dues,
        }
        for name in CELL_FIELDS:
            columns[name].extend(part[name])
    if len(value_columns) > 1:  # row by row, as the user reads the file
        order = sorted(range(len(columns["row"])), key=columns["row"].__getitem__)
        columns = {name: [values[j] for j in order] for name, values in columns.items()}
    return Cells(columns, lines, texts)


YEAR_IN = re.compile(r"((?:19|20)\d{2})\s*年")


def _carried_years(cells: list) -> list:
    """Months down a column name the year once ('2012年9月份', '10月份', …, '2013年1月份'):
    a month without one is of the year last written above it."""
    out, year = [], None
    for c in cells:
        text = None if c is None else str(c)
        found = YEAR_IN.search(text) if text else None
        if found:
            year = found.group(1)
        elif text and year and _try_period(text) is not None:
            text = f"{year}年{text}"
        out.append(text if text is not None else c)
    return out


def _share_of(label) -> str:
    """'本地生产总值(%)' in a 构成 table names the share '本地生产总值构成(%)': another
    indicator than GDP, skipped and listed as such."""
    text = str(label)
    cut = PARENS.search(text)
    return text[: cut.start()] + "构成" + text[cut.start() :] if cut else text + "构成"


def _amount_rows(units: list[str], label_units: list[str], label_growth: list) -> dict:
    """A titled index table's unit and growth hints, row by row: a row whose unit cell or
    label names an amount unit (万台, 亿元) holds that amount, never an index."""
    amount = [_is_amount(u) or _is_amount(lu) for u, lu in zip(units, label_units, strict=True)]
    return {
        "unit_hint": [u if a else INDEX_UNIT for u, a in zip(units, amount, strict=True)],
        "growth": [g if a else True for g, a in zip(label_growth, amount, strict=True)],
    }


@lru_cache(maxsize=256)
def _is_amount(unit: str) -> bool:
    """'万台', '亿元': a unit of an amount; '%', '‰', '个百分点' or none are not."""
    try:
        return parse_unit(unit).dimension not in RATE_DIMENSIONS
    except UnknownUnit:
        return False


RATE_DIMENSIONS = ("percent", "permille", "points", "times", "water_class")


def _first_filled(columns: list[list], indexes: list[int]) -> tuple[list, list[str]]:
    """Per row, the first filled label cell (the fill-in template's 指标ID, else its
    指标名称) and the letter of its column."""
    first = [column_letter(indexes[0])] * (len(columns[0]) if columns else 0)
    if len(columns) == 1:
        return columns[0], first
    texts, letters = [], []
    for cells in zip(*columns, strict=True):
        k = next((j for j, c in enumerate(cells) if c is not None), 0)
        texts.append(cells[k])
        letters.append(column_letter(indexes[k]))
    return texts, letters


def _data_rows(
    grid: Grid,
    start: int,
    label_indexes: list[int],
    value_indexes: list[int],
    table_end: int | None = None,
) -> list[int]:
    """Rows from `start` up to the first footnote (or the next table) that carry a label
    or a figure: a row with figures and no label is reported, never dropped without a
    word."""
    stop = min(_footnote_row(grid, start), table_end if table_end is not None else len(grid))
    width = len(grid.columns)
    labels = [grid.columns[i] for i in label_indexes if i < width]
    values = [grid.columns[i] for i in value_indexes if i < width]
    if not labels:
        return []

    def filled(v) -> bool:
        return v is not None and (v.__class__ is not str or bool(v.strip()))

    main = labels[0]
    return [
        r
        for r in range(start, stop)
        # the label, as a plain expression: this runs once per row of a large file
        if ((v := main[r]) is not None and (v.__class__ is not str or v.strip()))
        or any(filled(col[r]) for col in labels[1:])
        or any(filled(col[r]) for col in values)
    ]


def _footnote_row(grid: Grid, start: int) -> int:
    """The first row from `start` whose first filled cell is a footnote (注: ...)."""
    first = [None] * (len(grid) - start)
    for col in grid.columns:  # column by column: most rows are settled by the first
        gaps = [k for k, v in enumerate(first) if v is None]
        if not gaps:
            break
        for k in gaps:
            first[k] = col[start + k]
    notes = {v for v in set(first) if isinstance(v, str) and FOOTNOTE.match(clean(v))}
    if notes:
        return start + next(k for k, v in enumerate(first) if v in notes)
    return len(grid)


def _item_name(cell) -> str | None:
    """An item's name as written, spaces trimmed; None for a blank cell."""
    name = clean(cell).strip()
    return name or None


@lru_cache(maxsize=256)
def _year_word(cell) -> int | None:
    """'2025年', '2025', 2025.0 in a 年份 column."""
    m = re.match(r"^\s*(20\d{2}|19\d{2})(?:\.0)?\s*年?度?\s*$", clean(cell))
    return int(m.group(1)) if m else None


@lru_cache(maxsize=256)
def _basis_word(cell) -> str | None:
    """ytd | month from a 口径 cell; "decline" for the template's "比上年下降(%)": the figure
    there is a decrease, written without its sign."""
    if cell is None:
        return None
    low = clean(cell).lower()
    if any(w in low for w in DECLINE_LABELS):
        return "decline"
    return _basis_of(low)
