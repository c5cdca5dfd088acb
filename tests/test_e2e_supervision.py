"""The supervision office's month in headless Chromium (issue 21): with review on, the
administrator approves a waiting upload, closes a supervision item (销号) and reads the
department scoreboard, each page fitting the screen."""

from datetime import date, datetime

import pytest

from dashboard.core.access import User
from dashboard.services import reporting, supervision
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import TODAY, add_accounts
from tests.files import csv_bytes
from tests.test_e2e import ARTIFACTS, _need_browser, chromium, fits, go, login, open_page, serving

pytestmark = pytest.mark.e2e
__all__ = ["chromium"]  # a fixture, used by name


@pytest.fixture
def month_server(sample_ws):
    _need_browser()
    add_accounts(sample_ws)
    at = datetime(2026, 11, 20, 9)
    data = csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年1-11月", "2700"]])
    with open_store(sample_ws) as con:
        store_preview(
            con, sample_ws, preview(con, data, "nov.csv", TODAY), data, "fgw", at, held=True
        )
        target = next(
            r for r in reporting.targets(con, 2026).to_dict("records") if r["id"] == "gas_pipes"
        )
        supervision.open_item(
            sample_ws,
            con,
            User("admin", "admin"),
            target,
            "年底前完成改造",
            date(2026, 12, 20),
            at=at,
        )
    with serving(sample_ws, DASHBOARD_REVIEW="1") as url:
        yield url, sample_ws


def test_admin_approves_closes_and_reads_the_scoreboard(month_server, chromium):
    url, ws = month_server
    pg = open_page(chromium)
    try:
        pg.goto(url + "/")
        login(pg, "admin")
        go(pg, "review")
        pg.get_by_text("待我审核").wait_for()
        pg.get_by_role("button", name="审核通过").click()
        pg.get_by_text("已审核通过，数据已计入").wait_for()
        go(pg, "supervision")
        pg.get_by_text("年底前完成改造").first.wait_for(state="attached")  # a grid cell
        pg.get_by_label("销号说明").fill("改造完成")
        pg.get_by_role("button", name="销号", exact=True).click()
        pg.get_by_text("督办事项 #1 已销号。").wait_for()
        fits(pg)
        go(pg, "scoreboard")
        pg.get_by_text("部门考评 · 2026年").wait_for()
        fits(pg)
        pg.screenshot(path=ARTIFACTS / "scoreboard_desktop.png")
    finally:
        pg.close()
    with open_store(ws) as con:
        assert con.execute("SELECT review FROM uploads WHERE review IS NOT NULL").fetchall() == [
            ("approved",)
        ]
        items = supervision.items(con)
    assert items[["item_id", "state", "note"]].values.tolist() == [[1, "closed", "改造完成"]]
