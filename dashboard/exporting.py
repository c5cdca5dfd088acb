"""One entry for every export: a progress frame (live or snapshot) -> file bytes."""

from datetime import datetime

import pandas as pd

from dashboard.export.pdf import Heading, bulletin_pdf
from dashboard.export.spreadsheet import to_csv, to_xlsx
from dashboard.i18n import month_name

FORMATS = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument."
           "spreadsheetml.sheet", "pdf": "application/pdf", "png": "image/png"}


def heading(progress: pd.DataFrame, year: int, month: int, lang: str = "zh",
            snapshot: dict | None = None, now: datetime | None = None) -> Heading:
    entity = "、".join(dict.fromkeys(progress["entity"]))
    if lang == "zh":
        title = f"{entity}{year}年目标任务进展情况"
        sub = f"数据截至{month_name(year, month, lang)}"
        if snapshot:
            sub += (f" · 快照 #{snapshot['snapshot_id']}（{snapshot['user_name']} "
                    f"{pd.Timestamp(snapshot['created_at']):%Y-%m-%d %H:%M}）")
        elif now:
            sub += f" · 生成于 {now:%Y-%m-%d %H:%M}"
    else:
        title = f"{entity}: progress on the {year} targets"
        sub = f"Data as of {month_name(year, month, lang)}"
        if snapshot:
            sub += (f" · snapshot #{snapshot['snapshot_id']} ({snapshot['user_name']}, "
                    f"{pd.Timestamp(snapshot['created_at']):%Y-%m-%d %H:%M})")
        elif now:
            sub += f" · generated {now:%Y-%m-%d %H:%M}"
    if snapshot and snapshot.get("note"):
        sub += f" · {snapshot['note']}"
    return Heading(title, sub)


def export_bytes(progress: pd.DataFrame, fmt: str, head: Heading, lang: str = "zh") -> bytes:
    if fmt == "csv":
        return to_csv(progress, lang)
    if fmt == "xlsx":
        return to_xlsx(progress, f"{head.title} · {head.subtitle}", lang)
    if fmt == "pdf":
        return bulletin_pdf(progress, head, lang)
    if fmt == "png":
        from dashboard.export.images import gauges_png

        return gauges_png(progress, f"{head.title} · {head.subtitle}", lang)
    raise ValueError(f"unknown export format {fmt!r}")
