"""What a person waits for, measured in headless Chromium against `streamlit run`.

Each function starts its own server on a copy of the shipped data (the Zhengzhou catalogue
and the synthetic samples), opens pages with Playwright driving Debian's Chromium (as
tests/test_e2e.py does) and returns {"times": [...], "note": ...} for bench/run.py.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
VIEWPORT = {"width": 1600, "height": 1000}
TODAY = "2026-11-26"
PASSWORD = "bench password 7"
CARDS = ".gauge-card"
IDLE = "!document.querySelector('[data-testid=stStatusWidget]')"


def data_folder(root: Path) -> Path:
    """The shipped catalogue and samples, and an uploader who owns ev_chargers."""
    from dashboard.services import accounts

    data = root / "data"
    (data / "actuals").mkdir(parents=True)
    for name in ("targets.csv", "seasonal_profiles.csv"):
        shutil.copy(ROOT / "data" / name, data / name)
    for f in (ROOT / "data" / "actuals").glob("synthetic_sample_*"):
        shutil.copy(f, data / "actuals" / f.name)
    accounts.add_user(accounts.users_path(data), "fgw", PASSWORD, "uploader", ["市发展改革委"])
    return data


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(data: Path, code: Path = ROOT):
    """`python -m streamlit run dashboard/server.py` from `code`; yields (url, started at)."""
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(code),
        "DASHBOARD_DB": str(data / "dashboard.duckdb"),
        "DASHBOARD_DATA": str(data),
        "DASHBOARD_TODAY": TODAY,
    }
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(code / "dashboard" / "server.py")]
        + ["--server.port", str(port), "--server.address", "127.0.0.1"]
        + ["--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=code,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("streamlit did not start")
        yield url, started
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _page(b):
    pg = b.new_page(viewport=VIEWPORT, locale="zh-CN")
    pg.set_default_timeout(120_000)
    return pg


def _first_screen_drawn(pg) -> None:
    """Every gauge card that starts inside the window is drawn, and the script is done."""
    pg.wait_for_function(
        f"""() => {{
            const cards = [...document.querySelectorAll('{CARDS}')];
            return cards.length > 0 && {IDLE} &&
                cards.filter(c => c.getBoundingClientRect().top < window.innerHeight)
                     .every(c => c.querySelector('svg') && c.getBoundingClientRect().height > 0);
        }}""",
        polling=50,
    )


def visit(b, url: str) -> tuple[float, float, float]:
    """A new visitor (new session): seconds to the heading, the first gauge, and every
    gauge of the first screen."""
    pg = _page(b)
    start = time.perf_counter()
    pg.goto(url + "/", wait_until="commit")
    pg.locator("h1").first.wait_for()
    heading = time.perf_counter() - start
    pg.locator(CARDS).first.wait_for()
    first = time.perf_counter() - start
    _first_screen_drawn(pg)
    screen = time.perf_counter() - start
    pg.close()
    return heading, first, screen


def case_visits(repeat: int) -> dict:
    """Rows: page opened → first gauge (warm server); second visitor → first screen."""
    tmp = Path(tempfile.mkdtemp())
    with serving(data_folder(tmp)) as (url, _), browser() as b:
        visit(b, url)  # the first visitor warms the server
        runs = [visit(b, url) for _ in range(repeat)]
    shutil.rmtree(tmp)
    return {
        "times": [r[1] for r in runs],
        "rows": {
            "heading": [r[0] for r in runs],
            "first_gauge": [r[1] for r in runs],
            "first_screen": [r[2] for r in runs],
        },
    }


def _title(pg) -> str:
    return pg.locator("h1").first.inner_text()


def _redrawn(pg, before: str, start: float) -> float:
    """Seconds from `start` until the heading or the count line differs from `before` and
    the first screen is drawn again."""
    pg.wait_for_function(
        f"""(before) => {{
            const h = document.querySelector('h1');
            const c = [...document.querySelectorAll('[data-testid=stCaptionContainer]')]
                .map(e => e.innerText).join('|');
            return h && (h.innerText + '#' + c) !== before && {IDLE};
        }}""",
        arg=before,
        polling=50,
    )
    _first_screen_drawn(pg)
    return time.perf_counter() - start


def _state(pg) -> str:
    return pg.evaluate(
        """() => document.querySelector('h1').innerText + '#' +
        [...document.querySelectorAll('[data-testid=stCaptionContainer]')]
            .map(e => e.innerText).join('|')"""
    )


def case_clicks(repeat: int) -> dict:
    """Row: month switch / filter (a status tile) / language switch → redrawn."""
    tmp = Path(tempfile.mkdtemp())
    rows: dict[str, list[float]] = {"month": [], "filter": [], "language": []}
    with serving(data_folder(tmp)) as (url, _), browser() as b:
        visit(b, url)
        pg = _page(b)
        pg.goto(url + "/")
        _first_screen_drawn(pg)
        for i in range(repeat):
            # month: September and October in turn
            month = "2026年9月" if i % 2 == 0 else "2026年10月"
            before = _state(pg)
            pg.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").last.click()
            option = pg.get_by_role("option", name=month)
            start = time.perf_counter()
            option.click()
            rows["month"].append(_redrawn(pg, before, start))
            # filter: the first status tile on, then off again
            before = _state(pg)
            start = time.perf_counter()
            pg.locator(".st-key-tiles button >> visible=true").nth(1).click()
            rows["filter"].append(_redrawn(pg, before, start))
            before = _state(pg)
            pg.locator(".st-key-tiles button >> visible=true").nth(1).click()
            _redrawn(pg, before, time.perf_counter())
            # language: English and back
            for name in ("English", "中文"):
                before = _state(pg)
                start = time.perf_counter()
                pg.get_by_role("radio", name=name).click()
                rows["language"].append(_redrawn(pg, before, start))
        pg.close()
    shutil.rmtree(tmp)
    every = rows["month"] + rows["filter"] + rows["language"]
    return {"times": every, "rows": rows}


def _upload_file(tmp: Path, value: int) -> Path:
    path = tmp / f"充电桩10月_{value}.csv"
    text = f'指标,时期,数值,单位\r\n新建电动汽车公共充电桩,2026年10月,"{value:,}",个\r\n'
    path.write_bytes(text.encode("gbk"))
    return path


def case_upload(repeat: int) -> dict:
    """Row: upload confirmed → the overview shows the new figure (its gauge card)."""
    tmp = Path(tempfile.mkdtemp())
    times = []
    with serving(data_folder(tmp)) as (url, _), browser() as b:
        visit(b, url)
        pg = _page(b)
        pg.goto(url + "/upload")
        pg.get_by_label("用户名").fill("fgw")
        pg.locator("input[type=password]").fill(PASSWORD)
        pg.get_by_role("button", name="登录").click()
        pg.get_by_text("退出登录").wait_for(state="attached")
        pg.wait_for_function(IDLE)
        for i in range(repeat):
            value = 2551 + i
            pg.locator("[data-testid=stSidebarNav] a[href$='/upload']").click()
            pg.locator("input[type='file']").set_input_files(str(_upload_file(tmp, value)))
            pg.get_by_text("将要保存的数据").wait_for()
            pg.wait_for_function(IDLE)
            start = time.perf_counter()
            pg.get_by_role("button", name="确认保存").click()
            pg.get_by_text("条数据。").wait_for()
            pg.locator("[data-testid=stSidebarNav] a").first.click()
            card = pg.locator(".st-key-gauge_ev_chargers .gauge-line", has_text=f"{value:,}")
            card.wait_for()
            times.append(time.perf_counter() - start)
        pg.close()
    shutil.rmtree(tmp)
    return {"times": times}


def case_fresh_clone(repeat: int) -> dict:
    """Row: `streamlit run` on a fresh clone (no database, no bytecode of ours) → first
    gauge. The clone is of this tree's HEAD commit."""
    times = []
    for _ in range(repeat):
        tmp = Path(tempfile.mkdtemp())
        code = tmp / "clone"
        subprocess.run(
            ["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(code)],
            check=True,
            capture_output=True,
        )
        data = data_folder(tmp / "fresh")
        with browser() as b, serving(data, code) as (url, started):
            pg = _page(b)
            pg.goto(url + "/", wait_until="commit")
            pg.locator(CARDS).first.wait_for()
            times.append(time.perf_counter() - started)
            pg.close()
        shutil.rmtree(tmp)
    return {"times": times}


def case_pages_at_once(repeat: int, pages: int) -> dict:
    """Several new visitors at once against one warm server: seconds until every page
    has its first screen of gauges."""
    from concurrent.futures import ThreadPoolExecutor

    tmp = Path(tempfile.mkdtemp())
    times = []
    with serving(data_folder(tmp)) as (url, _):
        with browser() as b:
            visit(b, url)
        for _ in range(repeat):
            # one browser per visitor thread (Playwright's sync API is per thread)
            def one(_i):
                with browser() as bb:
                    pg = _page(bb)
                    ready = time.perf_counter()
                    pg.goto(url + "/", wait_until="commit")
                    _first_screen_drawn(pg)
                    return ready, time.perf_counter()

            with ThreadPoolExecutor(pages) as pool:
                done = list(pool.map(one, range(pages)))
            times.append(max(d[1] for d in done) - min(d[0] for d in done))
    shutil.rmtree(tmp)
    return {"times": times, "note": f"{pages} pages"}
