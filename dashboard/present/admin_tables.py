"""Tables for the admin page (no Streamlit here). Password hashes are never shown."""

import pandas as pd

from dashboard.core.formulas import neutralise
from dashboard.core.messages import text


def audit_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": log["seq"],
            text("time", lang): log["logged_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
            text("who", lang): [neutralise(v) for v in log["user_name"]],
            # the log's own codes (login, upload, accepted, …), as the CSV and CLI give them
            text("action", lang): log["action"],
            text("outcome", lang): log["outcome"],
            text("detail_column", lang): [neutralise(v) for v in log["detail"]],
        }
    )


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
            "、".join(u.get("departments", [])),
            text(
                "accounts.status.disabled" if u.get("disabled") else "accounts.status.active", lang
            ),
            open_sessions.get(name, 0),
            str(u.get("created", "")).replace("T", " ")[:16],
        ]
        for name, u in users.items()
    ]
    return pd.DataFrame(rows, columns=columns)
