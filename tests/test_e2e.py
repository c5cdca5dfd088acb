"""End to end: the real app under `streamlit run`, driven in headless Chromium.

Uploads a file through the file uploader, confirms, and sees the changed figure and status
on the overview; then, at desktop (1600×1000) and phone (390×844) width: every page fits
the screen in both languages, comment boxes start empty, the overview table has its
columns, no month after today is offered, a refused file is explained in Chinese.
Screenshots go to test-artifacts/ (not committed). Without Debian's chromium the tests
skip locally; with CI=true a missing browser fails the run.
"""

import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.core.access import User
from dashboard.services.comments import add_comment, find_target
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from tests.conftest import PASSWORD, ROOT, add_accounts
from tests.files import csv_bytes

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


def _need_browser():
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install chromium")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(ws, **env: str) -> Iterator[str]:
    """The dashboard as `streamlit run dashboard/server.py` serves it; its URL."""
    port = _free_port()
    env = {
        **os.environ,
        "DASHBOARD_DB": str(ws.db_path),
        "DASHBOARD_DATA": str(ws.data_dir),
        "DASHBOARD_TODAY": "2026-11-26",  # the pages' clock: no month after November
        **env,
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboard" / "server.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode()[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def server(sample_ws):
    _need_browser()
    add_accounts(sample_ws)
    with serving(sample_ws) as url:
        yield url


VIEWPORTS = {"desktop": (1600, 1000), "phone": (390, 844)}
PAGES = ("overview", "detail", "upload", "completeness", "snapshots", "catalogue")


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def open_page(chromium, viewport: str = "desktop"):
    width, height = VIEWPORTS[viewport]
    pg = chromium.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    pg.set_default_timeout(45_000)
    pg.viewport = viewport
    return pg


@pytest.fixture
def page(server, chromium):
    pg = open_page(chromium)
    yield pg
    pg.close()


@pytest.fixture(params=list(VIEWPORTS))
def screen(server, chromium, request):
    """A page at desktop (1600×1000) and at phone (390×844) width."""
    pg = open_page(chromium, request.param)
    yield pg
    pg.close()


def settle(pg) -> None:
    """Wait until the app has finished running its script."""
    pg.wait_for_selector("[data-testid=stMain]")
    pg.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=45_000)
    pg.wait_for_timeout(600)


def sidebar(pg) -> None:
    """On a phone the sidebar is closed: open it (its button shows once the page is idle)."""
    if pg.viewport != "phone" or sidebar_is_open(pg):
        return
    pg.locator("[data-testid=stExpandSidebarButton]").click()
    pg.wait_for_function(
        "document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().left >= 0"
    )
    pg.wait_for_timeout(300)


def sidebar_is_open(pg) -> bool:
    box = pg.locator("[data-testid=stSidebar]").bounding_box()
    return box is not None and box["x"] + box["width"] > 5


def go(pg, url_path: str) -> None:
    """Navigate inside the app, as a person does (a new page load would end the session);
    the default page's link is the app's root."""
    sidebar(pg)
    links = pg.locator("[data-testid=stSidebarNav] a")
    link = (
        links.first if url_path == "overview" else links.and_(pg.locator(f"[href$='/{url_path}']"))
    )
    link.click()
    settle(pg)


def fits(pg) -> None:
    """No sideways scrolling: neither the page nor its main area is wider than the screen."""
    widths = pg.evaluate(
        """() => { const m = document.querySelector('[data-testid=stMain]');
        return [document.documentElement.scrollWidth, window.innerWidth,
                m.scrollWidth, m.clientWidth]; }"""
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths


def shot(pg, name: str) -> None:
    """A screenshot of the whole page (Streamlit scrolls inside its main area)."""
    width, height = VIEWPORTS[pg.viewport]
    tall = pg.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    pg.set_viewport_size({"width": width, "height": min(max(tall, height), 12_000)})
    pg.wait_for_timeout(1500)  # tables and charts redraw for the new size
    pg.screenshot(path=ARTIFACTS / f"{name}_{pg.viewport}.png")
    pg.set_viewport_size({"width": width, "height": height})


def login(pg, name: str) -> None:
    sidebar(pg)
    pg.get_by_label("用户名").or_(pg.get_by_label("User name")).fill(name)
    pg.locator("input[type=password]").fill(PASSWORD)
    pg.get_by_role("button", name="登录").or_(pg.get_by_role("button", name="Log in")).click()
    pg.get_by_text("退出登录").or_(pg.get_by_text("Log out")).wait_for(state="attached")
    settle(pg)
    if pg.viewport == "phone":
        pg.wait_for_function(  # the sidebar gets out of the way after logging in
            "document.querySelector('[data-testid=stSidebar]').getBoundingClientRect().right <= 1"
        )


def english(pg) -> None:
    sidebar(pg)
    pg.get_by_role("radio", name="English").click()
    settle(pg)


@pytest.mark.both_engines  # the real server (dashboard/server.py) on PostgreSQL too
def test_upload_in_the_browser_changes_the_overview(server, page, tmp_path):
    page.goto(server + "/")
    page.get_by_text("目标进度看板 · 2026年10月").wait_for()
    page.locator(".gauge-card").first.wait_for()
    page.screenshot(path=ARTIFACTS / "overview_before.png")

    page.get_by_role("radio", name="表格").click()
    row = page.locator("[data-testid='stDataFrame']").first  # the department table follows
    row.wait_for()

    page.goto(server + "/upload")
    page.get_by_text("上传数据需要以填报人员或管理员身份登录。").wait_for()
    login(page, "fgw")
    file = tmp_path / "充电桩10月.csv"
    file.write_bytes(
        csv_bytes(
            [
                ["指标", "时期", "数值", "单位"],
                ["新建电动汽车公共充电桩", "2026年10月", "2,550", "个"],
            ],
            "gbk",
        )
    )
    page.locator("input[type='file']").set_input_files(str(file))
    page.get_by_text("将要保存的数据").wait_for()
    page.screenshot(path=ARTIFACTS / "upload_preview.png")
    page.get_by_role("button", name="确认保存").click()
    page.get_by_text("已保存上传 #8：1 条数据。").wait_for()
    settle(page)  # the save reruns into the saved view: no preview, no second confirm
    expect(page.get_by_role("button", name="确认保存")).to_have_count(0)
    assert page.get_by_text("将要保存的数据").count() == 0
    page.screenshot(path=ARTIFACTS / "upload_stored.png")

    page.goto(server + "/detail?id=ev_chargers")
    page.get_by_text("1—10月累计完成2,550个，占全年目标的85.0%，高于序时进度1.7个百分点").wait_for()
    page.screenshot(path=ARTIFACTS / "detail_after.png", full_page=True)

    page.goto(server + "/")  # opened again, not logged in again: the overview
    page.locator(".st-key-tiles button").first.wait_for()
    tiles = page.locator(".st-key-tiles").inner_text().replace("\n", " ")
    assert "略滞后 8" in tiles and "超序时 15" in tiles  # were 9 and 14
    page.get_by_text("筛选").first.click()
    page.get_by_label("搜索指标名称").fill("充电桩")
    page.keyboard.press("Enter")
    page.get_by_text("共1项指标").wait_for()
    page.screenshot(path=ARTIFACTS / "overview_after.png")


def test_a_refused_file_is_explained_in_chinese(screen, server, tmp_path):
    screen.goto(server + "/upload")
    settle(screen)
    login(screen, "fgw")
    file = tmp_path / "bad.csv"
    file.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "很多"]], "gbk"))
    screen.locator("[data-testid=stFileUploaderDropzone] button").wait_for()
    picker = screen.evaluate(
        """() => getComputedStyle(document.querySelector(
            '[data-testid=stFileUploaderDropzone] button p'), '::after').content"""
    )
    assert picker == '"选择文件"'  # the file picker's button in Chinese too
    screen.locator("input[type='file']").set_input_files(str(file))
    screen.get_by_text("文件未通过校验，未保存任何数据").wait_for()
    settle(screen)
    screen.locator("[data-testid=stDataFrame] [role=gridcell]").first.wait_for(state="attached")
    cells = screen.locator("[data-testid=stDataFrame] [role=gridcell]").all_inner_texts()
    assert "“很多”不是数字" in cells
    assert not [c for c in cells if "is not a number" in c]
    assert screen.get_by_role("button", name="确认保存").count() == 0
    fits(screen)
    shot(screen, "upload_refused")


def test_comment_boxes_start_empty(screen, server):
    screen.goto(server + "/detail?id=ev_chargers")
    settle(screen)
    login(screen, "fgw")
    screen.get_by_text("原因分析与下步措施").wait_for()
    boxes = screen.locator("[data-testid=stTextArea] textarea")
    assert [boxes.nth(i).input_value() for i in range(2)] == ["", ""]
    boxes.nth(0).fill("冬季施工受限")
    screen.get_by_role("button", name="保存说明").click()
    screen.get_by_text("已保存。").wait_for()
    settle(screen)
    boxes = screen.locator("[data-testid=stTextArea] textarea")
    assert [boxes.nth(i).input_value() for i in range(2)] == ["冬季施工受限", ""]
    assert "nan" not in screen.locator("[data-testid=stMain]").inner_text()
    fits(screen)
    shot(screen, "detail_comment")


def test_overview_table_columns(screen, server):
    screen.goto(server + "/")
    settle(screen)
    screen.get_by_role("radio", name="表格").click()
    screen.locator("[data-testid=stDataFrame] [role=columnheader]").first.wait_for(state="attached")
    first = screen.locator("[data-testid=stDataFrame] [role=columnheader]").all_inner_texts()
    assert first[:3] == ["指标", "目标", "实际"]  # the figures beside the name, section last
    assert grid_texts(screen, "columnheader") == {
        "领域",
        "指标",
        "目标",
        "实际",
        "完成率",
        "序时",
        "差(百分点)",
        "状态",
        "数据月份",
        "责任单位",
    }
    row = screen.locator("[data-testid=stDataFrame] tr").filter(has_text="≥5%").first
    # the pinned name is drawn apart from the row (in the row's cells or not)
    cells = [c for c in row.locator("[role=gridcell]").all_inner_texts() if c != "地区生产总值增长"]
    if screen.viewport == "desktop":  # a phone shows the first columns, the rest by swiping
        assert cells[:7] == ["≥5%", "4.8%", "", "", "-0.2", "低于目标", "前三季度"]
    fits(screen)
    shot(screen, "overview_table")


def grid_texts(pg, role: str) -> set[str]:
    """Every header or cell text of a table, swiping it sideways to see each column (the
    grid draws only the columns in view)."""
    grid = pg.locator("[data-testid=stDataFrame]").first
    box = grid.bounding_box()
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 100))
    found = set()
    for _ in range(30):
        found |= set(grid.locator(f"[role={role}]").all_inner_texts())
        pg.mouse.wheel(120, 0)
        pg.wait_for_timeout(250)
    return found


def test_no_future_month_is_offered(screen, server):
    screen.goto(server + "/")
    settle(screen)
    sidebar(screen)
    screen.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").last.click()
    options = screen.locator("[role=option]").all_inner_texts()
    assert options[-1] == "2026年11月" and "2026年12月" not in options  # today: 26 Nov
    assert len(options) == 11
    screen.screenshot(path=ARTIFACTS / f"month_selector_{screen.viewport}.png")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_page_fits_the_screen(screen, server, language):
    screen.goto(server + "/")
    settle(screen)
    if language == "en":
        english(screen)
    login(screen, "admin")
    for url_path in PAGES:
        go(screen, url_path)
        if screen.viewport == "phone":
            assert not sidebar_is_open(screen)  # the sidebar closes after choosing a page
        if url_path == "snapshots":
            screen.get_by_role("button", name="拍快照").or_(
                screen.get_by_role("button", name="Take snapshot")
            ).click()
            settle(screen)
        fits(screen)
        shot(screen, f"{url_path}_{language}")
    go(screen, "admin")
    fits(screen)
    shot(screen, f"admin_{language}")


def test_an_uploader_lands_on_their_department(screen, server):
    screen.goto(server + "/")
    settle(screen)
    login(screen, "fgw")
    screen.get_by_text("我的部门 · 2026年10月").wait_for()
    # the heading comes before the tables of the same rerun: wait, do not look once
    expect(screen.get_by_text("滞后指标").first).to_be_visible(timeout=45_000)
    fits(screen)
    shot(screen, "my_department")


def test_viewer_in_the_browser_cannot_upload(server, page):
    page.goto(server + "/upload")
    login(page, "guest")
    page.get_by_text("上传数据需要以填报人员或管理员身份登录。").wait_for()
    assert page.locator("input[type='file']").count() == 0
    page.screenshot(path=ARTIFACTS / "upload_viewer.png")


class _Pixel(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        _Pixel.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def pixel():
    """An outside address that counts what a page fetches from it."""
    _Pixel.hits.clear()
    srv = http.server.HTTPServer(("127.0.0.1", 0), _Pixel)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def shown(locator) -> str:
    return locator.inner_text().replace("\u2060", "")


def test_user_text_is_shown_as_text_never_as_a_link_or_image(server, page, sample_ws, pixel):
    """A comment on a qualitative target, a file name in the duplicate-upload notice."""
    comment = f"[重新登录](https://evil.example/login) ![图]({pixel}/comment.png) :red[警告] # 标题"
    with open_store(sample_ws) as con:
        add_comment(
            sample_ws,
            con,
            User("admin", "admin"),
            find_target(con, "trade_quality", 2026),
            10,
            reason=comment,
            measures="",
            status="on_track",
            at=datetime(2026, 11, 20),
        )
    page.goto(server + "/detail?id=trade_quality")
    page.get_by_text("重新登录").first.wait_for()
    page.screenshot(path=ARTIFACTS / "detail_comment_as_text.png")
    main = page.locator("[data-testid='stMain']")
    assert comment in shown(main)  # as typed (word joiners keep addresses unlinked)
    assert main.locator("a[href*='evil.example']").count() == 0
    assert main.locator(f"img[src^='{pixel}']").count() == 0

    data = csv_bytes([["指标", "时期", "数值"], ["新建电动汽车公共充电桩", "2026年10月", "2551"]])
    name = "[点我](https:evil.example)![图](http:comment.png) _x_.csv"
    with open_store(sample_ws) as con:  # someone stored this file under this name before
        pv = preview(con, data, name, (2026, 11))
        store_preview(con, sample_ws, pv, data, "cgj", datetime(2026, 11, 20))
    page.goto(server + "/upload")
    login(page, "fgw")
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_text("完全相同，未作任何更改").wait_for()
    page.screenshot(path=ARTIFACTS / "upload_duplicate_name_as_text.png")
    assert f"该文件与上传 #8（{name}）完全相同，未作任何更改。" in shown(main)
    assert main.locator("a[href*='evil.example']").count() == 0
    assert main.locator("img[src*='comment.png']").count() == 0
    assert _Pixel.hits == []
