"""One entry for every export: a progress frame (live or snapshot) -> file bytes; and the
fill-in template for a month."""

from collections.abc import Callable
from datetime import datetime

import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.messages import Glossed, month_name, text
from dashboard.export.fonts import MissingFont, cjk_font
from dashboard.export.heading import Heading
from dashboard.export.template import template_csv, template_frame, template_xlsx
from dashboard.services.reporting import with_explanations

# The writers (fpdf, openpyxl, Altair and vl-convert: ~1 s of imports) are imported when a
# file is asked for, not by every page that offers the buttons.

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
    entity = Glossed("entity", tuple(dict.fromkeys(progress["entity"]))).words(lang)
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


Stage = Callable[[float, str], None]  # (fraction done, stage key) for a progress bar


def _silent(done: float, stage: str) -> None:
    pass


def export_bytes(
    progress: pd.DataFrame,
    fmt: str,
    head: Heading,
    lang: str = "zh",
    stage: Stage = _silent,
    items: pd.DataFrame | None = None,
    supervision: list[str] = (),
    supervised: frozenset[tuple[str, str]] = frozenset(),
) -> bytes:
    """The file of `fmt`; `stage` hears how far along it is (PDF and PNG take seconds).
    `items` (reporting.items): the named items of items targets, a sheet of the XLSX; the
    areas' ranks on the targets they share are another.
    `supervision`: open supervision items, one sentence each, for the PDF bulletin;
    `supervised`: (entity, id) of their targets (the bulletin's department scoreboard)."""
    progress = with_explanations(progress)  # the pages' frames are judged, not yet explained
    if fmt == "csv":
        from dashboard.export.spreadsheet import to_csv

        return to_csv(progress, lang)
    if fmt == "xlsx":
        from dashboard.export.spreadsheet import to_xlsx
        from dashboard.present.item_tables import items_export
        from dashboard.present.ranking_tables import rankings_export

        listed = None if items is None else items_export(items, progress, lang)
        ranks = rankings_export(progress, lang)
        return to_xlsx(progress, f"{head.title} · {head.subtitle}", lang, listed, ranks)
    if fmt == "pdf":
        from dashboard.export.pdf import bulletin_pdf
        from dashboard.present.gauges import gauge_cells

        stage(0.05, "export.stage.prepare")
        cells = gauge_cells(progress, lang, name_limit=40)
        return bulletin_pdf(progress, head, cells, lang, stage, supervision, supervised)
    if fmt == "png":
        from dashboard.export.images import gauges_png
        from dashboard.present import charts
        from dashboard.present.labels import section_word

        stage(0.05, "export.stage.prepare")
        sections = [
            (section_word(section, lang), charts.gauges(part, lang))
            for section, part in progress.groupby("section", sort=False)
        ]
        stage(0.3, "export.stage.render")
        return gauges_png(sections, head.title, head.subtitle)
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


def fill_in_template(
    targets: pd.DataFrame,
    year: int,
    month: int,
    fmt: str,
    departments=(),
    items=None,
    entity=None,
) -> tuple[bytes, int]:
    """The fill-in file for data month `month` (csv | xlsx) and how many rows it asks
    for; only `departments`' targets when given; `items` (reporting.items as of the month)
    are listed one row each under their items targets; naming `entity` in a 主体 column
    when given. The form is Chinese office paper: its title is Chinese whatever the page
    language."""
    if departments:
        targets = targets[targets["department"].isin(list(departments))]
    frame = template_frame(targets, year, month, items, entity)
    if fmt == "xlsx":
        data = template_xlsx(frame, text("template.title", "zh", year=year, month=month))
    else:
        data = template_csv(frame)
    return data, frame["指标ID"].nunique()  # an items target's rows are one indicator
