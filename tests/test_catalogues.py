"""Catalogues for many years and entities: drafts, checks, saving to data/catalogues/,
the audit log, figures staying with their ids, and surviving a rebuild."""

import json
import shutil
from datetime import datetime

import pandas as pd
import pytest

from dashboard.core.problems import CatalogueError
from dashboard.services import audit_log, catalogues, proposing
from dashboard.services import catalogue_drafts as drafts
from dashboard.services.database import open_store, rebuild
from dashboard.store import catalogue as store_catalogue
from tests.conftest import DATA

REPORT = "新建电动汽车公共充电桩3500个、公共停车位4万个。地区生产总值增长5%以上。"
AT = datetime(2026, 12, 1, 9, 30)


def catalogue_of(ws, entity="郑州市", year=2026) -> pd.DataFrame:
    with open_store(ws) as con:
        return catalogues.catalogue(con, entity, year)


def proposed_rows(text=REPORT, year=2027, entity="郑州市") -> pd.DataFrame:
    keywords = proposing.keyword_table(proposing.Workspace(DATA, DATA / "x.duckdb"))
    return proposing.propose_text(text, year, entity, keywords).rows


def test_accepting_a_proposal_keeps_the_id_of_the_target_it_restates(empty_ws):
    draft = catalogue_of(empty_ws)
    accepted = drafts.accept(draft, proposed_rows(year=2026))
    assert len(accepted) == len(draft) == 90  # all three restate catalogue targets
    chargers = accepted.set_index("id").loc["ev_chargers"]
    assert (chargers["target_value"], chargers["department"]) == ("3500", "市发展改革委")
    assert chargers["source_text"] == "新建电动汽车公共充电桩3500个"
    gdp = accepted.set_index("id").loc["gdp_growth"]
    assert (gdp["target_value"], gdp["comparator"], gdp["name_en"]) == (
        "5",
        "at_least",
        "GDP growth",
    )


def test_new_proposals_get_ids_and_departments_wait_for_a_person(empty_ws):
    draft = drafts.accept(drafts.empty_draft(), proposed_rows())
    assert draft["id"].tolist() == [
        drafts.new_id("新建电动汽车公共充电桩", "新建电动汽车公共充电桩", set()),
        "public_parking_spaces",
        "gdp_growth",
    ]
    assert draft["department"].tolist() == ["", "", ""]
    assert draft[drafts.SUGGESTED].tolist() == ["市发展改革委", "市城市管理局", "市统计局"]
    problems = catalogues.check_draft(draft, "郑州市", 2027)
    assert [p.line() for p in problems] == [
        f"catalogues/郑州市/2027.csv:{line}:department: empty — every row needs this column filled"
        for line in (2, 3, 4)
    ]
    taken = drafts.take_suggestions(draft)
    assert taken["department"].tolist() == ["市发展改革委", "市城市管理局", "市统计局"]
    assert catalogues.check_draft(taken, "郑州市", 2027) == []


def test_a_new_years_proposals_keep_last_years_ids(empty_ws):
    with open_store(empty_ws) as con:
        earlier = catalogues.earlier(con, "郑州市", 2027)
        assert len(earlier) == 90 and len(catalogues.earlier(con, "金水区", 2027)) == 0
    draft = drafts.accept(drafts.empty_draft(), proposed_rows(), earlier)
    assert draft["id"].tolist() == ["ev_chargers", "public_parking", "gdp_growth"]


def test_problems_by_row_and_column_as_when_loading_targets_csv():
    draft = drafts.take_suggestions(drafts.accept(drafts.empty_draft(), proposed_rows()))
    draft.loc[0, "unit"] = "斤两"
    draft.loc[1, "comparator"] = "more"
    draft.loc[2, "id"] = draft.loc[0, "id"]
    lines = [p.line() for p in catalogues.check_draft(draft, "金水区", 2027)]
    assert lines == [
        "catalogues/金水区/2027.csv:2:unit: unknown unit '斤两' — "
        "use a unit such as 亿元, 万吨, 个, %",
        "catalogues/金水区/2027.csv:3:comparator: unknown comparator 'more' — one of: "
        "at_least, about, range, at_most, exactly, decrease, maintain, milestone, qualitative",
        f"catalogues/金水区/2027.csv:4:id: duplicate id {draft.loc[0, 'id']!r} — "
        "already used on line 2 for the same entity/year",
    ]
    assert [p.line() for p in catalogues.check_draft(draft, "a/b", 2027)] == [
        ":0:entity: the entity's name is empty or holds / \\ : * ? or the like — "
        "write a name such as 洛阳市 or 金水区"
    ]


def test_units_reports_write_pass_the_catalogue_check():
    text = (
        "新增光伏装机30万千瓦。实际使用外资10亿美元。筹集保障性租赁住房4万套（间）。"
        "新增养老床位5000张。城镇化率提高1个百分点。开行班列3630班次。"
    )
    draft = drafts.take_suggestions(drafts.accept(drafts.empty_draft(), proposed_rows(text)))
    draft["department"] = "市发展改革委"
    assert draft["unit"].tolist() == ["万千瓦", "亿美元", "万套（间）", "张", "个百分点", "班次"]
    assert catalogues.check_draft(draft, "洛阳市", 2027) == []


def test_merge_keeps_the_first_id_and_the_report_words_of_both():
    draft = drafts.take_suggestions(drafts.accept(drafts.empty_draft(), proposed_rows()))
    first, second = draft["id"][0], draft["id"][1]
    draft.loc[0, "department"] = ""
    merged = drafts.merge(draft, [first, second])
    assert merged["id"].tolist() == [first, "gdp_growth"]
    row = merged.iloc[0]
    assert row["source_text"] == "新建电动汽车公共充电桩3000个 / 公共停车位4万个".replace(
        "3000", "3500"
    )
    assert (row["department"], row["aliases"]) == ("市城市管理局", "新建公共停车位")


def test_carry_over_moves_year_and_due_dates_and_keeps_ids(empty_ws):
    rows = catalogue_of(empty_ws)
    picked = rows[rows["id"].isin(["xinzheng_bonded_zone", "ev_chargers"])]
    carried = drafts.carry_over(picked, 2027)
    assert carried[["id", "year", "due_date"]].values.tolist() == [
        ["xinzheng_bonded_zone", "2027", "2027-10-31"],
        ["ev_chargers", "2027", ""],
    ]


def test_a_draft_keeps_every_digit_of_a_figure():
    """':g' kept six significant digits: a base of 1,552,981万元 was saved as 1.55298e+06."""
    frame = pd.DataFrame(
        {"target_value": [1552981.0, 12345.67, 110.0], "baseline_value": [0.00012, -3.5, None]}
    )
    draft = drafts.as_draft(frame, "郑州市", 2027)
    assert draft["target_value"].tolist() == ["1552981", "12345.67", "110"]
    assert draft["baseline_value"].tolist() == ["0.00012", "-3.5", ""]


def test_new_ids_are_stable_and_unique():
    assert drafts.new_id("地区生产总值增长", "GDP growth", set()) == "gdp_growth"
    assert drafts.new_id("地区生产总值增长", "GDP growth", {"gdp_growth"}) == "gdp_growth_2"
    chinese = drafts.new_id("新增安置面积", "新增安置面积", set())
    assert chinese.startswith("t_") and len(chinese) == 10
    assert chinese == drafts.new_id("新增安置面积", "", set())


def test_save_writes_the_file_loads_it_and_audits_what_changed(sample_ws):
    draft = catalogue_of(sample_ws)
    draft.loc[draft["id"] == "ev_chargers", "target_value"] = "3500"
    with open_store(sample_ws) as con:
        result = catalogues.save(con, sample_ws, draft, "郑州市", 2026, "admin", at=AT)
        stored = store_catalogue.targets(con, 2026, "郑州市").set_index("id")
        log = audit_log.entries(con)
    assert result.saved and result.problems == []
    assert result.path == sample_ws.data_dir / "catalogues" / "郑州市" / "2026.csv"
    assert stored.loc["ev_chargers", "target_value"] == 3500
    assert result.changes == {
        "added": [],
        "removed": [],
        "changed": {"ev_chargers": {"target_value": ["3000", "3500"]}},
    }
    saved = log[log["action"] == "catalogue"].iloc[-1]
    assert (saved["user_name"], saved["outcome"], str(saved["logged_at"])) == (
        "admin",
        "saved",
        "2026-12-01 09:30:00",
    )
    detail = json.loads(saved["detail"])
    assert detail["file"] == "catalogues/郑州市/2026.csv" and detail["targets"] == 90
    assert detail["changed"] == {"ev_chargers": {"target_value": ["3000", "3500"]}}


def test_removing_a_target_with_figures_needs_a_confirmation(sample_ws):
    draft = catalogue_of(sample_ws)
    draft = draft[draft["id"] != "ev_chargers"]
    with open_store(sample_ws) as con:
        refused = catalogues.save(con, sample_ws, draft, "郑州市", 2026, "admin")
        assert not refused.saved and refused.changes["removed"] == ["ev_chargers"]
        assert [(p.severity, p.message) for p in refused.problems] == [
            ("warning", "the removed target 'ev_chargers' has 10 figures")
        ]
        assert not (sample_ws.data_dir / "catalogues").exists()
        done = catalogues.save(con, sample_ws, draft, "郑州市", 2026, "admin", confirmed=True)
        assert done.saved
        assert store_catalogue.figure_counts(con, "郑州市", 2026)["ev_chargers"] == 10


def test_saved_catalogues_survive_a_rebuild_with_their_figures(sample_ws):
    district = drafts.take_suggestions(drafts.accept(drafts.empty_draft(), proposed_rows()))
    with open_store(sample_ws) as con:
        assert catalogues.save(con, sample_ws, district, "金水区", 2027, "admin").saved
        before = catalogues.overview(con)
    sample_ws.db_path.unlink()
    assert rebuild(sample_ws) == []
    with open_store(sample_ws) as con:
        after = catalogues.overview(con)
        counts = store_catalogue.figure_counts(con, "郑州市", 2026)
    pd.testing.assert_frame_equal(before, after)
    assert after[["entity", "year", "targets"]].values.tolist() == [
        ["郑州市", 2026, 90],  # issue 15: four targets added
        ["金水区", 2027, 3],
    ]
    assert counts["ev_chargers"] == 10


def test_a_saved_file_replaces_only_its_entity_and_year(empty_ws):
    folder = empty_ws.data_dir / "catalogues" / "郑州市"
    folder.mkdir(parents=True)
    rows = catalogue_of(empty_ws)
    kept = rows[rows["id"].isin(["gdp_growth", "ev_chargers"])]
    (folder / "2026.csv").write_text(catalogues.to_csv(drafts.catalogue_part(kept)), "utf-8")
    targets, _ = catalogues.read_all(empty_ws)
    assert targets["id"].tolist() == ["gdp_growth", "ev_chargers"]


def test_a_broken_saved_file_is_refused_with_its_lines(empty_ws):
    folder = empty_ws.data_dir / "catalogues" / "洛阳市"
    folder.mkdir(parents=True)
    shutil.copy(empty_ws.targets_csv, folder / "2027.csv")
    with pytest.raises(CatalogueError) as err:
        catalogues.read_all(empty_ws)
    assert len(err.value.problems) == 90
    assert err.value.problems[0].line() == (
        "catalogues/洛阳市/2027.csv:2:entity: this row's entity or year is not the one its "
        "folder and file name say — keep it in catalogues/<entity>/<year>.csv, or correct the row"
    )


def test_keyword_table_is_saved_and_read_back(empty_ws):
    frame = pd.DataFrame(
        {"keyword": ["充电桩", " 货邮 ", "", "充电桩"], "department": ["甲", "乙", "丙", "丁"]}
    )
    with open_store(empty_ws) as con:
        assert proposing.save_keywords(con, empty_ws, frame, "admin") == 2
        entry = audit_log.entries(con).iloc[-1]
    assert proposing.keywords_frame(empty_ws).values.tolist() == [["货邮", "乙"], ["充电桩", "丁"]]
    assert proposing.keyword_table(empty_ws).suggest("机场货邮吞吐量") == "乙"
    assert (entry["action"], entry["outcome"]) == ("department_keywords", "saved")
