"""Tables for the admin page (no Streamlit here). Password hashes are never shown."""

import pandas as pd

from dashboard.export.tables import neutralise
from dashboard.present.i18n import t


def audit_table(log: pd.DataFrame, lang: str) -> pd.DataFrame:
    zh = lang == "zh"
    return pd.DataFrame(
        {
            "#": log["seq"],
            ("时间" if zh else "Time"): log["logged_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
            t("who", lang): [neutralise(v) for v in log["user_name"]],
            ("操作" if zh else "Action"): log["action"],
            ("结果" if zh else "Outcome"): log["outcome"],
            ("详情" if zh else "Detail"): [neutralise(v) for v in log["detail"]],
        }
    )


def accounts_table(users: dict, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("username", lang): name,
                ("角色" if lang == "zh" else "Role"): t("role_" + u["role"], lang),
                t("department", lang): "、".join(u.get("departments", [])),
                ("创建时间" if lang == "zh" else "Created"): u.get("created", ""),
            }
            for name, u in users.items()
        ]
    )
