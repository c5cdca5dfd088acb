"""The account pages through AppTest: pages a person may not see, the admin's account forms,
one's own password, a logout seen by another tab, and a lost users file."""

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.services import accounts
from tests.conftest import PASSWORD, add_accounts
from tests.test_app import APP, button, login, shown


@pytest.fixture
def app(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    monkeypatch.setenv("DASHBOARD_DB", str(sample_ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_ws.data_dir))
    return AppTest.from_file(APP, default_timeout=60).run()


def _new_tab(token: str) -> AppTest:
    """Another tab of the same browser: it holds the same token (from the cookie)."""
    tab = AppTest.from_file(APP, default_timeout=60)
    tab.session_state["auth"] = token
    return tab.run()


def _sidebar_user(at) -> str | None:
    box = [m.value for m in at.sidebar.markdown if m.value.startswith("**")]
    return box[0] if box else None


def test_a_page_one_may_not_see_says_so_in_ones_language(app):
    app.switch_page("ui/admin.py").run()
    assert [i.value for i in app.info] == ["此页面仅限管理员。请以管理员身份登录。"]
    assert not app.dataframe
    login(app, "fgw")
    app.switch_page("ui/admin.py").run()
    assert app.info[0].value == "此页面仅限管理员。请以管理员身份登录。"
    app.segmented_control(key="lang_choice").set_value("English").run()
    assert app.info[0].value == "This page is for administrators. Please log in as one."
    app.switch_page("ui/account.py").run()
    assert app.title[0].value == "My account"


def test_my_account_needs_a_login(app):
    app.switch_page("ui/account.py").run()
    assert app.info[0].value == "请先在左侧登录。"


def test_the_admin_adds_a_user_from_the_catalogues_departments(app):
    login(app, "admin")
    app.switch_page("ui/admin.py").run()
    choices = app.multiselect(key="new_account_departments").options
    assert (
        len(choices) == 22 and "市发展改革委" in choices and "发改委" not in choices
    )  # 市文物局 since issue 15
    app.text_input(key="new_account_name").set_value("li")
    app.selectbox(key="new_account_role").set_value("uploader")
    app.multiselect(key="new_account_departments").set_value(["市商务局", "市发展改革委"])
    app.text_input(key="new_account_password").set_value(PASSWORD)
    app.text_input(key="new_account_again").set_value(PASSWORD + "?")
    button(app, "添加账户").click().run()
    assert app.error[0].value == "两次输入的密码不一致"
    app.text_input(key="new_account_password").set_value(PASSWORD)
    app.text_input(key="new_account_again").set_value(PASSWORD)
    button(app, "添加账户").click().run()
    assert app.success[0].value == "已添加账户 li。"
    assert app.text_input(key="new_account_name").value == ""  # ready for the next one
    assert app.multiselect(key="new_account_departments").value == []
    table = app.dataframe[1].value
    row = table[table["用户名"] == "li"].iloc[0]
    assert (row["角色"], row["责任单位"], row["状态"], row["在线会话"]) == (
        "填报",
        "市发展改革委、市商务局",
        "启用",
        0,
    )
    admin_row = table[table["用户名"] == "admin"].iloc[0]
    assert admin_row["在线会话"] == 1


def test_the_admin_resets_disables_and_deletes(app):
    fgw = AppTest.from_file(APP, default_timeout=60).run()
    login(fgw, "fgw")
    login(app, "admin")
    app.switch_page("ui/admin.py").run()
    pick = next(s for s in app.selectbox if s.label == "选择账户")
    pick.set_value("fgw").run()
    app.text_input(key="reset_fgw_password").set_value("brand new 42")
    app.text_input(key="reset_fgw_again").set_value("brand new 42")
    button(app, "重置密码").click().run()
    assert app.success[0].value == "已为 fgw 设置新密码，结束了 1 个登录会话。"
    fgw.run()  # fgw's next click
    assert _sidebar_user(fgw) is None
    assert fgw.sidebar.warning[0].value == "密码已修改，请用新密码重新登录。"
    login(fgw, "fgw", "brand new 42")
    assert _sidebar_user(fgw).startswith("**fgw**")
    button(app, "停用账户").click().run()
    assert app.success[0].value == "已停用 fgw，结束了 1 个登录会话。"
    fgw.run()
    assert fgw.sidebar.warning[0].value == "您的账户已停用或删除。"
    button(app, "启用账户").click().run()
    assert app.success[0].value == "已启用 fgw。"
    delete = button(app, "删除账户")
    assert delete.disabled
    app.checkbox(key="sure_fgw").check().run()
    button(app, "删除账户").click().run()
    assert app.success[0].value == "已删除 fgw，结束了 0 个登录会话。"
    assert "fgw" not in accounts.load(accounts.users_path(_data_dir()))


def _data_dir() -> Path:
    return Path(os.environ["DASHBOARD_DATA"])


def test_changing_ones_password_logs_out_everywhere(app):
    login(app, "cgj")
    other = _new_tab(app.session_state["auth"])
    assert _sidebar_user(other).startswith("**cgj**")
    app.switch_page("ui/account.py").run()
    assert app.title[0].value == "我的账户"
    inputs = {t.label: t for t in app.text_input}
    inputs["当前密码"].set_value(PASSWORD)
    inputs["新密码"].set_value("cgj new pass 1")
    inputs["再次输入密码"].set_value("cgj new pass 1")
    button(app, "修改密码").click().run()
    assert app.sidebar.warning[0].value == "密码已修改，请用新密码重新登录。"
    assert _sidebar_user(app) is None
    other.run()
    assert _sidebar_user(other) is None
    login(app, "cgj", PASSWORD)
    assert app.error[0].value == "用户名或密码不正确。"
    login(app, "cgj", "cgj new pass 1")
    assert _sidebar_user(app).startswith("**cgj**")


def test_a_logout_ends_the_login_in_the_other_tab_too(app):
    login(app, "guest")
    other = _new_tab(app.session_state["auth"])
    assert _sidebar_user(other).startswith("**guest**")
    button(app, "退出登录").click().run()
    assert _sidebar_user(app) is None and not app.sidebar.warning
    other.run()
    assert _sidebar_user(other) is None
    assert other.sidebar.warning[0].value == "您已在其他窗口退出登录。"


def test_repeated_failures_are_held_back_in_the_sidebar(app):
    for _ in range(5):
        login(app, "admin", "not the password")
        assert app.error[0].value == "用户名或密码不正确。"
    login(app, "admin", PASSWORD)
    assert app.error[0].value.startswith("登录失败次数过多，请 ")
    assert _sidebar_user(app) is None


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "账户文件 users.json 缺失或为空，而本看板已设置过账户，因此登录已停用。"),
        (b"{}", "账户文件 users.json 缺失或为空，而本看板已设置过账户，因此登录已停用。"),
        (b"", "账户文件 users.json 无法读取（0 字节），登录已停用。"),
        (b'{"admin": {"pass', "账户文件 users.json 无法读取（第 11 个字符处 JSON 不完整或有误）"),
    ],
)
def test_a_lost_users_file_stops_logins_not_the_public_pages(app, content, message):
    login(app, "admin")
    path = accounts.users_path(_data_dir())
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    app.run()
    assert _sidebar_user(app) is None
    assert shown(app.sidebar.error[0].value).startswith(message)  # the file name, escaped
    assert not [t for t in app.text_input if t.key in ("admin_name", "login_name")]
    assert app.title[0].value == "目标进度看板 · 2026年10月"  # public viewing goes on
    assert not app.exception
    fresh = AppTest.from_file(APP, default_timeout=60).run()
    assert shown(fresh.sidebar.error[0].value).startswith(message)
    assert not fresh.exception
