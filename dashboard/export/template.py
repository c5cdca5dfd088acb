"""A fill-in file for a month: the indicators due, with their units, in the upload format."""

import io

import pandas as pd

from dashboard.core.vocab import is_due

HEADER = ["指标ID", "指标名称", "时期", "数值", "单位", "口径", "责任单位", "备注"]
LIST_SHEET = "指标清单"
SPARE_ROWS = 50  # rows under the form where a copied or added row still gets the list
BASIS_ZH = {
    "ytd": "累计",
    "month": "当月",
    "level": "期末",
    "ytd_growth": "累计增长",
    "ytd_share": "累计占比",
    "ytd_distinct": "累计(不重复计数)",
    "status": "进展(未启动/推进中/已完成)",
}
# A decrease target's row reads its figure as a decrease: 4.2 typed there is stored as −4.2.
DECREASE_BASIS = "比上年下降(%)"


def due_targets(targets: pd.DataFrame, month: int) -> pd.DataFrame:
    due = [
        is_due(f, month) or c == "milestone"
        for f, c in zip(targets["frequency"], targets["comparator"], strict=True)
    ]
    keep = targets[due]
    return keep[keep["comparator"] != "qualitative"]


def template_frame(targets: pd.DataFrame, year: int, month: int) -> pd.DataFrame:
    rows = []
    for t in due_targets(targets, month).itertuples(index=False):
        cumulative = t.measure in ("ytd", "ytd_growth", "ytd_share", "ytd_distinct")
        period = f"{year}年1-{month}月" if cumulative and month > 1 else f"{year}年{month}月"
        basis = DECREASE_BASIS if t.comparator == "decrease" else BASIS_ZH[t.measure]
        rows.append([t.id, t.name_zh, period, "", t.unit or "", basis, t.department, ""])
    return pd.DataFrame(rows, columns=HEADER)


def template_csv(frame: pd.DataFrame) -> bytes:
    # UTF-8 with BOM: Excel and WPS on Chinese Windows open it without garbling.
    return frame.to_csv(index=False).encode("utf-8-sig")


def template_xlsx(frame: pd.DataFrame, title: str) -> bytes:
    """The form as a workbook; the name column offers the form's own targets in a
    drop-down list (kept on a second sheet, as Excel and WPS need for long lists)."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "填报"
    sheet.append([title])
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for letter, w in zip("ABCDEFGH", (24, 36, 16, 12, 10, 20, 28, 24), strict=True):
        sheet.column_dimensions[letter].width = w
    sheet.freeze_panes = "A3"
    if len(frame):
        _name_list(book, sheet, list(frame["指标名称"]), DataValidation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _name_list(book, sheet, names: list[str], DataValidation) -> None:
    listing = book.create_sheet(LIST_SHEET)
    for name in names:
        listing.append([name])
    listing.sheet_state = "hidden"
    check = DataValidation(
        type="list",
        formula1=f"'{LIST_SHEET}'!$A$1:$A${len(names)}",
        allow_blank=True,
        showErrorMessage=False,  # a row for a target not listed is the upload check's job
    )
    check.prompt, check.promptTitle = "从列表中选择本表的指标", "指标名称"
    check.showInputMessage = True
    sheet.add_data_validation(check)
    check.add(f"B3:B{len(names) + 2 + SPARE_ROWS}")
