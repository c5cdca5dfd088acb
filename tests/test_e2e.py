"""End to end: the real app under `streamlit run`, driven in headless Chromium.

Uploads a file through the file uploader, confirms, and sees the changed figure and status
on the overview. Screenshots go to test-artifacts/. Without Debian's chromium the test
skips locally; with CI=true a missing browser fails the run.
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

from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from dashboard.store import comments as store_comments
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


@pytest.fixture
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        pg.set_default_timeout(45_000)
        yield pg
        browser.close()


def test_upload_in_the_browser_changes_the_overview(server, page, tmp_path):
    page.goto(server + "/")
    page.get_by_text("目标进度看板 · 2026年10月").wait_for()
    page.locator("[data-testid='stVegaLiteChart']").first.wait_for()
    page.screenshot(path=ARTIFACTS / "overview_before.png")

    page.get_by_role("radio", name="表格").click()
    row = page.locator("[data-testid='stDataFrame']").first  # the department table follows
    row.wait_for()

    page.goto(server + "/upload")
    page.get_by_text("上传数据需要以填报人员或管理员身份登录。").wait_for()
    _login(page, "fgw")
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
    page.screenshot(path=ARTIFACTS / "upload_stored.png")

    page.goto(server + "/detail?id=ev_chargers")
    page.get_by_text("1—10月累计完成2,550个，占全年目标的85.0%，高于序时进度1.7个百分点").wait_for()
    page.screenshot(path=ARTIFACTS / "detail_after.png", full_page=True)

    page.goto(server + "/")
    page.get_by_role("radio", name="表格").click()
    grid = page.locator("[data-testid='stDataFrame']").first  # the department table follows
    grid.wait_for()
    text = page.locator("[data-testid='stMain']").inner_text()
    assert "略滞后\n8" in text and "超序时\n15" in text  # was 9 and 14
    page.get_by_text("筛选").first.click()
    page.get_by_label("搜索指标名称").fill("充电桩")
    page.keyboard.press("Enter")
    page.get_by_text("共1项指标").wait_for()
    page.screenshot(path=ARTIFACTS / "overview_after.png")


def _login(page, name: str) -> None:
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("退出登录").wait_for()


def test_broken_file_in_the_browser_is_refused(server, page, tmp_path):
    page.goto(server + "/upload")
    _login(page, "fgw")
    file = tmp_path / "bad.csv"
    file.write_bytes(csv_bytes([["指标", "时期", "数值"], ["充电桩", "2026年10月", "很多"]]))
    page.locator("input[type='file']").set_input_files(str(file))
    page.get_by_text("文件未通过校验，未保存任何数据").wait_for()
    page.screenshot(path=ARTIFACTS / "upload_refused.png")
    assert page.get_by_role("button", name="确认保存").count() == 0


def test_english_switch_in_the_browser(server, page):
    page.goto(server + "/completeness")
    page.get_by_text("数据完整性 · 2026年10月").wait_for()
    page.get_by_role("radio", name="English").click()
    page.get_by_text("Completeness · Oct 2026").wait_for()
    page.screenshot(path=ARTIFACTS / "completeness_en.png")


def test_viewer_in_the_browser_cannot_upload(server, page):
    page.goto(server + "/upload")
    _login(page, "guest")
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
        store_comments.add_comment(
            con,
            entity="郑州市",
            year=2026,
            target_id="trade_quality",
            month=10,
            reason=comment,
            measures="",
            status="on_track",
            user="admin",
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
    _login(page, "fgw")
    page.locator("input[type='file']").set_input_files(
        files=[{"name": "mine.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_text("完全相同，未作任何更改").wait_for()
    page.screenshot(path=ARTIFACTS / "upload_duplicate_name_as_text.png")
    assert f"该文件与上传 #8（{name}）完全相同，未作任何更改。" in shown(main)
    assert main.locator("a[href*='evil.example']").count() == 0
    assert main.locator("img[src*='comment.png']").count() == 0
    assert _Pixel.hits == []
