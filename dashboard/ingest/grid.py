"""An uploaded file -> a grid of cells with their original row numbers.

CSV: decoded and split with the sniffed separator. XLSX (and old .xls): the first sheet
with data, cached values only (formulas are never evaluated), after a size check against
zip bombs.
"""

import csv
import io
import itertools
import zipfile
from dataclasses import dataclass

import pandas as pd

from dashboard.core.problems import IngestError, Problem
from dashboard.ingest.decoding import decode_text

MAX_UNZIPPED = 200 * 1024 * 1024  # an .xlsx that inflates past this is refused unopened
MAX_RATIO = 200
HEADER_AREA = 40  # rows searched for titles, units and the header


@dataclass
class Grid:
    """Cells column by column (a 100,000-row file is a few lists, not 100,000 lists).

    Short rows are padded with None; blank rows stay, so positions match line_numbers.
    """

    columns: list[list]  # columns[j][r]: str, int, float, datetime or None
    line_numbers: list[int]  # the line (CSV) or sheet row (XLSX) each row came from
    encoding: str
    sheet: str | None = None

    def __len__(self) -> int:
        return len(self.line_numbers)

    def row(self, r: int) -> list:
        return [col[r] for col in self.columns]


def read_grid(data: bytes, file: str) -> Grid:
    if not data.strip():
        raise IngestError([Problem(file, None, None, "file.empty", "hint.export_again")])
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(data, file, "xlsx")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary .xls format
        return _read_workbook(data, file, "xls")
    return _read_csv(data, file)


def _read_csv(data: bytes, file: str) -> Grid:
    text, encoding = decode_text(data, file)
    delimiter = _sniff(text)
    columns, lines = _split_fast(text, delimiter) or _split_exact(text, delimiter, file)
    _blank_header_area(columns)
    return Grid(columns, lines, encoding)


def _split_fast(text: str, delimiter: str) -> tuple[list[list], list[int]] | None:
    """pandas' C tokenizer, when every record is exactly one line (no newline inside
    quotes, no bare CR); anything else (or any tokenizer complaint) goes the exact way.

    The width is the most delimiters on any line plus one, a bound no row can exceed, so
    pandas never drops a field or takes one for an index; the C parser is ~6x faster
    than the csv module.
    """
    if text.count("\r") != text.count("\r\n"):
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    width = max(line.count(delimiter) for line in lines) + 1 if lines else 1
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


def _split_exact(text: str, delimiter: str, file: str) -> tuple[list[list], list[int]]:
    """The csv module: quoted newlines and odd quoting, with each record's line number."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            rows.append([c or None for c in row])
            lines.append(reader.line_num)
    except csv.Error as err:
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


def _read_workbook(data: bytes, file: str, kind: str) -> Grid:
    """Cached cell values of the first sheet with data (formulas are never evaluated).

    calamine (Rust) reads a 100,000-row sheet in about half a second; openpyxl needs ~25x.
    """
    import python_calamine

    if kind == "xlsx":
        _check_zip(data, file)
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for index in range(len(book.sheet_names)):
            sheet = book.get_sheet_by_index(index)
            grid = _sheet_grid(sheet.to_python(skip_empty_area=False), kind, sheet.name)
            if grid is not None:
                return grid
    except (
        python_calamine.CalamineError,
        python_calamine.ZipError,
        python_calamine.XmlError,
        python_calamine.PasswordError,
        ValueError,
        TypeError,
    ) as err:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.damaged_excel",
                    "hint.resave_excel",
                    {"reason": type(err).__name__},
                )
            ]
        ) from err
    raise IngestError([Problem(file, None, None, "file.no_data_sheet", "hint.first_sheet")])


def _sheet_grid(values: list[list], kind: str, name: str) -> Grid | None:
    rows, lines = [], []
    for number, row in enumerate(values, start=1):  # the range starts at A1
        cells = [None if (isinstance(c, str) and not c.strip()) else c for c in row]
        if any(c is not None for c in cells):
            rows.append(cells)
            lines.append(number)
    return Grid(_transpose(rows), lines, kind, name) if rows else None


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


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (how Excel names the column a user will look at)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
