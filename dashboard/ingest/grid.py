"""An uploaded file -> a grid of cells with their original row numbers.

CSV: decoded and split with the sniffed separator. XLSX (and old .xls): the first sheet
with data, cached values only (formulas are never evaluated), after a size check against
zip bombs and a check of the sheet's used range against the grid limits.

The limits bound the work a file can cause before any of it is done: lines and the
widest line are counted on the text, an .xlsx sheet's cell positions are read from its
XML (sheet_extent.py), and a file beyond them is refused with the numbers that broke them.
"""

import csv
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.core.messages import Names
from dashboard.core.problems import IngestError, Problem, column_letter
from dashboard.ingest.decoding import decode_text
from dashboard.ingest.sheet_extent import BadSheet, Extent, scan, sheet_paths

MAX_UNZIPPED = 200 * 1024 * 1024  # an .xlsx that inflates past this is refused unopened
MAX_RATIO = 200
HEADER_AREA = 40  # rows searched for titles, units and the header
MAX_ROWS = 200_000  # lines of a CSV; rows with a value in a sheet
MAX_COLUMNS = 1_000  # a wide table has a column per period; bureau tables stay under 100
MAX_CELLS = 2_000_000  # rows × columns held at once: ~16 MB of references, ~120 MB of text
_QUOTED = re.compile(r'"[^"]*"')
_BREAK = re.compile(r"\r\n?|\n")


class UncachedFormula(str):
    """An .xlsx formula cell saved without its result (the formula's text): a named
    problem where a figure is expected, never an empty cell."""


@dataclass
class Grid:
    """Cells column by column (a 100,000-row file is a few lists, not 100,000 lists).

    Short rows are padded with None; blank rows stay, so positions match line_numbers.
    """

    columns: list[list]  # columns[j][r]: str, int, float, datetime, UncachedFormula or None
    line_numbers: list[int]  # the line (CSV) or sheet row (XLSX) each row came from
    encoding: str
    sheet: str | None = None
    # The workbook's other sheets that hold cells, as (name, hidden), in the book's order:
    # they were not read, and the preview says so rather than lose them without a word.
    other_sheets: tuple[tuple[str, bool], ...] = ()

    def __len__(self) -> int:
        return len(self.line_numbers)

    def row(self, r: int) -> list:
        return [col[r] for col in self.columns]


def read_grid(data: bytes, file: str, sheet: str | None = None) -> Grid:
    """The file's cells; of a workbook, the first visible sheet with data, or `sheet`."""
    if not data.strip():
        raise IngestError([Problem(file, None, None, "file.empty", "hint.export_again")])
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(data, file, "xlsx", sheet)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary .xls format
        return _read_workbook(data, file, "xls", sheet)
    return _read_csv(data, file)


def _read_csv(data: bytes, file: str) -> Grid:
    text, encoding = decode_text(data, file)
    _check_line_count(text, file)
    delimiter = _sniff(text)
    columns, lines = _split_fast(text, delimiter, file) or _split_exact(text, delimiter, file)
    if not columns:  # separators and line breaks only (10 MB of commas)
        raise IngestError([Problem(file, None, None, "file.empty", "hint.export_again")])
    _blank_header_area(columns)
    return Grid(columns, lines, encoding)


def _refuse_beyond_rows(rows: int, file: str) -> None:
    if rows > MAX_ROWS:
        problem = Problem(
            file,
            None,
            None,
            "file.too_many_rows",
            "hint.split_file",
            {"rows": rows, "limit": MAX_ROWS},
        )
        raise IngestError([problem])


def _check_line_count(text: str, file: str) -> None:
    """Lines are counted before anything is split (a file of newlines is 10 million)."""
    lines = max(text.count("\n"), text.count("\r"))
    lines += 0 if text.endswith(("\n", "\r")) else 1
    _refuse_beyond_rows(lines, file)


def _split_fast(text: str, delimiter: str, file: str) -> tuple[list[list], list[int]] | None:
    """pandas' C tokenizer, when every record is exactly one line (no newline inside
    quotes, no bare CR); anything else (or any tokenizer complaint) goes the exact way.

    The width is the most delimiters on any line plus one, a bound no row can exceed, so
    pandas never drops a field or takes one for an index; the C parser is ~6x faster
    than the csv module. pandas fills every row to that width, so a grid over the limits
    goes the exact way too, which counts real fields and stops at the limit; a line too
    wide (its quoted parts aside) is refused at once.
    """
    if text.count("\r") != text.count("\r\n"):
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    counts = [line.count(delimiter) for line in lines]
    width = max(counts) + 1 if lines else 1
    if width > MAX_COLUMNS and '"' not in text:
        text, width = _trim_wide_lines(lines, counts, delimiter, file)
    elif width > MAX_COLUMNS:
        _refuse_wide_quoted_lines(lines, counts, delimiter, file)
    if width > MAX_COLUMNS or width * len(lines) > MAX_CELLS:
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return None
    if len(frame) != len(lines):
        return None
    columns = [[c or None for c in frame[j].tolist()] for j in range(width)]
    return _trim(columns), list(range(1, len(lines) + 1))


def _trim_wide_lines(
    lines: list[str], counts: list[int], delimiter: str, file: str
) -> tuple[str, int]:
    """With nothing quoted, a line's fields are its delimiters plus one. Trailing empty
    fields (Excel writes them out to the used range) are no columns: they are cut from
    the wide lines, and a line still too wide is refused. The text and width to split."""
    for k, n in enumerate(counts):
        if n >= MAX_COLUMNS:
            ending = "\r" if lines[k].endswith("\r") else ""
            lines[k] = lines[k].rstrip("\r").rstrip(delimiter) + ending
            counts[k] = lines[k].count(delimiter)
            if counts[k] >= MAX_COLUMNS:
                raise _too_wide(file, k + 1, counts[k] + 1)
    return "\n".join(lines) + "\n", max(counts) + 1


def _refuse_wide_quoted_lines(
    lines: list[str], counts: list[int], delimiter: str, file: str
) -> None:
    """In a file with quotes, a wide line whose quotes pair up is counted without its
    quoted parts; one too wide is refused before the csv module makes a list of its
    fields (millions, for a few megabytes of them)."""
    for k, n in enumerate(counts):
        if n >= MAX_COLUMNS and lines[k].count('"') % 2 == 0:
            bare = _QUOTED.sub("", lines[k]).rstrip("\r").rstrip(delimiter)
            if bare.count(delimiter) >= MAX_COLUMNS:
                raise _too_wide(file, k + 1, bare.count(delimiter) + 1)


def _split_exact(text: str, delimiter: str, file: str) -> tuple[list[list], list[int]]:
    """The csv module: quoted newlines and odd quoting, with each record's line number.

    Trailing empty fields are dropped as they come (they would be trimmed anyway), and
    reading stops at the first line past the column limit or the cell limit. A quote
    never closed is refused where it opens: read leniently, it would swallow every line
    after it into one cell, and their figures would vanish without a word."""
    try:
        return _records(text, delimiter, file, strict=True)
    except csv.Error as err:
        unclosed = "unexpected end of data" in str(err) and _unclosed_quote(text, delimiter, file)
        if unclosed:
            raise unclosed from err
    # a stray quote inside a field, or one opened in the last line that hides nothing
    return _records(text, delimiter, file, strict=False)


def _records(text: str, delimiter: str, file: str, strict: bool) -> tuple[list[list], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    rows, lines, width = [], [], 0
    try:
        for row in reader:
            cells = [c or None for c in row]
            while cells and cells[-1] is None:
                cells.pop()
            width = max(width, len(cells))
            if width > MAX_COLUMNS:
                raise _too_wide(file, reader.line_num, width)
            if width * (len(rows) + 1) > MAX_CELLS:
                raise _too_many_cells(file, reader.line_num, len(rows) + 1, width)
            rows.append(cells)
            lines.append(reader.line_num)
    except csv.Error as err:
        if strict:
            raise
        raise IngestError(
            [
                Problem(
                    file,
                    reader.line_num,
                    None,
                    "file.bad_csv",
                    "hint.unclosed_quote",
                    {"error": str(err)},
                )
            ]
        ) from err
    return _transpose(rows), lines


def _unclosed_quote(text: str, delimiter: str, file: str) -> IngestError | None:
    """Where the quote that runs to the end of the file opens: read leniently, the last
    record ends in a cell holding everything after that quote. None when no line follows
    it (nothing is hidden)."""
    *_, last = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    swallowed = last[-1] if last else ""
    line = len(_BREAK.findall(text, 0, len(text) - len(swallowed))) + 1
    column = column_letter(max(len(last) - 1, 0))
    params = {
        "line": line,
        "column": column,
        "lines": len(_BREAK.findall(swallowed.rstrip("\r\n"))),
    }
    if not params["lines"]:
        return None
    return IngestError(
        [Problem(file, line, column, "file.unclosed_quote", "hint.close_quote", params)]
    )


def _too_wide(file: str, line: int, columns: int) -> IngestError:
    return IngestError(
        [
            Problem(
                file,
                line,
                None,
                "file.too_many_columns",
                "hint.drop_columns",
                {"columns": columns, "limit": MAX_COLUMNS},
            )
        ]
    )


def _too_many_cells(file: str, line: int, rows: int, columns: int) -> IngestError:
    return IngestError(
        [
            Problem(
                file,
                line,
                None,
                "file.too_many_cells",
                "hint.split_file",
                {"rows": rows, "columns": columns, "limit": MAX_CELLS, "line": line},
            )
        ]
    )


def _transpose(rows: list[list]) -> list[list]:
    return _trim([list(col) for col in itertools.zip_longest(*rows)])


def _trim(columns: list[list]) -> list[list]:
    while columns and all(c is None for c in columns[-1]):
        columns.pop()
    return columns


def _blank_header_area(columns: list[list]) -> None:
    """Whitespace-only cells are empty where layout detection looks (titles, header);
    stripping every cell of a large file would double the cost of reading it."""
    for col in columns:
        col[:HEADER_AREA] = [
            None if (c is not None and not c.strip()) else c for c in col[:HEADER_AREA]
        ]


def _sniff(text: str) -> str:
    head = text[:5000].splitlines()[:20]
    counts = {d: sum(line.count(d) for line in head) for d in (",", "\t", ";", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_workbook(data: bytes, file: str, kind: str, wanted: str | None) -> Grid:
    """Cached cell values of the first visible sheet with data, or of sheet `wanted`
    (formulas are never evaluated). A hidden sheet is never read: it is often last
    month's table or a lookup list, and its figures are not what the official sees.

    calamine (Rust) reads a 100,000-row sheet in about half a second; openpyxl needs ~25x.
    An .xlsx sheet's extent is read from its XML first (calamine would allocate the whole
    block); an .xls, at most 65,536 × 256, is checked on calamine's own range.
    """
    import python_calamine

    paths = _xlsx_sheet_paths(data, file) if kind == "xlsx" else None
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = _sheets_with_data(book, data, paths, kind, file)
        for name, hidden, read in sheets:
            grid = None if hidden or wanted not in (None, name) else read()
            if grid is not None:
                others = tuple((n, h) for n, h, _ in sheets if n != name)
                return replace(grid, other_sheets=others)
    except BadSheet as err:
        raise _damaged(file, err.params["reason"]) from err
    except (
        python_calamine.CalamineError,
        python_calamine.ZipError,
        python_calamine.XmlError,
        python_calamine.PasswordError,
        ValueError,
        TypeError,
    ) as err:
        raise _damaged(file, type(err).__name__) from err
    hidden = [n for n, h, _ in sheets if h]
    if hidden:
        params = {"sheets": Names(tuple(hidden))}
        raise IngestError(
            [Problem(file, None, None, "file.only_hidden_sheets", "hint.unhide", params)]
        )
    raise IngestError([Problem(file, None, None, "file.no_data_sheet", "hint.first_sheet")])


def _sheets_with_data(book, data: bytes, paths, kind: str, file: str) -> list[tuple]:
    """(name, hidden, read) of each worksheet holding cells, in the book's order; `read()`
    gives its grid (None if it holds only blanks). An .xlsx sheet's extent is read from its
    XML first; one damaged or beyond the limits is refused only when it is to be read."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    found = []
    for index, meta in enumerate(book.sheets_metadata):
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue  # a chart sheet holds no cells
        hidden = meta.visible != SheetVisibleEnum.Visible
        if paths is None:  # .xls: calamine's range is bounded, read it to know
            grid = _sheet_grid(book.get_sheet_by_index(index), kind, None, file)
            if grid is not None:
                found.append((meta.name, hidden, lambda grid=grid: grid))
            continue
        try:
            extent = _sheet_extent(data, paths, meta.name, file)
        except (IngestError, BadSheet) as err:
            found.append((meta.name, hidden, _raiser(err)))
            continue
        if not extent.empty:
            found.append((meta.name, hidden, _reader(book, index, kind, extent, file)))
    return found


def _reader(book, index: int, kind: str, extent: Extent, file: str):
    return lambda: _sheet_grid(book.get_sheet_by_index(index), kind, extent, file)


def _raiser(err: Exception):
    def read():
        raise err

    return read


def _damaged(file: str, reason: str) -> IngestError:
    return IngestError(
        [Problem(file, None, None, "file.damaged_excel", "hint.resave_excel", {"reason": reason})]
    )


def _xlsx_sheet_paths(data: bytes, file: str) -> dict[str, str]:
    _check_zip(data, file)
    return _from_zip(data, file, sheet_paths)


def _from_zip(data: bytes, file: str, read):
    """`read(zipfile)`, with a damaged member (bad CRC, odd compression) refused."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return read(zf)
    except zlib.error as err:
        raise _damaged(file, "zlib: " + str(err)[:60]) from err
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as err:
        raise _damaged(file, type(err).__name__) from err


def _sheet_extent(data: bytes, paths: dict[str, str], name: str, file: str) -> Extent:
    """The sheet's cells as calamine will place them, refused when over the limits."""
    if name not in paths:
        raise _damaged(file, "sheet not found")
    extent = scan(_from_zip(data, file, lambda zf: zf.read(paths[name])))
    if not extent.ordered:
        raise _damaged(file, "rows out of order")
    if not extent.empty:
        first, last = extent.rows()
        _check_area(file, name, first, last, extent.columns())
    return extent


def _check_area(file: str, name: str, first: int, last: int, columns: int) -> None:
    """Rows first..last (0-based) from column A to the `columns`-th: within the limits?"""
    rows = last - first + 1
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        params = {
            "sheet": name,
            "last": f"{column_letter(columns - 1)}{last + 1}",
            "rows": rows,
            "columns": columns,
            "limit_columns": MAX_COLUMNS,
            "limit_cells": MAX_CELLS,
        }
        raise IngestError(
            [Problem(file, None, None, "file.sheet_too_large", "hint.clear_far_cells", params)]
        )


def _sheet_grid(sheet, kind: str, extent: Extent | None, file: str) -> Grid | None:
    """Only the used block is read (from its first row, not from A1); columns keep their
    Excel letters, and formula cells without a saved result are put in as such."""
    formulas = extent.formulas if extent is not None else {}
    if sheet.start is None and not formulas:
        return None
    (top, left), (bottom, right) = sheet.start or (0, 0), sheet.end or (0, 0)
    if extent is None:  # .xls: no XML to read first; calamine's range is bounded anyway
        _check_area(file, sheet.name, top, bottom, right + 1)
    rows: dict[int, list] = {}
    if sheet.start is not None:
        pad = [None] * left
        for number, row in enumerate(sheet.to_python(skip_empty_area=True), start=top):
            cells = [None if (isinstance(c, str) and not c.strip()) else c for c in row]
            if any(c is not None for c in cells):
                rows[number] = pad + cells
    for (r, c), formula in formulas.items():
        cells = rows.setdefault(r, [])
        cells.extend([None] * (c + 1 - len(cells)))
        cells[c] = UncachedFormula(formula)
    _refuse_beyond_rows(len(rows), file)
    numbers = sorted(rows)
    return Grid(_transpose([rows[n] for n in numbers]), [n + 1 for n in numbers], kind, sheet.name)


def _check_zip(data: bytes, file: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.damaged_excel",
                    "hint.resave_xlsx",
                    {"reason": "bad zip"},
                )
            ]
        ) from err
    if total > MAX_UNZIPPED or total > max(len(data), 1) * MAX_RATIO:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.inflates",
                    "hint.not_spreadsheet",
                    {"size": total},
                )
            ]
        )
