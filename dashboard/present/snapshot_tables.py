"""Tables for the snapshots page (no Streamlit here)."""

import pandas as pd

from dashboard.core.explain import missing, num
from dashboard.core.messages import in_lang, text


def snapshot_list(listing: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": listing["snapshot_id"],
            text("as_of", lang): [
                f"{y}-{m:02d}" for y, m in zip(listing["year"], listing["month"], strict=True)
            ],
            text("note", lang): listing["note"],
            text("user", lang): listing["user_name"],
            text("uploaded_at", lang): listing["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
            text("data_version", lang): listing["data_version"],
            text("rule_version", lang): listing["rule_version"],
        }
    )


def _status(s, lang: str) -> str:
    return "—" if missing(s) else text(f"status.{s}", lang)


def changes_view(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("indicator", lang): changes[in_lang("name", lang)],
            text("change", lang): [
                "、".join(text(f"snapshot_change.{k}", lang) for k in c.split("+"))
                for c in changes["change"]
            ],
            text("status", lang): [
                f"{_status(a, lang)} → {_status(b, lang)}"
                for a, b in zip(changes["status_before"], changes["status_after"], strict=True)
            ],
            text("actual", lang): [
                f"{'—' if missing(a) else num(a)} → {'—' if missing(b) else num(b)}"
                for a, b in zip(changes["actual_before"], changes["actual_after"], strict=True)
            ],
            text("period", lang): [
                f"{a or '—'} → {b or '—'}"
                for a, b in zip(changes["period_before"], changes["period_after"], strict=True)
            ],
        }
    )
