"""English words where English is read: magnitudes for figures in 万 and 亿 (core/amounts),
months of file problems, the water class below Ⅴ, catalogue names in message parameters."""

import pandas as pd
import pytest

from dashboard.core.amounts import compared, figures, scale, with_unit
from dashboard.core.explain import value_with_unit
from dashboard.core.messages import Glossed, text
from dashboard.core.periods import short_period
from dashboard.export.tables import export_table
from dashboard.present.overview_tables import department_counts


@pytest.mark.parametrize(
    ("value", "unit", "target", "en"),
    [
        (2.6, "万个", "public_parking", "26,000 parking spaces"),
        (1800.0, "亿元", None, "180 billion yuan"),
        (9.7, "万亩", None, "97,000 mu"),
        (155.2981, "亿元", None, "15.52981 billion yuan"),  # the digits shown, none invented
        (2.5, "万亿元", None, "2.5 trillion yuan"),
        (150.0, "万千瓦", None, "1.5 million kW"),
        (0.05, "万元", None, "500 yuan"),
        (-3.2, "万吨", None, "-32,000 t"),
        (3.0, "万无此物", None, "3 万无此物"),  # a base English lacks stays as written
    ],
)
def test_english_figures_take_the_multiplier(value, unit, target, en):
    assert with_unit(value, unit, "en", target) == en
    assert with_unit(value, unit, "zh", target) == with_unit(value, unit, "zh")


def test_chinese_keeps_the_catalogue_unit():
    assert [with_unit(v, u, "zh") for v, u in [(2.6, "万个"), (1800, "亿元"), (4.8, "%")]] == [
        "2.6万个",
        "1,800亿元",
        "4.8%",
    ]


def test_figures_read_together_share_the_largest_magnitude():
    assert figures([2.6, 3.0], "万个", "en", "public_parking") == (
        ["26,000", "30,000"],
        "parking spaces",
    )
    assert figures([83.51, 110.0], "万吨", "en") == (["0.8351", "1.1"], "million t")
    assert figures([50.0, 1800.0], "亿元", "en") == (["5", "180"], "billion yuan")
    assert figures([2.6, 3.0], "万个", "zh") == (["2.6", "3"], "万个")
    assert figures([float("nan"), 3.0], "万个", "en") == (["—", "30,000"], "units")


def test_scale_values_are_exact_for_charts_and_exports():
    s = scale("万吨", "en", [83.51, 110.0])
    assert (s.value(83.51), s.value(110.0), s.word) == (0.8351, 1.1, "million t")


def test_an_english_export_writes_figures_in_english_magnitudes():
    frame = pd.DataFrame(
        {
            "id": ["public_parking", "gdp"],
            "section": ["稳中求进", "稳中求进"],
            "name_zh": ["新增停车位", "地区生产总值"],
            "name_en": ["New parking spaces", "GDP"],
            "department": ["市城市管理局", "市统计局"],
            "unit": ["万个", "亿元"],
            "target": [3.0, 1800.0],
            "actual": [2.6, 1590.5],
            "required_pace": [0.2, 105.0],
            "status": ["on_track", "on_track"],
            "explanation_zh": ["", ""],
            "explanation_en": ["", ""],
        }
    )
    for col in ("target_low", "target_high", "last_year_actual", "completion_pct"):
        frame[col] = float("nan")
    for col in ("time_share_pct", "gap_pp", "projected", "actual_period"):
        frame[col] = None
    en = export_table(frame, "en")
    assert en[["Unit", "Target", "Actual", "Required pace"]].values.tolist() == [
        ["parking spaces", 30000.0, 26000.0, 2000.0],
        ["billion yuan", 180.0, 159.05, 10.5],
    ]
    zh = export_table(frame, "zh")
    assert zh["单位"].tolist() == ["万个", "亿元"] and zh["实际"].tolist() == [2.6, 1590.5]


def test_file_periods_and_water_classes_are_english_in_english():
    months = [short_period(10, 10), short_period(1, 9)]
    assert [text("figure.repeated", "en", id="gdp", period=p, first=2) for p in months] == [
        "gdp Oct appears again (first on row 2)",
        "gdp Jan–Sep appears again (first on row 2)",
    ]
    assert [text("figure.repeated", "zh", id="gdp", period=p, first=2) for p in months] == [
        "gdp 10月 重复出现（首次在第 2 行）",
        "gdp 1-9月 重复出现（首次在第 2 行）",
    ]
    assert [value_with_unit(c, "类", lang) for c in (2, 6) for lang in ("zh", "en")] == [
        "Ⅱ类",
        "Class Ⅱ",
        "劣Ⅴ类",
        "worse than Class Ⅴ",
    ]


def test_a_place_in_a_file_note_is_named_in_the_glossarys_words():
    place = Glossed("entity", ("郑州市", "某新区"))
    assert text("note.place_chosen", "en", entity=place) == (
        "as you said, these are Zhengzhou, 某新区's figures"
    )
    assert text("note.place_chosen", "zh", entity=place) == "按您的说明，这些是郑州市、某新区的数字"


def test_english_tables_name_departments_in_english():
    progress = pd.DataFrame(
        {
            "department": ["市统计局", "市统计局", "某新部门"],
            "status": ["achieved", "off_track", "no_data"],
        }
    )
    en = department_counts(progress, "en")
    assert en["Department"].tolist() == ["某新部门", "Statistics Bureau"]  # a new one as written
    assert department_counts(progress, "zh")["责任单位"].tolist() == ["某新部门", "市统计局"]


def test_another_places_amount_reads_as_every_other_amount():
    """The nation's GDP beside a growth figure was '296,299.00 亿元' in both languages."""
    params = compared({"value": 296299.0, "base": 15200.0}, "亿元", "gdp_growth")
    words = {
        lang: text("figure.other_place_scale", lang, id="gdp_growth", **params,
                   entity=Glossed("entity", ("郑州市",)))
        for lang in ("zh", "en")
    }  # fmt: skip
    assert words["zh"] == (
        "gdp_growth：同时公布的 296,299亿元 超过郑州市基期全年（15,200亿元）的十倍，"
        "这张表可能是全国、全省或其他地方的"
    )
    assert words["en"].startswith(
        "gdp_growth: the amount published beside it, 29.6299 trillion yuan, is over ten times "
        "Zhengzhou's whole base year (1.52 trillion yuan)"
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", "x 1-9月：修订后的 83.51万吨 与原值 8.351万吨 相差 10 倍以上"),
        (
            "en",
            "x Jan–Sep: the revision 835,100 t is ten times off the value it replaces (83,510 t)",
        ),  # fmt: skip
    ],
)
def test_a_revision_warning_gives_both_figures_with_their_unit(lang, words):
    params = compared({"value": 83.51, "old": 8.351}, "万吨", "x")
    period = short_period(1, 9)
    assert text("figure.tenfold_revision", lang, id="x", period=period, **params) == words


def test_amounts_compared_share_one_magnitude_in_english():
    from dashboard.core.amounts import Amount

    pair = (17900.0, 1790.0)
    assert [Amount(v, "亿元", None, pair).words("en") for v in pair] == [
        "1.79 trillion yuan",
        "0.179 trillion yuan",
    ]
    assert [Amount(v, "亿元").words("en") for v in pair] == [
        "1.79 trillion yuan",
        "179 billion yuan",
    ]
