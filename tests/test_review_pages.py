"""The review page and the detail page with DASHBOARD_REVIEW=1 (issue 21), through
AppTest: the uploader sees the state and the reason, a reviewer of the department rejects
and approves, pending figures stand apart on the detail page."""

import pytest

from dashboard.services import accounts
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import PASSWORD, TODAY
from tests.files import csv_bytes
from tests.test_app import AT, button, login, start


def held_upload(ws, value: str, name: str) -> int:
    data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年1-11月", value]])
    with open_store(ws) as con:
        return store_preview(con, ws, preview(con, data, name, TODAY), data, "fgw", AT, held=True)


@pytest.fixture
def review_app(sample_ws, monkeypatch):
    from tests.conftest import add_accounts

    add_accounts(sample_ws)
    accounts.add_user(
        accounts.users_path(sample_ws.data_dir), "fgw_check", PASSWORD, "reviewer", ["市发展改革委"]
    )
    monkeypatch.setenv("DASHBOARD_REVIEW", "1")
    return sample_ws


def states(ws) -> list[tuple]:
    with open_store(ws) as con:
        return con.execute(
            "SELECT upload_id, review FROM uploads WHERE review IS NOT NULL ORDER BY upload_id"
        ).fetchall()


def test_the_uploader_sees_waiting_then_the_reason_of_a_rejection(review_app, monkeypatch):
    first = held_upload(review_app, "2700", "nov.csv")
    at = login(start(review_app, monkeypatch), "fgw")
    at.switch_page("ui/review.py").run()
    assert not at.exception
    assert at.title[0].value == "数据审核"
    assert [s.value for s in at.subheader] == ["我的上传审核情况"]  # not a reviewer
    mine = at.dataframe[0].value
    assert mine[["上传编号", "文件", "状态", "审核人", "退回原因"]].values.tolist() == [
        [first, "nov.csv", "待审核", "—", "—"]
    ]

    reviewer = login(start(review_app, monkeypatch), "fgw_check")
    reviewer.switch_page("ui/review.py").run()
    assert [s.value for s in reviewer.subheader] == ["待我审核", "我的上传审核情况"]
    waiting = reviewer.dataframe[0].value
    assert waiting[["上传编号", "责任单位", "填报人", "数据条数", "文件"]].values.tolist() == [
        [first, "市发展改革委", "fgw", 1, "nov.csv"]
    ]
    figures = reviewer.dataframe[1].value
    assert figures[["指标", "期别", "数值"]].values.tolist() == [
        ["新建电动汽车公共充电桩", "1—11月", "2,700个"]
    ]
    button(reviewer, "退回").click().run()  # no reason: refused, nothing changes
    assert reviewer.error[0].value == "退回时须写明原因，填报人员据此修改"
    assert states(review_app) == [(first, "pending")]
    reviewer.text_area(key="review_reason").set_value("应报累计数")
    button(reviewer, "退回").click().run()
    assert not reviewer.exception
    assert reviewer.success[0].value == f"上传 #{first} 已退回。"
    assert states(review_app) == [(first, "rejected")]
    assert "没有待您审核的上传。" in [c.value for c in reviewer.caption]

    at.run()
    mine = at.dataframe[0].value
    assert mine[["上传编号", "状态", "审核人", "退回原因"]].values.tolist() == [
        [first, "已退回", "fgw_check", "应报累计数"]
    ]


def test_a_reviewer_approves_and_the_figure_counts(review_app, monkeypatch):
    upload_id = held_upload(review_app, "2710", "nov.csv")
    viewer = start(review_app, monkeypatch)
    viewer.switch_page("ui/detail.py").run()
    viewer.selectbox(key="target").set_value("ev_chargers").run()
    assert "待审核数据（尚未计入）" in [s.value for s in viewer.subheader]
    pending = next(d.value for d in viewer.dataframe if "上传编号" in d.value.columns)
    assert pending[["期别", "数值", "上传编号", "填报人"]].values.tolist() == [
        ["1—11月", "2,710个", upload_id, "fgw"]
    ]
    reviewer = login(start(review_app, monkeypatch), "fgw_check")
    reviewer.switch_page("ui/review.py").run()
    button(reviewer, "审核通过").click().run()
    assert reviewer.success[0].value == f"上传 #{upload_id} 已审核通过，数据已计入。"
    assert states(review_app) == [(upload_id, "approved")]
    viewer.run()
    assert "待审核数据（尚未计入）" not in [s.value for s in viewer.subheader]


def test_another_departments_reviewer_sees_nothing_to_decide(review_app, monkeypatch):
    held_upload(review_app, "2700", "nov.csv")
    accounts.add_user(
        accounts.users_path(review_app.data_dir),
        "cgj_check",
        PASSWORD,
        "reviewer",
        ["市城市管理局"],
    )
    other = login(start(review_app, monkeypatch), "cgj_check")
    other.switch_page("ui/review.py").run()
    assert [c.value for c in other.caption][:2] == ["没有待您审核的上传。", "您没有经审核的上传。"]


def test_without_review_the_page_says_it_is_off(sample_ws, monkeypatch):
    from tests.conftest import add_accounts

    add_accounts(sample_ws)
    monkeypatch.delenv("DASHBOARD_REVIEW", raising=False)
    at = login(start(sample_ws, monkeypatch), "admin")
    at.switch_page("ui/review.py").run()
    assert at.info[0].value.startswith("本系统未开启数据审核")
