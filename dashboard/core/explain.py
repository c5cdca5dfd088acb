"""One-sentence explanations in officials' phrasing, Chinese and English.

"1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点，后2个月需月均完成275个"
Each clause is a message (core/messages/explanations.py); the numbers come from
compute_progress. Called for every target when progress is reported.
"""

import math
from datetime import date

import pandas as pd

from dashboard.core.messages import Msg, text
from dashboard.core.periods import period_text
from dashboard.core.progress_row import ProgressRow
from dashboard.core.vocab import due_period_end, first_due_month

ROMAN = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}


def missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def num(x: float) -> str:
    """2450 -> '2,450'; 93.456 -> '93.46'; keeps what the figure has, at most 2 decimals."""
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def pct(x: float) -> str:
    return f"{x:.1f}"


def value_with_unit(x: float, unit: str) -> str:
    if unit == "类":
        return f"{ROMAN.get(int(round(x)), num(x))}类"
    return f"{num(x)}{unit or ''}"


def target_phrase(r: ProgressRow, lang: str) -> str:
    """The target as the report words it: '3000个以上', 'at least 5%', '保持Ⅲ类以上'."""
    u, comparator = r["unit"] or "", r["comparator"]
    if comparator == "range":
        return text(
            "target.range", lang, low=num(r["target_low"]), high=num(r["target_high"]), unit=u
        )
    value = value_with_unit(r["target"], u)
    if comparator == "maintain":
        return text("target.maintain_class" if u == "类" else "target.maintain", lang, value=value)
    if comparator in ("at_least", "about", "at_most", "decrease"):
        return text(f"target.{comparator}", lang, value=value)
    return value


def _period(r: ProgressRow, lang: str) -> str:
    quarterly = r["frequency"] == "quarterly"
    return period_text(int(r["actual_start"]), int(r["actual_end"]), lang, quarterly)


def due_text(due: date, lang: str) -> str:
    """'年底', '10月底', '10月15日' | 'end of Oct', 'Oct 15'."""
    month = Msg(f"month.{due.month}")
    if due.month == 12 and due.day == 31:
        return text("due.year_end", lang)
    if _is_month_end(due):
        return text("due.month_end", lang, month=month)
    return text("due.day", lang, month=month, day=due.day)


def _is_month_end(d: date) -> bool:
    return date.fromordinal(d.toordinal() + 1).month != d.month


def _relation(gap: float, what: Msg, lang: str) -> str:
    if gap == 0:
        return text("explain.level", lang, what=what)
    key = "explain.ahead" if gap > 0 else "explain.behind"
    return text(key, lang, what=what, gap=pct(abs(gap)))


# ------------------------------------------------------------------------------- flows


def _flow(r: ProgressRow, lang: str) -> str:
    u = r["unit"] or ""
    share_of = "explain.share_of.range" if r["comparator"] == "range" else "explain.share_of.target"
    out = text(
        "explain.flow",
        lang,
        period=_period(r, lang),
        actual=num(r["actual"]),
        unit=u,
        share_of=Msg(share_of),
        completion=pct(r["completion_pct"]),
    )
    if r["status"] == "achieved":
        out += text("explain.flow.achieved", lang)
        if r["comparator"] == "range" and r["actual"] >= r["target_high"]:
            out += text("explain.flow.upper_reached", lang, high=num(r["target_high"]), unit=u)
        return out
    what = Msg.of("explain.what.time_share", share=pct(r["time_share_pct"]))
    out += text("explain.relation", lang, relation=_relation(r["gap_pp"], what, lang))
    if not missing(r["seasonal_share_pct"]):
        out += text("explain.flow.seasonal", lang, share=pct(r["seasonal_share_pct"]))
    if not missing(r["required_pace"]) and r["actual_end"] < 12:
        left = 12 - int(r["actual_end"])
        out += text("explain.flow.pace", lang, left=left, pace=num(r["required_pace"]), unit=u)
    return out


# ------------------------------------------------------------------------------- rates


def _rate_value(r: ProgressRow, lang: str) -> str:
    v = r["actual"]
    if r["kind"] == "growth":
        key = "explain.rate.growth" if v >= 0 else "explain.rate.decline"
        return text(key, lang, value=num(abs(v)))
    return text("explain.rate.level", lang, value=value_with_unit(v, r["unit"] or ""))


def _rate(r: ProgressRow, lang: str) -> str:
    out = text("explain.rate", lang, period=_period(r, lang), value=_rate_value(r, lang))
    if r["status"] == "not_assessable":
        return out + text("explain.rate.annual", lang)
    goal = text("explain.goal", lang, target=target_phrase(r, lang))
    if r["unit"] in ("%", "类"):
        out += text("explain.relation", lang, relation=_relation(r["gap_pp"], goal, lang))
    else:
        out += text("explain.rate.share", lang, goal=goal, completion=pct(r["completion_pct"]))
    if not missing(r["tolerance_pp"]) and -r["tolerance_pp"] <= r["gap_pp"] < 0:
        out += text("explain.rate.tolerance", lang, tolerance=pct(r["tolerance_pp"]))
    if not missing(r["required_pace"]) and r["status"] != "achieved":
        basis = Msg(f"explain.basis.{r['weights_basis']}")
        out += text("explain.rate.pace", lang, pace=pct(r["required_pace"]), basis=basis)
    return out


# --------------------------------------------------------------------- other families


def _maintain(r: ProgressRow, lang: str) -> str:
    u = r["unit"] or ""
    target = target_phrase(r, lang)
    if not missing(r["breach_month"]):
        return text(
            "explain.maintain.breach",
            lang,
            month=Msg(f"month.{int(r['breach_month'])}"),
            value=value_with_unit(r["breach_value"], u),
            target=target,
        )
    value = value_with_unit(r["actual"], u)
    return text("explain.maintain.kept", lang, period=_period(r, lang), value=value, target=target)


def _milestone(r: ProgressRow, lang: str) -> str:
    due = pd.Timestamp(r["due_date"]).date()
    state = r["milestone_state"]
    out = text(
        "explain.milestone",
        lang,
        due=due_text(due, lang),
        due_year=due.year,
        year=r["year"],
        month=Msg(f"month.{r['as_of_month']}"),
        state=Msg(f"explain.state.{state if isinstance(state, str) else 'none'}"),
    )
    return out + (text("explain.milestone.overdue", lang) if r["status"] == "off_track" else "")


def _judgement(r: ProgressRow, lang: str) -> str:
    return r["comment"] if not missing(r["comment"]) else text("explain.judgement.awaiting", lang)


def _waiting(r: ProgressRow, lang: str) -> str:
    quarterly = r["frequency"] == "quarterly"
    if r["status"] == "no_data":
        end = due_period_end(r["frequency"], r["as_of_month"])
        return text("explain.waiting.missing", lang, period=period_text(1, end, lang, quarterly))
    if r["frequency"] == "annual":
        return text("explain.waiting.annual", lang)
    first = first_due_month(r["frequency"])
    if first is None:
        return text("explain.waiting.nothing", lang)
    return text("explain.waiting.first", lang, period=period_text(1, first, lang, quarterly))


FAMILY_TEXT = {
    "flow": _flow,
    "rate": _rate,
    "maintain": _maintain,
    "milestone": _milestone,
    "judgement": _judgement,
}


def _lag_note(r: ProgressRow, lang: str) -> str:
    if missing(r.get("data_lag_months")):
        return ""
    return text("explain.lag", lang, months=int(r["data_lag_months"]))


def explain(r: ProgressRow, lang: str) -> str:
    """The explanation for one progress record in 'zh' or 'en'."""
    waiting = r["status"] in ("no_data", "not_assessable") and missing(r["actual"])
    if waiting and r["family"] not in ("milestone", "judgement"):
        return _waiting(r, lang)
    return FAMILY_TEXT[r["family"]](r, lang) + _lag_note(r, lang)


def add_explanations(progress: pd.DataFrame) -> pd.DataFrame:
    records = progress.to_dict("records")
    return progress.assign(
        explanation_zh=[explain(r, "zh") for r in records],
        explanation_en=[explain(r, "en") for r in records],
    )
