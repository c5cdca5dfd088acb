"""Login, logout and session expiry in the sidebar; the acting user for every page.

Accounts come from the local users file (dashboard/services/accounts.py). With DASHBOARD_AUTH=oidc
Streamlit's built-in OIDC login (st.login, configured in .streamlit/secrets.toml) is used
instead, and the signed-in e-mail address is looked up in the same users file for its role.
"""

import os
import time

import streamlit as st

from dashboard.core.access import User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import text
from dashboard.services import accounts, audit_log
from dashboard.services.database import connect
from dashboard.services.workspace import Workspace
from dashboard.ui import errors


def session_seconds() -> float:
    return float(os.environ.get("DASHBOARD_SESSION_HOURS", "8")) * 3600


def public() -> bool:
    """Anonymous read-only viewing (a public screen); uploading always needs a login."""
    return os.environ.get("DASHBOARD_PUBLIC", "1") != "0"


def _record(w: Workspace, user: str, action: str, outcome: str, **detail) -> None:
    with connect(w.db_path) as con:
        audit_log.record(con, user, action, outcome, **detail)


def current_user(w: Workspace) -> User | None:
    if os.environ.get("DASHBOARD_AUTH") == "oidc":
        return _oidc_user(w)
    auth = st.session_state.get("auth")
    if not auth:
        return None
    if time.time() > auth["expires"]:
        st.session_state.pop("auth")
        st.session_state["auth_expired"] = True
        _record(w, auth["name"], "logout", "expired")
        return None
    # read the file each time: a changed role or a removed user takes effect at once
    return accounts.find(accounts.users_path(w.data_dir), auth["name"])


def _oidc_user(w: Workspace) -> User | None:
    if not st.user.is_logged_in:
        return None
    return accounts.find(accounts.users_path(w.data_dir), str(st.user.get("email", "")))


def sidebar(w: Workspace, lang: str) -> User | None:
    user = current_user(w)
    box = st.sidebar.container(border=True)
    if user is not None:
        departments = "、".join(sorted(user.departments))
        box.markdown(
            f"**{user.name}** · {text('role.' + user.role, lang)}"
            + (f"  \n{departments}" if departments else "")
        )
        if box.button(text("logout", lang), key="logout"):
            _record(w, user.name, "logout", "ok")
            st.session_state.pop("auth", None)
            if os.environ.get("DASHBOARD_AUTH") == "oidc":
                st.logout()
            st.rerun()
        return user
    if st.session_state.pop("auth_expired", False):
        box.warning(text("session_expired", lang))
    if os.environ.get("DASHBOARD_AUTH") == "oidc":
        if box.button(text("login_oidc", lang), key="login_oidc"):
            st.login()
        return None
    if not accounts.load(accounts.users_path(w.data_dir)):
        _first_admin(w, box, lang)
    else:
        _login_form(w, box, lang)
    return None


def _login_form(w: Workspace, box, lang: str) -> None:
    with box.form("login"):
        name = st.text_input(text("username", lang), key="login_name")
        password = st.text_input(text("password", lang), type="password", key="login_password")
        if st.form_submit_button(text("login", lang)):
            user = accounts.authenticate(accounts.users_path(w.data_dir), name, password)
            if user is None:
                _record(w, name.strip() or "?", "login", "failed")
                st.error(text("login_failed", lang))
                return
            _record(w, user.name, "login", "ok")
            st.session_state["auth"] = {
                "name": user.name,
                "expires": time.time() + session_seconds(),
            }
            st.rerun()


def _first_admin(w: Workspace, box, lang: str) -> None:
    """A fresh installation has no accounts: the first person sets up the administrator."""
    box.info(text("no_accounts", lang))
    with box.form("first_admin"):
        name = st.text_input(text("username", lang), key="admin_name")
        password = st.text_input(text("password", lang), type="password", key="admin_password")
        if st.form_submit_button(text("create_admin", lang)):
            try:
                user = accounts.add_user(
                    accounts.users_path(w.data_dir), name, password, "admin", []
                )
            except DashboardError as err:
                errors.show(err, lang)
                return
            _record(w, user.name, "user_add", "ok", account=user.name, role="admin")
            _record(w, user.name, "login", "ok")
            st.session_state["auth"] = {
                "name": user.name,
                "expires": time.time() + session_seconds(),
            }
            st.rerun()


def require_view(user: User | None, lang: str) -> None:
    if user is None and not public():
        st.info(text("login_to_view", lang))
        st.stop()


def page(w: Workspace, lang: str) -> User | None:
    """Every page starts here: the acting user, and a stop if viewing needs a login."""
    user = current_user(w)
    require_view(user, lang)
    return user
