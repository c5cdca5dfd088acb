"""Words and numbers for one progress row: the big number, the caption, the target text."""

import pandas as pd

from dashboard.core.explain import MONTHS_EN, missing, num, pct, value_with_unit
from dashboard.present.i18n import MILESTONE, pick, t

COMPARATOR_SIGN = {
    "at_least": "≥",
    "about": "≈",
    "at_most": "≤",
    "exactly": "",
    "decrease": "↓≥",
    "maintain": "",
}


def headline(r: dict, lang: str) -> str:
    """The big number inside the gauge."""
    if r["family"] == "milestone":
        state = r["milestone_state"]
        return pick(MILESTONE[state], lang) if isinstance(state, str) else "—"
    if r["family"] == "judgement":
        return "—"
    if missing(r["actual"]):
        return "—"
    if r["family"] == "flow":
        return f"{pct(r['completion_pct'])}%"
    return value_with_unit(float(r["actual"]), r["unit"] or "")


def caption(r: dict, lang: str) -> str:
    """Key numbers under a gauge: '81.7% · 序时 83.3%', '4.8% · 目标 ≥5%'."""
    unit = r["unit"] or ""
    if r["family"] == "flow":
        if missing(r["actual"]):
            return f"{t('target', lang)} {target_text(r)}"
        return f"{num(r['actual'])}{unit} · {t('time_share', lang)} {pct(r['time_share_pct'])}%"
    if r["family"] == "milestone":
        due = pd.Timestamp(r["due_date"])
        return f"{due.month}月底" if lang == "zh" else f"due end {MONTHS_EN[due.month - 1]}"
    if r["family"] == "judgement":
        return "定性目标" if lang == "zh" else "qualitative"
    return f"{t('target', lang)} {target_text(r)}"


def target_text(r: dict) -> str:
    unit = r["unit"] or ""
    if r["comparator"] == "range":
        return f"{num(r['target_low'])}-{num(r['target_high'])}{unit}"
    if r["comparator"] == "maintain":
        return "保持" + value_with_unit(float(r["target"]), unit)
    sign = COMPARATOR_SIGN.get(r["comparator"], "")
    return f"{sign}{value_with_unit(float(r['target']), unit)}"


def short_name(r: dict, lang: str, limit: int = 13) -> str:
    name = r["name_zh"] if lang == "zh" else r["name_en"]
    limit = limit if lang == "zh" else limit * 2
    return name if len(name) <= limit else name[: limit - 1] + "…"
