"""A fill-in file for a month: the indicators due, with their units, in the upload format.

An items target (assessment `items`) gets one row per item already listed, with the item's
name and its own due date filled in, so that a department only writes each item's state
(and adds rows for new items); the form then has the columns 项目名称 and 完成时限, which
the upload reads back as named items. Items withdrawn are not listed again. A form
without items targets keeps the plain columns.
"""

import io

import pandas as pd

from dashboard.core.formulas import neutralise
from dashboard.core.milestones import STATES
from dashboard.core.vocab import is_due

HEADER = ["指标ID", "指标名称", "时期", "数值", "单位", "口径", "责任单位", "备注"]
ITEM_COLUMN, DUE_COLUMN = "项目名称", "完成时限"
ITEM_HEADER = [*HEADER[:2], ITEM_COLUMN, *HEADER[2:4], DUE_COLUMN, *HEADER[4:]]
ITEM_BASIS = "进展(未启动/推进中/已完成/已撤销)"
STATE_ZH = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成"}
WIDTHS = {"指标ID": 24, "指标名称": 36, ITEM_COLUMN: 30, "时期": 16, "数值": 12}
WIDTHS |= {DUE_COLUMN: 14, "单位": 10, "口径": 20, "责任单位": 28, "备注": 24}
ENTITY_COLUMN = "主体"
WIDTHS[ENTITY_COLUMN] = 14
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
    # milestones and items report progress whenever it is made, not by the calendar
    assessed = targets["assessment"] if "assessment" in targets else [None] * len(targets)
    due = [
        is_due(f, month) or c == "milestone" or a == "items"
        for f, c, a in zip(targets["frequency"], targets["comparator"], assessed, strict=True)
    ]
    # a Series: an empty list would select no columns (a department without targets here)
    keep = targets[pd.Series(due, index=targets.index, dtype=bool)]
    return keep[keep["comparator"] != "qualitative"]


def template_frame(
    targets: pd.DataFrame,
    year: int,
    month: int,
    items: pd.DataFrame | None = None,
    entity: str | None = None,
) -> pd.DataFrame:
    """The form's rows; `items` (core.items.item_table as of the month) lists the items
    already reported, one row each under its target. With `entity`, a 主体 column naming
    it, so that the filled-in file is stored for that entity wherever it is uploaded (a
    district's form at the city's command line)."""
    due = due_targets(targets, month)
    with_items = "assessment" in due and (due["assessment"] == "items").any()
    rows = []
    for t in due.itertuples(index=False):
        if with_items and getattr(t, "assessment", None) == "items":
            rows += _item_rows(t, year, month, items)
            continue
        cumulative = t.measure in ("ytd", "ytd_growth", "ytd_share", "ytd_distinct")
        period = f"{year}年1-{month}月" if cumulative and month > 1 else f"{year}年{month}月"
        basis = DECREASE_BASIS if t.comparator == "decrease" else BASIS_ZH[t.measure]
        row = [t.id, t.name_zh, period, "", t.unit or "", basis, t.department, ""]
        rows.append(_widen(row) if with_items else row)
    frame = pd.DataFrame(rows, columns=ITEM_HEADER if with_items else HEADER)
    if entity is not None:
        frame[ENTITY_COLUMN] = entity
    return frame


def _widen(row: list, item: str = "", due: str = "") -> list:
    """A plain row in the columns of a form with items."""
    return [*row[:2], item, *row[2:4], due, *row[4:]]


def _item_rows(t, year: int, month: int, items: pd.DataFrame | None) -> list[list]:
    """One row per item of target `t` still listed, its state to be written; one row
    without a name when none is listed yet (a count, or the first item's name)."""
    period = f"{year}年{month}月"
    mine = pd.DataFrame() if items is None else items
    if not mine.empty:
        key = (mine["entity"] == t.entity) & (mine["year"] == year) & (mine["id"] == t.id)
        mine = mine[key & (mine["state"] != "withdrawn")]
    base = [t.id, t.name_zh, period, "", t.unit or "", ITEM_BASIS, t.department, ""]
    if mine.empty:
        return [_widen(base)]
    return [
        _widen(base[:7] + [_last_report(r)], r.item, _due_cell(r.own_due))
        for r in mine.itertuples(index=False)
    ]


def _last_report(r) -> str:
    """'上次（6月）：推进中（主体完工）' in the remarks: what the item last said."""
    state = STATE_ZH.get(STATES.get(int(r.code), ""), "")
    words = r.words if isinstance(r.words, str) and r.words != state else None
    said = f"{state}（{words}）" if words else state
    return f"上次（{int(r.reported_month)}月）：{said}"


def _due_cell(due) -> str:
    return "" if due is None or pd.isna(due) else pd.Timestamp(due).strftime("%Y-%m-%d")


def _inert(frame: pd.DataFrame) -> pd.DataFrame:
    """Text a spreadsheet would run as a formula gets a leading ': an item's name is
    whatever an upload called it (=HYPERLINK(...) included), and the form is opened in
    Excel by the department. The upload reads the ' back off (ingest.cells.clean)."""
    return frame.map(neutralise)


def template_csv(frame: pd.DataFrame) -> bytes:
    # UTF-8 with BOM: Excel and WPS on Chinese Windows open it without garbling.
    return _inert(frame).to_csv(index=False).encode("utf-8-sig")


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
    for row in _inert(frame).itertuples(index=False):
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for k, column in enumerate(frame.columns):
        sheet.column_dimensions[chr(ord("A") + k)].width = WIDTHS[column]
    sheet.freeze_panes = "A3"
    if len(frame):
        _name_list(book, sheet, list(dict.fromkeys(frame["指标名称"])), DataValidation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _name_list(book, sheet, names: list[str], DataValidation) -> None:
    listing = book.create_sheet(LIST_SHEET)
    for name in names:
        listing.append([neutralise(name)])
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
