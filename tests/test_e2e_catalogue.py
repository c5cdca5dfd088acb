"""End to end: the catalogue editor under `streamlit run` in headless Chromium.

Paste a report, accept the proposals, edit a cell of the editor with the keyboard, take
the suggested departments, save; the saved file holds the edit. Screenshots go to
test-artifacts/.
"""

import csv
import io
import shutil

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.core.vocab import TARGET_COLUMNS
from tests.conftest import DATA
from tests.test_e2e import ARTIFACTS, chromium, login, page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.e2e
REPORT = (
    "三、2027年重点工作\n\n新建电动汽车公共充电桩3500个、公共停车位4万个。地区生产总值增长5%以上。"
)


@pytest.fixture
def keywords(sample_ws):
    shutil.copy(DATA / "department_keywords.csv", sample_ws.data_dir)


def test_catalogue_editor_in_the_browser(keywords, server, page, sample_ws):  # noqa: F811
    page.goto(server + "/catalogue")
    page.get_by_role("heading", name="目标目录").wait_for()
    login(page, "admin")
    year = page.get_by_label("年份")
    year.fill("2027")
    year.press("Enter")
    page.get_by_label("粘贴政府工作报告全文").fill(REPORT)
    page.get_by_role("button", name="生成建议").click()
    page.get_by_text("建议目标").wait_for()
    page.locator("mark").first.wait_for()
    assert page.locator("mark").count() == 3
    page.screenshot(path=ARTIFACTS / "catalogue_proposals.png", full_page=True)
    page.get_by_role("button", name="采纳所选建议到草稿").click()
    page.get_by_text("已将 3 条建议加入 郑州市 2027 年的草稿").wait_for()

    tab = page.get_by_role("tab", name="编辑目录 · 郑州市 2027")
    tab.click()
    page.get_by_text("有 3 个问题，改正后才能保存：").wait_for()
    _edit_cell(page, tab, row=0, column=TARGET_COLUMNS.index("target_value"), value="3600")
    _settled(page)
    _click_on_tab(page, tab, "空白的责任单位采用建议")
    page.get_by_text("3 个目标，检查通过。").wait_for()
    page.screenshot(path=ARTIFACTS / "catalogue_editor.png", full_page=True)
    _click_on_tab(page, tab, "保存 郑州市 2027 年目录")
    page.get_by_text("已保存到 catalogues/郑州市/2027.csv：新增 3 个").wait_for()

    saved = (sample_ws.data_dir / "catalogues" / "郑州市" / "2027.csv").read_text("utf-8")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(saved))}
    assert sorted(rows) == ["ev_chargers", "gdp_growth", "public_parking"]  # last year's ids
    assert rows["ev_chargers"]["target_value"] == "3600"
    assert rows["ev_chargers"]["department"] == "市发展改革委"


def _edit_cell(pg, tab, row: int, column: int, value: str) -> None:
    """Glide's grid is a canvas: select the first cell, walk to the one wanted, type.

    A rerun that lands between the click and Enter redraws the grid and drops the
    selection, so the walk is tried again after the page has settled.
    """
    editor = pg.locator("[data-testid='stDataFrameResizable']").nth(1)
    cell = pg.locator("textarea.gdg-input")
    for _ in range(4):
        _settled(pg)
        if not editor.is_visible():  # a rerun under load put the first tab back in front
            tab.click()
        editor.wait_for()
        _settled(pg)
        box = editor.bounding_box()
        pg.mouse.click(box["x"] + 60, box["y"] + 55)  # first column of the first data row
        for _ in range(column):
            pg.keyboard.press("ArrowRight")
        for _ in range(row):
            pg.keyboard.press("ArrowDown")
        pg.keyboard.press("Enter")  # opens the cell's editor
        try:
            cell.wait_for(timeout=5000)
            break
        except PlaywrightTimeout:
            pg.keyboard.press("Escape")
    cell.fill(value)
    cell.press("Enter")
    cell.wait_for(state="detached")


def _click_on_tab(pg, tab, button: str) -> None:
    """Click a button of the editor's tab, bringing the tab back first if a rerun under
    load put the first tab in front."""
    _settled(pg)
    found = pg.get_by_role("button", name=button)
    if not found.is_visible():
        tab.click()
    found.click()


def _settled(pg) -> None:
    """Wait until the rerun an edit started has finished (the running indicator is gone)."""
    pg.wait_for_timeout(200)
    pg.locator("[data-testid='stStatusWidget']").wait_for(state="hidden")
