"""One entry for every export: a progress frame (live or snapshot) -> file bytes."""

from datetime import datetime

import pandas as pd

from dashboard.export.pdf import Heading, bulletin_pdf
from dashboard.export.spreadsheet import to_csv, to_xlsx
from dashboard.present import charts
from dashboard.present.gauges import gauge_cells
from dashboard.present.i18n import month_name

FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "png": "image/png",
}


HEADINGS = {  # title, subtitle, snapshot part, generated part
    "zh": (
        "{entity}{year}年目标任务进展情况",
        "数据截至{month}",
        " · 快照 #{id}（{user} {at:%Y-%m-%d %H:%M}）",
        " · 生成于 {now:%Y-%m-%d %H:%M}",
    ),
    "en": (
        "{entity}: progress on the {year} targets",
        "Data as of {month}",
        " · snapshot #{id} ({user}, {at:%Y-%m-%d %H:%M})",
        " · generated {now:%Y-%m-%d %H:%M}",
    ),
}


def heading(
    progress: pd.DataFrame,
    year: int,
    month: int,
    lang: str = "zh",
    snapshot: dict | None = None,
    now: datetime | None = None,
) -> Heading:
    title, sub, snap, generated = HEADINGS[lang]
    entity = "、".join(dict.fromkeys(progress["entity"]))
    subtitle = sub.format(month=month_name(year, month, lang))
    if snapshot:
        subtitle += snap.format(
            id=snapshot["snapshot_id"],
            user=snapshot["user_name"],
            at=pd.Timestamp(snapshot["created_at"]),
        )
        if snapshot.get("note"):
            subtitle += f" · {snapshot['note']}"
    elif now:
        subtitle += generated.format(now=now)
    return Heading(title.format(entity=entity, year=year), subtitle)


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
