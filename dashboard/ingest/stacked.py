"""Files that stack several tables: a bureau's 进度数据 release ('1、本地生产总值',
'2、…构成', '5、规模以上工业产销'), each with its own header and a numbered title above it.

Each table is found and read as a table of its own (layout.py); this module finds where
one ends and the next begins.
"""

import re
from dataclasses import replace
from functools import lru_cache

from dashboard.core.problems import IngestError
from dashboard.ingest.cells import clean
from dashboard.ingest.context import (
    FOOTER_ROWS,
    TableContext,
    sheet_context,
    with_footer_source,
)
from dashboard.ingest.grid import Grid
from dashboard.ingest.layout import (
    FOOTNOTE,
    SPACED,
    Layout,
    classify_header,
    find_layout,
    is_header,
    role_of,
    split_label,
)


def find_layouts(grid: Grid, file: str) -> list[Layout]:
    """Every table of the file, top to bottom. A bureau's 进度数据 release stacks several
    ('1、本地生产总值', '2、…构成', '5、规模以上工业产销'), each with its own header and
    a numbered title above it; the tables below the first take the file title's context,
    but never the first table's index base: '1、居民消费价格指数（上年同期=100）' makes
    that table's figures indices, not the '2、工业生产' amounts below it."""
    blocks = [find_layout(grid, file)]
    if (dated := sheet_context(grid.sheet, blocks[0].context)) is not None:
        blocks = [find_layout(grid, file, 0, dated)]  # the sheet's name dates the table
    while (nxt := _next_header(grid, blocks[-1].data_start)) is not None:
        stop = _section_start(grid, nxt, blocks[-1].data_start)
        blocks[-1].data_stop = stop
        try:
            block = find_layout(grid, file, stop, replace(blocks[0].context, index=False))
        except IngestError:
            break
        block.composition = bool(COMPOSITION.search(_lines(grid, stop, nxt)))
        blocks.append(block)
    footer = [_lines(grid, r, r + 1) for r in range(max(0, len(grid) - FOOTER_ROWS), len(grid))]
    for block in blocks:
        block.context = with_footer_source(block.context, footer)
    return blocks


# A stacked table titled '2、本地生产总值构成' gives each row's share of the whole in %:
# '本地生产总值(%) | 100.0' there is no growth rate of GDP.
COMPOSITION = re.compile(r"构成|比重")


def _lines(grid: Grid, start: int, stop: int) -> str:
    return " ".join(str(c) for r in range(start, stop) for c in grid.row(r) if c is not None)


def _next_header(grid: Grid, start: int) -> int | None:
    """The first row below `start` that is another table's header: a blank label cell or
    a 指标/地区 word over measure and period words. Only rows whose label cell could be a
    header's are classified, so a 100,000-row table costs one pass over its labels."""
    if not grid.columns:
        return None
    labels = grid.columns[0]
    words = {v for v in set(labels[start + 1 :]) if isinstance(v, str) and _label_header(v)}
    for r in range(start + 1, len(grid)):
        v = labels[r]
        if (v is None or v in words) and _another_header(grid.row(r)):
            return r
    return None


NUMBER = re.compile(r"^[-+]?[\d,，.]+%?$")


def _another_header(row: list) -> bool:
    """A header below a table: header words in every filled cell, no figure among them
    (a data row with an empty 指标ID is no header, however its cells read)."""
    filled = [c for c in row if c is not None and str(c).strip()]
    if any(not isinstance(c, str) or NUMBER.match(clean(c)) for c in filled):
        return False
    cols = classify_header(row)
    return len(cols) == len(filled) and is_header(row, cols, TableContext())


@lru_cache(maxsize=1024)
def _label_header(cell: str) -> bool:
    # '指 标' spaced out to fit, as a continued table (续表) repeats it
    return role_of(SPACED.sub("", split_label(cell)[0])) in ("indicator", "entity")


def _section_start(grid: Grid, header: int, start: int) -> int:
    """The header row, or the title rows right above it ('2、本地生产总值构成')."""
    pos = header
    while pos - 1 > start and _lone_cell(grid.row(pos - 1)):
        pos -= 1
    return pos


def _lone_cell(row: list) -> bool:
    filled = [c for c in row if c is not None and str(c).strip()]
    return len(filled) == 1 and row[0] is not None and not FOOTNOTE.match(clean(row[0]))
