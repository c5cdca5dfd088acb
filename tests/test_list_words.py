"""Names listed in a sentence or a cell are joined as the reader's language lists them:
'、' in Chinese, ', ' in English (they were joined with '、' where they were worded, so
English read 'a、b'). One case per place that lists names."""

from datetime import date

import pandas as pd
import pytest

from dashboard.core.access import User
from dashboard.core.explain import _names
from dashboard.core.messages import joined
from dashboard.export.pdf import _places
from dashboard.present.admin_tables import accounts_table, detail_words
from dashboard.present.department_tables import missing_view
from dashboard.present.gauges import gauge_cell
from dashboard.present.review_tables import pending_view
from dashboard.services import exporting, review, supervision
from dashboard.services.accounts import _check_role
from dashboard.services.comments import find_target
from dashboard.services.reminders import reminders_of
from dashboard.store import catalogue as store_catalogue
from dashboard.store.schema import ensure_schema
from tests.test_present import row

LANGS = ("zh", "en")


def test_joined_lists_as_each_language_does():
    assert [joined(["a", "b", 3], lang) for lang in LANGS] == ["a、b、3", "a, b, 3"]
    assert joined([], "en") == ""


def _raised(call) -> tuple[str, str]:
    with pytest.raises(Exception) as err:
        call()
    return err.value.text("zh"), err.value.text("en")


def test_an_unknown_department_for_an_account_lists_the_known_ones():
    zh, en = _raised(lambda: _check_role("uploader", ["甲局", "乙局"], ["市商务局", "市统计局"]))
    assert zh == "目录中没有责任单位“乙局、甲局”。可选的责任单位：市商务局、市统计局"
    assert en == (
        "the catalogue has no department 乙局, 甲局. Known departments: 市商务局, 市统计局"
    )
    zh, en = _raised(lambda: _check_role("boss", [], None))
    assert en == "role must be one of viewer, uploader, reviewer, admin"
    assert zh == "角色必须是以下之一：viewer、uploader、reviewer、admin"


def test_a_reviewer_of_other_departments_is_told_whose_upload_it_is():
    user = User("li", "reviewer", frozenset({"市商务局"}))
    upload = {"user_name": "fgw", "upload_id": 3, "departments": "市统计局;市商务局"}
    zh, en = _raised(lambda: review._check(user, upload, "approved", None))
    assert zh == "li 不是市商务局、市统计局的审核人员，也不是管理员"
    assert en == "li is neither a reviewer of Commerce Bureau, Statistics Bureau nor an admin"


def test_a_supervision_item_for_another_department_lists_the_allowed_ones():
    target = {"department": "市统计局", "supporting_departments": "市商务局;"}
    admin = User("ops", "admin")
    zh, en = _raised(
        lambda: supervision.open_item(
            None, None, admin, target, "请说明", date(2099, 1, 1), "市教育局"
        )
    )
    assert zh.endswith("（市商务局、市统计局）")
    assert en.endswith("supporting department of this target (市商务局, 市统计局)")


def test_reminders_for_an_unknown_department_list_the_known_ones():
    progress = pd.DataFrame({"department": ["市统计局", "市商务局", "市统计局"]})
    zh, en = _raised(lambda: reminders_of(None, progress, 2026, 10, date(2026, 11, 20), "市教育局"))
    assert zh.endswith("已知部门：市统计局、市商务局")
    assert en.endswith("Known departments: 市统计局, 市商务局")


def test_a_comment_on_an_id_several_entities_hold_names_them(mem, catalogue):
    ensure_schema(mem)
    both = pd.concat([catalogue, catalogue.assign(entity="金水区")], ignore_index=True)
    store_catalogue.load_targets(mem, both, "two")
    target_id = catalogue["id"].iloc[0]
    zh, en = _raised(lambda: find_target(mem, target_id, 2026))
    assert zh == f"多个主体都有指标 {target_id}：郑州市、金水区"
    assert en == f"several entities have a target {target_id}: 郑州市, 金水区"


def test_an_export_of_several_entities_names_them_in_its_title():
    progress = pd.DataFrame({"entity": ["郑州市", "金水区", "郑州市"]})
    titles = [exporting.heading(progress, 2026, 10, lang).title for lang in LANGS]
    assert titles[0].startswith("郑州市、金水区")
    assert titles[1].startswith("Zhengzhou, 金水区")


def test_the_bulletins_ranks_list_places_and_the_unranked():
    rows = pd.DataFrame(
        {"rank": [1.0, 2.0, None, None], "entity": ["中原区", "郑州市", "金水区", "郑州市"]}
    )
    assert _places(rows, "zh") == "1 中原区、2 郑州市；不排名：金水区、郑州市"
    assert _places(rows, "en") == "1 中原区, 2 Zhengzhou; not ranked: 金水区, Zhengzhou"


def test_account_tables_and_the_audit_log_list_departments():
    users = {"li": {"role": "uploader", "departments": ["市商务局", "市统计局"]}}
    cells = [accounts_table(users, {}, lang).iloc[0, 2] for lang in LANGS]
    assert cells == ["市商务局、市统计局", "Commerce Bureau, Statistics Bureau"]
    detail = '{"departments": ["市商务局", "市统计局"], "files": ["a.csv", "b.csv"]}'
    assert detail_words(detail, "en", {}).count("Commerce Bureau, Statistics Bureau") == 1
    assert detail_words(detail, "en", {}).count("a.csv, b.csv") == 1
    assert detail_words(detail, "zh", {}).count("a.csv、b.csv") == 1


def test_the_review_list_names_an_uploads_departments():
    frame = pd.DataFrame(
        {
            "upload_id": [3],
            "departments": ["市商务局;市统计局"],
            "user_name": ["fgw"],
            "figure_count": [2],
            "filename": ["a.csv"],
            "uploaded_at": [pd.Timestamp("2026-11-02 09:30")],
        }
    )
    cells = [pending_view(frame, lang).iloc[0, 1] for lang in LANGS]
    assert cells == ["市商务局、市统计局", "Commerce Bureau, Statistics Bureau"]


def test_a_departments_missing_months_are_listed():
    grid = pd.DataFrame(
        {
            "id": ["x", "x", "x"],
            "name_zh": ["甲"] * 3,
            "name_en": ["A"] * 3,
            "month": [8, 9, 10],
            "state": ["missing", "missing", "reported"],
        }
    )
    cells = [missing_view(grid, lang).iloc[0, 1] for lang in LANGS]
    assert cells == ["8月、9月", "Aug, Sep"]


def test_a_gauge_names_its_open_supervision_items():
    r = row(
        id="x",
        entity="郑州市",
        name_zh="地区生产总值增长",
        name_en="GDP growth",
        section="经济发展",
        status="on_track",
        time_position=None,
    )
    notes = [gauge_cell(r, lang, 13, [2, 5])["note"] for lang in LANGS]
    assert notes == ["督办中 #2、#5", "under supervision #2, #5"]


def test_an_explanation_lists_open_items_and_quotes_a_name_holding_the_separator():
    names = "一中；新建、改扩建三中；a, b"
    assert _names(names, "zh", "所") == "一中、「新建、改扩建三中」、a, b"
    assert _names(names, "en", "schools") == "一中, 新建、改扩建三中, “a, b”"


def test_the_area_board_names_places_in_the_readers_words():
    from dashboard.present.ranking_tables import entity_board_view

    board = pd.DataFrame({"entity": ["郑州市", "金水区"], "total": [3, 2]})
    assert entity_board_view(board, "en").iloc[:, 0].tolist() == ["Zhengzhou", "金水区"]
    assert entity_board_view(board, "zh").iloc[:, 0].tolist() == ["郑州市", "金水区"]


def test_smtp_security_choices_are_listed_as_each_language_does():
    from dashboard.services.mailing import smtp_settings

    env = {"DASHBOARD_SMTP_HOST": "mail.example", "DASHBOARD_SMTP_FROM": "a@example.org"}
    zh, en = _raised(lambda: smtp_settings(env | {"DASHBOARD_SMTP_SECURITY": "tls"}))
    assert zh == "DASHBOARD_SMTP_SECURITY 应为 starttls、ssl、none 之一，而不是“tls”"
    assert en == "DASHBOARD_SMTP_SECURITY must be one of starttls, ssl, none, not 'tls'"


def test_bad_contact_addresses_are_listed_as_each_language_does(tmp_path):
    from dashboard.services.mailing import load_contacts

    path = tmp_path / "department_contacts.csv"
    path.write_text("department,emails\n市统计局,a@x.org;nobody;nor-me\n", "utf-8")
    zh, en = _raised(lambda: load_contacts(path))
    assert "不是有效的邮件地址：nobody、nor-me（" in zh
    assert "not an e-mail address: nobody, nor-me (" in en


def test_a_catalogues_allowed_choices_are_listed_as_each_language_does():
    from dashboard.core.problems import CatalogueError
    from dashboard.ingest.targets_csv import parse_catalogue
    from tests.test_catalogue import GOOD, _csv

    with pytest.raises(CatalogueError) as err:
        parse_catalogue(_csv([{**GOOD, "direction": "up"}]))
    problem = err.value.problems[0]
    assert problem.line("zh").endswith("可选值：higher、lower")
    assert problem.line("en").endswith("one of: higher, lower")
