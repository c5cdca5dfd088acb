"""Plain-text tables that line up with Chinese characters (two columns wide each)."""

import unicodedata

import pandas as pd

from dashboard.core.amounts import num
from dashboard.core.control_chars import visible


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell_text(value) -> str:
    """One line of inert text: a newline or a terminal escape in a comment or a user name
    is written out (\\n, \\x1b), never acted on."""
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return ""
    if isinstance(value, float):  # the digits the figure has, as every table shows them
        return num(value)
    return visible(str(value), one_line=True)


def render(frame: pd.DataFrame, max_width: int = 60) -> str:
    cols = list(frame.columns)
    rows = [[cell_text(v)[:max_width] for v in rec] for rec in frame.itertuples(index=False)]
    widths = [max([width(cell_text(c))] + [width(r[i]) for r in rows]) for i, c in enumerate(cols)]

    def line(cells):
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True))

    out = [line([cell_text(c) for c in cols]), line(["-" * w for w in widths])]
    return "\n".join(out + [line(r) for r in rows]).rstrip() + "\n"
