"""Altair charts from progress tables: gauges, bullet graphs, month-by-month trend.

Plain functions (DataFrame -> chart) shared by the pages and the exports. A gauge shows the
share of the bar reached (completion for amounts, actual ÷ target for rates), the time
share as a dark tick, the status as colour *and* as words under it.
"""

import json
import math

import altair as alt
import pandas as pd

from dashboard.core.amounts import scale
from dashboard.core.explain import class_labels, missing
from dashboard.core.messages import text
from dashboard.core.milestones import DONE, IN_PROGRESS, NOT_STARTED, state_word
from dashboard.core.palette import GAUGE_MAX, text_color
from dashboard.core.progress_row import ProgressRow
from dashboard.core.units import unit_word
from dashboard.core.vocab import signed_bar
from dashboard.present.gauges import gauge_cells
from dashboard.present.labels import amount

GAUGE_WIDTH, GAUGE_HEIGHT = 150, 105
FIGURES, TARGET = "#0969da", "#cf222e"  # the reported figures, the target's line
EXPECTED = ("#54aeff", "#0550ae")  # the linear time share, last year's seasonal profile


def _angle(share: float, scale: float = GAUGE_MAX) -> float:
    return -math.pi / 2 + math.pi * min(max(share, 0.0), scale) / scale


def gauge_frame(progress: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Long table of arc pieces: background, value and time-share tick for each target."""
    rows = []
    for order, c in enumerate(gauge_cells(progress, lang).to_dict("records")):
        words = {k: c[k] for k in ("headline", "caption", "gap", "status_text", "note", "tooltip")}
        words["headline_size"] = 15 * c["headline_fit"]
        common = {"key": f"{order + 1:03d} {c['name']}", "order": order, **words}
        rows.append({**common, "part": "bg", "theta": -math.pi / 2, "theta2": math.pi / 2})
        rows[-1]["fill"] = "#eaeef2"
        rows.append(
            {
                **common,
                "part": "value",
                "theta": -math.pi / 2,
                "theta2": _angle(c["share"], c["scale"]),
                "fill": c["fill"],
                "status_color": text_color(c["fill"]),
            }
        )
        if not missing(c["tick"]):
            a = _angle(c["tick"], c["scale"])
            rows.append({**common, "part": "tick", "theta": a - 0.025, "theta2": a + 0.025})
            rows[-1]["fill"] = "#24292f"
    return pd.DataFrame(rows)


def gauges(progress: pd.DataFrame, lang: str, columns: int = 5) -> alt.FacetChart:
    """One faceted chart: a gauge per target, in catalogue order (the PNG export; the
    overview draws the same cells as SVG cards, present/gauge_svg.py)."""
    data = gauge_frame(progress, lang)
    base = alt.Chart().properties(width=GAUGE_WIDTH, height=GAUGE_HEIGHT)
    arcs = base.mark_arc(radius=62, radius2=42, stroke=None).encode(
        theta=alt.Theta("theta:Q", scale=None),
        theta2="theta2:Q",
        color=alt.Color("fill:N", scale=None),
        tooltip=alt.Tooltip("tooltip:N", title=text("indicator", lang)),
    )
    values = base.transform_filter(alt.datum.part == "value")
    big = values.mark_text(fontWeight="bold", dy=0).encode(
        text="headline:N", size=alt.Size("headline_size:Q", scale=None, legend=None)
    )
    small = values.mark_text(fontSize=11, dy=30, color="#424a53").encode(text="caption:N")
    gap = values.mark_text(fontSize=11, dy=45, color="#424a53").encode(text="gap:N")
    state = values.mark_text(fontSize=11, dy=60, fontWeight="bold").encode(
        text="status_text:N", color=alt.Color("status_color:N", scale=None)
    )
    # the month of an older figure and open supervision items, as on the overview's cards
    note = values.mark_text(fontSize=10, dy=75, color="#6e5600").encode(text="note:N")
    header = alt.Header(
        labelFontSize=12,
        labelLimit=GAUGE_WIDTH + 20,
        title=None,
        labelExpr="substring(datum.value, 4)",
    )
    return (
        alt.layer(arcs, big, small, gap, state, note, data=data)
        .facet(
            facet=alt.Facet("key:N", header=header, sort=alt.SortField("order"), title=None),
            columns=columns,
            spacing={"row": 44, "column": 12},
        )
        .configure_view(stroke=None)
    )


def bullets(progress: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Bullet graphs: bar to the share reached, tick at the time share, rule at 100%."""
    cells = gauge_cells(progress, lang, name_limit=16)
    # Unlike the gauge, every bullet has its rule: the time share for amounts, else 100%.
    marks = [
        r["time_share_pct"] if r["family"] == "flow" else 100.0 for r in progress.to_dict("records")
    ]
    data = pd.DataFrame(
        {
            "name": cells["name"],
            "order": range(len(cells)),
            "share": cells["share"].clip(upper=GAUGE_MAX),
            "mark": [None if missing(m) else float(m) for m in marks],
            "fill": cells["fill"],
            "status_color": [text_color(f) for f in cells["fill"]],
            "status_text": cells["status_text"],
            "tooltip": cells["tooltip"],
        }
    )
    # the names' column is limited so that a phone keeps room for the bars
    y = alt.Y("name:N", sort=alt.SortField("order"), title=None, axis=alt.Axis(labelLimit=130))
    base = alt.Chart(data).encode(y=y)
    back = base.mark_bar(color="#eaeef2", size=16).encode(x=alt.datum(100))
    bar = base.mark_bar(size=9).encode(
        # room right of the bars for the status word, inside the chart's width
        x=alt.X(
            "share:Q",
            title="%",
            scale=alt.Scale(domain=[0, GAUGE_MAX + 80]),
            axis=alt.Axis(values=list(range(0, int(GAUGE_MAX) + 1, 20))),
        ),
        color=alt.Color("fill:N", scale=None),
        tooltip=alt.Tooltip("tooltip:N", title=text("indicator", lang)),
    )
    tick = base.mark_tick(color="#24292f", thickness=2, size=18).encode(x="mark:Q")
    label = base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.datum(GAUGE_MAX),
        text="status_text:N",
        color=alt.Color("status_color:N", scale=None),
    )
    return alt.layer(back, bar, tick, label).properties(width="container", height=alt.Step(22))


def trend(
    points: pd.DataFrame,
    target: float | None,
    lang: str,
    unit: str,
    profile: pd.DataFrame | None = None,
    target_id: str | None = None,
) -> alt.LayerChart:
    """Figures by month against the linear time share, the seasonal profile and the target.

    `points`: month, value. For year-to-date amounts the expected lines run to the target.
    One legend names every line, the reported figures and the target among them.
    """
    actual, bar = text("actual", lang), text("target", lang)
    points = _worded(points, lambda v: amount(v, unit, lang, target_id), lang)
    points, (target,), title = _in_readers_unit(points, [target], unit, lang, target_id)
    y = alt.Y("value:Q", axis=_unit_axis(title, lang))
    if target is None or missing(target):
        return _figures_line(points, lang, y).properties(height=280)
    lines = pd.DataFrame(
        {
            "month": list(range(1, 13)),
            "value": [target * m / 12 for m in range(1, 13)],
            "what": text("expected_linear", lang),
        }
    )
    if profile is not None and not profile.empty:
        seasonal = pd.DataFrame(
            {
                "month": profile["month"],
                "value": target * profile["share_pct"] / 100,
                "what": text("expected_seasonal", lang),
            }
        )
        lines = pd.concat([lines, seasonal])
    names = [actual, *dict.fromkeys(lines["what"]), bar]
    palette = {
        text("expected_linear", lang): EXPECTED[0],
        text("expected_seasonal", lang): EXPECTED[1],
    }
    color = alt.Color(
        "what:N",
        title=None,
        scale=alt.Scale(domain=names, range=[FIGURES, *(palette[n] for n in names[1:-1]), TARGET]),
        legend=alt.Legend(orient="bottom"),
    )
    figures = _figures_line(points.assign(what=actual), lang, y).encode(color=color)
    expected = alt.Chart(lines).mark_line(strokeDash=[4, 3])
    rule = alt.Chart(pd.DataFrame({"value": [target], "what": [bar]})).mark_rule()
    return alt.layer(
        figures,
        expected.encode(x="month:Q", y="value:Q", color=color),
        rule.encode(y="value:Q", color=color),
    ).properties(height=280)


def _in_readers_unit(points: pd.DataFrame, bars: list, unit: str, lang: str, target_id):
    """Figures and bars in the unit their reader writes (English has no 万: 110万吨 is
    plotted as 1.1 under 'million t'), and that unit's words for the axis."""
    known = [v for v in [*bars, *points["value"]] if not missing(v)]
    s = scale(unit, lang, known, target_id)
    if s.factor != 1:
        points = points.assign(value=[v if missing(v) else s.value(v) for v in points["value"]])
        bars = [b if b is None or missing(b) else s.value(b) for b in bars]
    return points, bars, s.word


def _worded(points: pd.DataFrame, word, lang: str) -> pd.DataFrame:
    """Each point's month and figure as a table writes them, for its tooltip ('10月',
    '83.51万吨' | 'Oct', '835,100 t'): the plotted value may be rescaled for the axis,
    and Vega's own number format knows neither the unit nor the figure's digits."""
    return points.assign(
        month_words=[text(f"month.{int(m)}", lang) for m in points["month"]],
        figure_words=[word(v) for v in points["value"]],
    )


def _unit_axis(title: str, lang: str) -> alt.Axis:
    """The unit written level above the axis (a turned 个 or 万吨 reads as a glyph); figures
    without trailing zeros (a flat series was labelled 2.000000)."""
    return alt.Axis(
        title=title or text("value", lang),
        titleAngle=0,
        titleAlign="left",
        titleX=0,
        titleY=-12,
        format=",~f",
    )


def _coded_axis(words: dict[int, str], title: str) -> alt.Axis:
    """An axis of codes labelled with their words: water classes Ⅰ..劣Ⅴ, milestone states."""
    table = json.dumps({str(code): word for code, word in words.items()}, ensure_ascii=False)
    return alt.Axis(
        title=title,
        titleAngle=0,
        titleAlign="left",
        titleX=0,
        titleY=-12,
        values=list(words),
        tickCount=len(words),  # else Vega thins the values to height/40 (Ⅱ was dropped)
        labelExpr=f"{table}[datum.value]",
    )


def _figures_line(points: pd.DataFrame, lang: str, y: alt.Y) -> alt.Chart:
    """The reported figures by month, January to December."""
    return (
        alt.Chart(points)
        .mark_line(point=True, color=FIGURES)
        .encode(
            x=alt.X(
                "month:Q",
                title=text("month_col", lang),
                scale=alt.Scale(domain=[1, 12]),
                axis=alt.Axis(tickCount=12, format="d"),
            ),
            y=y,
            tooltip=[
                alt.Tooltip("month_words:N", title=text("month_col", lang)),
                alt.Tooltip("figure_words:N", title=text("actual", lang)),
            ],
        )
    )


def level_trend(
    points: pd.DataFrame, bar: float | None, lang: str, unit: str, target_id: str | None = None
) -> alt.LayerChart:
    """Growth rates and levels by period against the bar (no time share)."""
    points = _worded(points, lambda v: amount(v, unit, lang, target_id), lang)
    if unit == "类":  # a water class: Ⅰ (best) at the top, as bulletins rank them
        axis = _coded_axis(class_labels(lang), unit_word(unit, lang))
        y = alt.Y("value:Q", axis=axis, scale=alt.Scale(domain=[1, 6], reverse=True))
    else:
        points, (bar,), title = _in_readers_unit(points, [bar], unit, lang, target_id)
        axis = _unit_axis(title, lang)
        y = alt.Y("value:Q", axis=axis, scale=alt.Scale(zero=False))
    chart = _figures_line(points, lang, y)
    if bar is None or missing(bar):
        return chart.properties(height=260)
    rule = alt.Chart(pd.DataFrame({"value": [bar]})).mark_rule(color=TARGET, strokeDash=[4, 3])
    return alt.layer(chart, rule.encode(y="value:Q")).properties(height=260)


def milestone_trend(points: pd.DataFrame, lang: str) -> alt.Chart:
    """A milestone's reported state by month, the states in words (not codes 0-2)."""
    words = {code: state_word(code, lang) for code in (NOT_STARTED, IN_PROGRESS, DONE)}
    points = _worded(points, lambda v: state_word(v, lang), lang)
    y = alt.Y(
        "value:Q",
        axis=_coded_axis(words, text("status", lang)),
        scale=alt.Scale(domain=[0, 2]),
    )
    return _figures_line(points, lang, y).properties(height=200)


def indicator_trend(
    r: ProgressRow, points: pd.DataFrame, lang: str, profile: pd.DataFrame | None = None
) -> alt.LayerChart:
    """The detail page's chart of one target: year-to-date amounts against the expected
    lines and the target's floor; rates and levels against their bar."""
    unit = r["unit"] or ""
    if r["family"] == "milestone":
        return milestone_trend(points, lang)
    if r["family"] == "flow":
        floor = r["target_low"] if r["comparator"] == "range" else r["target"]
        return trend(points, floor, lang, unit, profile, r["id"])
    bar = signed_bar(r["target"], r["comparator"] == "decrease")
    return level_trend(points, bar, lang, unit, r["id"])
