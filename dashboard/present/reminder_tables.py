"""The reminders as the pages show them: reports overdue per department."""

import pandas as pd

from dashboard.core.messages import in_lang, text
from dashboard.present.labels import department_word


def overdue_heading(frame: pd.DataFrame, lang: str) -> str:
    """The title over the reports owed: how many, split as the overview's tiles split them
    (逾期未报 with older figures, 暂无数据 with none), so the tiles add up to it."""
    overdue = frame[frame["kind"] == "overdue_report"]
    return text(
        "reminders.overdue_on_overview",
        lang,
        departments=overdue["department"].nunique(),
        count=len(overdue),
        late=int((overdue["status"] == "overdue_report").sum()),
        none=int((overdue["status"] == "no_data").sum()),
    )


def overdue_by_department(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per department owing reports: how many, the longest overdue, and which (with the
    period asked for and the days late), most overdue first."""
    overdue = frame[frame["kind"] == "overdue_report"]
    rows = []
    for department, part in overdue.groupby("department", sort=False):
        items = [
            text(
                "reminders.item",
                lang,
                name=r[in_lang("name", lang)],
                period=r["period_due" if lang == "zh" else "period_due_en"],
                days=int(r["days_late"]),
            )
            for r in part.to_dict("records")
        ]
        rows.append(
            {
                text("department", lang): department_word(department, lang),
                text("reminders.overdue_count", lang): len(part),
                text("reminders.oldest_days", lang): int(part["days_late"].max()),
                text("reminders.items", lang): "；".join(items)
                if lang == "zh"
                else "; ".join(items),
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    keys = [text("reminders.overdue_count", lang), text("reminders.oldest_days", lang)]
    return table.sort_values(keys, ascending=False, kind="stable", ignore_index=True)
