"""Targets judged by their named items (issue 15, rule 6): each school, each waterlogging
point reported by name with its state and, where given, its own due date."""

from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.core.explain import add_explanations
from dashboard.core.items import item_table, join_names, split_names, with_name_lists
from dashboard.core.progress import compute_progress
from dashboard.ingest.cells import CellError
from dashboard.ingest.milestones import parse_milestone
from dashboard.present.item_tables import items_count, items_view
from dashboard.present.upload_tables import preview_table
from tests.test_verdicts import PARKING, SCHOOLS, frame, nan

JULY = date(2026, 7, 20)
WATERLOGGING = {"target_value": 11.0, "unit": "处", "assessment": "items"}


def reports(*rows, target: str = "t0") -> pd.DataFrame:
    """(month, item, code, words[, due]) reports of named items of `target`."""
    return pd.DataFrame(
        [
            {
                "entity": "郑州市",
                "year": 2026,
                "id": target,
                "period_start": r[0],
                "period_end": r[0],
                "basis": "item",
                "value": float(r[2]),
                "raw": r[3],
                "item": r[1],
                "item_due": r[4] if len(r) > 4 else None,
                "source_row": k + 2,
            }
            for k, r in enumerate(rows)
        ]
    )


def judged(target: dict, figures: pd.DataFrame, month: int, today: date = JULY) -> dict:
    result = compute_progress(frame(target), figures, month, today=today)
    return add_explanations(result).iloc[0].to_dict()


SIX_SCHOOLS = [
    (6, "一中", 2, "已建成投用"),
    (6, "二中", 1, "主体完工"),
    (6, "三中", 1, "在建"),
    (6, "四中", 0, "暂未开工"),
    (6, "五中", 2, "已完成"),
    (6, "六中", 1, "在建"),
]


def test_schools_on_course_are_counted_and_the_open_ones_named():
    r = judged(SCHOOLS, reports(*SIX_SCHOOLS), 6)
    assert (r["status"], r["status_label_zh"], r["status_label_en"]) == (
        "on_track",
        "正常推进",
        "On schedule",
    )
    assert (r["actual"], r["items_total"], r["items_done"], r["items_overdue"]) == (2, 6, 2, 0)
    assert r["items_open"] == "二中；三中；四中；六中"
    assert nan(r["time_share_pct"]) and nan(r["required_pace"])
    assert r["explanation_zh"] == (
        "截至6月，清单所列6所中已完成2所，占全年目标的33.3%（按项目逐个评估，8月底前考核），"
        "尚未完成：二中、三中、四中、六中"
    )
    assert r["explanation_en"] == (
        "Jun: 2 of the 6 schools listed done, 33.3% of the annual target (items judged one "
        "by one, assessed by end of Aug); still open: 二中, 三中, 四中, 六中"
    )


def test_an_overdue_item_the_others_can_make_up_is_a_warning():
    rows = [*SIX_SCHOOLS, (6, "七中", 1, "在建")]
    rows[3] = (6, "四中", 0, "暂未开工", date(2026, 5, 31))  # due in May, not started
    r = judged(SCHOOLS, reports(*rows), 6)
    assert (r["status"], r["status_label_zh"], r["verdict_reason"]) == (
        "at_risk",
        "项目逾期",
        "items_overdue",
    )
    assert (r["items_overdue"], r["items_overdue_names"]) == (1, "四中")
    assert r["explanation_zh"].endswith(
        "尚未完成：二中、三中、四中、六中、七中（其中已逾期：四中）"
    )


def test_overdue_items_the_rest_cannot_make_up_are_behind():
    rows = list(SIX_SCHOOLS)
    rows[3] = (6, "四中", 0, "暂未开工", date(2026, 5, 31))
    r = judged(SCHOOLS, reports(*rows), 6)
    assert (r["status"], r["status_label_zh"]) == ("off_track", "项目逾期")
    assert r["explanation_zh"].endswith(
        "尚未完成：二中、三中、四中、六中（其中已逾期：四中），其余在建项目已不足以完成目标"
    )
    assert r["explanation_en"].endswith(
        "still open: 二中, 三中, 四中, 六中 (overdue: 四中); the items still on course "
        "cannot make up the target"
    )


def test_a_list_shorter_than_the_target_is_a_warning():
    r = judged(WATERLOGGING, reports((6, "京广路", 2, "已完成"), (6, "陇海路", 1, "施工中")), 6)
    assert (r["status"], r["status_label_zh"], r["status_label_en"]) == (
        "at_risk",
        "清单不足",
        "Too few items listed",
    )
    assert r["explanation_zh"] == (
        "截至6月，清单所列2处中已完成1处，占全年目标的9.1%（按项目逐个评估，年底考核），"
        "尚未完成：陇海路，清单仅列2处，少于目标11处"
    )


def test_enough_items_done_is_achieved_whatever_the_month():
    r = judged(PARKING, reports((3, "东区停车场", 2, "建成投用"), (3, "西区停车场", 1, "在建")), 3)
    assert (r["status"], r["status_label_zh"], r["actual"]) == ("achieved", "已完成", 1.0)
    assert r["explanation_zh"] == (
        "截至3月，清单所列2个中已完成1个，占目标下限的100.0%，尚未完成：西区停车场"
    )


def test_at_the_assessment_date_the_target_is_missed_and_the_open_items_named():
    rows = [
        (9, name, 2 if name != "四中" else 1, "已完成" if name != "四中" else "在建")
        for _, name, *_ in SIX_SCHOOLS
    ]
    r = judged(SCHOOLS, reports(*rows), 9, today=date(2026, 10, 20))
    assert (r["status"], r["status_label_zh"]) == ("off_track", "未完成")
    assert r["explanation_zh"] == (
        "前三季度累计完成5所，完成目标的83.3%，未按期（8月底）完成，差1所，尚未完成：四中"
    )


def test_an_item_done_after_its_due_date_is_done_late_and_counts():
    rows = [
        (6, "一中", 1, "在建", date(2026, 6, 30)),
        (7, "一中", 1, "在建"),  # the due date given once stays the item's
        (8, "一中", 2, "已建成"),
        (8, "二中", 2, "已完成"),
    ]
    items = item_table(frame(SCHOOLS), reports(*rows), 8)
    assert items[["item", "state", "done_month", "due_month"]].values.tolist() == [
        ["一中", "done_late", 8.0, 6.0],
        ["二中", "done", 8.0, 8.0],
    ]
    assert items["overdue_months"].isna().tolist() == [False, True]
    first = items.iloc[0]
    assert (first["state"], first["overdue_months"], first["due_date"]) == (
        "done_late",
        2.0,
        date(2026, 6, 30),
    )
    assert items.iloc[1]["due_date"] == date(2026, 8, 31)  # the target's assessment date
    history = item_table(frame(SCHOOLS), reports(*rows), 7)
    assert history["state"].tolist() == ["overdue"]  # in July, one overdue month kept


def test_an_item_without_any_date_is_due_at_year_end_or_its_targets_due_date():
    rows = reports((3, "甲", 1, "在建"))
    assert item_table(frame(WATERLOGGING), rows, 3).iloc[0]["due_date"] == date(2026, 12, 31)
    dated = {**WATERLOGGING, "due_date": date(2026, 10, 31)}
    assert item_table(frame(dated), rows, 3).iloc[0]["due_date"] == date(2026, 10, 31)


def test_a_list_not_updated_is_an_overdue_report_like_any_figure():
    monthly = {**WATERLOGGING, "frequency": "monthly"}
    r = judged(monthly, reports((3, "京广路", 1, "施工中")), 10, today=date(2026, 11, 26))
    assert (r["status"], r["status_label_zh"]) == ("overdue_report", "未报送")
    assert r["explanation_zh"].startswith("1—10月数据未报送，最新截至3月，清单所列1处中已完成0处")


def test_named_items_leave_other_targets_as_they_were():
    targets = frame(SCHOOLS, {"target_value": 3000.0})
    flows = pd.DataFrame(
        [
            {
                "entity": "郑州市",
                "year": 2026,
                "id": "t1",
                "period_start": 1,
                "period_end": 6,
                "basis": "ytd",
                "value": 1400.0,
                "raw": "1400",
            }
        ]
    )
    alone = compute_progress(targets, flows, 6, today=JULY).iloc[1]
    both = compute_progress(targets, pd.concat([flows, reports(*SIX_SCHOOLS)]), 6, today=JULY).iloc[
        1
    ]
    assert (both["status"], both["gap_pp"], both["actual"]) == (
        alone["status"],
        alone["gap_pp"],
        alone["actual"],
    )
    assert nan(both["items_total"]) and both["items_open"] is None


def test_the_item_list_reads_in_both_languages():
    rows = [(6, "一中", 2, "已建成投用"), (6, "四中", 0, "暂未开工", date(2026, 5, 31))]
    items = item_table(frame(SCHOOLS), reports(*rows), 6)
    zh = items_view(items, "zh")
    assert list(zh.columns) == ["项目", "状态", "报送的进展", "最近报送", "完成时限", "完成月份"]
    assert zh.values.tolist() == [
        ["一中", "已完成", "已建成投用", "6月", "8月底", "6月"],
        ["四中", "已逾期", "暂未开工", "6月", "5月底", ""],
    ]
    en = items_view(items, "en")
    assert en.values.tolist()[1] == ["四中", "Overdue", "暂未开工", "Jun", "end of May", ""]


def test_the_upload_preview_shows_each_item_with_its_state():
    figures = reports((6, "一中", 2, "已建成投用"), (6, "四中", 0, "0", date(2026, 5, 31)))
    figures = figures.assign(change=["new", "revision"], previous=[None, 1.0])
    table = preview_table(figures, frame(SCHOOLS), "zh")
    assert table.columns.tolist() == [
        "行",
        "指标",
        "项目",
        "时期",
        "数值",
        "完成时限",
        "同时公布的数据",
        "类型",
    ]
    assert table.drop(columns=["指标"]).values.tolist() == [
        [2, "一中", "2026 6月", "已完成（已建成投用）", "", "", "新增"],
        [3, "四中", "2026 6月", "未启动", "2026-05-31", "", "修订 推进中 → 未启动"],
    ]


def test_a_state_given_as_a_code_shows_no_words():
    rows = reports((6, "一中", 2, "2.0"), (6, "二中", 1, "在建"))
    assert item_table(frame(SCHOOLS), rows, 6)["words"].tolist() == [None, "在建"]
    table = preview_table(rows.assign(change="new"), frame(SCHOOLS), "en")
    assert table["Value"].tolist() == ["Done", "In progress (在建)"]


def test_each_item_keeps_its_own_latest_words_whatever_the_row_order():
    rows = reports(
        (6, "一中", 1, "在建"),
        (6, "二中", 0, "未开工"),
        (7, "二中", 1, "主体施工"),
        (7, "一中", 2, "建成投用"),
    )
    items = item_table(frame(SCHOOLS), rows, 7)
    assert items[["item", "code", "words", "state"]].values.tolist() == [
        ["一中", 2.0, "建成投用", "done"],
        ["二中", 1.0, "主体施工", "in_progress"],
    ]


def test_a_withdrawn_item_leaves_the_list_from_that_report_on():
    rows = [*SIX_SCHOOLS, (6, "二中学", 1, "在建"), (7, "二中学", 3, "已撤销（重复填报）")]
    june = judged(SCHOOLS, reports(*rows), 6)
    assert (june["items_total"], june["items_done"]) == (7, 2)
    r = judged(SCHOOLS, reports(*rows), 7)
    assert (r["status"], r["items_total"], r["items_done"], r["items_overdue"]) == (
        "on_track",
        6,
        2,
        0,
    )
    assert r["items_open"] == "二中；三中；四中；六中"
    items = item_table(frame(SCHOOLS), reports(*rows), 7)
    assert items[["item", "state", "words"]].values.tolist()[-1] == [
        "二中学",
        "withdrawn",
        "已撤销（重复填报）",
    ]
    zh = items_view(items, "zh").values.tolist()[-1]
    assert zh == ["二中学", "已撤销", "已撤销（重复填报）", "7月", "8月底", ""]
    assert items_view(items, "en").values.tolist()[-1][1] == "Withdrawn"
    assert items_count(items, "zh") == "共6项，已完成2项，逾期0项"


def test_a_withdrawn_item_never_counts_as_done_or_overdue_and_can_be_listed_again():
    rows = [
        (6, "一中", 2, "已建成"),
        (6, "二中", 0, "未开工", date(2026, 5, 31)),
        (7, "一中", 3, "取消"),
        (7, "二中", 3, "不再实施"),
    ]
    r = judged(WATERLOGGING, reports(*rows), 7)
    assert (r["items_total"], r["items_done"], r["items_overdue"], r["items_open"]) == (
        0,
        0,
        0,
        None,
    )
    assert item_table(frame(WATERLOGGING), reports(*rows), 7)["state"].tolist() == [
        "withdrawn",
        "withdrawn",
    ]
    again = reports(*rows, (8, "一中", 2, "已建成"))
    assert item_table(frame(WATERLOGGING), again, 8)["state"].tolist() == ["done", "withdrawn"]
    assert judged(WATERLOGGING, again, 8)["items_done"] == 1


def test_the_upload_preview_names_a_withdrawal():
    figures = reports((7, "二中学", 3, "已撤销")).assign(change=["revision"], previous=[1.0])
    table = preview_table(figures, frame(SCHOOLS), "zh")
    assert table["数值"].tolist() == ["已撤销"]
    assert table["类型"].tolist() == ["修订 推进中 → 已撤销"]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("已撤销", 3),
        ("取消", 3),
        ("项目已取消", 3),
        ("不再实施（并入二中）", 3),
        ("Withdrawn", 3),
        ("cancelled", 3),
        ("暂未开工", 0),
        ("已建成投用", 2),
    ],
)
def test_withdrawal_words_are_read_for_items_only(words, code):
    assert parse_milestone(words, "", item=True) == code
    if code == 3:
        with pytest.raises(CellError) as err:
            parse_milestone(words, "")
        assert err.value.key == "cell.withdrawn_not_item"


@given(st.lists(st.text(alphabet="甲；「」、,a ", min_size=1, max_size=6), min_size=1, max_size=5))
def test_names_joined_in_one_cell_split_back_exactly(names):
    assert split_names(join_names(names)) == names


def test_a_name_holding_the_separators_is_one_item_in_every_word():
    rows = [
        (6, "一中；二中合建校区", 1, "在建"),
        (6, "新建、改扩建三中", 0, "未开工"),
        (6, "「四中」", 2, "已完成"),
    ]
    r = judged(SCHOOLS, reports(*rows), 6)
    assert r["items_open"] == "「一中；二中合建校区」；新建、改扩建三中"
    assert split_names(r["items_open"]) == ["一中；二中合建校区", "新建、改扩建三中"]
    listed = with_name_lists(pd.DataFrame([r]))  # what JSON output writes
    assert listed["items_open"].tolist() == [["一中；二中合建校区", "新建、改扩建三中"]]
    assert listed["items_overdue_names"].tolist() == [[]]
    assert "尚未完成：一中；二中合建校区、「新建、改扩建三中」，" in r["explanation_zh"]
    assert "still open: 一中；二中合建校区, 新建、改扩建三中;" in r["explanation_en"]
    assert split_names(join_names(["「四中」"])) == ["「四中」"]


def test_an_item_due_this_month_waits_for_this_months_report():
    # 二中 due 10月底, September said 在建: on 31 October (and 1 November) October's report
    # may yet say done; a report for October saying 在建 makes it overdue at once
    target = {**WATERLOGGING, "target_value": 2.0}
    rows = [(9, "一中", 2, "已建成"), (9, "二中", 1, "在建", date(2026, 10, 31))]
    for today in (date(2026, 10, 31), date(2026, 11, 1)):
        r = judged(target, reports(*rows), 10, today=today)
        assert (r["status"], r["items_overdue"]) == ("on_track", 0)
    r = judged(target, reports(*rows, (10, "二中", 1, "在建")), 10, today=date(2026, 11, 1))
    assert (r["status"], r["status_label_zh"], r["items_overdue_names"]) == (
        "off_track",
        "项目逾期",
        "二中",
    )
    r = judged(target, reports(*rows), 11, today=date(2026, 11, 26))
    assert (r["status"], r["items_overdue_names"]) == ("overdue_report", "二中")
