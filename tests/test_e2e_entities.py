"""End to end: the entity and year switches under `streamlit run` in headless Chromium.

A district's catalogue (金水区 2026) beside the city's, and the city's 2027 catalogue carried
over (tests/test_entities.py builds them). The overview opens on the city's latest year;
switching year and entity changes the cards and the title, the choice follows to another
page, and the English page names the same. Screenshots at desktop and phone width go to
test-artifacts/entities_*.png.
"""

import pytest
from playwright.sync_api import expect

from tests.conftest import add_accounts
from tests.test_e2e import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    _need_browser,
    chromium,
    english,
    fits,
    go,
    open_page,
    serving,
    settle,
    shot,
    sidebar,
)
from tests.test_entities import two  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def server(two):  # noqa: F811
    _need_browser()
    add_accounts(two)
    with serving(two, DASHBOARD_TODAY="2027-02-15") as url:
        yield url


@pytest.fixture(params=["desktop", "phone"])
def screen(server, chromium, request):  # noqa: F811
    pg = open_page(chromium, request.param)
    yield pg
    pg.close()


def pick(pg, label: str, option: str) -> None:
    """Choose `option` in the sidebar's select box called `label`."""
    sidebar(pg)
    box = pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").filter(has_text=label)
    box.scroll_into_view_if_needed()
    box.click()
    # a phone's sidebar may leave no room below the box for the list: type the choice
    pg.keyboard.type(option)
    pg.get_by_role("option", name=option, exact=True).wait_for()
    pg.keyboard.press("Enter")
    settle(pg)
    fold(pg)


def fold(pg) -> None:
    """On a phone the open sidebar covers the page: fold it away to see the cards."""
    button = pg.locator("[data-testid=stSidebarCollapseButton] button")
    if pg.viewport == "phone" and button.count() and button.is_visible():
        button.click()
        pg.wait_for_timeout(500)


def title(pg) -> str:
    return pg.locator("h1").first.inner_text()


def test_switching_entity_and_year(screen, server):
    screen.goto(server + "/")
    settle(screen)
    screen.locator(".gauge-card").first.wait_for()
    assert title(screen) == "目标进度看板 · 郑州市 · 2027年1月"
    expect(screen.locator(".gauge-card")).to_have_count(2, timeout=45_000)
    fits(screen)
    shot(screen, "entities_city_2027")

    pick(screen, "年度 / Year", "2026")
    screen.get_by_text("目标进度看板 · 郑州市 · 2026年10月").wait_for()
    expect(screen.locator(".gauge-card")).to_have_count(90, timeout=45_000)

    pick(screen, "主体 / Entity", "金水区")
    screen.get_by_text("目标进度看板 · 金水区 · 2026年10月").wait_for()
    expect(screen.locator(".gauge-card")).to_have_count(3, timeout=45_000)
    screen.get_by_text("按主体统计").click()
    screen.get_by_text("按主体统计（各主体本年目标的状态）").wait_for()
    fits(screen)
    shot(screen, "entities_district_2026")

    go(screen, "completeness")  # the choice follows to another page
    fold(screen)
    screen.get_by_text("数据完整性 · 金水区 · 2026年10月").wait_for()

    go(screen, "overview")
    english(screen)
    fold(screen)
    screen.get_by_text("Target progress dashboard · 金水区 · Oct 2026").wait_for()
    expect(screen.locator(".gauge-card")).to_have_count(3, timeout=45_000)
    fits(screen)
    shot(screen, "entities_district_2026_en")
