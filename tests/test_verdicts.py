"""Analyst cases (issue 15): the verdicts a statistics bureau would sign.

Each case is a target, its figures, an as-of month and a clock; the expected status,
numbers and sentences are what an analyst writes in a monthly bulletin. The rules and their
sources are in docs/judgement-rules.md.
"""

import math
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.explain import add_explanations
from dashboard.core.progress import compute_progress, milestone_history
from dashboard.core.settings import Thresholds

BASE = {
    "entity": "郑州市",
    "year": 2026,
    "section": "s",
    "department": "d",
    "name_zh": "指标",
    "name_en": "Indicator",
    "kind": "count",
    "comparator": "exactly",
    "direction": "higher",
    "target_value": 3000.0,
    "target_low": None,
    "target_high": None,
    "unit": "个",
    "frequency": "monthly",
    "measure": "ytd",
    "due_date": None,
    "tolerance_pp": None,
    "assessment": "linear",
    "publication_lag": 1,
}
TODAY = date(2026, 11, 26)
YEAR_END = date(2027, 1, 25)

CHARGERS = {}
GROWTH = {
    "kind": "growth",
    "unit": "%",
    "frequency": "monthly_from_feb",
    "measure": "ytd_growth",
    "assessment": "rate",
}
INDUSTRY = {**GROWTH, "comparator": "about", "target_value": 8.5}
SHARE = {
    "kind": "share",
    "comparator": "at_least",
    "target_value": 60.0,
    "unit": "%",
    "measure": "level",
    "assessment": "rate",
}
ENERGY = {
    "kind": "growth",
    "comparator": "decrease",
    "direction": "lower",
    "target_value": 4.0,
    "unit": "%",
    "frequency": "annual",
    "measure": "level",
    "assessment": "year_end",
    "publication_lag": 6,
}
GRAIN_AREA = {
    "kind": "amount",
    "comparator": "at_least",
    "target_value": 446.0,
    "unit": "万亩",
    "frequency": "annual",
    "measure": "level",
    "assessment": "year_end",
    "publication_lag": 2,
}
MILESTONE = {
    "kind": "milestone",
    "comparator": "milestone",
    "target_value": None,
    "unit": "",
    "frequency": "event",
    "measure": "status",
    "assessment": "milestone",
    "due_date": date(2026, 12, 31),
}
DRINKING = {
    "kind": "share",
    "comparator": "maintain",
    "target_value": 100.0,
    "unit": "%",
    "measure": "level",
    "assessment": "every_period",
}


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{**BASE, "id": f"t{i}", **r} for i, r in enumerate(rows)])


def figs(rows) -> pd.DataFrame:
    """(start, end, basis, value[, raw]) for target t0."""
    return pd.DataFrame(
        [
            {
                "entity": "郑州市",
                "year": 2026,
                "id": "t0",
                "period_start": r[0],
                "period_end": r[1],
                "basis": r[2],
                "value": r[3],
                "raw": r[4] if len(r) > 4 else str(r[3]),
            }
            for r in rows
        ],
        columns=["entity", "year", "id", "period_start", "period_end", "basis", "value", "raw"],
    )


def one(target: dict, figures: list, month: int, today: date = TODAY, **kw) -> dict:
    result = compute_progress(frame(target), figs(figures), month, today=today, **kw)
    return add_explanations(result).iloc[0].to_dict()


def nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


# ------------------------------------------------------------------ 1. floors on raw values


def test_share_just_below_its_floor_is_below_not_level():
    r = one(SHARE, [(10, 10, "level", 59.95)], 10)
    assert (r["status"], r["gap_pp"]) == ("at_risk", -0.05)
    assert r["explanation_zh"] == "10月为59.95%，低于目标（60%以上）0.05个百分点"
    assert r["status_label_zh"] == "略低于目标"


def test_share_at_its_floor_meets_it():
    r = one(SHARE, [(10, 10, "level", 60.0)], 10)
    assert (r["status"], r["gap_pp"]) == ("on_track", 0.0)
    assert r["explanation_zh"] == "10月为60%，与目标（60%以上）持平"


def test_grain_area_a_fraction_short_is_not_achieved():
    r = one(GRAIN_AREA, [(12, 12, "level", 445.8)], 12, today=date(2027, 3, 1))
    assert (r["status"], r["completion_pct"]) == ("off_track", 99.96)
    assert (
        r["explanation_zh"]
        == "全年为445.8万亩，为目标（446万亩以上）的99.96%，未达到目标，差0.2万亩"
    )
    assert r["status_label_zh"] == "未达到目标"


def test_at_most_rate_a_fraction_over_is_missed():
    cpi = {**GROWTH, "comparator": "at_most", "direction": "lower", "target_value": 3.0}
    cpi["frequency"] = "monthly"
    r = one(cpi, [(1, 12, "ytd", 3.04)], 12, today=YEAR_END)
    assert (r["status"], r["gap_pp"]) == ("off_track", -0.04)
    assert r["explanation_zh"] == "全年增长3.04%，高于目标（3%以内）0.04个百分点，未达到目标"


def test_range_floor_a_fraction_short_at_year_end():
    t = {
        "kind": "amount",
        "comparator": "range",
        "target_value": None,
        "target_low": 5.0,
        "target_high": 8.0,
        "unit": "亿元",
    }
    r = one(t, [(1, 12, "ytd", 4.99)], 12, today=YEAR_END)
    assert (r["status"], r["completion_pct"]) == ("off_track", 99.8)
    assert r["explanation_zh"] == (
        "全年完成4.99亿元，完成目标下限的99.8%，未完成全年目标，差0.01亿元"
    )


def test_decrease_a_fraction_short_at_year_end():
    r = one(ENERGY, [(12, 12, "level", -3.96)], 12, today=date(2027, 7, 1))
    assert (r["status"], r["gap_pp"]) == ("off_track", -0.04)
    assert r["explanation_zh"] == (
        "全年下降3.96%，降幅低于目标（下降4%以上）0.04个百分点，未达到目标"
    )


def test_maintain_a_fraction_short_is_a_breach():
    r = one(DRINKING, [(m, m, "level", 99.95 if m == 4 else 100.0) for m in range(1, 7)], 6)
    assert (r["status"], r["breach_month"], r["breach_value"]) == ("off_track", 4, 99.95)
    assert r["explanation_zh"] == "4月为99.95%，未达到保持100%的要求，全年已无法挽回"
    assert r["status_label_zh"] == "未达标"


# Property: on every comparator a figure on the wrong side of its bar, however close, is
# never "met" (achieved at year end, on_track for a rate) and a figure on the right side is.
FLOORS = {
    "at_least": (SHARE, 60.0),
    "exactly": ({**GROWTH, "comparator": "exactly", "target_value": 2.0}, 2.0),
    "about": ({**INDUSTRY, "tolerance_pp": 0.5}, 8.0),
    "at_most": (
        {**GROWTH, "comparator": "at_most", "direction": "lower", "target_value": 3.0},
        3.0,
    ),
    "decrease": ({**ENERGY, "frequency": "monthly", "assessment": "rate"}, -4.0),
    "range": (
        {
            "kind": "amount",
            "comparator": "range",
            "target_value": None,
            "target_low": 5.0,
            "target_high": 8.0,
            "unit": "亿元",
        },
        5.0,
    ),
    "maintain": (DRINKING, 100.0),
}


def _figure_for(target: dict, value: float, month: int):
    if target.get("measure", "ytd") in ("ytd_growth", "ytd"):
        return [(1, month, "ytd", value)]
    return [(m, m, "level", value) for m in range(1, month + 1)]


@settings(max_examples=40, deadline=None)
@given(
    comparator=st.sampled_from(sorted(FLOORS)),
    miss=st.floats(0.0001, 0.049),
    month=st.integers(2, 12),
)
def test_a_figure_just_past_the_bar_never_meets_it(comparator, miss, month):
    target, bar = FLOORS[comparator]
    worse = bar + miss if target.get("direction") == "lower" else bar - miss
    r = one(target, _figure_for(target, worse, month), month, today=date(2027, 12, 1))
    assert r["status"] not in ("achieved", "on_track") or r["family"] == "flow"
    if month == 12:
        assert r["status"] != "achieved"


@settings(max_examples=40, deadline=None)
@given(comparator=st.sampled_from(sorted(FLOORS)), over=st.floats(0.0, 0.049))
def test_a_figure_on_or_past_the_bar_meets_it_at_year_end(comparator, over):
    target, bar = FLOORS[comparator]
    better = bar - over if target.get("direction") == "lower" else bar + over
    r = one(target, _figure_for(target, better, 12), 12, today=date(2027, 12, 1))
    assert r["status"] == "achieved"


# ------------------------------------------------------------------ 2. stale figures


def test_a_figure_four_months_old_is_an_overdue_report_against_the_as_of_time_share():
    r = one(CHARGERS, [(1, 6, "ytd", 1500.0)], 10)
    assert r["status"] == "overdue_report"
    assert (r["actual"], r["actual_end"], r["data_lag_months"]) == (1500.0, 6, 4)
    assert (r["completion_pct"], r["time_share_pct"], r["gap_pp"]) == (50.0, 83.3, -33.3)
    assert r["explanation_zh"] == (
        "1—10月数据未报送，最新1—6月累计完成1,500个，占全年目标的50.0%，低于10月序时进度33.3个百分点"
    )
    assert r["explanation_en"] == (
        "Jan–Oct figure not reported; latest Jan–Jun cumulative 1,500 units, 50.0% of the "
        "annual target, 33.3 points behind the October time share (83.3%)"
    )
    assert r["status_label_zh"] == "未报送"


def test_a_figure_not_yet_due_leaves_the_target_judged_on_the_last_one():
    r = one(CHARGERS, [(1, 9, "ytd", 2200.0)], 10, today=date(2026, 11, 10))
    assert (r["status"], r["time_share_pct"], r["gap_pp"]) == ("at_risk", 75.0, -1.7)
    assert nan(r["data_lag_months"])
    assert r["explanation_zh"] == (
        "1—9月累计完成2,200个，占全年目标的73.3%，低于序时进度1.7个百分点，"
        "后3个月需月均完成267个（1—10月数据尚未到报送期）"
    )


def test_the_report_date_is_the_fifteenth_of_the_next_month():
    late = one(CHARGERS, [(1, 9, "ytd", 2200.0)], 10, today=date(2026, 11, 16))
    assert (late["status"], late["gap_pp"]) == ("overdue_report", -10.0)
    assert late["report_due"] == date(2026, 11, 15)
    assert late["explanation_zh"] == (
        "1—10月数据未报送，最新1—9月累计完成2,200个，占全年目标的73.3%，低于10月序时进度10.0个百分点"
    )


# ------------------------------------------------------------------ 3. year end


def test_year_end_short_of_the_target():
    r = one(CHARGERS, [(1, 12, "ytd", 2900.0)], 12, today=YEAR_END)
    assert (r["status"], r["completion_pct"], r["remaining"]) == ("off_track", 96.7, 100.0)
    assert r["explanation_zh"] == "全年完成2,900个，完成目标的96.7%，未完成全年目标，差100个"
    assert r["explanation_en"] == (
        "Full year: 2,900 units, 96.7% of the target; the annual target was missed by 100 units"
    )
    assert r["status_label_zh"] == "未完成"
    assert nan(r["required_pace"])


def test_year_end_target_met():
    r = one(CHARGERS, [(1, 12, "ytd", 3100.0)], 12, today=YEAR_END)
    assert r["status"] == "achieved"
    assert r["explanation_zh"] == "全年完成3,100个，完成目标的103.3%"
    assert r["explanation_en"] == "Full year: 3,100 units, 103.3% of the target; annual target met"


@pytest.mark.parametrize(
    "actual, status, sentence",
    [
        (7.8, "off_track", "全年增长7.8%，低于目标（8.5%左右）0.7个百分点，未达到目标"),
        (9.0, "achieved", "全年增长9.0%，高于目标（8.5%左右）0.5个百分点，达到目标"),
        (
            8.2,
            "achieved",
            "全年增长8.2%，低于目标（8.5%左右）0.3个百分点，在“左右”容差（0.5个百分点）以内，达到目标",
        ),
    ],
)
def test_year_end_growth_rates(actual, status, sentence):
    r = one(INDUSTRY, [(1, 12, "ytd", actual)], 12, today=YEAR_END)
    assert (r["status"], r["explanation_zh"]) == (status, sentence)


def test_annual_indicators_wait_for_their_publication_month():
    energy = one(ENERGY, [], 12, today=YEAR_END)
    assert energy["status"] == "not_assessable"
    assert energy["explanation_zh"] == "全年数据待发布（预计2027年6月发布）"
    assert energy["explanation_en"] == "Full-year figure awaiting release (expected June 2027)"
    assert energy["report_due"] == date(2027, 6, 15)
    grain = one(GRAIN_AREA, [], 12, today=YEAR_END)
    assert grain["explanation_zh"] == "全年数据待发布（预计2027年2月发布）"
    late = one(ENERGY, [], 12, today=date(2027, 7, 1))
    assert (late["status"], late["explanation_zh"]) == ("no_data", "全年数据尚未上报")


def test_december_report_missing_after_its_date():
    r = one(CHARGERS, [(1, 11, "ytd", 2800.0)], 12, today=YEAR_END)
    assert (r["status"], r["time_share_pct"], r["gap_pp"]) == ("overdue_report", 100.0, -6.7)
    assert r["explanation_zh"] == "1—12月数据未报送，最新1—11月累计完成2,800个，占全年目标的93.3%"


def test_december_report_not_yet_due():
    r = one(CHARGERS, [(1, 11, "ytd", 2800.0)], 12, today=date(2027, 1, 10))
    assert (r["status"], r["gap_pp"]) == ("on_track", 1.6)
    assert r["explanation_zh"] == (
        "1—11月累计完成2,800个，占全年目标的93.3%，高于序时进度1.6个百分点，"
        "12月需完成200个（1—12月数据尚未到报送期）"
    )


# ------------------------------------------------------------------ 4. impossible pace


def test_growth_needing_a_quarter_in_december_is_off_track():
    r = one(INDUSTRY, [(1, 11, "ytd", 7.0)], 11)
    assert (r["status"], r["required_pace"]) == ("off_track", 25.0)
    assert r["explanation_zh"] == (
        "1—11月累计增长7.0%，低于目标（8.5%左右）1.5个百分点，"
        "12月需增长25.0%方能完成全年目标（按月份测算），为目前增速的3.6倍，全年目标难以完成"
    )
    assert r["explanation_en"] == (
        "Jan–Nov: cumulative growth 7.0%, 1.5 points below the target (about 8.5%); "
        "25.0% needed in Dec to meet it (weights: months), 3.6 times the pace so far: "
        "the annual target is out of reach"
    )


def test_the_same_shortfall_in_june_is_at_risk():
    r = one(INDUSTRY, [(1, 6, "ytd", 7.0)], 6)
    assert (r["status"], r["required_pace"]) == ("at_risk", 10.0)
    assert r["explanation_zh"] == (
        "1—6月累计增长7.0%，低于目标（8.5%左右）1.5个百分点，"
        "其余月份需增长10.0%方能完成全年目标（按月份测算）"
    )


def test_amount_needing_four_times_its_pace_is_off_track():
    r = one(CHARGERS, [(1, 6, "ytd", 600.0)], 6)
    assert (r["status"], r["gap_pp"], r["required_pace"]) == ("off_track", -30.0, 400.0)
    assert r["explanation_zh"] == (
        "1—6月累计完成600个，占全年目标的20.0%，低于序时进度30.0个百分点，"
        "后6个月需月均完成400个，为1—6月月均的4.0倍，全年目标难以完成"
    )


def test_behind_with_one_period_left_is_off_track():
    r = one(CHARGERS, [(1, 11, "ytd", 2700.0)], 11)
    assert (r["status"], r["gap_pp"], r["required_pace"]) == ("off_track", -1.7, 300.0)
    assert r["explanation_zh"] == (
        "1—11月累计完成2,700个，占全年目标的90.0%，低于序时进度1.7个百分点，12月需完成300个，仅剩1个月"
    )


def test_zero_or_negative_required_growth_means_basically_met():
    r = one(INDUSTRY, [(1, 11, "ytd", 9.5)], 11)
    assert (r["status"], r["required_pace"]) == ("on_track", -2.5)
    assert (
        r["explanation_zh"]
        == "1—11月累计增长9.5%，高于目标（8.5%左右）1.0个百分点，全年目标已基本实现"
    )


def test_pace_multiple_is_a_setting():
    r = one(CHARGERS, [(1, 6, "ytd", 600.0)], 6, thresholds=Thresholds(pace_multiple=5.0))
    assert r["status"] == "at_risk"


# ------------------------------------------------------------------ 5. milestones


def test_a_start_milestone_is_done_when_work_starts():
    start = {**MILESTONE, "done_words": "开工;开工建设"}
    r = one(start, [(3, 3, "level", 2.0, "已开工")], 3, today=date(2026, 4, 20))
    assert (r["status"], r["completed_month"]) == ("achieved", 3)
    assert r["explanation_zh"] == "计划年底完成，截至2026年3月底已完成（已开工）"
    assert r["status_label_zh"] == "已完成"


def test_a_late_completion_is_done_late_and_keeps_its_overdue_months():
    t = {**MILESTONE, "due_date": date(2026, 10, 31)}
    figures = [(9, 9, "level", 1.0), (11, 11, "level", 2.0)]
    overdue = one(t, figures, 10)
    assert (overdue["status"], overdue["status_label_zh"]) == ("off_track", "已逾期")
    # September's report is the latest: October's state is not known, its report is late
    assert overdue["explanation_zh"] == (
        "计划10月底完成，截至2026年9月底推进中，10月进展未报送，已逾期"
    )
    r = one(t, figures, 12, today=YEAR_END)
    assert (r["status"], r["status_label_zh"]) == ("achieved", "逾期完成")
    assert (r["completed_month"], r["overdue_months"]) == (11, 1)
    assert r["explanation_zh"] == "计划10月底完成，11月完成，逾期1个月"
    history = milestone_history(frame(t).iloc[0].to_dict(), figs(figures), 12)
    assert [history[m] for m in (8, 9, 10, 11, 12)] == [
        None,
        "in_progress",
        "overdue",
        "done_late",
        "done_late",
    ]


def test_no_progress_by_the_first_report_is_named():
    r = one(MILESTONE, [], 3, today=date(2026, 4, 20))
    assert (r["status"], r["status_label_zh"]) == ("no_data", "未报送进展")
    assert r["explanation_zh"] == "计划年底完成，截至2026年3月底未报送进展"
    early = one(MILESTONE, [], 1, today=date(2026, 2, 1))
    assert early["status"] == "not_assessable"
    assert early["explanation_zh"] == "计划年底完成，截至2026年1月底暂无进展报告"


def test_milestone_not_done_at_year_end_is_overdue():
    r = one(MILESTONE, [(6, 6, "level", 1.0), (12, 12, "level", 1.0)], 12, today=YEAR_END)
    assert (r["status"], r["status_label_zh"]) == ("off_track", "已逾期")
    assert r["explanation_zh"] == "计划年底完成，截至2026年12月底推进中，已逾期"


def test_milestone_on_schedule_reads_as_such():
    r = one(MILESTONE, [(6, 6, "level", 1.0)], 6, today=date(2026, 7, 20))
    assert (r["status"], r["status_label_zh"]) == ("on_track", "正常推进")


# ------------------------------------------------------------------ 6. lumpy counts


PARKING = {
    "comparator": "range",
    "target_value": None,
    "target_low": 1.0,
    "target_high": 2.0,
    "frequency": "quarterly",
    "assessment": "items",
}


def test_one_or_two_pilot_projects_are_not_judged_on_a_straight_line():
    r = one(PARKING, [(1, 3, "ytd", 0.0)], 3, today=date(2026, 4, 20))
    assert r["status"] == "on_track"
    assert nan(r["time_share_pct"]) and nan(r["gap_pp"]) and nan(r["required_pace"])
    assert r["explanation_zh"] == "一季度累计完成0个，占目标下限的0.0%（按项目逐个评估，年底考核）"
    missed = one(PARKING, [(1, 12, "ytd", 0.0)], 12, today=YEAR_END)
    assert missed["status"] == "off_track"
    assert missed["explanation_zh"] == "全年完成0个，完成目标下限的0.0%，未完成全年目标，差1个"


HEATING = {
    "kind": "amount",
    "target_value": 400.0,
    "unit": "万平方米",
    "assessment": "year_end",
    "assessment_date": date(2026, 11, 15),
}


def test_heating_area_is_judged_before_the_heating_season():
    before = one(HEATING, [(1, 10, "ytd", 250.0)], 10)
    assert (before["status"], before["completion_pct"]) == ("on_track", 62.5)
    assert nan(before["time_share_pct"])
    assert before["explanation_zh"] == (
        "1—10月累计完成250万平方米，占全年目标的62.5%（11月15日前考核，不按序时进度评估）"
    )
    short = one(HEATING, [(1, 11, "ytd", 380.0)], 11, today=date(2026, 12, 20))
    assert short["status"] == "off_track"
    assert short["explanation_zh"] == (
        "1—11月累计完成380万平方米，完成目标的95.0%，未按期（11月15日）完成，差20万平方米"
    )
    done = one(HEATING, [(1, 11, "ytd", 400.0)], 11, today=date(2026, 12, 20))
    assert done["status"] == "achieved"
    assert done["explanation_zh"] == "1—11月累计完成400万平方米，完成目标的100.0%，已按期完成"


SCHOOLS = {
    "target_value": 6.0,
    "unit": "所",
    "frequency": "quarterly",
    "assessment": "items",
    "assessment_date": date(2026, 8, 31),
}


def test_new_schools_are_judged_at_the_autumn_term():
    h1 = one(SCHOOLS, [(1, 6, "ytd", 2.0)], 6, today=date(2026, 7, 20))
    assert h1["status"] == "on_track"
    assert (
        h1["explanation_zh"]
        == "上半年累计完成2所，占全年目标的33.3%（按项目逐个评估，8月底前考核）"
    )
    q3 = one(SCHOOLS, [(1, 9, "ytd", 5.0)], 9, today=date(2026, 10, 20))
    assert q3["status"] == "off_track"
    assert (
        q3["explanation_zh"] == "前三季度累计完成5所，完成目标的83.3%，未按期（8月底）完成，差1所"
    )


def test_annual_recognitions_are_not_red_in_october():
    leaders = {
        "target_value": 5.0,
        "unit": "家",
        "comparator": "at_least",
        "assessment": "year_end",
    }
    r = one({**leaders, "frequency": "quarterly"}, [(1, 9, "ytd", 1.0)], 10)
    assert r["status"] == "on_track"
    assert r["status_label_zh"] == "正常推进"


# ------------------------------------------------------------------ 7. maintain targets


def test_a_missing_period_of_a_maintain_target_is_named_and_counted():
    r = one(DRINKING, [(1, 1, "level", 100.0), (3, 3, "level", 100.0)], 3, today=date(2026, 4, 20))
    assert (r["status"], r["months_missing"]) == ("overdue_report", 1)
    assert r["explanation_zh"] == "3月为100%，已报送各期均达到保持100%的要求，2月数据未报送"


RIVERS = {**DRINKING, "assessment": "year_end"}


def test_river_sections_warn_monthly_and_are_judged_on_the_year():
    months = [(m, m, "level", 95.0 if m == 5 else 100.0) for m in range(1, 13)]
    may = one(RIVERS, months[:5], 5, today=date(2026, 6, 20))
    assert (may["status"], may["status_label_zh"]) == ("at_risk", "预警")
    assert may["explanation_zh"] == "5月为95%，未达到保持100%的要求（月度预警，按年度考核）"
    june = one(RIVERS, months[:6], 6, today=date(2026, 7, 20))
    assert june["status"] == "on_track"
    assert (
        june["explanation_zh"] == "6月为100%，达到保持100%的要求（5月为95%，月度预警；按年度考核）"
    )
    year = one(RIVERS, months, 12, today=YEAR_END)
    assert (year["status"], year["explanation_zh"]) == (
        "achieved",
        "全年为100%，达到保持100%的要求",
    )


ZERO = {
    "comparator": "maintain",
    "direction": "lower",
    "target_value": 0.0,
    "unit": "户",
    "measure": "level",
    "assessment": "clear_within",
}


def test_zero_employment_households_cleared_within_a_month_are_fine():
    months = [(m, m, "level", 0.0) for m in range(1, 9)] + [(9, 9, "level", 3.0)]
    sept = one(ZERO, months, 9, today=date(2026, 10, 20))
    assert sept["status"] == "on_track"
    assert sept["explanation_zh"] == "9月为3户，须于10月底前清零"
    cleared = one(ZERO, [*months, (10, 10, "level", 0.0)], 10)
    assert cleared["status"] == "on_track"
    assert cleared["explanation_zh"] == "10月为0户，达到动态清零要求（9月3户已于次月清零）"
    stuck = one(ZERO, [*months, (10, 10, "level", 2.0)], 10)
    assert (stuck["status"], stuck["breach_month"], stuck["breach_value"]) == ("off_track", 10, 2.0)
    assert stuck["explanation_zh"] == "9月、10月连续未清零（10月为2户），未达到动态清零要求"


# ------------------------------------------------------------------ 10. tiers


@pytest.mark.parametrize(
    "actual, month, status, gap",
    [
        (2150, 10, "at_risk", -11.6),  # yellow from 10 to 30 points behind (银川, S3)
        (1600, 10, "at_risk", -30.0),  # 53.3 − 83.3: 30 points is still yellow ("含")
        (1590, 10, "off_track", -30.3),  # beyond 30 points: red
    ],
)
def test_warning_bands_follow_published_practice(actual, month, status, gap):
    r = one(
        CHARGERS, [(1, month, "ytd", float(actual))], month, thresholds=Thresholds(pace_multiple=9)
    )
    assert (r["status"], r["gap_pp"]) == (status, gap)


def test_gap_convention_is_a_setting_s5():
    # 1-10月 629.0 of 647.4亿元: the bulletin says 超过时间进度13.8个百分点 (97.16 − 83.33)
    plan = {"kind": "amount", "target_value": 647.4, "unit": "亿元"}
    printed = one(plan, [(1, 10, "ytd", 629.0)], 10)
    assert (printed["completion_pct"], printed["gap_pp"]) == (97.2, 13.9)
    exact = one(plan, [(1, 10, "ytd", 629.0)], 10, thresholds=Thresholds(gap_from="exact"))
    assert (exact["completion_pct"], exact["gap_pp"]) == (97.2, 13.8)
    assert exact["explanation_zh"] == (
        "1—10月累计完成629亿元，占全年目标的97.2%，高于序时进度13.8个百分点，后2个月需月均完成9.2亿元"
    )


def test_published_foreign_investment_example_s4():
    # 实际到资3.73亿美元，完成年度目标的53.3%，低于目标21.7个百分点 (前三季度)
    fdi = {"kind": "amount", "target_value": 7.0, "unit": "亿美元"}
    r = one(fdi, [(1, 9, "ytd", 3.73)], 9, today=date(2026, 10, 20))
    assert (r["completion_pct"], r["time_share_pct"], r["gap_pp"]) == (53.3, 75.0, -21.7)
    assert r["explanation_zh"].startswith(
        "1—9月累计完成3.73亿美元，占全年目标的53.3%，低于序时进度21.7个百分点"
    )


# ------------------------------------------------------------------ 11. words fit the kind


@pytest.mark.parametrize(
    "actual, position, label",
    [(2600.0, "ahead", "超序时"), (2500.0, "level", "达序时"), (2450.0, "behind", "欠序时")],
)
def test_flows_are_ahead_level_or_behind_the_time_share(actual, position, label):
    r = one(CHARGERS, [(1, 10, "ytd", actual)], 10)
    assert (r["time_position"], r["status_label_zh"]) == (position, label)


def test_status_words_in_english():
    assert one(CHARGERS, [(1, 10, "ytd", 2450.0)], 10)["status_label_en"] == "Behind time share"
    assert one(SHARE, [(10, 10, "level", 59.95)], 10)["status_label_en"] == "Slightly below target"


# ------------------------------------------------------------------ 12. words and numbers


def test_growth_rates_always_have_one_decimal():
    up = one({**GROWTH, "comparator": "at_least", "target_value": 5.0}, [(1, 3, "ytd", 9.0)], 3)
    assert up["explanation_zh"].startswith("1—3月累计增长9.0%，高于目标（5%以上）4.0个百分点")
    down = one({**GROWTH, "comparator": "at_least", "target_value": 5.0}, [(1, 3, "ytd", -8.0)], 3)
    assert down["explanation_zh"].startswith("1—3月累计下降8.0%，低于目标（5%以上）13.0个百分点")


def test_half_up_rounding_in_decimal():
    r = one({"kind": "amount", "target_value": 100.0, "unit": "亿元"}, [(1, 3, "ytd", 13.245)], 3)
    assert r["explanation_zh"].startswith("1—3月累计完成13.25亿元")


ECOMMERCE = {
    "kind": "amount",
    "comparator": "at_least",
    "target_value": 1800.0,
    "unit": "亿元",
    "frequency": "quarterly",
}


def test_quarterly_flows_are_paced_in_quarters():
    q3 = one(ECOMMERCE, [(1, 9, "ytd", 1290.0)], 9, today=date(2026, 10, 20))
    assert (q3["required_pace"], q3["pace_period"]) == (510.0, "quarter")
    assert q3["explanation_zh"] == (
        "前三季度累计完成1,290亿元，占全年目标的71.7%，低于序时进度3.3个百分点，四季度需完成510亿元，仅剩1个季度"
    )
    h1 = one(ECOMMERCE, [(1, 6, "ytd", 800.0)], 6, today=date(2026, 7, 20))
    assert (h1["status"], h1["required_pace"]) == ("at_risk", 500.0)
    assert h1["explanation_zh"] == (
        "上半年累计完成800亿元，占全年目标的44.4%，低于序时进度5.6个百分点，后2个季度需季均完成500亿元"
    )


def test_counts_of_whole_things_in_whole_units():
    schools = {"target_value": 6.0, "unit": "所"}
    r = one(schools, [(1, 9, "ytd", 4.0)], 9, today=date(2026, 10, 20))
    assert r["explanation_zh"].endswith("，尚需完成2所")
    piles = one(CHARGERS, [(1, 9, "ytd", 2131.0)], 9, today=date(2026, 10, 20))
    assert piles["required_pace"] == 290.0
    assert piles["explanation_zh"].endswith("后3个月需月均完成290个")


def test_single_months_are_named_as_such():
    level = one({"measure": "level", "comparator": "at_least"}, [], 3, today=date(2026, 4, 20))
    assert (level["status"], level["explanation_zh"]) == ("no_data", "3月数据尚未上报")
    ytd = one({"frequency": "monthly_from_feb"}, [], 2, today=date(2026, 3, 20))
    assert ytd["explanation_zh"] == "1—2月数据尚未上报"


def test_english_sentence_with_english_units():
    r = one({"kind": "amount", "target_value": 110.0, "unit": "万吨"}, [(1, 10, "ytd", 83.51)], 10)
    assert r["explanation_en"].startswith(
        "Jan–Oct cumulative 835,100 t, 75.9% of the annual target, "
        "7.4 points behind the time share (83.3%)"
    )
    one_month = one(CHARGERS, [(1, 9, "ytd", 2200.0)], 10, today=date(2026, 11, 10))
    assert one_month["explanation_en"].endswith(
        "; 267 units a month needed for the remaining 3 months (the Jan–Oct figure is not due yet)"
    )


def test_english_sentences_begin_with_a_capital():
    gdp = {**GROWTH, "comparator": "at_least", "target_value": 5.0, "frequency": "quarterly"}
    r = one(gdp, [(1, 9, "ytd", 5.2)], 12, today=YEAR_END)
    assert r["status"] == "overdue_report"
    assert r["explanation_en"].startswith("Full year figure not reported; latest Q1–Q3: ")
    assert r["explanation_zh"].startswith("全年数据未报送，最新前三季度累计增长5.2%")


# ------------------------------------------------------------------ pages and settings


def test_detail_page_keeps_a_late_milestones_overdue_months():
    from dashboard.present.detail_tables import milestone_months

    t = {**MILESTONE, "due_date": date(2026, 10, 31)}
    figures = figs([(9, 9, "level", 1.0), (11, 11, "level", 2.0)])
    r = add_explanations(compute_progress(frame(t), figures, 12, today=YEAR_END)).iloc[0]
    assert milestone_months(r.to_dict(), figures, "zh") == (
        "9月 推进中 · 10月 已逾期 · 11月 逾期完成 · 12月 逾期完成"
    )
    assert milestone_months(r.to_dict(), figures, "en").startswith("Sep in progress · Oct overdue")


def test_thresholds_are_a_deployment_setting(tmp_path):
    from dashboard.core.settings import BadSettings, thresholds_from_toml

    th = thresholds_from_toml("[thresholds]\namount_at_risk_pp = 10.0\ngap_from = 'exact'\n")
    assert (th.amount_at_risk_pp, th.gap_from, th.pace_multiple) == (10.0, "exact", 2.0)
    r = one(CHARGERS, [(1, 10, "ytd", 2150.0)], 10, thresholds=th)
    assert r["status"] == "off_track"  # 11.7 points behind: red under a 10-point band
    with pytest.raises(BadSettings):
        thresholds_from_toml("[thresholds]\nyellow = 3\n")
    with pytest.raises(BadSettings):
        thresholds_from_toml("[thresholds]\ngap_from = 'printed'\n")


# ------------------------------------------------------------------ audit (verdicts helper)


def test_a_stale_figure_names_the_report_that_is_late_not_the_as_of_month():
    # November's figure is due 15 December: on 26 November what is late is 1—10月 (due 15
    # November), judged against October's time share (83.3%), not November's (91.7%)
    r = one(CHARGERS, [(1, 7, "ytd", 1800.0)], 11, today=date(2026, 11, 26))
    assert (r["status"], r["expected_end"], r["report_due"]) == (
        "overdue_report",
        10,
        date(2026, 11, 15),
    )
    assert (r["time_share_pct"], r["gap_pp"], r["data_lag_months"]) == (83.3, -23.3, 3)
    assert r["explanation_zh"] == (
        "1—10月数据未报送，最新1—7月累计完成1,800个，占全年目标的60.0%，低于10月序时进度23.3个百分点"
    )
    assert r["explanation_en"].startswith("Jan–Oct figure not reported; latest Jan–Jul")
    assert r["explanation_en"].endswith("behind the October time share (83.3%)")


def test_a_stale_kept_level_names_the_late_month_not_the_as_of_month():
    rows = [(m, m, "level", 100.0) for m in range(1, 8)]
    r = one(DRINKING, rows, 11, today=date(2026, 11, 26))
    assert (r["status"], r["months_missing"], r["expected_end"]) == ("overdue_report", 3, 10)
    assert r["explanation_zh"] == (
        "10月数据未报送，最新7月为100%，已报送各期均达到保持100%的要求，8月等3期数据未报送"
    )


@pytest.mark.parametrize(
    ("target", "figures", "month"),
    [
        (ENERGY, [(1, 12, "level", -4.0)], 12),  # 下降4.0% against 下降4%以上
        (DRINKING, [(m, m, "level", 100.0) for m in range(1, 11)], 10),
        (
            {**DRINKING, "kind": "level", "unit": "类", "direction": "lower", "target_value": 2.0},
            [(m, m, "level", 2.0) for m in range(1, 11)],
            10,
        ),
    ],
)
def test_a_figure_exactly_on_a_lower_bar_has_a_gap_of_plain_zero(target, figures, month):
    r = one(target, figures, month, today=date(2027, 7, 25))
    assert r["status"] in ("achieved", "on_track")
    assert r["gap_pp"] == 0.0 and math.copysign(1.0, r["gap_pp"]) == 1.0  # never "-0.0"


BONDED_ZONE = {**MILESTONE, "due_date": date(2026, 10, 31)}  # 新郑综保区: 10月底


@pytest.mark.parametrize("today", [date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 15)])
def test_a_milestone_on_its_due_date_waits_for_the_due_months_report(today):
    # September said 推进中; October's report (due 15 November) may yet say done
    r = one(BONDED_ZONE, [(9, 9, "level", 1.0, "推进中")], 10, today=today)
    assert (r["status"], r["status_label_zh"]) == ("on_track", "正常推进")
    assert r["explanation_zh"] == "计划10月底完成，截至2026年9月底推进中（10月进展尚未到报送期）"
    assert r["explanation_en"] == (
        "Due end of Oct 2026; as of end of Sep: in progress (the Oct report is not due yet)"
    )


def test_a_milestone_past_its_due_date_with_the_due_months_report_missing_is_overdue():
    r = one(BONDED_ZONE, [(9, 9, "level", 1.0, "推进中")], 11, today=date(2026, 11, 26))
    assert (r["status"], r["status_label_zh"], r["data_lag_months"]) == ("off_track", "已逾期", 1)
    assert r["explanation_zh"] == "计划10月底完成，截至2026年9月底推进中，10月进展未报送，已逾期"


def test_a_milestone_whose_due_months_report_says_not_done_is_overdue_at_once():
    figures = [(9, 9, "level", 1.0, "推进中"), (10, 10, "level", 1.0, "推进中")]
    r = one(BONDED_ZONE, figures, 10, today=date(2026, 11, 1))
    assert (r["status"], r["status_label_zh"]) == ("off_track", "已逾期")
    assert r["explanation_zh"] == "计划10月底完成，截至2026年10月底推进中，已逾期"


def test_a_milestone_done_a_month_late_reads_done_late():
    figures = [(10, 10, "level", 1.0, "推进中"), (11, 11, "level", 2.0, "已启动运行")]
    r = one(BONDED_ZONE, figures, 12, today=date(2027, 1, 25))
    assert (r["status"], r["status_label_zh"], r["overdue_months"]) == ("achieved", "逾期完成", 1)
    assert r["explanation_zh"] == "计划10月底完成，11月完成，逾期1个月"


@pytest.mark.parametrize(
    ("today", "status"),
    [(date(2026, 11, 15), "on_track"), (date(2026, 11, 16), "overdue_report")],
)
def test_the_report_day_itself_is_in_time(today, status):
    r = one(CHARGERS, [(1, 9, "ytd", 2500.0)], 10, today=today)
    assert (r["status"], r["report_due"]) == (status, date(2026, 11, 15))


@pytest.mark.parametrize(("goal", "actual"), [(0.5, 0.0), (0.0, -0.5)])
def test_growth_needed_after_none_or_a_decline_is_out_of_reach_in_words(goal, actual):
    # 1—9月 growth of 0.0% against 0.5%, or −0.5% against "正增长" (0%以上): the pace
    # ratio is infinite; the explanation crashed on it (Decimal of inf) and took the whole
    # progress run down
    t = {**GROWTH, "comparator": "at_least", "target_value": goal}
    r = one(t, [(1, 9, "ytd", actual)], 9)
    assert (r["status"], r["verdict_reason"]) == ("off_track", "pace_multiple")
    assert r["explanation_zh"].endswith("全年目标难以完成")
    assert r["explanation_en"].endswith("the annual target is out of reach")


ZERO_CAP = {"target_value": 0.0, "comparator": "at_most", "direction": "lower", "unit": "起"}


@pytest.mark.parametrize(
    ("target", "figures", "month", "status", "sentence"),
    [
        (ZERO_CAP, [(1, 10, "ytd", 0.0)], 10, "on_track", "1—10月累计0起，未超过目标（0起以内）"),
        (ZERO_CAP, [(1, 10, "ytd", 2.0)], 10, "off_track", "1—10月累计2起，超过目标（0起以内）"),
        (ZERO_CAP, [(1, 12, "ytd", 0.0)], 12, "achieved", "全年累计0起，未超过目标（0起以内）"),
        (ZERO_CAP, [(1, 12, "ytd", 1.0)], 12, "off_track", "全年累计1起，超过目标（0起以内）"),
        (
            {"target_value": 0.0, "comparator": "at_least"},
            [(1, 10, "ytd", 5.0)],
            10,
            "achieved",
            "1—10月累计5个，已完成全年目标",
        ),
        (
            {**SHARE, **ZERO_CAP, "measure": "level"},
            [(9, 9, "level", 1.0)],
            9,
            "off_track",
            "9月为1起",
        ),
    ],
)
def test_a_target_of_zero_has_no_completion_share(target, figures, month, status, sentence):
    # 安全事故零发生: a share of zero is no number (it was inf, and the explanation crashed)
    r = one(target, figures, month, today=YEAR_END)
    assert (r["status"], r["explanation_zh"]) == (status, sentence)
    assert nan(r["completion_pct"]) and nan(r["gap_pp"])


ZERO_JOBLESS = {
    **DRINKING,
    "kind": "count",
    "target_value": 0.0,
    "unit": "户",
    "direction": "lower",
    "assessment": "clear_within",
}


def test_households_found_in_december_are_cleared_next_january_not_failed():
    rows = [(m, m, "level", 2.0 if m == 12 else 0.0) for m in range(1, 13)]
    r = one(ZERO_JOBLESS, rows, 12, today=YEAR_END)
    assert (r["status"], r["status_label_zh"]) == ("at_risk", "预警")
    assert r["explanation_zh"] == "12月为2户，须于2027年1月底前清零"
    assert r["explanation_en"] == "Dec: 2 households, to be cleared by the end of Jan 2027"


def test_households_not_cleared_within_a_month_stay_a_failure_at_year_end():
    rows = [(m, m, "level", 2.0 if m in (11, 12) else 0.0) for m in range(1, 13)]
    r = one(ZERO_JOBLESS, rows, 12, today=YEAR_END)
    assert (r["status"], r["breach_month"]) == ("off_track", 12)


def test_an_annual_figure_covers_the_year():
    r = one(ENERGY, [(1, 12, "level", -4.2)], 12, today=date(2027, 7, 25))
    assert (r["actual_start"], r["actual_end"], r["status"]) == (1, 12, "achieved")


ROUTES = {
    "comparator": "range",
    "target_value": None,
    "target_low": 5.0,
    "target_high": 8.0,
    "unit": "条",
    "assessment": "year_end",
}


@pytest.mark.parametrize(
    ("actual", "status", "sentence"),
    [
        (4.0, "off_track", "全年完成4条，完成目标下限的80.0%，未完成全年目标，差1条"),
        (5.0, "achieved", "全年完成5条，完成目标下限的100.0%"),
        (8.0, "achieved", "全年完成8条，完成目标下限的160.0%，达到目标上限8条"),
        (9.0, "achieved", "全年完成9条，完成目标下限的180.0%，超过目标上限8条"),
    ],
)
def test_a_range_at_year_end_is_met_at_its_floor_and_exceeded_at_its_ceiling(
    actual, status, sentence
):
    r = one(ROUTES, [(1, 12, "ytd", actual)], 12, today=YEAR_END)
    assert (r["status"], r["explanation_zh"]) == (status, sentence)


def test_a_range_beyond_its_ceiling_says_exceeded_in_english_too():
    r = one(ROUTES, [(1, 12, "ytd", 9.0)], 12, today=YEAR_END)
    assert r["explanation_en"].endswith("; the upper bound (8 items) exceeded")
    r = one(ROUTES, [(1, 12, "ytd", 8.0)], 12, today=YEAR_END)
    assert r["explanation_en"].endswith("; the upper bound (8 items) reached")


@pytest.mark.parametrize(
    ("actual", "month", "today", "sentence"),
    [
        (3.0, 10, date(2026, 11, 20), "1—10月累计3条，已完成全年目标"),
        (5.0, 10, date(2026, 11, 20), "1—10月累计5条，已完成全年目标并达到目标上限5条"),
        (6.0, 10, date(2026, 11, 20), "1—10月累计6条，已完成全年目标并超过目标上限5条"),
        (6.0, 12, YEAR_END, "全年累计6条，已完成全年目标，超过目标上限5条"),
    ],
)
def test_a_range_from_zero_has_no_share_of_its_floor(actual, month, today, sentence):
    """'0-5条': a share of the zero floor printed '占目标下限的—%'."""
    zero = {**ROUTES, "target_value": 0.0, "target_low": 0.0, "target_high": 5.0}
    r = one(zero, [(1, month, "ytd", actual)], month, today=today)
    assert (r["status"], r["explanation_zh"]) == ("achieved", sentence)


def test_a_quarterly_rate_needs_growth_in_the_remaining_quarters_not_months():
    gdp = {**GROWTH, "comparator": "at_least", "target_value": 5.0, "frequency": "quarterly"}
    r = one(gdp, [(1, 3, "ytd", 5.2)], 5, today=date(2026, 6, 10))
    assert (r["status"], r["actual_end"], r["required_pace"]) == ("on_track", 3, 4.9)
    assert r["explanation_zh"] == (
        "一季度累计增长5.2%，高于目标（5%以上）0.2个百分点，其余季度需增长4.9%方能完成全年目标（按月份测算）"
    )


def test_an_annual_figure_is_named_the_full_year_on_the_gauge():
    from dashboard.present.labels import period_of

    r = one(GRAIN_AREA, [(1, 12, "level", 446.5)], 12, today=date(2027, 3, 1))
    assert (period_of(r, "zh"), period_of(r, "en")) == ("全年", "full year")
