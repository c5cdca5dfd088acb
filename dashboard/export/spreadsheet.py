"""CSV (UTF-8 with BOM, for Excel and WPS) and XLSX (summary + detail sheets)."""

import io

import pandas as pd

from dashboard.core.control_chars import xml_safe
from dashboard.core.formulas import neutralise
from dashboard.core.messages import text
from dashboard.core.palette import STATUS_COLORS
from dashboard.export.tables import COLUMNS, export_table, status_summary


def to_csv(progress: pd.DataFrame, lang: str = "zh") -> bytes:
    # The BOM is what makes Excel and WPS on Chinese Windows read UTF-8 correctly.
    return export_table(progress, lang).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(
    progress: pd.DataFrame,
    title: str,
    lang: str = "zh",
    items: pd.DataFrame | None = None,
    ranks: pd.DataFrame | None = None,
) -> bytes:
    """Summary and detail sheets; a sheet of named items (present/item_tables.items_export)
    when `items` has any, and one of the areas ranked on their shared targets
    (present/ranking_tables.rankings_export) when `ranks` has any."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    summary = book.active
    summary.title = text("export.sheet.summary", lang)
    summary.append([_cell(neutralise(title))])
    summary["A1"].font = Font(bold=True, size=14)
    table = status_summary(progress, lang)
    summary.append(list(table.columns))
    for row in table.itertuples(index=False):
        summary.append([_cell(neutralise(v)) if isinstance(v, str) else int(v) for v in row])
    for cell in summary[2]:
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 22
    for i in range(2, len(table.columns) + 1):
        summary.column_dimensions[get_column_letter(i)].width = 14
    _print_setup(summary, "2:2")

    detail = book.create_sheet(text("export.sheet.detail", lang))
    frame = export_table(progress, lang)
    detail.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        detail.append([None if (isinstance(v, float) and v != v) else _cell(v) for v in row])
    _style_detail(detail, frame, progress, Font, PatternFill, Alignment, get_column_letter)
    _print_setup(detail, "1:1")
    if items is not None and not items.empty:
        _list_sheet(book.create_sheet(text("export.sheet.items", lang)), items, Font)
    if ranks is not None and not ranks.empty:
        _list_sheet(book.create_sheet(text("export.sheet.ranks", lang)), ranks, Font)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _list_sheet(sheet, rows: pd.DataFrame, Font) -> None:
    """A plain table whose first two columns name what a row is (target and item, or
    indicator and rank)."""
    sheet.append(list(rows.columns))
    for row in rows.itertuples(index=False):
        sheet.append([_cell(neutralise(v)) if isinstance(v, str) else v for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 30
    sheet.freeze_panes = "C2"
    _print_setup(sheet, "1:1")


MAX_CELL = 32_767  # what an Excel cell holds; a longer comment is cut with "…"


def _cell(value):
    """A comment with a control character (ESC, NUL) made openpyxl refuse the whole
    workbook, for a snapshot for good; those characters are dropped from text cells."""
    if not isinstance(value, str):
        return value
    value = xml_safe(value)
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


WIDTHS = {"text": 16, "number": 11, "figure": 11}
WIDE = {
    "name_zh": 30,
    "name_en": 34,
    "explanation": 60,
    "reason": 30,
    "measures": 30,
    "department": 20,
}
FORMATS = {"completion_pct": "0.0", "time_share_pct": "0.0", "gap_pp": "+0.0;-0.0;0.0"}
# "#,##0.##" prints 3,000 as "3,000.": whole numbers get no decimals, others one or two
WHOLE, DECIMAL = "#,##0", "#,##0.0#"


def number_format(column: str, value) -> str:
    if column in FORMATS:
        return FORMATS[column]
    whole = isinstance(value, (int, float)) and float(value).is_integer()
    return WHOLE if whole or value is None else DECIMAL


def _print_setup(sheet, title_rows: str) -> None:
    """A4 landscape, one page wide, the header row repeated on every printed page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _style_detail(sheet, frame, progress, Font, PatternFill, Alignment, letter) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    status_col = [c for c, _ in COLUMNS].index("status_label") + 1
    for i, (col, kind) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[letter(i)].width = WIDE.get(col, WIDTHS[kind])
        if kind != "text":
            for cell in sheet[letter(i)][1:]:
                if not isinstance(cell.value, str):  # a milestone's state is words
                    cell.number_format = number_format(col, cell.value)
    for row_idx, status in enumerate(progress["status"], start=2):
        cell = sheet.cell(row=row_idx, column=status_col)
        argb = "FF" + STATUS_COLORS[status].lstrip("#").upper()  # opaque, as Excel expects
        cell.fill = PatternFill("solid", fgColor=argb)
        cell.font = Font(
            bold=True,
            color="FFFFFF" if status in ("achieved", "off_track", "on_track") else "000000",
        )
