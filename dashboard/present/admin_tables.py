"""Tables for the admin page (no Streamlit here): the audit log in words, the accounts.
Password hashes are never shown. The CSV download of the log keeps the codes."""

import json

import pandas as pd

from dashboard.core.formulas import neutralise
from dashboard.core.messages import TABLE, Glossed, joined, month_name, text


def audit_table(log: pd.DataFrame, lang: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The log as a person reads it: local time without 'T', actions and outcomes in
    words, the detail as "key value" phrases (target ids as names when `names` has them)."""
    return pd.DataFrame(
        {
            "#": log["seq"],
            text("time", lang): log["logged_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
            text("who", lang): [neutralise(v) for v in log["user_name"]],
            text("action", lang): [_word("audit.action", a, lang) for a in log["action"]],
            text("outcome", lang): [_word("audit.outcome", o, lang) for o in log["outcome"]],
            text("detail_column", lang): [
                neutralise(detail_words(d, lang, names or {})) for d in log["detail"]
            ],
        }
    )


def audit_codes(log: pd.DataFrame) -> pd.DataFrame:
    """The log as stored (codes and JSON): what the CSV download and the CLI give."""
    return log.assign(
        user_name=[neutralise(v) for v in log["user_name"]],
        detail=[neutralise(v) for v in log["detail"]],
    )


def _word(area: str, code: str, lang: str) -> str:
    key = f"{area}.{code}"
    return text(key, lang) if key in TABLE else code


def detail_words(detail: str, lang: str, names: dict[str, str]) -> str:
    """'{"snapshot_id": 2, "as_of": "2026-10"}' -> '快照 #2；数据截至 2026年10月'."""
    try:
        values = json.loads(detail) if detail else {}
    except ValueError:
        return detail
    if not isinstance(values, dict):
        return detail
    parts = [_phrase(k, v, lang, names) for k, v in values.items() if v not in (None, [], "")]
    return text("audit.separator", lang).join(parts)


def _phrase(key: str, value, lang: str, names: dict[str, str]) -> str:
    value = _value(key, value, lang, names)
    words = f"audit.detail.{key}"
    return text(words, lang, value=value) if words in TABLE else f"{key} {value}"


def _value(key: str, value, lang: str, names: dict[str, str]) -> str:
    if isinstance(value, bool):
        return text("audit.yes" if value else "audit.no", lang)
    if key == "as_of" and isinstance(value, str) and len(value) == 7:
        return month_name(int(value[:4]), int(value[5:]), lang)
    if key == "month" and isinstance(value, int):
        return text(f"month.{value}", lang)
    if key == "role":
        return _word("role", value, lang)
    if key == "status" and f"status.{value}" in TABLE:
        return text(f"status.{value}", lang)
    if key == "sha256" and isinstance(value, str):
        return value[:8]
    if key == "target" and isinstance(value, str):
        return names.get(value.rsplit("/", 1)[-1], value)
    if key == "departments" and isinstance(value, list):
        return Glossed("department", tuple(value)).words(lang)
    if isinstance(value, list):
        return joined(value, lang)
    return str(value)


def accounts_table(users: dict, open_sessions: dict[str, int], lang: str) -> pd.DataFrame:
    """One row per account: role, departments, whether it may log in, open sessions."""
    columns = [
        text(k, lang)
        for k in ("username", "role", "department", "accounts.status", "accounts.sessions")
    ] + [text("created", lang)]
    rows = [
        [
            name,
            text("role." + u["role"], lang),
            Glossed("department", tuple(u.get("departments", []))).words(lang),
            text(
                "accounts.status.disabled" if u.get("disabled") else "accounts.status.active", lang
            ),
            open_sessions.get(name, 0),
            str(u.get("created", "")).replace("T", " ")[:16],
        ]
        for name, u in users.items()
    ]
    return pd.DataFrame(rows, columns=columns)
