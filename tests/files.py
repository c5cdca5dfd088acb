"""Real file bytes for ingest tests, written the way office software writes them."""

import csv
import io
from datetime import datetime

import openpyxl


def csv_bytes(rows: list[list], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if c is None else c for c in r] for r in rows]
    )
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list], merges: list[str] = ()) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for r in rows:
        sheet.append(r)
    for rng in merges:
        sheet.merge_cells(rng)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def excel_date(month: int, day: int) -> datetime:
    return datetime(2026, month, day)


def xlsx_with_sheet(sheet_data: str) -> bytes:
    """A real workbook whose first sheet's <sheetData> is replaced by `sheet_data`, as a
    forged or unusual writer would leave it (positions, prefixes, formulas)."""
    import re
    import zipfile

    book = openpyxl.Workbook()
    book.active["A1"] = "placeholder"
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb"<sheetData>.*</sheetData>|<sheetData ?/>",
                    f"<sheetData>{sheet_data}</sheetData>".encode(),
                    data,
                    flags=re.S,
                )
            dst.writestr(item, data)
    return out.getvalue()
