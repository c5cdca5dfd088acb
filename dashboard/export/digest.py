"""A department's one-page reminder (督办提醒): the reports it owes and its targets behind,
as PDF (the bulletin's font and table style) and XLSX (A4, header rows repeated)."""

import io
from dataclasses import dataclass

import pandas as pd

from dashboard.core.formulas import neutralise
from dashboard.core.messages import in_lang, text
from dashboard.export.pdf import ALIGN, FONT, Bulletin, Heading, _heading_style
from dashboard.export.spreadsheet import _cell, _print_setup

OVERDUE_WIDTHS, LAGGING_WIDTHS, LINE_H = (86, 30, 36, 34), (96, 40, 50), 5.0


@dataclass(frozen=True)
class DigestHeading:
    title: str  # 市商务局：2026年10月目标任务督办提醒
    subtitle: str  # 逾期未报送2项，进度滞后3项 · 截至2026-11-26


def _overdue_rows(part: pd.DataFrame, lang: str) -> list[list[str]]:
    return [
        [
            r[in_lang("name", lang)],
            r["period_due" if lang == "zh" else "period_due_en"],
            r["due_date"].isoformat(),
            text("reminders.days", lang, days=int(r["days_late"])),
        ]
        for r in part[part["kind"] == "overdue_report"].to_dict("records")
    ]


def _lagging_rows(part: pd.DataFrame, lang: str) -> list[list[str]]:
    return [
        [r[in_lang("name", lang)], r[in_lang("status_label", lang)], gap_words(r["gap_pp"], lang)]
        for r in part[part["kind"] == "lagging"].to_dict("records")
    ]


def gap_words(gap, lang: str) -> str:
    """'差1.6个百分点' | '1.6 pts behind'; a dash where no gap in points applies."""
    if gap is None or gap != gap:
        return "—"
    return text("reminders.gap", lang, gap=f"{abs(float(gap)):.1f}")


def _headers(kind: str, lang: str) -> list[str]:
    parts = {
        "overdue": ("indicator", "period", "due", "late"),
        "lagging": ("indicator", "status", "gap"),
    }[kind]
    return [text(f"reminders.column.{p}", lang) for p in parts]


def _sections(part: pd.DataFrame, lang: str):
    overdue, lagging = _overdue_rows(part, lang), _lagging_rows(part, lang)
    yield (
        text("reminders.section.overdue", lang, count=len(overdue)),
        _headers("overdue", lang),
        overdue,
        OVERDUE_WIDTHS,
    )
    yield (
        text("reminders.section.lagging", lang, count=len(lagging)),
        _headers("lagging", lang),
        lagging,
        LAGGING_WIDTHS,
    )


def digest_pdf(part: pd.DataFrame, heading: DigestHeading, lang: str = "zh") -> bytes:
    pdf = Bulletin(Heading(heading.title, heading.subtitle))
    pdf.add_page()
    pdf.set_font(FONT, size=16)
    pdf.set_text_color(36, 41, 47)
    pdf.multi_cell(0, 9, heading.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(87, 96, 106)
    pdf.multi_cell(0, 6, heading.subtitle, new_x="LMARGIN", new_y="NEXT")
    for title, head, rows, widths in _sections(part, lang):
        pdf.ln(3)
        pdf.set_font(FONT, size=12)
        pdf.set_text_color(36, 41, 47)
        pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
        if not rows:
            continue
        pdf.set_font(FONT, size=9)
        with pdf.table(
            col_widths=widths,
            line_height=LINE_H,
            headings_style=_heading_style(),
            text_align=ALIGN,
        ) as table:
            for cells in [head, *rows]:
                table.row(cells)
    return bytes(pdf.output())


def digest_xlsx(part: pd.DataFrame, heading: DigestHeading, lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = text("reminders.sheet", lang)
    sheet.append([_cell(neutralise(heading.title))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_cell(neutralise(heading.subtitle))])
    for title, head, rows, _ in _sections(part, lang):
        sheet.append([])
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        sheet.append(head)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for cells in rows:
            sheet.append([_cell(neutralise(v)) for v in cells])
    for column, width in zip("ABCD", (40, 16, 16, 14), strict=True):
        sheet.column_dimensions[column].width = width
    _print_setup(sheet, "1:2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
