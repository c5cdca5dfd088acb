"""An uploaded file -> a grid of cells with their original row numbers.

CSV: decoded and split with the sniffed separator. XLSX (and old .xls): the first sheet
with data, cached values only (formulas are never evaluated), after a size check against
zip bombs.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from dashboard.ingest.decoding import decode_text
from dashboard.ingest.problems import IngestError, Problem

MAX_UNZIPPED = 200 * 1024 * 1024  # an .xlsx that inflates past this is refused unopened
MAX_RATIO = 200
HEADER_AREA = 40  # rows searched for titles, units and the header


@dataclass
class Grid:
    rows: list[list]          # cell values: str, int, float, datetime or None
    line_numbers: list[int]   # the line (CSV) or sheet row (XLSX) each row came from
    encoding: str
    sheet: str | None = None


def read_grid(data: bytes, file: str) -> Grid:
    if not data.strip():
        raise IngestError([Problem(file, None, None, "the file is empty",
                                   "export the sheet again with its figures")])
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(data, file, "xlsx")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary .xls format
        return _read_workbook(data, file, "xls")
    return _read_csv(data, file)


def _read_csv(data: bytes, file: str) -> Grid:
    text, encoding = decode_text(data, file)
    delimiter = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines = [], []
    try:
        for row in reader:
            # '' -> None here; whitespace-only cells only in the header area (below), where
            # layout detection looks at them: stripping every cell would double the cost.
            rows.append([c or None for c in row])
            lines.append(reader.line_num)
    except csv.Error as err:
        raise IngestError([Problem(file, reader.line_num, None, f"unreadable CSV: {err}",
                                   "check for an unclosed quote")]) from err
    for row in rows[:HEADER_AREA]:
        row[:] = [None if (c is not None and not c.strip()) else c for c in row]
    return Grid(rows, lines, encoding)


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
    except (python_calamine.CalamineError, python_calamine.ZipError,
            python_calamine.XmlError, python_calamine.PasswordError, ValueError,
            TypeError) as err:
        raise IngestError([Problem(file, None, None, f"damaged Excel file ({type(err).__name__})",
                                   "open it in Excel or WPS and save it again as .xlsx")]) from err
    raise IngestError([Problem(file, None, None, "the workbook has no data",
                               "put the figures on the first sheet")])


def _sheet_grid(values: list[list], kind: str, name: str) -> Grid | None:
    rows, lines = [], []
    for number, row in enumerate(values, start=1):  # the range starts at A1
        cells = [None if (isinstance(c, str) and not c.strip()) else c for c in row]
        if any(c is not None for c in cells):
            rows.append(cells)
            lines.append(number)
    return Grid(rows, lines, kind, name) if rows else None


def _check_zip(data: bytes, file: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise IngestError([Problem(file, None, None, "damaged Excel file (bad zip)",
                                   "save it again as .xlsx")]) from err
    if total > MAX_UNZIPPED or total > max(len(data), 1) * MAX_RATIO:
        raise IngestError([Problem(file, None, None,
                                   f"the workbook inflates to {total:,} bytes",
                                   "this is not a normal spreadsheet; export the figures again")])
