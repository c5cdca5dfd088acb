"""One-sentence explanations in officials' phrasing, Chinese and English.

"1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点"
Only called for rows that are shown or exported; the numbers come from compute_progress.
"""

import math
from datetime import date

import pandas as pd

from dashboard.core.periods import MONTHS_EN, period_en, period_zh
from dashboard.core.vocab import due_period_end, first_due_month

ROMAN = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}
STATE_ZH = {"done": "已完成", "in_progress": "推进中", "not_started": "尚未启动"}
STATE_EN = {"done": "done", "in_progress": "in progress", "not_started": "not started"}


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


def target_phrase_zh(r: dict) -> str:
    u, t = r["unit"] or "", r["target"]
    match r["comparator"]:
        case "range":
            return f"{num(r['target_low'])}-{num(r['target_high'])}{u}"
        case "at_least":
            return f"{value_with_unit(t, u)}以上"
        case "about":
            return f"{value_with_unit(t, u)}左右"
        case "at_most":
            return f"{value_with_unit(t, u)}以内"
        case "decrease":
            return f"下降{value_with_unit(t, u)}以上"
        case "maintain":
            return f"保持{value_with_unit(t, u)}" + ("以上" if u == "类" else "")
    return value_with_unit(t, u)


def target_phrase_en(r: dict) -> str:
    u, t = r["unit"] or "", r["target"]
    match r["comparator"]:
        case "range":
            return f"{num(r['target_low'])}–{num(r['target_high'])} {u}"
        case "at_least":
            return f"at least {value_with_unit(t, u)}"
        case "about":
            return f"about {value_with_unit(t, u)}"
        case "at_most":
            return f"at most {value_with_unit(t, u)}"
        case "decrease":
            return f"a decrease of at least {value_with_unit(t, u)}"
        case "maintain":
            return f"kept at {value_with_unit(t, u)}" + (" or better" if u == "类" else "")
    return value_with_unit(t, u)


def _period(r: dict, lang: str) -> str:
    start, end = int(r["actual_start"]), int(r["actual_end"])
    quarterly = r["frequency"] == "quarterly"
    return period_zh(start, end, quarterly) if lang == "zh" else period_en(start, end, quarterly)


def due_zh(due: date) -> str:
    if due.month == 12 and due.day == 31:
        return "年底"
    return f"{due.month}月底" if _is_month_end(due) else f"{due.month}月{due.day}日"


def due_en(due: date) -> str:
    return f"end of {MONTHS_EN[due.month - 1]}" if _is_month_end(due) else due.isoformat()


def _is_month_end(d: date) -> bool:
    return date.fromordinal(d.toordinal() + 1).month != d.month


def _relation_zh(gap: float, what: str) -> str:
    if gap == 0:
        return f"与{what}持平"
    return f"{'高于' if gap > 0 else '低于'}{what}{pct(abs(gap))}个百分点"


def _relation_en(gap: float, what: str) -> str:
    if gap == 0:
        return f"level with {what}"
    return f"{pct(abs(gap))} points {'ahead of' if gap > 0 else 'behind'} {what}"


# ------------------------------------------------------------------------------- flows


def _flow_zh(r: dict) -> str:
    u = r["unit"] or ""
    share_of = "目标下限" if r["comparator"] == "range" else "全年目标"
    text = (
        f"{_period(r, 'zh')}累计完成{num(r['actual'])}{u}，"
        f"占{share_of}的{pct(r['completion_pct'])}%"
    )
    if r["status"] == "achieved":
        text += "，已完成全年目标"
        if r["comparator"] == "range" and r["actual"] >= r["target_high"]:
            text += f"并达到目标上限{num(r['target_high'])}{u}"
        return text
    text += "，" + _relation_zh(r["gap_pp"], "序时进度")
    if not missing(r["seasonal_share_pct"]):
        text += f"（按上年季节规律应完成{pct(r['seasonal_share_pct'])}%）"
    if not missing(r["required_pace"]) and r["actual_end"] < 12:
        left = 12 - int(r["actual_end"])
        text += f"，后{left}个月需月均完成{num(r['required_pace'])}{u}"
    return text


def _flow_en(r: dict) -> str:
    u = r["unit"] or ""
    share_of = "the lower bound" if r["comparator"] == "range" else "the annual target"
    text = (
        f"{_period(r, 'en')} cumulative {num(r['actual'])} {u}, "
        f"{pct(r['completion_pct'])}% of {share_of}"
    )
    if r["status"] == "achieved":
        return text + ", annual target already met"
    text += ", " + _relation_en(r["gap_pp"], f"the time share ({pct(r['time_share_pct'])}%)")
    if not missing(r["seasonal_share_pct"]):
        text += f" (last year's seasonal share: {pct(r['seasonal_share_pct'])}%)"
    if not missing(r["required_pace"]) and r["actual_end"] < 12:
        text += f"; {num(r['required_pace'])} {u} a month needed for the rest of the year"
    return text


# ------------------------------------------------------------------------------- rates


def _rate_value_zh(r: dict) -> str:
    v, u = r["actual"], r["unit"] or ""
    if r["kind"] == "growth":
        return f"累计增长{num(v)}%" if v >= 0 else f"累计下降{num(abs(v))}%"
    return f"为{value_with_unit(v, u)}"


def _rate_zh(r: dict) -> str:
    text = f"{_period(r, 'zh')}{_rate_value_zh(r)}"
    if r["status"] == "not_assessable":
        return text + "，该指标年度考核，年内暂不评估"
    goal = f"目标（{target_phrase_zh(r)}）"
    if r["unit"] in ("%", "类"):
        text += "，" + _relation_zh(r["gap_pp"], goal)
    else:
        text += f"，为目标（{target_phrase_zh(r)}）的{pct(r['completion_pct'])}%"
    if not missing(r["tolerance_pp"]) and -r["tolerance_pp"] <= r["gap_pp"] < 0:
        text += f"，在“左右”容差（{pct(r['tolerance_pp'])}个百分点）以内"
    if not missing(r["required_pace"]) and r["status"] not in ("achieved",):
        basis = "按上年结构测算" if r["weights_basis"] == "last_year_profile" else "按月份测算"
        text += f"，其余月份需增长{pct(r['required_pace'])}%方能完成全年目标（{basis}）"
    return text


def _rate_en(r: dict) -> str:
    v = r["actual"]
    if r["kind"] == "growth":
        value = f"cumulative growth {num(v)}%" if v >= 0 else f"cumulative decline {num(-v)}%"
    else:
        value = value_with_unit(v, r["unit"] or "")
    text = f"{_period(r, 'en')}: {value}"
    if r["status"] == "not_assessable":
        return text + "; assessed annually, not judged during the year"
    goal = f"the target ({target_phrase_en(r)})"
    if r["unit"] in ("%", "类"):
        text += ", " + _relation_en(r["gap_pp"], goal)
    else:
        text += f", {pct(r['completion_pct'])}% of {goal}"
    if not missing(r["tolerance_pp"]) and -r["tolerance_pp"] <= r["gap_pp"] < 0:
        text += f", within the 'about' tolerance of {pct(r['tolerance_pp'])} points"
    if not missing(r["required_pace"]) and r["status"] != "achieved":
        basis = "last year's weights" if r["weights_basis"] == "last_year_profile" else "months"
        text += f"; {pct(r['required_pace'])}% needed for the rest of the year (weights: {basis})"
    return text


# --------------------------------------------------------------------- other families


def _maintain_zh(r: dict) -> str:
    u = r["unit"] or ""
    if not missing(r["breach_month"]):
        return (
            f"{int(r['breach_month'])}月为{value_with_unit(r['breach_value'], u)}，"
            f"未达到{target_phrase_zh(r)}的要求，全年已无法挽回"
        )
    return (
        f"{_period(r, 'zh')}为{value_with_unit(r['actual'], u)}，"
        f"各期均达到{target_phrase_zh(r)}的要求"
    )


def _maintain_en(r: dict) -> str:
    u = r["unit"] or ""
    if not missing(r["breach_month"]):
        return (
            f"{MONTHS_EN[int(r['breach_month']) - 1]}: {value_with_unit(r['breach_value'], u)}"
            f", missing {target_phrase_en(r)}; the breach stands for the rest of the year"
        )
    return (
        f"{_period(r, 'en')}: {value_with_unit(r['actual'], u)}, every period {target_phrase_en(r)}"
    )


def _milestone_zh(r: dict) -> str:
    due = pd.Timestamp(r["due_date"]).date()
    state = STATE_ZH.get(r["milestone_state"], "暂无进展报告")
    text = f"计划{due_zh(due)}完成，截至{r['year']}年{r['as_of_month']}月底{state}"
    return text + ("，已逾期" if r["status"] == "off_track" else "")


def _milestone_en(r: dict) -> str:
    due = pd.Timestamp(r["due_date"]).date()
    state = STATE_EN.get(r["milestone_state"], "no progress reported")
    text = f"Due {due_en(due)} {due.year}; as of end of {MONTHS_EN[r['as_of_month'] - 1]}: {state}"
    return text + (", overdue" if r["status"] == "off_track" else "")


def _judgement_zh(r: dict) -> str:
    return r["comment"] if not missing(r["comment"]) else "定性目标，待责任单位评估"


def _judgement_en(r: dict) -> str:
    return r["comment"] if not missing(r["comment"]) else "Qualitative target, awaiting assessment"


def _waiting_zh(r: dict) -> str:
    month = r["as_of_month"]
    if r["status"] == "no_data":
        end = due_period_end(r["frequency"], month)
        return f"应报{period_zh(1, end, r['frequency'] == 'quarterly')}数据尚未上报"
    if r["frequency"] == "annual":
        return "该指标年度考核，年内暂不评估"
    first = first_due_month(r["frequency"])
    if first is None:
        return "暂无上报"
    return f"首期数据（{period_zh(1, first, r['frequency'] == 'quarterly')}）尚未到报送期"


def _waiting_en(r: dict) -> str:
    month = r["as_of_month"]
    if r["status"] == "no_data":
        end = due_period_end(r["frequency"], month)
        return f"The {period_en(1, end, r['frequency'] == 'quarterly')} figure is due but missing"
    if r["frequency"] == "annual":
        return "Assessed annually; not judged during the year"
    first = first_due_month(r["frequency"])
    if first is None:
        return "Nothing reported yet"
    return f"The first figure ({period_en(1, first, r['frequency'] == 'quarterly')}) is not due yet"


FAMILY_TEXT = {
    "flow": (_flow_zh, _flow_en),
    "rate": (_rate_zh, _rate_en),
    "maintain": (_maintain_zh, _maintain_en),
    "milestone": (_milestone_zh, _milestone_en),
    "judgement": (_judgement_zh, _judgement_en),
}


def _lag_note(r: dict, lang: str) -> str:
    if missing(r.get("data_lag_months")):
        return ""
    n = int(r["data_lag_months"])
    return f"（最新数据滞后{n}个月）" if lang == "zh" else f" (latest figure {n} month(s) behind)"


def explain(r: dict, lang: str) -> str:
    """The explanation for one progress record in 'zh' or 'en'."""
    waiting = r["status"] in ("no_data", "not_assessable") and missing(r["actual"])
    if waiting and r["family"] not in ("milestone", "judgement"):
        return (_waiting_zh if lang == "zh" else _waiting_en)(r)
    zh, en = FAMILY_TEXT[r["family"]]
    text = zh(r) if lang == "zh" else en(r)
    return text + _lag_note(r, lang)


def add_explanations(progress: pd.DataFrame) -> pd.DataFrame:
    records = progress.to_dict("records")
    return progress.assign(
        explanation_zh=[explain(r, "zh") for r in records],
        explanation_en=[explain(r, "en") for r in records],
    )
