"""The monthly reminders of the supervision office: what each department owes (reports due
and missing) and which of its targets are behind, as a table, a one-page digest (PDF and
XLSX) per department, and e-mails carrying those digests (services/mailing.py).

The same calendar and verdicts as the progress (core/reminders.py)."""

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from dashboard.core import reminders as core_reminders
from dashboard.core.deadlines import with_deadlines
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names, glossary, month_name, text
from dashboard.services import reporting
from dashboard.store import catalogue as store_catalogue
from dashboard.store import deadlines as store_deadlines


class UnknownDepartment(DashboardError, LookupError):
    """A department the catalogue does not name."""


@dataclass(frozen=True)
class Digest:
    department: str
    overdue: int  # reports due and missing
    lagging: int  # targets behind
    pdf: bytes
    xlsx: bytes
    subject: str
    body: str

    def filenames(self, year: int, month: int) -> tuple[str, str]:
        stem = f"督办提醒_{self.department}_{year}-{month:02d}"
        return f"{stem}.pdf", f"{stem}.xlsx"


def default_as_of(con: duckdb.DuckDBPyConnection, today: date) -> tuple[int, int]:
    """The month before today (whose reports fall due this month), within the catalogue's
    years; the latest month with figures when today is outside them."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    years = store_catalogue.catalogue_years(con)
    if year in years:
        return year, month
    if years and year > years[-1]:
        return years[-1], 12
    return reporting.default_as_of(con)


def reminder_frame(
    con: duckdb.DuckDBPyConnection,
    year: int,
    month: int,
    today: date,
    department: str | None = None,
) -> pd.DataFrame:
    """Per department, overdue reports and lagging targets as of (year, month) on `today`."""
    # statuses and their words are enough: explanations are not part of a reminder
    progress = reporting.progress(con, year, month, today=today, explained=False)
    return reminders_of(con, progress, year, month, today, department)


def reminders_of(
    con: duckdb.DuckDBPyConnection,
    progress: pd.DataFrame,
    year: int,
    month: int,
    today: date,
    department: str | None = None,
) -> pd.DataFrame:
    """The same from a progress frame already judged on `today` with the deployment's
    thresholds (a page's cached one: the overview judges once for cards and reminders)."""
    known = list(dict.fromkeys(progress["department"]))
    if department is not None and department not in known:
        raise UnknownDepartment(
            "reminders.unknown_department", department=department, known=Names(tuple(known))
        )
    # each target's deadline: the catalogue's lag and the deployment's day unless an
    # administrator set its own (the same rule the progress judged with)
    keys = ["entity", "year", "id"]
    deadlines = with_deadlines(
        store_catalogue.targets(con, year), store_deadlines.current(con, year)
    )
    progress = progress.merge(
        deadlines[[*keys, "publication_lag", "report_day"]], on=keys, how="left"
    )
    report_day = reporting.deployment_thresholds().report_day
    frame = core_reminders.reminders(progress, month, today, report_day)
    if department is not None:
        frame = frame[frame["department"] == department].reset_index(drop=True)
    return frame


def digests(
    frame: pd.DataFrame, year: int, month: int, today: date, lang: str = "zh"
) -> list[Digest]:
    """One digest per department of `frame` (departments owing nothing get none)."""
    # Imported here: the PDF library takes 0.6 s to import, and every command of the CLI
    # and the overview page import this module without writing a digest.
    from dashboard.export.digest import DigestHeading, digest_pdf, digest_xlsx

    out = []
    for department in core_reminders.departments(frame):
        part = frame[frame["department"] == department]
        overdue = int((part["kind"] == "overdue_report").sum())
        lagging = len(part) - overdue
        words = {
            "department": glossary("department", department, lang),
            "month": month_name(year, month, lang),
            "overdue": overdue,
            "lagging": lagging,
            "today": today.isoformat(),
        }
        heading = DigestHeading(
            text("reminders.digest_title", lang, **words),
            text("reminders.digest_subtitle", lang, **words),
        )
        out.append(
            Digest(
                department,
                overdue,
                lagging,
                digest_pdf(part, heading, lang),
                digest_xlsx(part, heading, lang),
                text("reminders.mail_subject", lang, **words),
                _body(part, words, lang),
            )
        )
    return out


def _body(part: pd.DataFrame, words: dict, lang: str) -> str:
    lines = [text("reminders.mail_greeting", lang, **words), ""]
    name = "name_zh" if lang == "zh" else "name_en"
    period = "period_due" if lang == "zh" else "period_due_en"
    label = "status_label_zh" if lang == "zh" else "status_label_en"
    for r in part.to_dict("records"):
        if r["kind"] == "overdue_report":
            lines.append(
                text(
                    "reminders.mail_overdue_line",
                    lang,
                    name=r[name],
                    period=r[period],
                    due=r["due_date"].isoformat(),
                    days=int(r["days_late"]),
                )
            )
        else:
            lines.append(text("reminders.mail_lagging_line", lang, name=r[name], status=r[label]))
    lines += ["", text("reminders.mail_closing", lang, **words)]
    return "\n".join(lines)
