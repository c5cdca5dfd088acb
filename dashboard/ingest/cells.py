"""Parsing single cells: numbers with units, periods, water classes (milestone states
are phrases: milestones.py).

Each parser raises CellError with a message and a fix hint; callers attach row/column.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from dashboard.core.errors import DashboardError
from dashboard.core.messages import text as message_text
from dashboard.core.units import MULTIPLIERS, UnknownUnit, parse_unit


class CellError(DashboardError, ValueError):
    """A cell that cannot be read: what is wrong (key), how to fix it (hint_key)."""

    def __init__(self, key: str, hint_key: str = "", **params):
        self.hint_key = hint_key
        super().__init__(key, **params)

    @property
    def message(self) -> str:
        return str(self)

    @property
    def hint(self) -> str:
        return message_text(self.hint_key, "en", **self.params) if self.hint_key else ""


# U+2212 is the minus sign of typeset bulletins ('−0.6' copied from a PDF).
DASHES = re.compile(r"[～~—–－―〜\u2212]")
# Zero-width characters (and a BOM inside a cell) come with text copied from web pages:
# invisible, so a cell holding one could not be told from a good one by the official.
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


# The ' our exports put before text a spreadsheet would run ('=HYPERLINK(...)): a form or
# an export uploaded again says the text without it.
NEUTRALISED = re.compile(r"^'(?=[=+\-@])")


@lru_cache(maxsize=65536)
def _clean_text(text: str) -> str:
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).strip()
    return DASHES.sub("-", NEUTRALISED.sub("", text))


def clean(text) -> str:
    """NFKC folds full-width digits and punctuation; dashes and tildes are folded by hand."""
    return _clean_text(text if isinstance(text, str) else str(text))


# ------------------------------------------------------------------------- numbers

MISSING = {"", "-", "--", "---", "/", "//", "n/a", "na", "无", "none", "null", "暂无"}
BELOW_UNIT = {"…", "...", "……", "......"}  # bulletins' "below the unit shown": zero
NUMBER = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?)\s*(.*)$")
DOWN_WORDS = ("下降", "减少", "降低", "回落", "down")
UP_WORDS = ("增长", "增加", "提高", "上升", "up")
LIMIT = Decimal("1e15")  # above any municipal figure in any unit; catches 1e300 and junk
# Circled numbers and asterisks mark footnotes ('9.3①', '9.3*'); NFKC would turn '①'
# into a digit ('9.31'), so they go before anything else.
NOTE_MARKS = re.compile(r"[\u2460-\u24ff\u2776-\u2793*＊※]+")
# What a bulletin writes before the number: '同比增长9.3%', '同口径下降19.4%'.
LEAD_WORDS = re.compile(
    r"^(?:同比|同口径|可比口径|比上年同期|比去年同期|比上年|比去年|较上年|累计)+"
)
ESTIMATE_WORDS = ("预计", "预测", "预估", "估计")
# A comma separates thousands only, in groups of three: "1,5", "12,34" and "1.234,5" (a
# decimal comma) are refused, not read as 15, 1234 and 1.2345. Spaces likewise ("1 234").
_COMMA_RUN = re.compile(r"[\d.]*,[\d.,]*")
_SPACE_RUN = re.compile(r"\d+(?: +\d+)+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+")


@dataclass(frozen=True)
class Number:
    value: Decimal | None  # None: no figure ("—", "-", blank)
    unit: str = ""  # unit written in the cell, "" if none
    estimate: bool = False  # '预计增长8.2%': an estimate, never stored as a figure


@lru_cache(maxsize=65536)
def parse_number(text: str) -> Number:
    """'1,552,981' 'Ｘ' '110万吨' '8.5%' '下降0.6%' '同比增长9.3%' '9.3①' '—' -> Number;
    raises CellError. '预计增长8.2%' reads as an estimate."""
    s = _ungroup(clean(NOTE_MARKS.sub("", text)), text)
    estimate = s.startswith(ESTIMATE_WORDS)
    if estimate:
        s = s[2:]
    s = LEAD_WORDS.sub("", s)
    if s.lower() in MISSING or set(s) <= {"-"}:
        return Number(None)
    if s in BELOW_UNIT:
        return Number(Decimal(0))
    sign = 1
    for word in DOWN_WORDS:
        if s.startswith(word):
            sign, s = -1, s[len(word) :]
    for word in UP_WORDS:
        if s.startswith(word):
            s = s[len(word) :]
    m = NUMBER.match(s)
    if not m or m.group(2)[:1] in tuple("0123456789.+-eE"):
        raise CellError("cell.not_number", "hint.digits_or_dash", text=text)
    try:
        value = Decimal(m.group(1)) * sign
    except InvalidOperation as err:
        raise CellError("cell.not_number", "hint.digits", text=text) from err
    if abs(value) >= LIMIT:
        raise CellError("cell.too_large", "hint.typing_error", text=text)
    unit = m.group(2).strip()
    if unit and unit not in MULTIPLIERS:
        try:
            parse_unit(unit)
        except UnknownUnit as err:
            raise CellError(
                "cell.unknown_unit", "hint.number_with_unit", text=text, unit=unit
            ) from err
    return Number(value, unit, estimate)


def _ungroup(s: str, text: str) -> str:
    """Thousands separators out, once every group is checked to be one."""
    for run in _SPACE_RUN.findall(s):
        if not _SPACED.fullmatch(run):
            raise CellError("cell.ambiguous_grouping", "hint.grouping", text=text)
    s = s.replace(" ", "")
    for run in _COMMA_RUN.findall(s):
        if not _GROUPED.fullmatch(run) and any(ch.isdigit() for ch in run):
            raise CellError("cell.ambiguous_grouping", "hint.grouping", text=text)
    return s.replace(",", "")


def number_from_cell(cell) -> Number:
    """Excel cells may already be numbers; NaN and infinities are refused like text."""
    if isinstance(cell, bool):
        raise CellError("cell.not_number", "hint.figure_digits", text=cell)
    if isinstance(cell, int | float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            raise CellError("cell.not_number", "hint.figure_digits", text=cell)
        return parse_number(repr(cell))
    if cell is None:
        return Number(None)
    if isinstance(cell, datetime | date):
        raise CellError("cell.date_not_number", "hint.number_format", cell=cell)
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
    "2季度",
    "第2季度",
    "三季度",
    "第三季度",
    "3季度",
    "第3季度",
    "四季度",
    "第四季度",
    "4季度",
    "第4季度",
    "q2",
    "q3",
    "q4",
)


@dataclass(frozen=True)
class Period:
    year: int | None
    start: int
    end: int
    cumulative: bool | None  # True: says 1-N月; None: a bare month, basis from elsewhere
    excel_date: date | None = None  # the Excel date cell this period was read back from

    @property
    def note(self) -> str:
        """What was read into an Excel date, in words ("" when the cell was no date)."""
        d = self.excel_date
        return "" if d is None else message_text("period.excel_date", "en", date=d, day=d.day)


def _month(n: int) -> int:
    if not 1 <= n <= 12:
        raise CellError("period.no_such_month", "hint.period_forms", month=n)
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
    (re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(?:底|末)?止$"), "first"),
    (re.compile(r"^截[至止]到?(?:(\d{4})年)?(\d{1,2})月(?:底|末|份)?$"), "first"),
]
# '1—10月累计', '截至10月底累计完成', '前9个月累计': the period, then what the column holds.
MEASURE_TAIL = re.compile(r"(?:累计(?:值|数|完成)?|完成(?:值|数|额)?|合计)$")


@lru_cache(maxsize=4096)
def parse_period_text(text: str) -> Period:
    s = clean(text).replace(" ", "").lower()
    year = None
    m = re.match(r"^(\d{4})年?(.*)$", s)
    if m and not re.match(r"^\d{6}$", s):
        rest = m.group(2).lstrip("年").lstrip("-")
        if rest.replace("第", "") in QUARTERS or rest in SINGLE_QUARTERS:
            year, s = int(m.group(1)), rest.replace("第", "")
        elif rest in ("", "度") and "年" in s:
            return Period(int(m.group(1)), 1, 12, True)  # '2025年', '2025年度': the year
    if s in QUARTERS:
        return Period(year, 1, QUARTERS[s], True)
    if s in SINGLE_QUARTERS:
        raise CellError("period.single_quarter", "hint.cumulative_quarter", text=text)
    for candidate in dict.fromkeys((s, MEASURE_TAIL.sub("", s))):
        for pattern, kind in PATTERNS:
            m = pattern.match(candidate)
            if m:
                return _from_match(kind, m.groups(), text)
    raise CellError("period.not_period", "hint.period_forms", text=text)


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
        raise CellError("period.not_from_january", "hint.from_january", text=text)
    return Period(year, 1, end, True)


def parse_period(cell) -> Period:
    """A period from text or from an Excel date cell."""
    if isinstance(cell, datetime | date):
        return _period_from_date(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if cell is None or str(cell).strip() == "":
        raise CellError("period.empty", "hint.period_forms")
    return parse_period_text(str(cell))


def _period_from_date(d: date) -> Period:
    # Excel turns "1-2" typed into a cell into 2 January: read it back as 1-2月.
    if d.month == 1 and 2 <= d.day <= 12:
        return Period(d.year, 1, d.day, True, excel_date=d)
    return Period(d.year, d.month, d.month, None)


# --------------------------------------------------------------- water classes

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
    raise CellError("cell.not_water_class", "hint.water_class", text=text)
