"""Column widths for the page tables, so that a phone (390 px) shows a row's name and its
first numbers, and no cell is clipped.

The grid sizes a column from the rows it has drawn, so a longer entry further down
('83.51万吨' under '—') was cut; a width from every entry avoids it. A column of names
is kept in view (pinned) at a width that leaves room for numbers beside it on a phone;
a longer name ends in '…' and reads in full on hover or when the column is dragged wider.
"""

import unicodedata

import pandas as pd

NAME_WIDTH = 180  # px: on a 358 px table, a name and one or two numbers
MAX_WIDTH = 320  # px: a long text column is wrapped by the grid's ellipsis beyond this
MIN_WIDTH = 48
PADDING = 20  # the cell's padding, both sides
WIDE, NARROW = 14.0, 7.6  # px per character at the grid's 14 px font: 汉字, Latin


def text_px(text: str) -> float:
    """The drawn width of `text`, estimated: full-width characters twice a Latin one."""
    return sum(WIDE if unicodedata.east_asian_width(ch) in "WF" else NARROW for ch in text)


def fitted(values, header: str) -> int:
    """A width that shows the column's longest entry and its header in full (capped)."""
    longest = max([text_px(str(header)), *(text_px(str(v)) for v in values if not _blank(v))])
    return int(min(MAX_WIDTH, max(MIN_WIDTH, longest + PADDING)))


def _blank(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def widths(frame: pd.DataFrame, names: str | None = None) -> dict[str, int]:
    """Each text column's width: `names` (the column of row names, pinned) at most
    NAME_WIDTH, the others fitted to their longest entry. Other columns are left to the
    grid (numbers are short and right-aligned)."""
    out = {}
    for col in frame.columns:
        if not (
            pd.api.types.is_object_dtype(frame[col]) or pd.api.types.is_string_dtype(frame[col])
        ):
            continue  # numbers, flags and times: short, and drawn by their own column types
        width = fitted(frame[col], col)
        out[col] = min(width, NAME_WIDTH) if col == names else width
    return out
