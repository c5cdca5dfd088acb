"""Altair charts from progress tables: gauges, bullet graphs, month-by-month trend.

Plain functions (DataFrame -> chart) shared by the pages and the exports. A gauge shows the
share of the bar reached (completion for amounts, actual ÷ target for rates), the time
share as a dark tick, the status as colour *and* as words under it.
"""

import math

import altair as alt
import pandas as pd

from dashboard.core.explain import MONTHS_EN, missing, num, pct, value_with_unit
from dashboard.present.i18n import MILESTONE, STATUS_COLORS, pick, status_label, t

GAUGE_MAX = 120.0  # the arc runs to 120% so that "exceeded" is visible
GAUGE_WIDTH, GAUGE_HEIGHT = 150, 105
COMPARATOR_SIGN = {
    "at_least": "≥",
    "about": "≈",
    "at_most": "≤",
    "exactly": "",
    "decrease": "↓≥",
    "maintain": "",
}


def gauge_share(r: dict) -> float:
    """How far along the gauge a target is, in % of its bar."""
    if r["family"] == "flow":
        return 0.0 if missing(r["completion_pct"]) else float(r["completion_pct"])
    if r["family"] == "milestone":
        return {"done": 100.0, "in_progress": 50.0}.get(r["milestone_state"], 0.0)
    if missing(r["actual"]) or missing(r["target"]):
        return 0.0
    actual, target = float(r["actual"]), float(r["target"])
    if r["comparator"] == "decrease":
        actual, target = -actual, target
    if r["direction"] == "lower":
        return 100.0 if actual <= target else max(0.0, 100 * target / actual) if actual else 0.0
    return 100 * actual / target if target > 0 else (100.0 if actual >= target else 0.0)


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


def _angle(share: float) -> float:
    return -math.pi / 2 + math.pi * min(max(share, 0.0), GAUGE_MAX) / GAUGE_MAX


def gauge_frame(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Long table of arc pieces: background, value and time-share tick for each target."""
    rows = []
    for order, r in enumerate(progress.to_dict("records")):
        share = gauge_share(r)
        label = f"{order + 1:03d} {short_name(r, lang)}"
        common = {
            "key": label,
            "order": order,
            "headline": headline(r, lang),
            "caption": caption(r, lang),
            "status_text": status_label(r["status"], lang),
            "id": r["id"],
        }
        rows.append(
            {
                **common,
                "part": "bg",
                "theta": -math.pi / 2,
                "theta2": math.pi / 2,
                "fill": "#eaeef2",
            }
        )
        rows.append(
            {
                **common,
                "part": "value",
                "theta": -math.pi / 2,
                "theta2": _angle(share),
                "fill": STATUS_COLORS[r["status"]],
            }
        )
        mark = r["time_share_pct"] if r["family"] == "flow" else 100.0
        if not missing(mark) and r["family"] in ("flow", "rate", "maintain"):
            a = _angle(float(mark))
            rows.append(
                {
                    **common,
                    "part": "tick",
                    "theta": a - 0.025,
                    "theta2": a + 0.025,
                    "fill": "#24292f",
                }
            )
    return pd.DataFrame(rows)


def gauges(progress: pd.DataFrame, lang: str, columns: int = 5) -> alt.FacetChart:
    """One faceted chart: a gauge per target, in catalogue order."""
    data = gauge_frame(progress, lang)
    base = alt.Chart().properties(width=GAUGE_WIDTH, height=GAUGE_HEIGHT)
    arcs = base.mark_arc(radius=62, radius2=42, stroke=None).encode(
        theta=alt.Theta("theta:Q", scale=None),
        theta2="theta2:Q",
        color=alt.Color("fill:N", scale=None),
        tooltip=[
            alt.Tooltip("key:N", title=t("indicator", lang)),
            alt.Tooltip("caption:N", title=t("target", lang)),
            alt.Tooltip("status_text:N", title=t("status", lang)),
        ],
    )
    values = base.transform_filter(alt.datum.part == "value")
    big = values.mark_text(fontSize=15, fontWeight="bold", dy=0).encode(text="headline:N")
    small = values.mark_text(fontSize=11, dy=34, color="#57606a").encode(text="caption:N")
    state = values.mark_text(fontSize=11, dy=50, fontWeight="bold").encode(
        text="status_text:N", color=alt.Color("fill:N", scale=None)
    )
    header = alt.Header(
        labelFontSize=12,
        labelLimit=GAUGE_WIDTH + 20,
        title=None,
        labelExpr="substring(datum.value, 4)",
    )
    return (
        alt.layer(arcs, big, small, state, data=data)
        .facet(
            facet=alt.Facet("key:N", header=header, sort=alt.SortField("order")),
            columns=columns,
            spacing={"row": 28, "column": 12},
        )
        .configure_view(stroke=None)
    )


def bullets(progress: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Bullet graphs: bar to the share reached, tick at the time share, rule at 100%."""
    rows = []
    for order, r in enumerate(progress.to_dict("records")):
        mark = r["time_share_pct"] if r["family"] == "flow" else 100.0
        rows.append(
            {
                "name": short_name(r, lang, 16),
                "order": order,
                "share": min(gauge_share(r), GAUGE_MAX),
                "mark": None if missing(mark) else float(mark),
                "fill": STATUS_COLORS[r["status"]],
                "caption": caption(r, lang),
                "status_text": status_label(r["status"], lang),
            }
        )
    data = pd.DataFrame(rows)
    y = alt.Y("name:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=260))
    base = alt.Chart(data).encode(y=y)
    back = base.mark_bar(color="#eaeef2", size=16).encode(x=alt.datum(100))
    bar = base.mark_bar(size=9).encode(
        x=alt.X("share:Q", title="%", scale=alt.Scale(domain=[0, GAUGE_MAX])),
        color=alt.Color("fill:N", scale=None),
        tooltip=["name:N", "caption:N", "status_text:N"],
    )
    tick = base.mark_tick(color="#24292f", thickness=2, size=18).encode(x="mark:Q")
    label = base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.datum(GAUGE_MAX), text="status_text:N", color=alt.Color("fill:N", scale=None)
    )
    return alt.layer(back, bar, tick, label).properties(width=520, height=alt.Step(22))


def trend(
    points: pd.DataFrame,
    target: float | None,
    lang: str,
    unit: str,
    profile: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Figures by month against the linear time share, the seasonal profile and the target.

    `points`: month, value. For year-to-date amounts the expected lines run to the target.
    """
    layers = [
        alt.Chart(points)
        .mark_line(point=True, color="#0969da")
        .encode(
            x=alt.X(
                "month:Q",
                title=t("month_col", lang),
                scale=alt.Scale(domain=[1, 12]),
                axis=alt.Axis(tickCount=12, format="d"),
            ),
            y=alt.Y("value:Q", title=unit or t("value", lang)),
            tooltip=[
                alt.Tooltip("month:Q", title=t("month_col", lang)),
                alt.Tooltip("value:Q", title=t("actual", lang), format=",.2f"),
            ],
        )
    ]
    if target is not None and not missing(target):
        lines = pd.DataFrame(
            {
                "month": list(range(1, 13)),
                "value": [target * m / 12 for m in range(1, 13)],
                "what": t("expected_linear", lang),
            }
        )
        if profile is not None and not profile.empty:
            lines = pd.concat(
                [
                    lines,
                    pd.DataFrame(
                        {
                            "month": profile["month"],
                            "value": target * profile["share_pct"] / 100,
                            "what": t("expected_seasonal", lang),
                        }
                    ),
                ]
            )
        layers.append(
            alt.Chart(lines)
            .mark_line(strokeDash=[4, 3])
            .encode(
                x="month:Q",
                y="value:Q",
                color=alt.Color("what:N", title=None, legend=alt.Legend(orient="bottom")),
            )
        )
        layers.append(
            alt.Chart(pd.DataFrame({"value": [target]}))
            .mark_rule(color="#cf222e")
            .encode(y="value:Q")
        )
    return alt.layer(*layers).properties(height=280)


def level_trend(points: pd.DataFrame, bar: float | None, lang: str, unit: str) -> alt.LayerChart:
    """Growth rates and levels by period against the bar (no time share)."""
    chart = (
        alt.Chart(points)
        .mark_line(point=True, color="#0969da")
        .encode(
            x=alt.X(
                "month:Q",
                title=t("month_col", lang),
                scale=alt.Scale(domain=[1, 12]),
                axis=alt.Axis(tickCount=12, format="d"),
            ),
            y=alt.Y("value:Q", title=unit or t("value", lang), scale=alt.Scale(zero=False)),
            tooltip=["month:Q", alt.Tooltip("value:Q", format=",.2f")],
        )
    )
    if bar is None or missing(bar):
        return chart.properties(height=260)
    rule = alt.Chart(pd.DataFrame({"value": [bar]})).mark_rule(color="#cf222e", strokeDash=[4, 3])
    return alt.layer(chart, rule.encode(y="value:Q")).properties(height=260)
