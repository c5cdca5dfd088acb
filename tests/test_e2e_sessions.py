"""Logins in a real browser: an HttpOnly cookie keeps them across reloads, tabs and links;
logout and a new password end them in every tab. Screenshots go to test-artifacts/."""

import urllib.error
import urllib.request

import pytest

from tests.conftest import PASSWORD, add_accounts
from tests.test_e2e import ARGS, ARTIFACTS, CHROMIUM, _need_browser, serving
from tests.test_e2e import server as server  # noqa: F401 (a fixture)

pytestmark = pytest.mark.e2e
DESKTOP = {"width": 1600, "height": 1000}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _context(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(45_000)
    return context


def _sidebar(page):
    """Open the sidebar where a phone keeps it folded away."""
    expand = page.locator("[data-testid='stExpandSidebarButton']")
    if expand.count() and expand.is_visible():
        expand.click()
    return page.locator("[data-testid='stSidebar']")


def _fold(page) -> None:
    """Fold the sidebar away on a phone to see the page."""
    fold = page.locator("[data-testid='stSidebarCollapseButton'] button")
    if page.viewport_size["width"] < 600 and fold.count() and fold.is_visible():
        fold.click()
        page.wait_for_timeout(500)


def _login(page, name: str, password: str = PASSWORD, button: str = "登录") -> None:
    # typed while the previous run (a refused login's message) still redraws the form,
    # the fields were reset under load and the login never came (a flaky full-suite run)
    page.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget]')", timeout=45_000
    )
    bar = _sidebar(page)
    bar.locator("input[type='text']").first.fill(name)
    bar.locator("input[type='password']").fill(password)
    bar.get_by_role("button", name=button, exact=True).click()


def _shot(page, name: str) -> None:
    page.wait_for_timeout(800)  # let charts settle
    page.screenshot(path=ARTIFACTS / f"{name}.png")


def _session_cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == "dashboard_session"), None)


def _post(url: str, body: bytes, **headers: str) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status
    except urllib.error.HTTPError as err:
        return err.code


def test_the_cookie_routes_answer_only_the_dashboards_pages(server):
    host = server.removeprefix("http://")
    grant = b'{"grant": "made-up"}'
    assert _post(server + "/api/session", grant) == 403  # no Origin: not from a page
    assert _post(server + "/api/session", grant, Origin="http://evil.example") == 403
    assert _post(server + "/api/session", grant, Origin=f"http://{host}") == 403  # no such grant
    assert _post(server + "/api/session", b"x" * 5000, Origin=f"http://{host}") == 403
    assert _post(server + "/api/session", b"[1]", Origin=f"http://{host}") == 400
    assert _post(server + "/api/session/end", b"{}", Origin="http://evil.example") == 403
    assert _post(server + "/api/session/end", b"{}", Origin=f"http://{host}") == 204


def test_login_survives_reload_tabs_and_links_and_ends_everywhere(server, browser):
    context = _context(browser, DESKTOP)
    a = context.new_page()
    a.goto(server + "/")
    _login(a, "fgw")
    a.get_by_text("退出登录").wait_for()
    a.wait_for_function("document.cookie.includes('dashboard_lang=zh')")
    assert _wait_for(lambda: _session_cookie(context) is not None)  # posted after landing
    cookie = _session_cookie(context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert "dashboard_session" not in a.evaluate("document.cookie")  # no script can read it

    a.get_by_text("我的部门 · 2026年10月").wait_for()  # an uploader lands on their department
    a.reload()
    a.get_by_text("退出登录").wait_for()
    a.get_by_text("我的部门 · 2026年10月").wait_for()  # the same page, still logged in
    _shot(a, "session_desktop_zh_reloaded")

    b = context.new_page()  # a new tab with a deep link
    b.goto(server + "/detail?id=ev_chargers")
    b.get_by_text("退出登录").wait_for()
    b.get_by_role("heading", name="新建电动汽车公共充电桩").wait_for()
    _shot(b, "session_desktop_zh_deep_link")
    b.goto(server + "/admin")  # a bookmark this uploader may not use
    b.get_by_text("此页面仅限管理员。请以管理员身份登录。").wait_for()
    assert b.get_by_text("Page not found").count() == 0
    _shot(b, "session_desktop_zh_admin_refused")

    a.get_by_role("radio", name="English").click()
    a.get_by_text("Log out").wait_for()
    a.wait_for_function("document.cookie.includes('dashboard_lang=en')")
    a.reload()  # the language survives the reload, as the login does
    a.get_by_text("My department · Oct 2026").wait_for()
    a.get_by_text("Log out").wait_for()
    b.goto(server + "/admin")
    b.get_by_text("This page is for administrators. Please log in as one.").wait_for()
    _shot(b, "session_desktop_en_admin_refused")

    a.get_by_role("button", name="Log out").click()
    _sidebar(a).get_by_role("button", name="Log in", exact=True).wait_for()
    assert _wait_for(lambda: _session_cookie(context) is None)
    b.get_by_role("radio", name="中文").click()  # the other tab's next click
    b.get_by_text("您已在其他窗口退出登录。").wait_for()
    assert b.get_by_role("button", name="退出登录").count() == 0
    _shot(b, "session_desktop_zh_logged_out_elsewhere")
    b.reload()
    _sidebar(b).get_by_role("button", name="登录", exact=True).wait_for()
    assert b.get_by_role("button", name="退出登录").count() == 0

    # a new password ends the login in every tab
    _login(a, "fgw", button="Log in")
    a.get_by_text("Log out").wait_for()
    b.reload()  # in English now: the language last chosen in any tab
    b.get_by_role("button", name="Log out").wait_for()
    a.goto(server + "/account")
    a.get_by_label("Current password").fill(PASSWORD)
    a.get_by_label("New password").fill("fgw new secret 9")
    a.get_by_label("Password again").fill("fgw new secret 9")
    _shot(a, "session_desktop_en_change_password")
    a.get_by_role("button", name="Change password").click()
    a.get_by_text("The password was changed; log in with the new one.").wait_for()
    b.get_by_role("radio", name="中文").click()
    b.get_by_text("密码已修改，请用新密码重新登录。").wait_for()
    _shot(b, "session_desktop_zh_password_changed_elsewhere")
    b.reload()
    _sidebar(b).get_by_role("button", name="登录", exact=True).wait_for()
    _login(b, "fgw")
    b.get_by_text("用户名或密码不正确。").wait_for()
    _login(b, "fgw", "fgw new secret 9")
    b.get_by_role("button", name="退出登录").wait_for()
    context.close()


def _wait_for(check, seconds: float = 10) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_on_a_phone_a_deep_link_survives_the_login_and_reloads(sample_ws, browser):
    add_accounts(sample_ws)
    with serving(sample_ws, DASHBOARD_PUBLIC="0") as url:
        context = _context(browser, PHONE)
        page = context.new_page()
        page.goto(url + "/detail?id=ev_chargers")
        page.get_by_text("请先在左侧登录。").wait_for()
        _shot(page, "session_phone_zh_login_needed")
        _login(page, "guest")
        page.get_by_role("heading", name="新建电动汽车公共充电桩").wait_for()
        assert page.url.endswith("/detail?id=ev_chargers")
        page.reload()
        page.get_by_role("heading", name="新建电动汽车公共充电桩").wait_for()
        _fold(page)
        _shot(page, "session_phone_zh_detail_reloaded")
        _sidebar(page).get_by_role("radio", name="English").click()
        page.get_by_role("heading", name="New public EV charging piles").wait_for()
        page.wait_for_function("document.cookie.includes('dashboard_lang=en')")
        other = context.new_page()
        other.goto(url + "/admin")
        other.get_by_text("This page is for administrators. Please log in as one.").wait_for()
        _fold(other)
        _shot(other, "session_phone_en_admin_refused")
        page.reload()
        page.get_by_role("heading", name="New public EV charging piles").wait_for()
        _fold(page)
        _shot(page, "session_phone_en_detail_reloaded")
        _sidebar(page).get_by_text("guest · viewer").wait_for()
        _shot(page, "session_phone_en_sidebar")
        context.close()


def test_an_admin_adds_an_account_in_the_browser(server, browser):
    for viewport, lang in ((DESKTOP, "zh"), (PHONE, "en")):
        context = _context(browser, viewport)
        page = context.new_page()
        page.goto(server + "/admin")
        page.get_by_text("此页面仅限管理员。请以管理员身份登录。").wait_for()
        _login(page, "admin")
        page.get_by_role("button", name="退出登录").wait_for()
        if lang == "en":
            _sidebar(page).get_by_role("radio", name="English").click()
            page.get_by_text("Audit and accounts").first.wait_for()
        _fold(page)
        name = f"li_{lang}"
        page.get_by_label("用户名" if lang == "zh" else "User name").first.fill(name)
        departments = "责任单位（可多选）" if lang == "zh" else "Departments (one or more)"
        page.get_by_label(departments).first.click()
        # the list shows only the matches, named in the page's language
        page.get_by_label(departments).first.type("商务" if lang == "zh" else "Commerce")
        page.get_by_role("option", name="市商务局" if lang == "zh" else "Commerce Bureau").click()
        page.keyboard.press("Escape")
        for label in ("密码", "再次输入密码") if lang == "zh" else ("Password", "Password again"):
            page.get_by_label(label, exact=True).first.fill(PASSWORD)
        page.get_by_role(
            "button", name="添加账户" if lang == "zh" else "Add an account"
        ).last.click()
        page.get_by_text(f"已添加账户 {name}。" if lang == "zh" else f"Added {name}.").wait_for()
        _shot(page, f"accounts_{'desktop' if lang == 'zh' else 'phone'}_{lang}_added")
        context.close()
