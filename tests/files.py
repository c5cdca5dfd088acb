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
