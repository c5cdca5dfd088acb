"""Words and gauges for a progress row, in both languages (no Streamlit, no database)."""

import math
import re

import pandas as pd
import pytest

from dashboard.core.amounts import compared
from dashboard.core.explain import value_with_unit
from dashboard.core.messages import Msg
from dashboard.core.problems import Problem
from dashboard.present.charts import level_trend, milestone_trend, trend
from dashboard.present.detail_tables import metric_rows, pace_lines
from dashboard.present.gauges import gauge_share, tick
from dashboard.present.labels import (
    amount,
    gap_text,
    headline,
    progress_line,
    stale_note,
    target_text,
)
from dashboard.present.upload_tables import problem_table

NAN = math.nan


def row(**kw) -> dict:
    base = {
        "family": "rate",
        "comparator": "at_least",
        "direction": "higher",
        "unit": "%",
        "target": 5.0,
        "target_low": NAN,
        "target_high": NAN,
        "actual": 4.0,
        "completion_pct": NAN,
        "time_share_pct": NAN,
        "milestone_state": None,
        "due_date": None,
        "gap_pp": NAN,
        "breach_month": NAN,
        "frequency": "monthly",
        "actual_start": NAN,
        "actual_end": NAN,
        "as_of_month": 10,
    }
    return base | kw


@pytest.mark.parametrize(
    ("actual", "share"),
    [(-4.5, 112.5), (-4.0, 100.0), (-3.0, 75.0), (1.0, 0.0)],
)
def test_a_decrease_target_fills_its_gauge_as_the_fall_grows(actual, share):
    # 能耗强度下降4%以上: stored as the signed change, the bar is −4
    r = row(comparator="decrease", direction="lower", target=4.0, actual=actual)
    assert gauge_share(r) == pytest.approx(share)


def test_gauges_of_other_rates_and_their_ticks():
    assert gauge_share(row(actual=4.0)) == pytest.approx(80.0)
    assert gauge_share(row(comparator="at_most", direction="lower", actual=4.0)) == 100.0
    assert gauge_share(row(comparator="at_most", direction="lower", actual=8.0)) == 62.5
    assert tick(row()) == 100.0 and tick(row(family="milestone")) is None
    assert tick(row(family="flow", time_share_pct=83.3)) == 83.3


def test_target_and_progress_line_in_the_page_language():
    kept = row(family="maintain", comparator="maintain", target=100.0, actual=100.0)
    assert [target_text(kept, lang) for lang in ("zh", "en")] == ["保持100%", "kept at 100%"]
    assert [progress_line(kept, lang) for lang in ("zh", "en")] == [
        "目标 保持100%",
        "Target kept at 100%",
    ]
    flow = row(family="flow", comparator="exactly", unit="个", target=3000.0, actual=2450.0)
    assert [progress_line(flow, lang) for lang in ("zh", "en")] == [
        "2,450 / 3,000个",
        "2,450 / 3,000 units",
    ]
    done = row(family="milestone", comparator="milestone", milestone_state="in_progress")
    assert [headline(done, lang) for lang in ("zh", "en")] == ["推进中", "In progress"]
    due = done | {"due_date": "2026-10-31"}
    assert [progress_line(due, lang) for lang in ("zh", "en")] == [
        "目标 10月底",
        "Target due end Oct",
    ]


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (83.51, "万吨", "83.51万吨", "835,100 t"),  # English has no 万: the figure takes it
        (1790.0, "亿元", "1,790亿元", "179 billion yuan"),
        (155.2981, "亿元", "155.2981亿元", "15.52981 billion yuan"),  # every digit, none more
        (9.7, "万亩", "9.7万亩", "97,000 mu"),
        (150.0, "万人", "150万人", "1.5 million people"),
        (0.5, "万元", "0.5万元", "5,000 yuan"),
        (2450.0, "个", "2,450个", "2,450 units"),
        (4.8, "%", "4.8%", "4.8%"),
        (2.0, "类", "Ⅱ类", "Class Ⅱ"),
        (3.0, "无此单位", "3无此单位", "3 无此单位"),  # unknown: as the catalogue writes it
    ],
)
def test_amounts_carry_their_unit_in_the_readers_language(value, unit, zh, en):
    assert (amount(value, unit, "zh"), amount(value, unit, "en")) == (zh, en)


def test_the_key_project_row_reads_target_actual_and_gap():
    # 省市重点项目完成投资 as of November: 1,790 of 2,000亿元 (the example)
    r = row(
        family="flow",
        comparator="exactly",
        unit="亿元",
        target=2000.0,
        actual=1790.0,
        completion_pct=89.5,
        time_share_pct=91.7,
        gap_pp=-2.2,
        actual_start=1.0,
        actual_end=11.0,
        as_of_month=11,
    )
    assert target_text(r, "zh") == "2,000亿元" and headline(r, "zh") == "89.5%"
    assert progress_line(r, "zh") == "1,790 / 2,000亿元"
    assert [gap_text(r, lang) for lang in ("zh", "en")] == ["差2.2个百分点", "2.2 pts behind"]
    assert gap_text(r | {"gap_pp": 2.0}, "zh") == "超2.0个百分点"
    assert gap_text(r | {"gap_pp": 0.0}, "zh") == "持平"
    assert stale_note(r, "zh") == ""
    assert [stale_note(r | {"as_of_month": 12}, lang) for lang in ("zh", "en")] == [
        "数据：1—11月",
        "Figure: Jan–Nov",
    ]


def test_no_gap_for_milestones_and_levels_counted_in_things():
    assert gap_text(row(family="milestone", gap_pp=NAN), "zh") == ""
    insured = row(unit="万人", target=1050.0, actual=1032.0, completion_pct=98.3, gap_pp=-1.7)
    assert (headline(insured, "zh"), progress_line(insured, "zh")) == (
        "98.3%",
        "1,032 / ≥1,050万人",
    )
    assert gap_text(insured, "zh") == ""
    breached = row(family="maintain", comparator="maintain", breach_month=7.0, gap_pp=0.0)
    assert [gap_text(breached, lang) for lang in ("zh", "en")] == ["7月未达标", "missed in Jul"]


def test_a_snapshots_rules_read_in_words_every_part():
    from dashboard.core.settings import Thresholds
    from dashboard.present.snapshot_tables import rule_version
    from dashboard.services.snapshots import KEPT

    assert len(KEPT) == len(set(KEPT))  # a repeated column made pandas warn at every snapshot
    version = "catalogue:0a094037d3fe;" + Thresholds().version()
    assert rule_version(version, "zh").split("；")[5:] == [
        "其余月份所需进度超过已有进度 2 倍为滞后",
        "仅剩一个报告期仍未达序时为滞后",
        "差距按公布的一位小数计算",
        "数据于到期月 15 日前报送",
    ]
    assert "L" not in rule_version(version, "en") and "gaprounded" not in rule_version(
        version, "en"
    )


def test_a_snapshots_data_version_reads_in_words_with_its_reviews():
    """QA: 'uploads:9:last#9:reviews:1' was shown as written."""
    from dashboard.present.snapshot_tables import data_version

    assert data_version("uploads:9:last#9:reviews:1", "zh") == (
        "截至上传 #9（共 9 次上传，1 次审核决定）"
    )
    assert data_version("uploads:9:last#9:reviews:1", "en") == (
        "up to upload #9 (9 uploads, 1 review decision(s))"
    )
    assert data_version("uploads:8:last#8", "zh") == "截至上传 #8（共 8 次上传）"
    assert data_version("v2:abc", "zh") == ""


def pace_row(**kw) -> dict:
    return (
        row(
            family="flow",
            unit="条",
            required_pace=NAN,
            projected=7.2,
            projected_method="linear_run_rate",
            weights_basis=None,
            pace_period="month",
        )
        | kw
    )


def test_the_projected_year_end_of_a_range_is_read_against_its_floor():
    # 新增国际航线5-8条: the target has no single figure; it printed "为目标的—%"
    r = pace_row(comparator="range", target=NAN, target_low=5.0, target_high=8.0)
    # QA: routes are whole things: about 7 of them, not 7.2
    assert pace_lines(r, "zh") == ["全年预计：约7条（按序时线性推算），为目标下限的140.0%"]


def test_a_count_falling_is_projected_toward_zero_like_one_rising():
    # a net count running below zero (−7.2) is about −7, not about −8
    r = pace_row(unit="个", target=10.0, projected=-7.2, assessment="year_end")
    assert pace_lines(r, "zh") == ["全年预计：约-7个（按序时线性推算），为目标的-70.0%"]


def test_a_count_is_projected_in_whole_things_and_a_list_of_items_not_at_all():
    r = pace_row(unit="所", target=6.0, projected=5.33, assessment="year_end")
    assert pace_lines(r, "zh") == ["全年预计：约5所（按序时线性推算），为目标的83.3%"]
    assert pace_lines(r, "en")[0].startswith("Projected year end: about 5 ")
    assert (
        pace_lines(pace_row(unit="所", target=6.0, projected=5.33, assessment="items"), "zh") == []
    )


def test_the_projected_share_has_one_decimal_like_the_completion():
    r = pace_row(unit="万吨", target=110.0, projected=105.84, projected_method="seasonal_profile")
    assert pace_lines(r, "zh") == ["全年预计：105.84万吨（按上年季节规律推算），为目标的96.2%"]


def test_the_trend_legend_names_the_figures_and_the_target_too():
    points = pd.DataFrame({"month": [1, 2, 3], "value": [5.0, 9.0, 14.0]})
    layers = trend(points, 60.0, "zh", "个").to_dict()["layer"]
    scale = layers[0]["encoding"]["color"]["scale"]
    assert scale == {
        "domain": ["实际", "序时进度线", "目标"],
        "range": ["#0969da", "#54aeff", "#cf222e"],
    }
    assert [layer["encoding"]["color"]["scale"] for layer in layers] == [scale] * 3


def test_level_axes_read_as_figures_classes_and_states():
    flat = pd.DataFrame({"month": [1, 2], "value": [2.0, 2.0]})
    assert (
        level_trend(flat, 0.0, "zh", "户").to_dict()["layer"][0]["encoding"]["y"]["axis"]["format"]
        == ",~f"
    )  # a flat series was labelled 2.000000
    water = level_trend(flat, 2.0, "en", "类").to_dict()["layer"][0]["encoding"]["y"]
    assert water["axis"]["labelExpr"].startswith('{"1": "Ⅰ", "2": "Ⅱ"')
    assert water["scale"] == {"domain": [1, 6], "reverse": True}
    assert (water["axis"]["values"], water["axis"]["tickCount"]) == ([1, 2, 3, 4, 5, 6], 6)
    state = milestone_trend(flat.assign(value=[1, 2]), "zh").to_dict()["encoding"]["y"]["axis"]
    assert state["labelExpr"] == '{"0": "未启动", "1": "推进中", "2": "已完成"}[datum.value]'


def test_a_water_class_in_an_explanation_reads_in_the_readers_language():
    # 'Oct: Ⅱ类, every period kept at Ⅱ类 or better' on the English page
    assert (value_with_unit(2.0, "类", "zh"), value_with_unit(2.0, "类", "en")) == (
        "Ⅱ类",
        "Class Ⅱ",
    )


@pytest.mark.parametrize(
    ("value", "unit", "target", "en"),
    [
        (6.0, "条", "new_intl_routes", "6 routes"),  # 条 of air routes, not "6 items"
        (2.6, "万个", "public_parking", "26,000 parking spaces"),
        (1.0, "个", "parking_pilots", "1 project"),  # one, not "1 projects"
        (1.0, "个", None, "1 unit"),
        (2.0, "个", None, "2 units"),
        (1.0, "万人", None, "10,000 people"),  # ten thousand of them: plural
        (6.0, "个", "new_intl_routes", "6 units"),  # the glossary's word is for its 条 only
    ],
)
def test_english_names_what_a_target_counts(value, unit, target, en):
    assert amount(value, unit, "en", target) == en
    assert amount(value, unit, "zh", target) == amount(value, unit, "zh")


def test_the_upload_page_names_a_target_a_warning_gives_by_id():
    # the page read "public_parking 10月：26500 是上一期累计值的 10 倍以上"
    params = {
        "id": "public_parking",
        "month": Msg("month.10"),
        **compared({"value": 26500.0, "prev": 2.3}, "个", "public_parking"),
        "prev_month": Msg("month.9"),
    }
    warning = Problem("c.xlsx", 5, "C", "figure.ytd_tenfold", "hint.confirm_figure", params)
    targets = pd.DataFrame(
        {
            "id": ["public_parking"],
            "name_zh": ["新建公共停车位"],
            "name_en": ["New public parking spaces"],
        }
    )
    zh = problem_table([warning], "zh", targets)["问题"].tolist()
    assert zh == ["新建公共停车位 10月：26,500个 是上一期累计值的 10 倍以上（9月为 2.3个）"]
    en = problem_table([warning], "en", targets).iloc[0, 2]
    assert en.startswith("New public parking spaces Oct: 26,500 parking spaces is ten times")
    assert warning.line().startswith("c.xlsx:5:C: public_parking Oct")  # the CLI keeps ids


def test_detail_metric_labels_are_capitalised_alike_in_english():
    r = row(family="flow", unit="个", target=3000.0, actual=2450.0, completion_pct=81.7)
    r |= {"time_share_pct": 83.3, "gap_pp": -1.6, "id": "ev_chargers"}
    labels = [label for label, _ in metric_rows(r, "en")]
    assert labels[:4] == ["Actual", "Target", "Completion", "Time share"]


@pytest.mark.parametrize(
    ("kw", "scale"),
    [
        ({"family": "milestone", "milestone_state": "done", "status": "achieved"}, 100.0),
        ({"family": "milestone", "milestone_state": "in_progress", "status": "on_track"}, 120.0),
        ({"family": "maintain", "comparator": "maintain", "status": "on_track"}, 100.0),
        ({"family": "maintain", "comparator": "maintain", "status": "off_track"}, 120.0),
        ({"family": "rate", "status": "achieved"}, 120.0),
        ({"family": "flow", "status": "achieved"}, 120.0),
    ],
)
def test_a_complete_gauge_reads_full_and_the_others_keep_their_scale(kw, scale):
    """QA: a done milestone's arc was five sixths full (the scale runs to 120%)."""
    from dashboard.present.gauge_svg import gauge_svg
    from dashboard.present.gauges import gauge_scale

    r = row(**kw)
    assert gauge_scale(r) == scale
    cell = {"share": 100.0, "scale": scale, "tick": None, "fill": "#1a7f37"}
    svg = gauge_svg(cell | {"headline": "", "tooltip": ""})
    band = re.search(r'<path d="([^"]*)" fill="#1a7f37"', svg)[1]
    assert ("141.0,76.0 L" in band) is (scale == 100.0)  # the filled band ends at the right


@pytest.mark.parametrize(
    ("words", "fit", "svg_size"),
    [("92.5%", 1.0, "19"), ("推进中", 1.0, "19"), ("In progress", 0.84, "15.96"),
     ("0 households", 0.76, "14.44")],
)  # fmt: skip
def test_a_long_big_number_is_drawn_smaller_to_stay_inside_the_ring(words, fit, svg_size):
    """QA: "0 households" ran over the ring on the cards, the PNG and the PDF."""
    from dashboard.present.gauge_svg import gauge_svg
    from dashboard.present.gauges import headline_fit

    assert headline_fit(words) == fit
    cell = {"share": 0.0, "scale": 120.0, "tick": None, "fill": "#1a7f37", "tooltip": ""}
    svg = gauge_svg(cell | {"headline": words, "headline_fit": fit})
    assert re.search(r'font-size="([^"]+)"', svg)[1] == svg_size


def test_my_departments_missing_figures_include_a_milestones_progress_report():
    """QA: 我的部门 said every figure was in above the low-altitude plan's card saying
    未报送进展 (the grid holds no month of a milestone; the verdicts count it missing)."""
    from dashboard.present.department_tables import missing_view

    names = {"grads": ("毕业生跟踪", "Graduates"), "plan": ("低空规划", "Low-altitude plan")}
    grid = pd.DataFrame(
        [("grads", *names["grads"], m, "missing") for m in (3, 6, 9)]
        + [("plan", *names["plan"], 10, "not_due")],
        columns=["id", "name_zh", "name_en", "month", "state"],
    )
    progress = pd.DataFrame(
        [("grads", *names["grads"], "no_data", 9.0), ("plan", *names["plan"], "no_data", 10.0),
         ("piles", "充电桩", "Piles", "at_risk", 10.0)],
        columns=["id", "name_zh", "name_en", "status", "expected_end"],
    )  # fmt: skip
    assert missing_view(grid, "zh", progress).values.tolist() == [
        ["毕业生跟踪", "3月、6月、9月"],
        ["低空规划", "10月"],
    ]
    assert missing_view(grid, "en", progress).values.tolist()[1] == ["Low-altitude plan", "Oct"]
    assert len(missing_view(grid, "zh")) == 1


def _tooltips(chart) -> list[tuple[str, str]]:
    spec = chart.to_dict()
    rows = [r for data in spec["datasets"].values() for r in data if "figure_words" in r]
    return [(r["month_words"], r["figure_words"]) for r in rows]


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("zh", [("9月", "35.2万吨"), ("10月", "83.51万吨")]),
        ("en", [("Sep", "352,000 t"), ("Oct", "835,100 t")]),
    ],
)
def test_a_trends_tooltip_shows_each_figure_as_the_tables_do(lang, shown):
    """Vega formatted the plotted value with ',.2f': 0.8351 million t read '0.84'."""
    points = pd.DataFrame({"month": [9, 10], "value": [35.2, 83.51]})
    chart = trend(points, 110.0, lang, "万吨", target_id="airport_cargo")
    assert _tooltips(chart) == shown
    tooltip = chart.to_dict()["layer"][0]["encoding"]["tooltip"]
    assert [t["field"] for t in tooltip] == ["month_words", "figure_words"]
    assert "format" not in tooltip[1]


def test_level_milestone_and_water_class_tooltips_read_in_words():
    points = pd.DataFrame({"month": [3, 4], "value": [2.0, 6.0]})
    assert _tooltips(level_trend(points, 2.0, "en", "类")) == [
        ("Mar", value_with_unit(2.0, "类", "en")),
        ("Apr", value_with_unit(6.0, "类", "en")),
    ]
    assert _tooltips(level_trend(points.assign(value=[5.25, 4.8]), 5.0, "zh", "%")) == [
        ("3月", "5.25%"),
        ("4月", "4.8%"),
    ]
    states = milestone_trend(points.assign(value=[1, 2]), "zh")
    assert _tooltips(states) == [("3月", "推进中"), ("4月", "已完成")]


def test_the_command_lines_table_keeps_the_digits_a_figure_has():
    """Floats were cut to 2 decimals: 0.8351 read 0.84 and 155.2981 read 155.3."""
    from dashboard.present.text_table import render

    frame = pd.DataFrame({"actual": [0.8351, 155.2981, 2450.0, -0.0, NAN]})
    lines = [line.rstrip() for line in render(frame).splitlines()[2:]]
    assert lines == ["0.8351", "155.2981", "2,450", "0"]


@pytest.mark.parametrize(
    ("old", "new", "unit", "zh", "en"),
    [
        (1790.0, 17900.0, "亿元", "修订 1,790 → 17,900亿元", "revision 0.179 → 1.79 trillion yuan"),
        (2.0, 3.0, "类", "修订 Ⅱ类 → Ⅲ类", "revision Class Ⅱ → Class Ⅲ"),
    ],
)
def test_a_revision_in_the_upload_preview_reads_old_to_new_in_one_unit(old, new, unit, zh, en):
    """English read 'revision 1,790 → 1.79 trillion yuan' (the old figure in 亿, the new
    in trillions) and a water class's old figure read as its code: '修订 2 → Ⅲ类'."""
    from dashboard.present.upload_tables import _change

    assert _change("revision", old, new, unit, "zh") == zh
    assert _change("revision", old, new, unit, "en") == en


def test_a_reports_baselines_read_as_every_figure_does():
    """English read '1.52万亿元' (the catalogue's unit, untranslated) beside English words."""
    from decimal import Decimal

    from dashboard.ingest.proposal.records import Baseline
    from dashboard.present.catalogue_tables import baseline_table

    said = [("1.52", "万亿元"), ("82.51", "万吨"), ("1458.8", "亿元"), ("5.4", "%")]
    baselines = [Baseline("x", Decimal(v), u, "amount", (0, 1), "x") for v, u in said]
    values = {lang: baseline_table(baselines, lang).iloc[:, 1].tolist() for lang in ("zh", "en")}
    assert values == {
        "zh": ["1.52万亿元", "82.51万吨", "1,458.8亿元", "5.4%"],
        "en": ["1.52 trillion yuan", "825,100 t", "145.88 billion yuan", "5.4%"],
    }
