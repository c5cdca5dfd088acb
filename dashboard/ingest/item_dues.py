"""An item's own due date as a department writes it: 2026-08-31, 2026/8/31, 2026年8月31日,
8月底, 9月, 上半年, 年底 — or an Excel date cell. Anything else is refused with the forms
that are read; a guess is never stored."""

import calendar
import re
from datetime import date, datetime

from dashboard.ingest.cells import CellError, clean
from dashboard.ingest.proposal.dates import find_due_date

_NUMERIC = re.compile(r"(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_BARE_MONTH = re.compile(r"(\d{1,2})月")


def parse_item_due(cell, year: int) -> date:
    """The due date in `cell` for a target of `year`. Raises CellError."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = clean(cell).strip().removesuffix("前").removesuffix("之前")
    found = _numeric(text) or _bare_month(text, year)
    if found is None:
        due = find_due_date(text, year)
        found = due.when if due is not None and (due.end - due.start) >= len(text) - 1 else None
    if found is None:
        raise CellError("cell.not_due_date", "hint.due_date", text=str(cell))
    return found


def _numeric(text: str) -> date | None:
    m = _NUMERIC.fullmatch(text)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _bare_month(text: str, year: int) -> date | None:
    m = _BARE_MONTH.fullmatch(text)
    month = int(m.group(1)) if m else 0
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])
