"""Due dates as reports write them: 10月底, 6月底前, 上半年, 年内, 年底前, 2027年底前.

"全年" is not a date: it says the amount is for the whole year, which every annual target is.
"三年内" and "到2030年" are spans and horizons, not this year's due dates.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dashboard.ingest.proposal.numerals import NotANumber, parse_chinese

MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
PATTERNS = (
    # (regex, how to read it)
    (re.compile(r"(20\d{2})年(?:底|末)前?"), "year_end"),
    (re.compile(rf"(20\d{{2}})年{MONTH}月(?:底|末)?前?"), "year_month"),
    (re.compile(rf"(?<![\d年至到—\-~～]){MONTH}月(\d{{1,2}})日前?"), "month_day"),
    (re.compile(rf"(?<![\d年至到—\-~～]){MONTH}月(?:底|末|份)前?"), "month"),
    (re.compile(r"上半年"), "half"),
    (re.compile(r"(?<![前第])([一二三四])季度(?:末|底)?"), "quarter"),
    (re.compile(r"(?<![前])第([一二三四])季度(?:末|底)?"), "quarter"),
    (re.compile(r"前三季度"), "three_quarters"),
    (re.compile(r"明年(?:底|末)前?"), "next_year_end"),
    (
        re.compile(
            r"(?<![\d一二三四五六七八九十两明去前上当])(?:今年内|本年内|年内|年底前?|年末前?)"
        ),
        "year_end_this",
    ),
)
QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12}


@dataclass(frozen=True)
class DueDate:
    when: date
    start: int  # position in the text searched
    end: int

    @property
    def is_year_end(self) -> bool:
        return (self.when.month, self.when.day) == (12, 31)


def find_due_date(text: str, year: int) -> DueDate | None:
    """The first due date written in `text` for a report of `year`, or None."""
    best = None
    for pattern, kind in PATTERNS:
        for m in pattern.finditer(text):
            when = _read(kind, m, year)
            if when is not None and (best is None or m.start() < best.start):
                best = DueDate(when, m.start(), m.end())
                break
    return best


def _read(kind: str, m: re.Match, year: int) -> date | None:
    if kind == "year_end":
        return date(int(m.group(1)), 12, 31)
    if kind == "year_month":
        return _month_end(int(m.group(1)), _month(m.group(2)))
    if kind == "month_day":
        month, day = _month(m.group(1)), int(m.group(2))
        return date(year, month, day) if month and 1 <= day <= 31 else None
    if kind == "month":
        return _month_end(year, _month(m.group(1)))
    if kind == "half":
        return date(year, 6, 30)
    if kind == "quarter":
        return _month_end(year, QUARTER_END[m.group(1)])
    if kind == "three_quarters":
        return date(year, 9, 30)
    if kind == "next_year_end":
        return date(year + 1, 12, 31)
    return date(year, 12, 31)


def _month(text: str) -> int | None:
    try:
        month = int(text) if text.isdigit() else int(parse_chinese(text))
    except NotANumber:
        return None
    return month if 1 <= month <= 12 else None


def _month_end(year: int, month: int | None) -> date | None:
    if month is None:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])
