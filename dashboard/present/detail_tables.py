"""Tables and numbers for the indicator detail page (no Streamlit here)."""

import pandas as pd

from dashboard.core.explain import missing, num, pct, shown_projection
from dashboard.core.messages import text
from dashboard.core.milestones import milestone_history
from dashboard.core.periods import period_text
from dashboard.core.progress_row import ReportRow
from dashboard.core.units import COUNTED
from dashboard.present.labels import actual_text, amount, gap_text, item_value, target_text


def metric_rows(r: ReportRow, lang: str) -> list[tuple[str, str]]:
    """Label/value pairs shown as metrics; every number carries its unit."""
    rows = [
        (text("actual", lang), actual_text(r, lang)),
        (text("target", lang), target_text(r, lang)),
    ]
    if r["family"] == "flow" and not missing(r["completion_pct"]):
        rows.append((text("completion", lang), f"{pct(r['completion_pct'])}%"))
        if not missing(r["time_share_pct"]):  # year-end and scheduled targets have none
            rows.append((text("time_share", lang), f"{pct(r['time_share_pct'])}%"))
    if gap_text(r, lang):
        rows.append((text("gap_label", lang), gap_text(r, lang)))
    if not missing(r.get("seasonal_share_pct")):
        rows.append((text("expected_seasonal", lang), f"{pct(r['seasonal_share_pct'])}%"))
    return rows


def _signed(gap: float) -> str:
    return ("+" if gap > 0 else "−" if gap < 0 else "") + pct(abs(gap))


def milestone_months(r: ReportRow, figures: pd.DataFrame, lang: str) -> str:
    """Month by month, so that a late completion keeps its overdue months in view:
    '9月 推进中 · 10月 已逾期 · 11月 逾期完成'."""
    history = milestone_history(r, figures, int(r["as_of_month"]))
    parts = [
        f"{text(f'month.{m}', lang)} {text(f'milestone_month.{state}', lang)}"
        for m, state in history.items()
        if state is not None
    ]
    return " · ".join(parts)


def pace_lines(r: ReportRow, lang: str) -> list[str]:
    """Required pace (with the weights used) and the projected year end, in words."""
    lines = []
    if not missing(r["required_pace"]):
        if r["family"] == "rate":
            line = text("pace.rate", lang, pace=num(r["required_pace"]))
        else:
            key = "pace.flow_quarter" if r["pace_period"] == "quarter" else "pace.flow"
            line = text(key, lang, amount=amount(r["required_pace"], r["unit"], lang, r.get("id")))
        if r["weights_basis"]:
            basis = text("method." + r["weights_basis"], lang)
            line += text("pace.weights", lang, basis=basis)
        lines.append(line)
    projection = _projection_line(r, lang)
    return lines + [projection] if projection else lines


PROJECTION_KEYS = {  # (against a range's floor, in whole things said to be about)
    (False, False): "pace.projected",
    (True, False): "pace.projected_floor",
    (False, True): "pace.projected_about",
    (True, True): "pace.projected_floor_about",
}


def _projection_line(r: ReportRow, lang: str) -> str | None:
    """'全年预计：105.84万吨（…），为目标的96.2%'. Things counted whole (所, 条, 个…) are
    projected in whole things, rounded down and said to be about ('约7条', not '7.2条');
    a list of named items is judged item by item, so it has no straight-line projection."""
    ranged = r["comparator"] == "range"  # 5-8条: measured against its floor, as the gauge
    bar = r["target_low"] if ranged else r["target"]
    projected, about = shown_projection(r), r["unit"] in COUNTED
    if projected is None or missing(bar) or not bar:
        return None
    return text(
        PROJECTION_KEYS[ranged, about],
        lang,
        amount=amount(projected, r["unit"], lang, r.get("id")),
        method=text("method." + r["projected_method"], lang),
        share=pct(round(projected / bar * 100, 1)),  # one decimal, as 完成率
    )


def history_view(
    history: pd.DataFrame,
    unit: str,
    lang: str,
    quarterly: bool = False,
    target: str | None = None,
    milestone: bool = False,
) -> pd.DataFrame:
    """Every stored figure, newest first per period, with its upload and source row
    (`target`: its id, for what English says it counts; `milestone`: the figures are
    states (codes), shown as the state and the words)."""
    if history.empty:
        return pd.DataFrame()
    named = _named_items(history)
    view = pd.DataFrame(
        {
            text("period", lang): [
                period_text(int(s), int(e), lang, quarterly)
                for s, e in zip(history["period_start"], history["period_end"], strict=True)
            ],
            # an item's report is its state in the words it was reported with
            text("value", lang): [
                words
                if item is not None
                else (item_value(v, words, lang) if milestone else amount(v, unit, lang, target))
                for v, item, words in zip(history["value"], named, history["raw"], strict=True)
            ],
            text("companion", lang): [
                "" if pd.isna(v) else amount(v, None if pd.isna(u) else u, lang)
                for v, u in zip(history["companion_value"], history["companion_unit"], strict=True)
            ],
            text("current", lang): ["✔" if c else "" for c in history["current"]],
            text("file", lang): [
                text("history.source", lang, upload=u, file=f, row=r)
                for u, f, r in zip(
                    history["upload_id"], history["filename"], history["source_row"], strict=True
                )
            ],
            text("uploaded_by", lang): history["user_name"],
            text("uploaded_at", lang): history["uploaded_at"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
    if any(item is not None for item in named):
        view.insert(1, text("item_col", lang), [item or "" for item in named])
    return view


def _named_items(history: pd.DataFrame) -> list:
    """Each figure's item (None for a figure of the target itself)."""
    if "item" not in history:
        return [None] * len(history)
    return [v if isinstance(v, str) else None for v in history["item"]]


def comments_view(comments: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            text("month_col", lang): [text(f"month.{int(m)}", lang) for m in comments["month"]],
            text("reason", lang): [v if isinstance(v, str) else "" for v in comments["reason"]],
            text("measures", lang): [v if isinstance(v, str) else "" for v in comments["measures"]],
            text("user", lang): comments["user_name"],
            text("uploaded_at", lang): comments["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
        }
    )


def published_with(r: ReportRow, this_year: pd.DataFrame, last_year: pd.DataFrame, lang: str):
    """Metrics beside the actual: the amount (or rate) published with it, and last year's
    figure for the same period (去年同期) with its own companion; [] when none is stored."""
    if missing(r.get("actual_end")) or missing(r.get("actual_start")):
        return []
    start, end = int(r["actual_start"]), int(r["actual_end"])
    rows = []
    now = _same_period(this_year, start, end)
    if now is not None and not pd.isna(now["companion_value"]):
        rows.append((text("companion", lang), _with_unit(now["companion_value"], now, lang)))
    before = _same_period(last_year, start, end)
    if before is not None:
        shown = (
            item_value(before["value"], before["raw"], lang)
            if r["family"] == "milestone"
            else amount(float(before["value"]), r["unit"], lang, r.get("id"))
        )
        if not pd.isna(before["companion_value"]):
            shown += f" · {_with_unit(before['companion_value'], before, lang)}"
        rows.append((text("same_period_last_year", lang), shown))
    return rows


def _same_period(figures: pd.DataFrame, start: int, end: int):
    if figures.empty:
        return None
    hit = figures[(figures["period_start"] == start) & (figures["period_end"] == end)]
    return None if hit.empty else hit.iloc[0]


def _with_unit(value, row, lang: str) -> str:
    unit = row["companion_unit"]
    return amount(value, None if pd.isna(unit) else unit, lang)
