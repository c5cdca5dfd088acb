"""Tables for the snapshots page (no Streamlit here)."""

import pandas as pd

from dashboard.core.explain import missing, num
from dashboard.present.i18n import STATUS, t

CHANGE = {
    "status": ("状态变化", "status changed"),
    "new_figure": ("新数据", "new figure"),
    "revised_figure": ("数据修订", "revised figure"),
}


def snapshot_list(listing: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": listing["snapshot_id"],
            t("as_of", lang): [
                f"{y}-{m:02d}" for y, m in zip(listing["year"], listing["month"], strict=True)
            ],
            t("note", lang): listing["note"],
            t("user", lang): listing["user_name"],
            t("uploaded_at", lang): listing["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
            t("data_version", lang): listing["data_version"],
            t("rule_version", lang): listing["rule_version"],
        }
    )


def _status(s, lang: str) -> str:
    return "—" if missing(s) else STATUS[s][0 if lang == "zh" else 1]


def changes_view(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    i = 0 if lang == "zh" else 1
    return pd.DataFrame(
        {
            t("indicator", lang): changes["name_zh" if lang == "zh" else "name_en"],
            t("change", lang): [
                "、".join(CHANGE[k][i] for k in c.split("+")) for c in changes["change"]
            ],
            t("status", lang): [
                f"{_status(a, lang)} → {_status(b, lang)}"
                for a, b in zip(changes["status_before"], changes["status_after"], strict=True)
            ],
            t("actual", lang): [
                f"{'—' if missing(a) else num(a)} → {'—' if missing(b) else num(b)}"
                for a, b in zip(changes["actual_before"], changes["actual_after"], strict=True)
            ],
            t("period", lang): [
                f"{a or '—'} → {b or '—'}"
                for a, b in zip(changes["period_before"], changes["period_after"], strict=True)
            ],
        }
    )
