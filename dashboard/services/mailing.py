"""Sending the departments' reminder digests by e-mail, when the deployment configures an
SMTP server:

    DASHBOARD_SMTP_HOST, DASHBOARD_SMTP_PORT (default 587), DASHBOARD_SMTP_FROM,
    DASHBOARD_SMTP_USER and DASHBOARD_SMTP_PASSWORD (both or neither),
    DASHBOARD_SMTP_SECURITY = starttls (default) | ssl | none

and data/department_contacts.csv names each department's addresses (department,email;
several addresses in one cell separated by ';'). Every digest sent, and every department
that could not be reached, is an audit entry.
"""

import csv
import io
import os
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

import duckdb

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names
from dashboard.services import audit_log
from dashboard.services.reminders import Digest
from dashboard.services.workspace import Workspace

SECURITIES = ("starttls", "ssl", "none")
PDF, XLSX = (
    ("application", "pdf"),
    (
        "application",
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
)


class MailSetupError(DashboardError, ValueError):
    """The SMTP settings or the contacts file cannot be used (the message says which)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    user: str | None
    password: str | None
    security: str


@dataclass(frozen=True)
class Sent:
    department: str
    to: tuple[str, ...]
    outcome: str  # sent | no_address | failed
    error: str | None = None


def smtp_settings(env: Mapping[str, str] = os.environ) -> SmtpSettings | None:
    """The deployment's SMTP server, or None when none is configured (no host)."""
    host = env.get("DASHBOARD_SMTP_HOST", "").strip()
    if not host:
        return None
    sender = env.get("DASHBOARD_SMTP_FROM", "").strip()
    if not _address(sender, named=True):
        raise MailSetupError("mail.bad_from", value=sender)
    port_text = env.get("DASHBOARD_SMTP_PORT", "587").strip()
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MailSetupError("mail.bad_port", value=port_text)
    user, password = env.get("DASHBOARD_SMTP_USER") or None, env.get("DASHBOARD_SMTP_PASSWORD")
    if bool(user) != bool(password):
        raise MailSetupError("mail.half_login")
    security = env.get("DASHBOARD_SMTP_SECURITY", "starttls").strip().lower()
    if security not in SECURITIES:
        raise MailSetupError("mail.bad_security", value=security, choices=Names(tuple(SECURITIES)))
    return SmtpSettings(host, int(port_text), sender, user, password or None, security)


def _address(text: str, named: bool = False) -> bool:
    """Whether `text` is one address (`named`: "督查室 <ducha@example.gov.cn>" too)."""
    name, address = parseaddr(text)
    local, at, domain = address.partition("@")
    plain = address == text.strip().strip("<>")
    shaped = bool(local and at and "." in domain and " " not in address)
    return shaped and (plain or (named and bool(name)))


def contacts_path(ws: Workspace) -> Path:
    return ws.data_dir / "department_contacts.csv"


def load_contacts(path: Path) -> dict[str, tuple[str, ...]]:
    """department -> addresses; a missing file is no contacts. A line with an address that
    is not one is refused with its line number (a reminder must not go astray)."""
    if not path.is_file():
        return {}
    found: dict[str, tuple[str, ...]] = {}
    reader = csv.reader(io.StringIO(path.read_text("utf-8-sig")))
    for line, row in enumerate(reader, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or (line == 1 and cells[:1] == ["department"]):
            continue
        if len(cells) < 2 or not cells[0]:
            raise MailSetupError("mail.contacts_line", line=line, path=path.name)
        addresses = tuple(a.strip() for a in cells[1].split(";") if a.strip())
        bad = [a for a in addresses if not _address(a)]
        if bad or not addresses:
            raise MailSetupError("mail.contacts_address", line=line, value=Names(tuple(bad)))
        found[cells[0]] = found.get(cells[0], ()) + addresses
    return found


def message(settings: SmtpSettings, to: tuple[str, ...], digest: Digest, year: int, month: int):
    mail = EmailMessage()
    mail["From"], mail["To"] = settings.sender, ", ".join(to)
    mail["Subject"] = digest.subject
    mail["Date"], mail["Message-ID"] = formatdate(localtime=True), make_msgid()
    mail.set_content(digest.body)
    pdf_name, xlsx_name = digest.filenames(year, month)
    mail.add_attachment(digest.pdf, maintype=PDF[0], subtype=PDF[1], filename=pdf_name)
    mail.add_attachment(digest.xlsx, maintype=XLSX[0], subtype=XLSX[1], filename=xlsx_name)
    return mail


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=30)
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=30)
        if settings.security == "starttls":
            server.starttls()
    if settings.user:
        server.login(settings.user, settings.password or "")
    return server


def send_digests(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: User,
    settings: SmtpSettings,
    contacts: dict[str, tuple[str, ...]],
    digests: list[Digest],
    year: int,
    month: int,
    at: datetime | None = None,
) -> list[Sent]:
    """Send each digest to its department's addresses over one connection; each outcome
    audited. A department without an address is reported, not skipped silently."""
    results: list[Sent] = []
    reachable = [d for d in digests if contacts.get(d.department)]
    results += [Sent(d.department, (), "no_address") for d in digests if d not in reachable]
    if reachable:
        results += _deliver(settings, contacts, reachable, year, month)
    for sent in results:
        audit_log.record(
            ws,
            con,
            user.name,
            "reminders",
            sent.outcome,
            at=at,
            department=sent.department,
            to=list(sent.to),
            as_of=f"{year}-{month:02d}",
            **({"error": sent.error} if sent.error else {}),
        )
    order = {d.department: i for i, d in enumerate(digests)}
    return sorted(results, key=lambda s: order[s.department])


def _deliver(settings, contacts, digests: list[Digest], year: int, month: int) -> list[Sent]:
    try:
        server = _connect(settings)
    except (OSError, smtplib.SMTPException) as err:
        return [Sent(d.department, contacts[d.department], "failed", str(err)) for d in digests]
    results = []
    with server:
        for d in digests:
            to = contacts[d.department]
            try:
                server.send_message(message(settings, to, d, year, month))
                results.append(Sent(d.department, to, "sent"))
            except (OSError, smtplib.SMTPException) as err:
                results.append(Sent(d.department, to, "failed", str(err)))
    return results
