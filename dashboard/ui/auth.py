"""Login, logout and the acting user of every page, kept across reloads, tabs and links.

A login gives this tab a signed token (services/sessions) and the browser an HttpOnly
cookie holding it (ui/session_cookie); a reload or a new tab resumes the cookie's token.
Every run checks the token again, so a logout in another tab, a changed password or a
disabled account ends the login at the next click. Accounts come from the local users
file (services/accounts); with DASHBOARD_AUTH=oidc Streamlit's built-in OIDC login
(st.login, configured in .streamlit/secrets.toml) is used instead, and the signed-in
e-mail address is looked up in the same users file for its role.
"""

import os
import time

import streamlit as st

from dashboard.core.access import NAME_MAX, PASSWORD_MAX, User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Glossed, text
from dashboard.present.markdown_text import literal
from dashboard.services import accounts, logins, sessions
from dashboard.services.workspace import Workspace
from dashboard.ui import errors, session_cookie

# why a login ended -> what the person is told (nothing for a token that was never valid)
ENDED = {
    "expired": "session_expired",
    "logout": "auth.ended.logout",
    "password": "auth.ended.password",
    "account": "auth.ended.account",
}


def public() -> bool:
    """Anonymous read-only viewing (a public screen); uploading always needs a login."""
    return os.environ.get("DASHBOARD_PUBLIC", "1") != "0"


def oidc() -> bool:
    return os.environ.get("DASHBOARD_AUTH") == "oidc"


def client() -> str:
    """The address the web server saw (behind a reverse proxy: the forwarded one)."""
    return st.context.ip_address or "local"


def current_user(w: Workspace) -> User | None:
    """Who acts in this run, or None. While the users file or the signing key cannot be
    used nobody is logged in (the sidebar says why); the token is kept for when they can."""
    try:
        return _oidc_user(w) if oidc() else _token_user(w)
    except (accounts.AccountsDamaged, accounts.AccountsLost, sessions.SessionKeyError):
        return None


def _token_user(w: Workspace) -> User | None:
    held = st.session_state.get("auth")
    token = held or _cookie_token()
    if not token:
        return None
    resumed = sessions.resume(w, token, time.time())
    if resumed.user is None:
        # tell why when this tab was using the token, or when it simply ran out
        told = token == held or resumed.ended == "expired"
        _forget(token, resumed.ended if told else None)
        return None
    st.session_state["auth"] = token
    return resumed.user


def _cookie_token() -> str | None:
    token = session_cookie.token()
    return None if token in st.session_state.get("auth_dropped", ()) else token


def _forget(token: str, why: str | None) -> None:
    """This tab stops using `token`, tells the person why, and the browser drops it."""
    st.session_state.pop("auth", None)
    st.session_state["auth_dropped"] = {*st.session_state.get("auth_dropped", ()), token}
    if why in ENDED:
        st.session_state["auth_notice"] = ENDED[why]
    session_cookie.forget()


def _signed_in(token: str) -> None:
    st.session_state["auth"] = token
    st.session_state["just_signed_in"] = True  # app.py: an uploader lands on 我的部门
    st.session_state.get("auth_dropped", set()).discard(token)
    session_cookie.hand_over(token, time.time())
    st.rerun()


def _oidc_user(w: Workspace) -> User | None:
    if not st.user.is_logged_in:
        return None
    users = accounts.directory(w)
    record = accounts.enabled(users, str(st.user.get("email", "")))
    return None if record is None else accounts.to_user(str(st.user.get("email")), record)


def sidebar(w: Workspace, lang: str) -> User | None:
    user = current_user(w)
    session_cookie.render(lang)
    box = st.sidebar.container(border=True)
    if user is not None:
        _signed_in_box(w, box, user, lang)
        return user
    notice = st.session_state.pop("auth_notice", None)
    if notice:
        box.warning(text(notice, lang))
    if oidc():
        if box.button(text("login_oidc", lang), key="login_oidc"):
            st.login()
        return None
    try:
        users = accounts.directory(w)
    except (accounts.AccountsDamaged, accounts.AccountsLost) as err:
        errors.show(err, lang, box)
        return None
    if users:
        _login_form(w, box, lang)
    else:
        _first_admin(w, box, lang)
    return None


def _signed_in_box(w: Workspace, box, user: User, lang: str) -> None:
    departments = Glossed("department", tuple(sorted(user.departments))).words(lang)
    box.markdown(  # a name and departments as typed, never Markdown
        f"**{literal(user.name, inline=True)}** · {text('role.' + user.role, lang)}"
        + (f"  \n{literal(departments, inline=True)}" if departments else "")
    )
    if st.session_state.get("cookie_tab_only"):
        box.caption(text("auth.tab_only", lang))
    if box.button(text("logout", lang), key="logout"):
        if oidc():
            st.logout()
        token = st.session_state.get("auth")
        if token:
            sessions.end(w, token, time.time())
            _forget(token, None)
        st.rerun()


def _login_form(w: Workspace, box, lang: str) -> None:
    with box.form("login"):
        name = st.text_input(
            text("username", lang), key="login_name", max_chars=NAME_MAX, autocomplete="username"
        )
        password = st.text_input(
            text("password", lang),
            type="password",
            key="login_password",
            max_chars=PASSWORD_MAX,
            autocomplete="current-password",
        )
        if st.form_submit_button(text("login", lang)):
            try:
                _, token = logins.log_in(w, name, password, client(), time.time())
            except DashboardError as err:
                errors.show(err, lang)
                return
            _signed_in(token)


def _first_admin(w: Workspace, box, lang: str) -> None:
    """A fresh installation has no accounts: the first person sets up the administrator."""
    box.info(text("no_accounts", lang))
    with box.form("first_admin"):
        name = st.text_input(
            text("username", lang), key="admin_name", max_chars=NAME_MAX, autocomplete="username"
        )
        password = st.text_input(
            text("password", lang),
            type="password",
            key="admin_password",
            max_chars=PASSWORD_MAX,
            autocomplete="new-password",
        )
        again = st.text_input(
            text("auth.password_again", lang),
            type="password",
            key="admin_password_again",
            max_chars=PASSWORD_MAX,
            autocomplete="new-password",
        )
        if st.form_submit_button(text("create_admin", lang)):
            try:
                _, token = logins.first_admin(w, name, password, again, client(), time.time())
            except DashboardError as err:
                errors.show(err, lang)
                return
            _signed_in(token)


def require_view(user: User | None, lang: str) -> None:
    if user is None and not public():
        st.info(text("login_to_view", lang))
        st.stop()


def page(w: Workspace, lang: str) -> User | None:
    """Every page starts here: the acting user, and a stop if viewing needs a login."""
    user = current_user(w)
    require_view(user, lang)
    return user


def admin_page(w: Workspace, lang: str) -> User:
    """A page for administrators: anyone else (a bookmark, a shared link) is told so."""
    user = current_user(w)
    if user is None or not user.is_admin:
        st.info(text("admin_only", lang))
        st.stop()
    return user


def own_page(w: Workspace, lang: str) -> User:
    """A page about the logged-in person's own account."""
    user = current_user(w)
    if user is None:
        st.info(text("login_to_view", lang))
        st.stop()
    return user
