"""Words and numbers for one progress row, in the reader's language: the big number of a
gauge, actual and target with their units, the gap in points, the status word, the
period a figure covers, and the catalogue's own words (section, department)."""

import pandas as pd

from dashboard.core.amounts import Scale, scale
from dashboard.core.explain import missing, pct, shown_status, value_with_unit
from dashboard.core.items import CODE_WORDS
from dashboard.core.messages import Msg, glossary, in_lang, text
from dashboard.core.milestones import state_word
from dashboard.core.periods import named_by_quarters, period_text
from dashboard.core.progress_row import ProgressRow

COMPARATOR_SIGN = {
    "at_least": "≥",
    "about": "≈",
    "at_most": "≤",
    "exactly": "",
    "maintain": "",
}


def amount(x: float, unit: str | None, lang: str, target: str | None = None) -> str:
    """'2,450个' | '2,450 units', '83.51万吨' | '835,100 t', '4.8%', 'Ⅱ类' | 'Class Ⅱ';
    with `target` (its id) English names what it counts: '6 routes'."""
    return value_with_unit(x, unit or "", lang, target)


def headline(r: ProgressRow, lang: str) -> str:
    """The big number inside the gauge: completion for amounts (and levels counted in
    things), the figure for rates and levels, the state for milestones."""
    if r["family"] == "milestone":
        state = r["milestone_state"]
        return text(f"milestone.{state}", lang) if isinstance(state, str) else "—"
    if r["family"] == "judgement" or missing(r["actual"]):
        return "—"
    if _against_target(r) and not missing(r["completion_pct"]):
        return f"{pct(r['completion_pct'])}%"
    return amount(float(r["actual"]), r["unit"], lang, r.get("id"))


def actual_text(r: ProgressRow, lang: str) -> str:
    """The figure that counts, with its unit ('1,590亿元', '4.8%', '推进中'); '—' if none."""
    if r["family"] in ("milestone", "judgement"):
        return headline(r, lang)
    return "—" if missing(r["actual"]) else amount(float(r["actual"]), r["unit"], lang, r.get("id"))


def target_text(r: ProgressRow, lang: str, shared: Scale | None = None) -> str:
    """The target in a few signs: '≥5%', '3,000个', '5-8条', '保持100%', '10月底';
    `shared`: the scale of the figures it is read with (English magnitudes)."""
    if r["family"] == "milestone":
        due = r["due_date"]
        if due is None or pd.isna(due):
            return "—"
        return text("caption.due", lang, month=Msg(f"month.{pd.Timestamp(due).month}"))
    if r["family"] == "judgement":
        return text("caption.qualitative", lang)
    unit = r["unit"] or ""
    if unit == "类":
        value = amount(float(r["target"]), unit, lang, r.get("id"))
    else:
        bounds = [r["target_low"], r["target_high"]] if r["comparator"] == "range" else []
        s = shared or scale(unit, lang, bounds or [r["target"]], r.get("id"))
        if r["comparator"] == "range":
            dash = "-" if lang == "zh" else "–"
            return f"{s.figure(r['target_low'])}{dash}{s.with_word(r['target_high'])}"
        value = s.with_word(r["target"])
    if r["comparator"] == "maintain":
        key = "target.maintain_class" if unit == "类" else "target.maintain"
        return text(key, lang, value=value)
    if r["comparator"] == "decrease":  # "下降4%以上": a sign would read as a negative bar
        return text("target.decrease", lang, value=value)
    return f"{COMPARATOR_SIGN.get(r['comparator'], '')}{value}"


def progress_line(r: ProgressRow, lang: str) -> str:
    """Under a gauge: actual against target for amounts ('1,590 / 2,000亿元'), the target
    for everything else ('目标 ≥5%', '目标 10月底')."""
    if _against_target(r):
        figures = [r["actual"], *_bounds(r)]
        s = scale(r["unit"], lang, figures, r.get("id"))
        return text(
            "gauge.of_target", lang, actual=s.figure(r["actual"]), target=target_text(r, lang, s)
        )
    if r["family"] == "judgement":
        return target_text(r, lang)
    return text("gauge.target", lang, target=target_text(r, lang))


def _bounds(r: ProgressRow) -> list:
    if r["comparator"] == "range":
        return [r["target_low"], r["target_high"]]
    return [r["target"]]


def _against_target(r: ProgressRow) -> bool:
    """Amounts, and levels counted in things (参保1,032万人), read as actual / target."""
    if missing(r["actual"]) or r["comparator"] == "maintain":
        return False
    return r["family"] == "flow" or (r["family"] == "rate" and r["unit"] not in ("%", "类"))


def gap_points(r: ProgressRow) -> float | None:
    """The gap in percentage points where one is read: amounts against the time share,
    percentages against their bar. None for levels, milestones and missing figures."""
    gapped = r["family"] == "flow" or (r["family"] == "rate" and r["unit"] == "%")
    return float(r["gap_pp"]) if gapped and not missing(r["gap_pp"]) else None


def gap_text(r: ProgressRow, lang: str) -> str:
    """'差1.6个百分点' | '1.6 pts behind', '超2.0个百分点', '持平'; '' where no gap applies.
    Amounts are measured against the time share, rates against their bar; a maintained
    level names the month it was first missed."""
    if r["family"] == "maintain" and not missing(r["breach_month"]):
        return text("gap.breach", lang, month=Msg(f"month.{int(r['breach_month'])}"))
    gap = gap_points(r)
    if gap is None:
        return ""
    if gap == 0:
        return text("gap.level", lang)
    return text("gap.ahead" if gap > 0 else "gap.behind", lang, gap=pct(abs(gap)))


def status_word(r: ProgressRow, lang: str) -> str:
    """The status in words of its kind (超序时, 达序时, 逾期完成, 全年数据待发布 ...)."""
    return shown_status(r, lang)


def period_of(r: ProgressRow, lang: str) -> str:
    """The months the figure covers ('1—10月', '前三季度', '10月'); '' without a figure."""
    if missing(r["actual_start"]) or missing(r["actual_end"]):
        return ""
    quarterly = named_by_quarters(r.get("frequency"))  # snapshots before 2026-11 lack it
    return period_text(int(r["actual_start"]), int(r["actual_end"]), lang, quarterly)


def stale_note(r: ProgressRow, lang: str) -> str:
    """Which month a figure is for, when it is not the page's month ('数据：1—9月')."""
    if missing(r["actual_end"]) or int(r["actual_end"]) == int(r["as_of_month"]):
        return ""
    return text("gauge.data_period", lang, period=period_of(r, lang))


def name_of(r: ProgressRow, lang: str) -> str:
    return r[in_lang("name", lang)]


def short_name(r: ProgressRow, lang: str, limit: int = 13) -> str:
    name = name_of(r, lang)
    limit = limit if lang == "zh" else limit * 2
    return name if len(name) <= limit else name[: limit - 1] + "…"


def section_word(section: str, lang: str) -> str:
    return glossary("section", section, lang)


def department_word(department: str, lang: str) -> str:
    return glossary("department", department, lang)


def item_value(code, words, lang: str) -> str:
    """'已完成（建成投用）': the state read, and the words it was read from."""
    state = state_word(code, lang)
    if not isinstance(words, str) or words.strip() in (state, *CODE_WORDS):
        return state
    return text("item_value", lang, state=state, words=words.strip())


def states_in_words(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A milestone's actual is a state code (CSV and JSON keep it, with milestone_state
    beside it); a person reading a table reads the state."""
    shown = [
        state_word(a, lang) if c == "milestone" and not pd.isna(a) else a
        for a, c in zip(frame["actual"], frame["comparator"], strict=True)
    ]
    return frame.assign(actual=pd.Series(shown, index=frame.index, dtype=object))
