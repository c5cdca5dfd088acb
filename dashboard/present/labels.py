"""Words and numbers for one progress row: the big number, the caption, the target text."""

import pandas as pd

from dashboard.core.explain import missing, num, pct, value_with_unit
from dashboard.core.messages import Msg, in_lang, text
from dashboard.core.progress_row import ProgressRow

COMPARATOR_SIGN = {
    "at_least": "≥",
    "about": "≈",
    "at_most": "≤",
    "exactly": "",
    "decrease": "↓≥",
    "maintain": "",
}


def headline(r: ProgressRow, lang: str) -> str:
    """The big number inside the gauge."""
    if r["family"] == "milestone":
        state = r["milestone_state"]
        return text(f"milestone.{state}", lang) if isinstance(state, str) else "—"
    if r["family"] == "judgement":
        return "—"
    if missing(r["actual"]):
        return "—"
    if r["family"] == "flow":
        return f"{pct(r['completion_pct'])}%"
    return value_with_unit(float(r["actual"]), r["unit"] or "")


def caption(r: ProgressRow, lang: str) -> str:
    """Key numbers under a gauge: '81.7% · 序时 83.3%', '4.8% · 目标 ≥5%'."""
    unit = r["unit"] or ""
    if r["family"] == "flow":
        if missing(r["actual"]):
            return f"{text('target', lang)} {target_text(r, lang)}"
        if missing(r["time_share_pct"]):  # judged at an assessment date, not on a line
            return f"{num(r['actual'])}{unit} · {text('target', lang)} {target_text(r, lang)}"
        share = pct(r["time_share_pct"])
        return f"{num(r['actual'])}{unit} · {text('time_share', lang)} {share}%"
    if r["family"] == "milestone":
        month = Msg(f"month.{pd.Timestamp(r['due_date']).month}")
        return text("caption.due", lang, month=month)
    if r["family"] == "judgement":
        return text("caption.qualitative", lang)
    return f"{text('target', lang)} {target_text(r, lang)}"


def target_text(r: ProgressRow, lang: str) -> str:
    """The target in a few signs: '≥5%', '3000个', '5-8条', '保持100%' | 'kept at 100%'."""
    unit = r["unit"] or ""
    if r["comparator"] == "range":
        return f"{num(r['target_low'])}-{num(r['target_high'])}{unit}"
    if r["comparator"] == "maintain":
        return text("target.maintain", lang, value=value_with_unit(float(r["target"]), unit))
    sign = COMPARATOR_SIGN.get(r["comparator"], "")
    return f"{sign}{value_with_unit(float(r['target']), unit)}"


def short_name(r: ProgressRow, lang: str, limit: int = 13) -> str:
    name = r[in_lang("name", lang)]
    limit = limit if lang == "zh" else limit * 2
    return name if len(name) <= limit else name[: limit - 1] + "…"
