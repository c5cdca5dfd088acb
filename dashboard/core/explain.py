"""One-sentence explanations in officials' phrasing, Chinese and English, and the status in
the words that fit the kind of target (超序时, 逾期完成, 达标, 未达到目标).

"1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点，后2个月需月均完成275个"
Each clause is a message (core/messages/explanations.py); the numbers come from
compute_progress, already rounded as shown. Called for every target when progress is
reported. The rules behind the words: docs/judgement-rules.md.
"""

import math
from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.amounts import _decimal, figures, missing, num, scale, with_unit
from dashboard.core.items import split_names
from dashboard.core.messages import Msg, in_lang, text
from dashboard.core.milestones import GENERIC_DONE, NOT_STARTED_WORDS
from dashboard.core.periods import named_by_quarters, period_text
from dashboard.core.progress_row import ProgressRow
from dashboard.core.units import COUNTED, unit_word
from dashboard.core.vocab import FIRST_REPORT_MONTH

ROMAN = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}
SCHEDULED = ("year_end", "items")
PLAIN_STATES = {*GENERIC_DONE, *NOT_STARTED_WORDS, "推进中", "进行中", "尚未启动", "0", "1", "2"}


def pct(x: float) -> str:
    """One decimal (9.0, 81.7); two where the core kept two (0.05, 99.96)."""
    if missing(x):
        return "—"
    one, two = _decimal(x, 1), _decimal(x, 2)
    return f"{two:f}" if two != one else f"{one:f}"


def unit_text(
    unit: str | None, lang: str, target: str | None = None, value: float | None = None
) -> str:
    """'万吨' | '×10,000 t': the unit as the report writes it, or in English words (what
    `target` counts, singular for a `value` of one: core/units.unit_word)."""
    return unit or "" if unit == "类" else unit_word(unit, lang, value, target)


def figure(r: ProgressRow, x: float, lang: str) -> dict[str, str]:
    """A figure of `r` and its unit, for a sentence's {..} and {unit}: 2.6 of 万个 ->
    '2.6', '万个' | '26,000', 'parking spaces' (core/amounts: English has no 万)."""
    s = scale(r["unit"], lang, [x], r.get("id"))
    return {"figure": s.figure(x), "unit": s.word}


def water_class(x: float, lang: str) -> str:
    """A water class by its code (1 = Ⅰ .. 6 = 劣Ⅴ): 'Ⅱ类' | 'Class Ⅱ'."""
    code = int(round(x))
    if code == 6:
        return text("gauge.water_class_worse", lang)
    return text("gauge.water_class", lang, value=ROMAN.get(code, num(x)))


def class_labels(lang: str) -> dict[int, str]:
    """An axis's labels of the classes: Ⅰ .. Ⅴ, 劣Ⅴ | worse than Ⅴ."""
    return {**ROMAN, 6: text("axis.water_class_worse", lang)}


def value_with_unit(x: float, unit: str, lang: str = "zh", target: str | None = None) -> str:
    if unit == "类":  # 'Ⅱ类' | 'Class Ⅱ', '劣Ⅴ类' | 'worse than Class Ⅴ'
        return water_class(x, lang)
    return with_unit(x, unit, lang, target)


def target_phrase(r: ProgressRow, lang: str) -> str:
    """The target as the report words it: '3000个以上', 'at least 5%', '保持Ⅲ类以上'."""
    u, comparator = r["unit"] or "", r["comparator"]
    if comparator == "range":
        (low, high), unit = figures([r["target_low"], r["target_high"]], u, lang, r.get("id"))
        return text("target.range", lang, low=low, high=high, unit=unit)
    value = value_with_unit(r["target"], u, lang, r.get("id"))
    if comparator == "maintain":
        return text("target.maintain_class" if u == "类" else "target.maintain", lang, value=value)
    if comparator in ("at_least", "about", "at_most", "decrease"):
        return text(f"target.{comparator}", lang, value=value)
    return value


def _period(r: ProgressRow, lang: str, end=None) -> str:
    quarterly = named_by_quarters(r["frequency"])
    end = int(r["actual_end"] if end is None else end)
    start = end if r["actual_start"] == r["actual_end"] else 1
    return period_text(start, end, lang, quarterly)


def _expected_period(r: ProgressRow, lang: str) -> str:
    end = int(r["expected_end"])
    if r["frequency"] == "annual":
        return text("period.quarter.12", lang)
    if r["measure"] in ("level", "status"):
        return text(f"month.{end}", lang)
    return period_text(1, end, lang, r["frequency"] == "quarterly")


def expected_period(r: ProgressRow, lang: str) -> str:
    """The period whose figure is expected as of the as-of month: 1—10月, 10月 | Jan–Oct."""
    return _expected_period(r, lang)


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


def _count_months(n: int) -> Msg:
    return Msg("count.months.one") if n == 1 else Msg.of("count.months.many", n=n)


def _overdue(r: ProgressRow) -> bool:
    return r["status"] == "overdue_report" and not missing(r["data_lag_months"])


def _final(r: ProgressRow) -> bool:
    """Judged for good: the year's figure, or a scheduled target past its assessment date."""
    if _overdue(r) or missing(r["actual_end"]):
        return False
    if r["assessment"] in SCHEDULED and not missing(r["assessment_month"]):
        return r["actual_end"] >= r["assessment_month"]
    return r["actual_end"] == 12


def _prefix(r: ProgressRow, lang: str) -> str:
    return text("explain.overdue", lang, period=_expected_period(r, lang)) if _overdue(r) else ""


def _pending(r: ProgressRow, lang: str) -> str:
    later = not missing(r["expected_end"]) and r["expected_end"] > r["actual_end"]
    if later and r["status"] != "overdue_report" and not _final(r):
        return text("explain.pending", lang, period=_expected_period(r, lang))
    return ""


# ------------------------------------------------------------------------------- flows


def _flow(r: ProgressRow, lang: str) -> str:
    u = unit_text(r["unit"], lang, r.get("id"))
    ranged = r["comparator"] == "range"
    if _has_items(r):
        return _items(r, lang, u, ranged)
    actual, completion = figure(r, r["actual"], lang), pct(r["completion_pct"])
    if r["target"] == 0:  # 0以内, or a range from 0 ("0-5起"): no share of a zero
        return _flow_of_zero(r, lang, actual, ranged)
    if _final(r):
        return _flow_final(r, lang, u, ranged)
    share_of = Msg("explain.share_of.range" if ranged else "explain.share_of.target")
    out = _prefix(r, lang) + text(
        "explain.flow",
        lang,
        period=_period(r, lang),
        actual=actual["figure"],
        unit=actual["unit"],
        share_of=share_of,
        completion=completion,
    )
    if r["status"] == "achieved":
        out += text("explain.flow.achieved", lang) + _upper(r, lang, ranged, "flow")
    elif r["assessment"] in SCHEDULED:
        out += _scheduled_note(r, lang)
    elif _overdue(r):
        out += _behind_as_of(r, lang)
    else:
        out += _on_the_line(r, lang, u)
    if r["months_missing"] and r["months_missing"] > 0:
        out += text("explain.gaps", lang, count=_count_months(int(r["months_missing"])))
    return out


def _flow_of_zero(r: ProgressRow, lang: str, actual: dict, ranged: bool) -> str:
    """A target of zero (安全事故零发生: 0以内) or a range from zero: the count against the
    bar, no share of it (a share of a zero bound is no number)."""
    final = _final(r)
    key = "explain.year.flow_bare" if final else "explain.flow.bare"
    out = _prefix(r, lang) + text(
        key, lang, period=_period(r, lang), actual=actual["figure"], unit=actual["unit"]
    )
    if ranged:
        met = text("explain.flow.achieved", lang) if r["status"] == "achieved" else ""
        return out + met + _upper(r, lang, ranged, "year" if final else "flow")
    if r["direction"] != "lower":
        return out + (text("explain.flow.achieved", lang) if r["status"] == "achieved" else "")
    within = "explain.cap.over" if r["actual"] > 0 else "explain.cap.within"
    return out + text(within, lang, target=target_phrase(r, lang))


def _flow_final(r: ProgressRow, lang: str, u: str, ranged: bool) -> str:
    share = "range" if ranged else "target"
    actual, short = figure(r, r["actual"], lang), figure(r, r["remaining"], lang)
    params = {
        "actual": actual["figure"],
        "unit": actual["unit"],
        "completion": pct(r["completion_pct"]),
        "share_of": Msg(f"explain.year.share_of.{share}"),
    }
    if r["actual_end"] == 12:
        if r["status"] == "achieved":
            return text("explain.year.flow_met", lang, **params) + _upper(r, lang, ranged, "year")
        return text("explain.year.flow", lang, **params) + text(
            "explain.year.missed", lang, short=short["figure"], unit=short["unit"]
        )
    out = text("explain.due.flow", lang, period=_period(r, lang), **params)
    if r["status"] == "achieved":
        return out + text("explain.due.met", lang)
    due = due_text(_judged_on(r), lang)
    return out + text(
        "explain.due.missed", lang, due=due, short=short["figure"], unit=short["unit"]
    )


def _upper(r: ProgressRow, lang: str, ranged: bool, when: str) -> str:
    """A range met at its high end ("5-8条"): 8 reaches it, 9 exceeds it (issue 4);
    `when`: 'flow' within the year, 'year' at its end."""
    if not ranged or missing(r["target_high"]) or r["actual"] < r["target_high"]:
        return ""
    high = figure(r, r["target_high"], lang)
    key = UPPER[when, bool(r["actual"] > r["target_high"])]
    return text(key, lang, high=high["figure"], unit=high["unit"])


UPPER = {
    ("flow", False): "explain.flow.upper_reached",
    ("flow", True): "explain.flow.upper_exceeded",
    ("year", False): "explain.year.upper_reached",
    ("year", True): "explain.year.upper_exceeded",
}


def _has_items(r: ProgressRow) -> bool:
    """An items target whose items are reported (a snapshot from before has no items)."""
    return r["assessment"] == "items" and not missing(r.get("items_total"))


def _items(r: ProgressRow, lang: str, u: str, ranged: bool) -> str:
    """The done count and the items still open, by name: "截至9月，清单所列6所中已完成4所，
    占全年目标的66.7%（按项目逐个评估，8月底前考核），尚未完成：二七区实验学校、…"."""
    if _final(r):
        out = _flow_final(r, lang, u, ranged)
    else:
        share_of = Msg("explain.share_of.range" if ranged else "explain.share_of.target")
        out = _prefix(r, lang) + text(
            "explain.items",
            lang,
            month=Msg(f"month.{int(r['actual_end'])}"),
            total=num(r["items_total"]),
            done=num(r["items_done"]),
            unit=u,
            share_of=share_of,
            completion=pct(r["completion_pct"]),
        )
        if r["status"] != "achieved" and not _overdue(r):
            out += _scheduled_note(r, lang)
    return out + _open_items(r, lang, u)


def _open_items(r: ProgressRow, lang: str, u: str) -> str:
    if missing(r["items_open"]):
        return text("explain.items.none_open", lang)
    out = text("explain.items.open", lang, names=_names(r["items_open"], lang, u))
    if not missing(r["items_overdue_names"]) and not _final(r):  # when judged, all are late
        out += text("explain.items.overdue", lang, names=_names(r["items_overdue_names"], lang, u))
    if r["verdict_reason"] == "items_overdue" and r["status"] == "off_track":
        out += text("explain.items.lost", lang)
    floor = r["target_low"] if r["comparator"] == "range" else r["target"]
    if r["items_total"] < floor:
        total = num(r["items_total"])
        out += text("explain.items.short", lang, total=total, floor=num(floor), unit=u)
    return out


SHOWN_NAMES = 5  # an explanation names this many items; the detail page lists them all


def _names(joined: str, lang: str, u: str) -> str:
    names = split_names(joined)
    joiner = text("list_separator", lang)
    # a name holding the joiner ("新建、改扩建一中") is quoted, so the list reads right
    mark = "「{}」" if lang == "zh" else "“{}”"
    quoted = [mark.format(n) if joiner.strip() in n else n for n in names[:SHOWN_NAMES]]
    shown = joiner.join(quoted)
    if len(names) <= SHOWN_NAMES:
        return shown
    return shown + text("explain.items.more", lang, n=len(names), unit=u)


def _judged_on(r: ProgressRow) -> date | None:
    """When a year_end or items target is judged: its assessment date, else its due date."""
    for value in (r["assessment_date"], r["due_date"]):
        if not missing(value) and value is not pd.NaT:
            return pd.Timestamp(value).date()
    return None


def _scheduled_note(r: ProgressRow, lang: str) -> str:
    at = _judged_on(r)
    if at is None or (at.month == 12 and at.day == 31):
        when = Msg("explain.scheduled.at_year_end")
    else:
        when = Msg.of("explain.scheduled.by", due=due_text(at, lang))
    return text(f"explain.scheduled.{r['assessment']}", lang, due=when)


def _behind_as_of(r: ProgressRow, lang: str) -> str:
    """An overdue report: the last figure against the as-of month's time share."""
    if r["time_share_pct"] >= 100:
        return ""
    what = Msg.of(
        "explain.what.time_share_of",
        month=Msg(f"month.full.{int(r['expected_end'])}"),
        share=pct(r["time_share_pct"]),
    )
    return text("explain.relation", lang, relation=_relation(r["gap_pp"], what, lang))


def _on_the_line(r: ProgressRow, lang: str, u: str) -> str:
    what = Msg.of("explain.what.time_share", share=pct(r["time_share_pct"]))
    out = text("explain.relation", lang, relation=_relation(r["gap_pp"], what, lang))
    if not missing(r["seasonal_share_pct"]):
        out += text("explain.flow.seasonal", lang, share=pct(r["seasonal_share_pct"]))
    if not missing(r["required_pace"]):
        out += _flow_pace(r, lang, u)
    return out + _pending(r, lang)


def _flow_pace(r: ProgressRow, lang: str, u: str) -> str:
    n = int(r["actual_end"])
    quarterly = r["pace_period"] == "quarter"
    left = (12 - n) // (3 if quarterly else 1)
    pace = figure(r, r["required_pace"], lang)
    if r["remaining"] / left < 1 and r["unit"] in COUNTED:
        return text("explain.pace.whole", lang, remaining=num(r["remaining"]), unit=u)
    if left == 1:
        period = Msg("period.last_quarter" if quarterly else "month.12")
        out = text("explain.pace.last", lang, period=period, pace=pace["figure"], unit=pace["unit"])
    else:
        key = "explain.pace.quarters" if quarterly else "explain.pace.months"
        out = text(key, lang, left=left, pace=pace["figure"], unit=pace["unit"])
    if r["verdict_reason"] == "pace_multiple":
        if _no_ratio(r["pace_ratio"]):
            return out + text("explain.pace.out_of_reach", lang)
        per = Msg("explain.per.quarter" if quarterly else "explain.per.month")
        period = period_text(1, n, lang, quarterly)
        ratio = f"{_decimal(r['pace_ratio'], 1):f}"
        return out + text("explain.pace.multiple", lang, period=period, per=per, ratio=ratio)
    if r["verdict_reason"] == "last_period":
        return out + text(
            "explain.pace.last_quarter" if quarterly else "explain.pace.last_month", lang
        )
    return out


# ------------------------------------------------------------------------------- rates


def _rate_value(r: ProgressRow, lang: str, final: bool) -> str:
    v = r["actual"]
    if r["kind"] == "growth":
        if final:
            key = "explain.rate.year_growth" if v >= 0 else "explain.rate.year_decline"
        else:
            key = "explain.rate.growth" if v >= 0 else "explain.rate.decline"
        return text(key, lang, value=pct(abs(v)))
    return text(
        "explain.rate.level", lang, value=value_with_unit(v, r["unit"] or "", lang, r.get("id"))
    )


def _rate(r: ProgressRow, lang: str) -> str:
    final = _final(r)
    period = (
        text("period.quarter.12", lang) if final and r["actual_end"] == 12 else _period(r, lang)
    )
    out = _prefix(r, lang) + text(
        "explain.rate", lang, period=period, value=_rate_value(r, lang, final)
    )
    if r["status"] == "not_assessable":
        return out + text("explain.rate.annual", lang)
    goal = Msg.of("explain.goal", target=target_phrase(r, lang))
    if r["unit"] in ("%", "类"):
        out += text("explain.relation", lang, relation=_rate_relation(r, goal, lang))
    elif not missing(r["completion_pct"]):  # none of a target of zero
        out += text("explain.rate.share", lang, goal=goal, completion=pct(r["completion_pct"]))
    if not missing(r["tolerance_pp"]) and -r["tolerance_pp"] <= r["gap_pp"] < 0:
        out += text("explain.rate.tolerance", lang, tolerance=pct(r["tolerance_pp"]))
    if final:
        return out + _rate_verdict(r, lang)
    if r["assessment"] == "year_end":
        return out + text("explain.scheduled.rate", lang)
    if not missing(r["required_pace"]) and r["status"] not in ("achieved", "overdue_report"):
        out += _rate_pace(r, lang)
    return out + _pending(r, lang)


def _rate_relation(r: ProgressRow, goal: Msg, lang: str) -> str:
    gap = r["gap_pp"]  # + is better: above a floor, below a ceiling, a bigger decrease
    if r["comparator"] == "decrease":
        if gap == 0:
            return text("explain.decline_level", lang, what=goal)
        key = "explain.decline_above" if gap > 0 else "explain.decline_below"
        return text(key, lang, what=goal, gap=pct(abs(gap)))
    if gap == 0:
        return text("explain.level", lang, what=goal)
    above = (gap > 0) != (r["direction"] == "lower")
    return text("explain.above" if above else "explain.below", lang, what=goal, gap=pct(abs(gap)))


def _rate_verdict(r: ProgressRow, lang: str) -> str:
    if r["status"] == "achieved":
        return text("explain.rate.met", lang)
    if r["unit"] in ("%", "类"):
        return text("explain.rate.missed", lang)
    short = figure(r, abs(r["target"] - r["actual"]), lang)
    return text("explain.rate.short", lang, short=short["figure"], unit=short["unit"])


def _no_ratio(ratio: float) -> bool:
    """No multiple to quote: none worked out, or any pace after none or a decline so far
    (the core's ratio is then infinite: out of reach, said in words)."""
    return missing(ratio) or not np.isfinite(ratio)


def _rate_pace(r: ProgressRow, lang: str) -> str:
    if r["required_pace"] <= 0:
        return text("explain.rate.basically_met", lang)
    quarterly = r["frequency"] == "quarterly"
    left = (12 - int(r["actual_end"])) // (3 if quarterly else 1)
    basis = Msg(f"explain.basis.{r['weights_basis']}")
    pace = pct(r["required_pace"])
    if left == 1:
        period = Msg("period.last_quarter" if quarterly else "month.12")
        out = text("explain.rate.pace_last", lang, period=period, pace=pace, basis=basis)
    else:  # GDP is quarterly: its remaining periods are quarters, not months
        key = "explain.rate.pace_quarters" if quarterly else "explain.rate.pace"
        out = text(key, lang, pace=pace, basis=basis)
    if r["verdict_reason"] == "pace_multiple":
        if _no_ratio(r["pace_ratio"]):
            return out + text("explain.pace.out_of_reach", lang)
        ratio = f"{_decimal(r['pace_ratio'], 1):f}"
        return out + text("explain.rate.multiple", lang, ratio=ratio)
    if r["verdict_reason"] == "last_period":
        return out + text(
            "explain.pace.last_quarter" if quarterly else "explain.pace.last_month", lang
        )
    return out


# --------------------------------------------------------------------- levels kept


def _maintain(r: ProgressRow, lang: str) -> str:
    u = r["unit"] or ""
    target = target_phrase(r, lang)
    assessment = r["assessment"]
    if not missing(r["breach_month"]):
        return _breach(r, lang, u, target)
    value = value_with_unit(r["actual"], u, lang, r.get("id"))
    fails = r["gap_pp"] < 0
    final = r["actual_end"] == 12
    period = text("period.quarter.12", lang) if final else _period(r, lang)
    if assessment == "clear_within":
        return _prefix(r, lang) + _clearing(r, lang, u, value, fails)
    if assessment == "year_end":
        key = "explain.maintain.misses" if fails else "explain.maintain.meets"
        out = text(key, lang, period=period, value=value, target=target)
        return _prefix(r, lang) + out + ("" if final else _yearly_note(r, lang, u, fails))
    if r["months_missing"] and r["months_missing"] > 0:
        out = text(
            "explain.maintain.kept_reported", lang, period=period, value=value, target=target
        )
        return _prefix(r, lang) + out + _missing_periods(r, lang)
    return _prefix(r, lang) + text(
        "explain.maintain.kept", lang, period=period, value=value, target=target
    )


def _breach(r: ProgressRow, lang: str, u: str, target: str) -> str:
    month = int(r["breach_month"])
    value = value_with_unit(r["breach_value"], u, lang, r.get("id"))
    if r["assessment"] == "clear_within":
        step = 3 if r["frequency"] == "quarterly" else 1
        return text(
            "explain.clear.breach",
            lang,
            before=Msg(f"month.{month - step}"),
            month=Msg(f"month.{month}"),
            value=value,
        )
    return text(
        "explain.maintain.breach", lang, month=Msg(f"month.{month}"), value=value, target=target
    )


def _clearing(r: ProgressRow, lang: str, u: str, value: str, fails: bool) -> str:
    end = int(r["actual_end"])
    month = Msg(f"month.{end}")
    if fails:
        by = end + (3 if r["frequency"] == "quarterly" else 1)
        if by > 12:  # December's are cleared next January (was "须于12月底前清零")
            nxt = Msg(f"month.{by - 12}")
            year = int(r["year"]) + 1
            return text(
                "explain.clear.pending_year", lang, month=month, value=value, next=nxt, year=year
            )
        return text(
            "explain.clear.pending", lang, month=month, value=value, next=Msg(f"month.{by}")
        )
    out = text("explain.clear.kept", lang, month=month, value=value)
    if not missing(r["warning_month"]) and r["warning_month"] < end:
        warned = Msg(f"month.{int(r['warning_month'])}")
        warned_value = value_with_unit(r["warning_value"], u, lang, r.get("id"))
        out += text("explain.clear.cleared", lang, warned=warned, warned_value=warned_value)
    return out


def _yearly_note(r: ProgressRow, lang: str, u: str, fails: bool) -> str:
    if fails:
        return text("explain.maintain.warning_now", lang)
    if not missing(r["warning_month"]) and r["warning_month"] < r["actual_end"]:
        month = Msg(f"month.{int(r['warning_month'])}")
        value = value_with_unit(r["warning_value"], u, lang, r.get("id"))
        return text("explain.maintain.warning_before", lang, month=month, value=value)
    return text("explain.maintain.yearly", lang)


def _missing_periods(r: ProgressRow, lang: str) -> str:
    month = Msg(f"month.{int(r['first_missing_month'])}")
    n = int(r["months_missing"])
    if n == 1:
        return text("explain.maintain.missing_one", lang, month=month)
    return text("explain.maintain.missing_many", lang, month=month, n=n)


# --------------------------------------------------------------------- milestones


def _milestone(r: ProgressRow, lang: str) -> str:
    due = pd.Timestamp(r["due_date"]).date()
    if r["status"] == "achieved" and not missing(r["overdue_months"]):
        return text(
            "explain.milestone.late",
            lang,
            due=due_text(due, lang),
            due_year=due.year,
            done=Msg(f"month.{int(r['completed_month'])}"),
            months=_count_months(int(r["overdue_months"])),
        )
    out = text(
        "explain.milestone",
        lang,
        due=due_text(due, lang),
        due_year=due.year,
        year=r["year"],
        month=Msg(f"month.{_reported_month(r)}"),
        state=_state_words(r),
    )
    out += _later_report(r, lang)
    return out + (text("explain.milestone.overdue", lang) if r["status"] == "off_track" else "")


def _reported_month(r: ProgressRow) -> int:
    """The month a milestone's state is known at: its latest report's, never a later month
    the report does not cover ("截至10月底推进中" from September's report is not known)."""
    if missing(r["actual_end"]) or r["status"] == "achieved":
        return int(r["as_of_month"])
    return int(r["actual_end"])


def _later_report(r: ProgressRow, lang: str) -> str:
    """After an older report: the next month's report is overdue, or not yet due."""
    if missing(r["actual_end"]) or r["actual_end"] >= r["as_of_month"] or r["status"] == "achieved":
        return ""
    if not missing(r["data_lag_months"]):
        late = int(r["actual_end"] + r["data_lag_months"])
        return text("explain.milestone.report_late", lang, month=Msg(f"month.{late}"))
    after = Msg(f"month.{int(r['actual_end']) + 1}")
    return text("explain.milestone.pending", lang, month=after)


def _state_words(r: ProgressRow) -> Msg:
    state = r["milestone_state"]
    if not isinstance(state, str):
        return Msg("explain.state.silent" if r["status"] == "no_data" else "explain.state.none")
    words = r["milestone_note"]
    if isinstance(words, str) and words.strip() and words.strip().lower() not in PLAIN_STATES:
        return Msg.of("explain.state.words", state=Msg(f"explain.state.{state}"), words=words)
    return Msg(f"explain.state.{state}")


def _judgement(r: ProgressRow, lang: str) -> str:
    return r["comment"] if not missing(r["comment"]) else text("explain.judgement.awaiting", lang)


# --------------------------------------------------------------------- waiting


def _waiting(r: ProgressRow, lang: str) -> str:
    quarterly = r["frequency"] == "quarterly"
    annual = r["frequency"] == "annual"
    if r["status"] == "no_data":
        if not missing(r.get("months_missing")) and r["months_missing"] > 1:
            # a level kept every period: each period missing is a report owed, not only
            # the latest ("9月数据尚未上报" hid that March and June never came either)
            month = Msg(f"month.{int(r['first_missing_month'])}")
            n = int(r["months_missing"])
            return text("explain.waiting.missing_since", lang, month=month, n=n)
        period = _expected_period(r, lang)
        return text("explain.waiting.missing", lang, period=period)
    if annual and r["expected_end"] == 12 and isinstance(r["report_due"], date):
        due = r["report_due"]
        return text(
            "explain.waiting.release", lang, year=due.year, month=Msg(f"month.full.{due.month}")
        )
    if annual:
        return text("explain.waiting.annual", lang)
    first = FIRST_REPORT_MONTH.get(r["frequency"])
    if first is None:
        return text("explain.waiting.nothing", lang)
    level = r["measure"] in ("level", "status")
    period = text(f"month.{first}", lang) if level else period_text(1, first, lang, quarterly)
    return text("explain.waiting.first", lang, period=period)


FAMILY_TEXT = {"flow": _flow, "rate": _rate, "maintain": _maintain}


def explain(r: ProgressRow, lang: str) -> str:
    """The explanation for one progress record in 'zh' or 'en'."""
    if r["family"] == "judgement":
        return _judgement(r, lang)  # a person's words, as written
    if r["family"] == "milestone":
        out = _milestone(r, lang)
    elif missing(r["actual"]):
        out = _waiting(r, lang)
    else:
        out = FAMILY_TEXT[r["family"]](r, lang)
    # an English sentence may open with a period's words ("full year figure not reported")
    return out if lang == "zh" else out[:1].upper() + out[1:]


# --------------------------------------------------------------------- status words


def status_key(r: ProgressRow) -> str:
    """The message key of a row's status in the words that fit its kind."""
    status, family = r["status"], r["family"]
    if status in ("overdue_report", "not_assessable") and family != "milestone":
        awaiting = r["frequency"] == "annual" and r["expected_end"] == 12
        return (
            "verdict.awaiting_release"
            if status == "not_assessable" and awaiting
            else (f"status.{status}")
        )
    if family == "milestone":
        return _milestone_key(r)
    if family in ("flow", "rate") and status in ("achieved", "on_track", "at_risk", "off_track"):
        return _judged_key(r)
    if family == "maintain":
        return {
            "on_track": "verdict.maintain.kept",
            "achieved": "verdict.maintain.kept",
            "off_track": "verdict.maintain.breached",
            "at_risk": "verdict.maintain.warning",
        }.get(status, f"status.{status}")
    return f"status.{status}"


def _milestone_key(r: ProgressRow) -> str:
    status = r["status"]
    if status == "achieved":
        late = not missing(r["overdue_months"])
        return "verdict.milestone.done_late" if late else "verdict.milestone.done"
    if status in ("on_track", "at_risk", "off_track", "no_data"):
        return f"verdict.milestone.{status}"
    return f"status.{status}"


def _judged_key(r: ProgressRow) -> str:
    status, family = r["status"], r["family"]
    final = _final(r)
    if family == "rate":
        if final:
            return "verdict.rate.met" if status == "achieved" else "verdict.rate.missed"
        if r["assessment"] == "year_end" and status == "on_track":
            return "verdict.scheduled"
        return f"verdict.rate.{status}" if status != "achieved" else "verdict.rate.met"
    if status == "achieved":
        return "status.achieved"
    if final:
        return "verdict.flow.missed"
    if r["verdict_reason"] == "items_overdue":
        return "verdict.items.overdue"
    if r["verdict_reason"] == "items_short":
        return "verdict.items.short"
    if r["assessment"] in SCHEDULED:
        return "verdict.scheduled"
    position = r["time_position"]
    if status == "off_track":
        return "verdict.flow.lagging"
    if status == "at_risk":
        return "verdict.flow.behind"
    return f"verdict.flow.{position}" if position in ("ahead", "level") else "status.on_track"


def status_label(r: ProgressRow, lang: str) -> str:
    return text(status_key(r), lang)


def shown_status(r: ProgressRow, lang: str) -> str:
    """The status words a report row carries; plain status words for a row without them
    (a snapshot taken before issue 15)."""
    stored = r.get(in_lang("status_label", lang))
    return stored if isinstance(stored, str) and stored else text(f"status.{r['status']}", lang)


def shown_projection(r: ProgressRow) -> float | None:
    """The year-end projection as the detail page says it and the exports carry it: a
    flow's only, none for a list of named items (judged item by item, no straight line),
    whole things rounded toward zero ('约7条', not 7.2条: −7.2 is about −7 as 7.2 is about
    7; 6.9999… from the division is 7)."""
    projected = r.get("projected")
    if missing(projected) or r.get("family", "flow") != "flow" or r.get("assessment") == "items":
        return None
    if r["unit"] in COUNTED:
        return math.copysign(math.floor(abs(projected) + 1e-9), projected) + 0.0  # no −0
    return float(projected)


# What status_key reads: rows alike in these have the same status words.
STATUS_COLUMNS = [
    "status",
    "family",
    "frequency",
    "expected_end",
    "overdue_months",
    "assessment",
    "time_position",
    "actual_end",
    "assessment_month",
    "data_lag_months",
    "verdict_reason",
]


def add_status_labels(progress: pd.DataFrame) -> pd.DataFrame:
    """The status words of every row (what the pages' cards and tiles say), worked out once
    per distinct combination of what they depend on: a few dozen at province scale."""
    if progress.empty:
        return progress.assign(status_label_zh=[], status_label_en=[])
    keys = progress[STATUS_COLUMNS]
    codes, distinct = pd.factorize(_combination(keys))
    first = np.empty(len(distinct), dtype="int64")
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the first row of each
    records = keys.iloc[first].to_dict("records")
    # objects as gathered: pandas turning 80,000 of them into its strings cost more than
    # finding the words
    words = {
        f"status_label_{lang}": pd.Series(
            np.array([status_label(r, lang) for r in records], dtype=object)[codes],
            index=progress.index,
            dtype=object,
            copy=False,
        )
        for lang in ("zh", "en")
    }
    return progress.assign(**words)


def _combination(keys: pd.DataFrame) -> np.ndarray:
    """One integer per row, equal for rows alike in every column: each column numbered on
    its own and the numbers combined (a group-by over eleven columns of objects took a
    quarter of a second for 800,000 targets)."""
    combined = np.zeros(len(keys), dtype="int64")
    for column in keys.columns:
        values = keys[column]
        if values.dtype == object:  # words as the core built them, hashed as they are
            values = pd.Index(values.to_numpy(), dtype=object, copy=False)
        codes, distinct = values.factorize()  # missing: -1
        combined = combined * (len(distinct) + 1) + (codes + 1)
        if len(distinct) > 1 and combined.max(initial=0) > 2**40:  # renumber before overflow
            combined = pd.factorize(combined)[0].astype("int64")
    return combined


def add_explanations(progress: pd.DataFrame) -> pd.DataFrame:
    records = progress.to_dict("records")

    def words(values: list) -> pd.Series:  # objects, as add_status_labels gives them
        return pd.Series(values, index=progress.index, dtype=object)

    return progress.assign(
        explanation_zh=[explain(r, "zh") for r in records],
        explanation_en=[explain(r, "en") for r in records],
        status_label_zh=words([status_label(r, "zh") for r in records]),
        status_label_en=words([status_label(r, "en") for r in records]),
    )
