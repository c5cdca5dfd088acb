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


def accounts_table(users: dict, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                text("username", lang): name,
                text("role", lang): text("role." + u["role"], lang),
                text("department", lang): "、".join(u.get("departments", [])),
                text("created", lang): u.get("created", ""),
            }
            for name, u in users.items()
        ]
    )
