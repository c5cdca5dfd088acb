"""The hand-labelled reports of bench/labels: well formed, and Hefei 2026 read clause by clause.

The report texts themselves are kept with the shared reference reports (not in this
repository); bench/proposal_accuracy.py scores the whole texts. Here each labelled clause of
Hefei's 2026 work report is proposed on its own, which needs no text but the label's.
"""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.ingest.proposal import propose

LABELS = Path(__file__).resolve().parents[1] / "bench" / "labels"
HEADER = [
    "report",
    "row",
    "sentence",
    "name_zh",
    "kind",
    "comparator",
    "value",
    "value_high",
    "unit",
    "due",
    "notes",
]
COMPARATORS = {"exactly", "at_least", "at_most", "about", "range", "maintain", "decrease"}
COMPARATORS |= {"milestone"}
KINDS = {"growth_rate", "count", "amount", "share", "level", "milestone"}

# Clauses whose name comes from the words around them in the report (a verb carried over a
# list, a subject earlier in the sentence): alone they are read with the name given here.
NAMED_BY_CONTEXT = {
    24: "专精特新“小巨人”",
    26: "千亿企业",
    43: "集聚企业",
    44: "拓展示范场景",
    53: "营收",
    58: "综合收入",
    63: "营收增长",
    79: "保持",
    82: "口袋体育公园",
    85: "绿地",
    88: "新型储能电站装机规模",
    104: "设施畜牧",
    108: "省级和美乡村中心村",
    115: "营收增长",
    118: "知名赛事",
    121: "省级旅游休闲街区",
}


def label_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == HEADER, path.name
        return list(reader)


HEFEI = label_rows(LABELS / "hefei_2026.csv")


@pytest.mark.parametrize("path", sorted(LABELS.rglob("*.csv")), ids=lambda p: p.name)
def test_label_files_are_well_formed(path):
    rows = label_rows(path)
    assert [int(r["row"]) for r in rows] == list(range(1, len(rows) + 1))
    assert len({r["report"] for r in rows}) == 1
    for r in rows:
        assert r["comparator"] in COMPARATORS and r["kind"] in KINDS, r
        assert r["sentence"] and r["name_zh"], r
        if r["value"]:
            assert Decimal(r["value"]) >= 0 and r["unit"], r
        assert bool(r["value_high"]) == (r["comparator"] == "range"), r
        if r["due"]:
            date.fromisoformat(r["due"])


def test_hefei_2026_labels_count_the_report_s_targets():
    assert len(HEFEI) == 136
    assert sum(1 for r in HEFEI if r["notes"].startswith("scope:")) == 7
    assert [r["sentence"] for r in HEFEI[:6]] == [
        "地区生产总值增长5.5%以上",
        "规模以上工业增加值增长10%以上",
        "固定资产投资增长2%",
        "一般公共预算收入增长2%左右",
        "社会消费品零售总额增长4%左右",
        "居民消费价格涨幅2%左右",
    ]


def read_alone(row: dict) -> list[tuple]:
    """What each target proposed from the label's clause alone reads as."""
    found = propose(row["sentence"] + "。", 2026).targets
    return [
        (
            t.target_value if t.target_value is not None else t.target_low,
            t.target_high,
            t.unit,
            t.comparator,
            t.name_zh,
        )
        for t in found
    ]


def labelled(row: dict, name: str) -> tuple:
    high = Decimal(row["value_high"]) if row["value_high"] else None
    return (Decimal(row["value"]), high, row["unit"], row["comparator"], name)


@pytest.mark.parametrize("row", HEFEI, ids=lambda r: r["row"])
def test_each_hefei_2026_clause_alone_reads_as_labelled(row):
    name = NAMED_BY_CONTEXT.get(int(row["row"]), row["name_zh"])
    assert labelled(row, name) in read_alone(row)


XIAN = label_rows(LABELS / "xian_2026.csv")
# Xi'an 2026: clauses that are read from the words around them (a verb or a tail shared by
# a list, a subject earlier in the sentence), and two the rules still miss (people counted
# by their noun: 1.3万农民工, 8.54万农村群众).
XIAN_CONTEXT = {23, 24, 25, 31, 34, 36, 37, 40, 41, 52, 57, 58, 64, 65, 66, 69, 74, 78}
XIAN_CONTEXT |= {84, 85, 86, 88}
XIAN_MISSED = {96, 97}


def test_xian_2026_labels_count_the_report_s_targets():
    assert len(XIAN) == 97
    assert [r["name_zh"] for r in XIAN[5:7]] == [
        "城镇居民人均可支配收入增长",
        "农村居民人均可支配收入增长",
    ]
    assert {int(r["row"]) for r in XIAN if "为民实事" in r["notes"]} == {31}


@pytest.mark.parametrize(
    "row",
    [r for r in XIAN if int(r["row"]) not in XIAN_CONTEXT | XIAN_MISSED],
    ids=lambda r: r["row"],
)
def test_each_self_contained_xian_2026_clause_reads_as_labelled(row):
    assert labelled(row, row["name_zh"]) in read_alone(row)


@pytest.mark.parametrize("number", sorted(XIAN_MISSED))
def test_people_counted_by_their_noun_are_still_missed(number):
    # A known gap, kept visible: when the rules learn it, move these rows out of XIAN_MISSED.
    assert propose(XIAN[number - 1]["sentence"] + "。", 2026).targets == ()
