"""Plain-text tables that line up with Chinese characters (two columns wide each)."""

import unicodedata

import pandas as pd


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell_text(value) -> str:
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def render(frame: pd.DataFrame, max_width: int = 60) -> str:
    cols = list(frame.columns)
    rows = [[cell_text(v)[:max_width] for v in rec] for rec in frame.itertuples(index=False)]
    widths = [max([width(str(c))] + [width(r[i]) for r in rows]) for i, c in enumerate(cols)]

    def line(cells):
        return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True))

    out = [line([str(c) for c in cols]), line(["-" * w for w in widths])]
    return "\n".join(out + [line(r) for r in rows]).rstrip() + "\n"
