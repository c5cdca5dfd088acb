"""One entry for every export: a progress frame (live or snapshot) -> file bytes; and the
fill-in template for a month."""

from datetime import datetime

import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.messages import month_name, text
from dashboard.export.fonts import MissingFont, cjk_font
from dashboard.export.pdf import Heading, bulletin_pdf
from dashboard.export.spreadsheet import to_csv, to_xlsx
from dashboard.export.template import template_csv, template_frame, template_xlsx
from dashboard.present import charts
from dashboard.present.gauges import gauge_cells

FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "png": "image/png",
}
NEEDS_FONT = ("pdf", "png")  # Chinese in images and PDFs needs a CJK font on the machine


def heading(
    progress: pd.DataFrame,
    year: int,
    month: int,
    lang: str = "zh",
    snapshot: dict | None = None,
    now: datetime | None = None,
) -> Heading:
    entity = "、".join(dict.fromkeys(progress["entity"]))
    subtitle = text("export.subtitle", lang, month=month_name(year, month, lang))
    if snapshot:
        subtitle += text(
            "export.snapshot_part",
            lang,
            id=snapshot["snapshot_id"],
            user=snapshot["user_name"],
            at=pd.Timestamp(snapshot["created_at"]),
        )
        if snapshot.get("note"):
            subtitle += f" · {snapshot['note']}"
    elif now:
        subtitle += text("export.generated_part", lang, now=now)
    return Heading(text("export.title", lang, entity=entity, year=year), subtitle)


def export_bytes(progress: pd.DataFrame, fmt: str, head: Heading, lang: str = "zh") -> bytes:
    if fmt == "csv":
        return to_csv(progress, lang)
    if fmt == "xlsx":
        return to_xlsx(progress, f"{head.title} · {head.subtitle}", lang)
    if fmt == "pdf":
        return bulletin_pdf(progress, head, gauge_cells(progress, lang, name_limit=14), lang)
    if fmt == "png":
        from dashboard.export.images import gauges_png

        sections = [
            (section, charts.gauges(part, lang))
            for section, part in progress.groupby("section", sort=False)
        ]
        return gauges_png(sections, f"{head.title} · {head.subtitle}")
    raise ValueError(f"unknown export format {fmt!r}")


def unavailable(fmt: str) -> DashboardError | None:
    """Why `fmt` cannot be made on this machine (no CJK font for PDF and PNG), or None."""
    if fmt not in NEEDS_FONT:
        return None
    try:
        cjk_font()
    except MissingFont as err:
        return err
    return None


def fill_in_template(targets: pd.DataFrame, year: int, month: int, fmt: str) -> tuple[bytes, int]:
    """The fill-in file for data month `month` (csv | xlsx) and how many indicators it asks
    for. The form is Chinese office paper: its title is Chinese whatever the page language."""
    frame = template_frame(targets, year, month)
    if fmt == "xlsx":
        data = template_xlsx(frame, text("template.title", "zh", year=year, month=month))
    else:
        data = template_csv(frame)
    return data, len(frame)
