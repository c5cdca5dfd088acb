"""A grid -> candidate figures: find the header, tell long from wide, read each cell's role.

Long:  指标 | 时期 | 数值 | 单位              (one row per indicator and period)
Wide:  指标 | 1-2月 | 1-3月 | ...            (one column per period)
Bureau tables put a merged period row over a measure row ("1—3月" over
"绝对量(亿元) | 同比增长(%)"); merged cells arrive empty and are filled from the left.
Title and "单位:亿元" rows above the header and "注:" footnotes below are skipped.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.core.problems import IngestError, Problem
from dashboard.ingest.cells import CellError, Period, clean, parse_period
from dashboard.ingest.grid import Grid, column_letter

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
UNIT_WORDS = {"单位", "计量单位", "unit", "units"}
ENTITY_WORDS = {"地区", "主体", "区县", "填报主体", "entity", "region"}
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
GROWTH_WORDS = ("增长", "增速", "同比", "增幅", "growth", "yoy")
YTD_WORDS = ("累计", "本年", "ytd", "cumulative", "1-")
MONTH_WORDS = ("当月", "本月", "单月", "month")
FOOTNOTE = re.compile(r"^(注|说明|资料来源|数据来源|备注|note)\s*[:：\d.、]", re.IGNORECASE)
UNIT_ROW = re.compile(r"单位\s*[:：]\s*(\S+)")
PARENS = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")
SUB_ITEM = re.compile(r"^(#|＃|其中[:：]?|内:)")


@dataclass(slots=True)
class Column:
    index: int
    role: str  # indicator|period|unit|entity|basis|year|note|value
    header: str
    unit: str = ""
    growth: bool = False
    basis: str | None = None  # ytd | month | None
    period: Period | None = None


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
)


@dataclass(slots=True)
class RawFigure:
    """One candidate figure: a value cell with everything around it that gives it meaning."""

    row: int
    column: str
    indicator: str
    indicator_column: str
    cell: object
    period_cell: object
    period: Period | None
    period_column: str
    unit_hint: str
    label_unit: str
    growth: bool
    basis: str | None
    entity: str | None
    sub_item: bool


class Cells:
    """Candidate figures as parallel columns (a 100,000-row file is a few lists, not
    100,000 objects); `at(i)` gives one as a RawFigure when a message needs it."""

    def __init__(self, columns: dict[str, list]):
        for name in CELL_FIELDS:
            setattr(self, name, columns[name])
        self.size = len(columns["row"])

    def __len__(self) -> int:
        return self.size

    def at(self, i: int) -> RawFigure:
        return RawFigure(*(getattr(self, name)[i] for name in CELL_FIELDS))


@dataclass
class Layout:
    kind: str  # long | wide
    columns: list[Column]
    default_unit: str
    title_year: int | None
    data_start: int  # first grid row below the header (and its measure row)


@lru_cache(maxsize=65536)
def split_label(text: str) -> tuple[str, str]:
    """'社会消费品零售总额(亿元)' -> ('社会消费品零售总额', '亿元')."""
    s = clean(text)
    m = PARENS.search(s)
    unit = m.group(1).strip() if m else ""
    base = PARENS.sub("", s).strip().rstrip(":：")
    return base, unit


def _role(base: str) -> str | None:
    low = base.lower()
    for role, words in (
        ("indicator", INDICATOR_WORDS),
        ("period", PERIOD_WORDS),
        ("unit", UNIT_WORDS),
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


def _measure(base: str, unit: str) -> tuple[bool, str | None]:
    low = base.lower()
    growth = any(w in low for w in GROWTH_WORDS)
    basis = (
        "month"
        if any(w in low for w in MONTH_WORDS)
        else "ytd"
        if any(w in low for w in YTD_WORDS)
        else None
    )
    return growth, basis


def _try_period(cell) -> Period | None:
    if cell is None:
        return None
    try:
        return parse_period(cell)
    except (CellError, ValueError):
        return None


def _classify_header(row: list) -> list[Column]:
    cols = []
    for i, cell in enumerate(row):
        if cell is None:
            continue
        base, unit = split_label(str(cell))
        period = _try_period(cell if not isinstance(cell, str) else base)
        role = None if period else _role(base)
        if role is None and period is None:
            continue
        growth, basis = _measure(base, unit)
        if period is not None:
            role, basis = "value", ("ytd" if period.cumulative else basis)
        cols.append(Column(i, role, str(cell), unit, growth, basis, period))
    return cols


def _is_header(cols: list[Column]) -> bool:
    roles = [c.role for c in cols]
    if "indicator" not in roles:
        return False
    return ("value" in roles) or any(c.period for c in cols)


def find_layout(grid: Grid, file: str) -> Layout:
    default_unit, title_year = "", None
    for pos in range(min(30, len(grid))):
        row = grid.row(pos)
        cols = _classify_header(row)
        if _is_header(cols):
            layout = _build_layout(grid, pos, cols, default_unit, title_year)
            return layout
        default_unit, title_year = _title_facts(row, default_unit, title_year)
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


def _title_facts(row: list, unit: str, year: int | None) -> tuple[str, int | None]:
    text = " ".join(clean(c) for c in row if c is not None)
    m = UNIT_ROW.search(text)
    if m:
        unit = m.group(1).strip("()（）")
    y = re.search(r"(20\d{2})\s*年", text)
    return unit, (int(y.group(1)) if y and year is None else year)


def _build_layout(grid: Grid, pos: int, cols: list[Column], unit: str, year) -> Layout:
    if any(c.period for c in cols):
        merged = _merge_measure_row(grid, pos, cols)
        start = pos + (2 if merged is not None else 1)
        return Layout("wide", _single_months_beside_cumulative(merged or cols), unit, year, start)
    return Layout("long", cols, unit, year, pos + 1)


def _single_months_beside_cumulative(cols: list[Column]) -> list[Column]:
    """In a table with "1—3月" columns, a bare "3月" column is the single month."""
    if any(c.period and c.period.cumulative for c in cols):
        for c in cols:
            if c.period and c.period.cumulative is None and c.basis is None:
                c.basis = "month"
    return cols


def _merge_measure_row(grid: Grid, pos: int, cols: list[Column]) -> list[Column] | None:
    """Combine a merged period row with the measure row under it; None if there is none."""
    if pos + 1 >= len(grid):
        return None
    below = grid.row(pos + 1)
    measures = {i: split_label(str(c)) for i, c in enumerate(below) if c is not None}
    if not measures or not all(_role(b) == "value" for b, _ in measures.values()):
        return None
    header = grid.row(pos)
    kept = [c for c in cols if not c.period]
    current = None
    for i in range(len(header)):
        p = _try_period(header[i]) if header[i] is not None else None
        current = p or current
        if i in measures and current is not None:
            base, unit = measures[i]
            growth, basis = _measure(base, unit)
            basis = "ytd" if current.cumulative else basis
            kept.append(
                Column(i, "value", f"{header[i] or ''}/{below[i]}", unit, growth, basis, current)
            )
    return kept


def raw_figures(grid: Grid, layout: Layout) -> Cells:
    """Every value cell of the data rows, with its row's label, unit, entity and period."""
    by_role = {c.role: c for c in reversed(layout.columns) if c.role != "value"}
    label_index = by_role["indicator"].index
    keep = _data_rows(grid, layout.data_start, label_index)
    lines = [grid.line_numbers[r] for r in keep]
    n = len(keep)

    def column(index: int) -> list:
        col = grid.columns[index] if index < len(grid.columns) else None
        return [None] * n if col is None else [col[r] for r in keep]

    def role_column(role: str, convert=None) -> list:
        col = by_role.get(role)
        cells = [None] * n if col is None else column(col.index)
        return [None if c is None else convert(c) for c in cells] if convert else cells

    labels = [_label(str(c)) for c in column(label_index)]
    bases = [label[0] for label in labels]
    subs = [label[2] for label in labels]
    label_units = [label[1] or layout.default_unit for label in labels]
    units = [u or "" for u in role_column("unit", clean)]
    entities = role_column("entity", clean)
    row_bases = role_column("basis", _basis_word)
    periods = role_column("period")
    indicator_letter = column_letter(label_index)
    period_col = by_role.get("period")
    period_letter = column_letter(period_col.index) if period_col else None
    columns: dict[str, list] = {name: [] for name in CELL_FIELDS}
    value_columns = [c for c in layout.columns if c.role == "value"]
    for col in value_columns:
        letter = column_letter(col.index)
        part = {
            "row": lines,
            "column": [letter] * n,
            "indicator": bases,
            "indicator_column": [indicator_letter] * n,
            "cell": column(col.index),
            "period_cell": [col.header] * n if col.period else periods,
            "period": [col.period] * n,
            "period_column": [period_letter or letter] * n,
            "unit_hint": [col.unit or u for u in units] if col.unit else units,
            "label_unit": label_units,
            "growth": [col.growth] * n,
            "basis": [col.basis or b for b in row_bases] if col.basis else row_bases,
            "entity": entities,
            "sub_item": subs,
        }
        for name in CELL_FIELDS:
            columns[name].extend(part[name])
    if len(value_columns) > 1:  # row by row, as the user reads the file
        order = sorted(range(len(columns["row"])), key=columns["row"].__getitem__)
        columns = {name: [values[j] for j in order] for name, values in columns.items()}
    return Cells(columns)


def _data_rows(grid: Grid, start: int, label_index: int) -> list[int]:
    """Rows from `start` that carry a label, up to the first footnote."""
    stop = _footnote_row(grid, start)
    if label_index >= len(grid.columns):
        return []
    labels = grid.columns[label_index]
    return [
        r
        for r in range(start, stop)
        if (v := labels[r]) is not None and (v.__class__ is not str or v.strip())
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


@lru_cache(maxsize=65536)
def _label(label: str) -> tuple[str, str, bool]:
    """'#其中：某某(亿元)' -> ('某某', '亿元', True)."""
    base, unit = split_label(label)
    sub = bool(SUB_ITEM.match(base))
    return SUB_ITEM.sub("", base).strip(), unit, sub


@lru_cache(maxsize=256)
def _basis_word(cell) -> str | None:
    if cell is None:
        return None
    low = clean(cell).lower()
    if any(w in low for w in MONTH_WORDS):
        return "month"
    if any(w in low for w in YTD_WORDS):
        return "ytd"
    return None
