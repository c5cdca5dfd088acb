"""Parsing single cells: numbers with units, periods, milestone states, water classes.

Each parser raises CellError with a message and a fix hint; callers attach row/column.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from dashboard.core.units import MULTIPLIERS, UnknownUnit, parse_unit


class CellError(ValueError):
    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(message)


DASHES = re.compile(r"[～~—–－―〜]")


@lru_cache(maxsize=65536)
def _clean_text(text: str) -> str:
    return DASHES.sub("-", unicodedata.normalize("NFKC", text).strip())


def clean(text) -> str:
    """NFKC folds full-width digits and punctuation; dashes and tildes are folded by hand."""
    return _clean_text(text if isinstance(text, str) else str(text))


# ------------------------------------------------------------------------- numbers

MISSING = {"", "-", "--", "---", "/", "n/a", "na", "无", "none", "null", "暂无"}
BELOW_UNIT = {"…", "...", "……", "......"}
NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?)\s*(.*)$")
DOWN_WORDS = ("下降", "减少", "降低", "回落", "down")
UP_WORDS = ("增长", "增加", "提高", "上升", "up")
LIMIT = Decimal("1e15")  # above any municipal figure in any unit; catches 1e300 and junk


@dataclass(frozen=True)
class Number:
    value: Decimal | None  # None: no figure ("—", "-", blank)
    unit: str = ""  # unit written in the cell, "" if none
    below_unit: bool = False


@lru_cache(maxsize=65536)
def parse_number(text: str) -> Number:
    """'1,552,981' 'Ｘ' '110万吨' '8.5%' '下降0.6%' '—' -> Number; raises CellError."""
    s = clean(text).replace(",", "").replace(" ", "")
    if s.lower() in MISSING or set(s) <= {"-"}:
        return Number(None)
    if s in BELOW_UNIT:
        return Number(Decimal(0), below_unit=True)
    sign = 1
    for word in DOWN_WORDS:
        if s.startswith(word):
            sign, s = -1, s[len(word) :]
    for word in UP_WORDS:
        if s.startswith(word):
            s = s[len(word) :]
    m = NUMBER.match(s)
    if not m or m.group(2)[:1] in tuple("0123456789.+-eE"):
        raise CellError(
            f"{text!r} is not a number", "write digits such as 1,234.5 or 8.5%; use — for no figure"
        )
    try:
        value = Decimal(m.group(1)) * sign
    except InvalidOperation as err:
        raise CellError(f"{text!r} is not a number", "write digits such as 1,234.5") from err
    if abs(value) >= LIMIT:
        raise CellError(f"{text!r} is implausibly large", "check the cell for a typing error")
    unit = m.group(2).strip()
    if unit and unit not in MULTIPLIERS:
        try:
            parse_unit(unit)
        except UnknownUnit as err:
            raise CellError(
                f"{text!r}: unknown unit {unit!r}",
                "write a number with a unit such as 万吨, 亿元 or %",
            ) from err
    return Number(value, unit)


def number_from_cell(cell) -> Number:
    """Excel cells may already be numbers; NaN and infinities are refused like text."""
    if isinstance(cell, bool):
        raise CellError(f"{cell!r} is not a number", "write the figure as digits")
    if isinstance(cell, int | float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise CellError(f"{cell!r} is not a number", "write the figure as digits")
        return parse_number(repr(cell))
    if cell is None:
        return Number(None)
    if isinstance(cell, datetime | date):
        raise CellError(f"{cell} is a date, not a number", "format the cell as a number")
    return parse_number(str(cell))


# ------------------------------------------------------------------------- periods

CN_NUM = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
    "两": 2,
}
QUARTERS = {
    "一季度": 3,
    "第一季度": 3,
    "1季度": 3,
    "q1": 3,
    "上半年": 6,
    "半年": 6,
    "h1": 6,
    "前三季度": 9,
    "1-3季度": 9,
    "一至三季度": 9,
    "q1-q3": 9,
    "前3季度": 9,
    "全年": 12,
    "全年累计": 12,
    "年度": 12,
    "fy": 12,
    "1-4季度": 12,
}
SINGLE_QUARTERS = (
    "二季度",
    "第二季度",
    "三季度",
    "第三季度",
    "四季度",
    "第四季度",
    "q2",
    "q3",
    "q4",
)
PERIOD_HINT = "write 2026-03, 2026年3月, 3月, 1-2月, 前2个月, 一季度, 上半年, 前三季度 or 全年"


@dataclass(frozen=True)
class Period:
    year: int | None
    start: int
    end: int
    cumulative: bool | None  # True: says 1-N月; None: a bare month, basis from elsewhere
    note: str = ""


def _month(n: int) -> int:
    if not 1 <= n <= 12:
        raise CellError(f"month {n} does not exist", PERIOD_HINT)
    return n


def _cn_int(text: str) -> int:
    return CN_NUM[text] if text in CN_NUM else int(text)


PATTERNS = [
    (re.compile(r"^(\d{4})(?:[-/.年])(\d{1,2})月?份?$"), "ym"),
    (re.compile(r"^(\d{4})(\d{2})$"), "ym"),
    (re.compile(r"^(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]+)月份?$"), "m"),
    (re.compile(r"^(?:(\d{4})年)?(\d{1,2})-(\d{1,2})月份?$"), "range"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})月$"), "range"),
    (re.compile(r"^(?:(\d{4})年)?1至(\d{1,2})月$"), "first"),
    (re.compile(r"^(?:(\d{4})年)?前(\d{1,2}|[一二三四五六七八九十两]+)个?月$"), "first"),
]


@lru_cache(maxsize=4096)
def parse_period_text(text: str) -> Period:
    s = clean(text).replace(" ", "").lower()
    year = None
    m = re.match(r"^(\d{4})年?(.*)$", s)
    if m and not re.match(r"^\d{6}$", s):
        rest = m.group(2).lstrip("年").lstrip("-")
        if rest.replace("第", "") in QUARTERS or rest in SINGLE_QUARTERS:
            year, s = int(m.group(1)), rest.replace("第", "")
    if s in QUARTERS:
        return Period(year, 1, QUARTERS[s], True)
    if s in SINGLE_QUARTERS:
        raise CellError(
            f"{text!r} is a single quarter",
            "give the cumulative figure: 一季度, 上半年, 前三季度 or 全年",
        )
    for pattern, kind in PATTERNS:
        m = pattern.match(s)
        if m:
            return _from_match(kind, m.groups(), text)
    raise CellError(f"{text!r} is not a period", PERIOD_HINT)


def _from_match(kind: str, groups: tuple, text: str) -> Period:
    year = int(groups[0]) if groups[0] else None
    if kind == "ym":
        return Period(year, _month(int(groups[1])), _month(int(groups[1])), None)
    if kind == "m":
        n = _month(_cn_int(groups[1]))
        return Period(year, n, n, None)
    if kind == "first":
        return Period(year, 1, _month(_cn_int(groups[1])), True)
    start, end = _month(int(groups[1])), _month(int(groups[2]))
    if start != 1 or end < start:
        raise CellError(
            f"{text!r} does not start in January",
            "give cumulative figures from January (1-N月) or single months",
        )
    return Period(year, 1, end, True)


def parse_period(cell) -> Period:
    """A period from text or from an Excel date cell."""
    if isinstance(cell, datetime | date):
        return _period_from_date(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if cell is None or str(cell).strip() == "":
        raise CellError("empty period", PERIOD_HINT)
    return parse_period_text(str(cell))


def _period_from_date(d: date) -> Period:
    # Excel turns "1-2" typed into a cell into 2 January: read it back as 1-2月.
    if d.month == 1 and 2 <= d.day <= 12:
        return Period(d.year, 1, d.day, True, note=f"date {d:%Y-%m-%d} read as 1-{d.day}月")
    return Period(d.year, d.month, d.month, None)


# --------------------------------------------------------------- milestone states, classes

MILESTONE_WORDS = [
    (
        2,
        (
            "已完成",
            "完成",
            "已建成",
            "建成",
            "投用",
            "投产",
            "通车",
            "开业",
            "启动运行",
            "运行",
            "量产",
            "done",
            "completed",
            "complete",
            "finished",
        ),
    ),
    (
        1,
        (
            "推进中",
            "进行中",
            "在建",
            "施工",
            "建设中",
            "in progress",
            "ongoing",
            "started",
            "已开工",
            "开工",
        ),
    ),
    (0, ("未启动", "未开工", "未开始", "not started", "pending")),
]


@lru_cache(maxsize=256)
def parse_milestone(text: str) -> int:
    s = clean(text).lower()
    if s in ("0", "1", "2"):
        return int(s)
    for code, words in MILESTONE_WORDS:
        if any(s == w or (w in s and not s.startswith(("未", "not"))) for w in words):
            return code
    raise CellError(
        f"{text!r} is not a milestone state", "write 未启动, 推进中 or 已完成 (or 0, 1, 2)"
    )


ROMAN_CLASS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


@lru_cache(maxsize=256)
def parse_water_class(text: str) -> int:
    s = clean(text).lower().replace("类", "").replace("水质", "").replace("以上", "")
    if s.startswith("劣"):
        return 6
    if s in ROMAN_CLASS:
        return ROMAN_CLASS[s]
    if s.isdigit() and 1 <= int(s) <= 5:
        return int(s)
    raise CellError(f"{text!r} is not a water class", "write Ⅰ类 to Ⅴ类 or 劣Ⅴ类")
