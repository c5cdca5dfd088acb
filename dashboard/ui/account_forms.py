"""The admin page's accounts: the table, and forms to add an account, change its role and
departments (from the catalogue), reset its password, disable, enable or delete it. Each
form calls services/account_changes, as the command line does."""

import time
from collections.abc import Callable

import streamlit as st

from dashboard.core.access import NAME_MAX, PASSWORD_MAX, ROLES, User
from dashboard.core.errors import DashboardError
from dashboard.core.messages import glossary, text
from dashboard.present.admin_tables import accounts_table
from dashboard.present.markdown_text import literal
from dashboard.services import account_changes, accounts, sessions
from dashboard.services.workspace import Workspace, workspace
from dashboard.ui import common, errors


@st.cache_data(show_spinner=False, max_entries=4)
def _departments(db_path: str, data_dir: str, db_version: tuple) -> list[str]:
    return account_changes.catalogue_departments(workspace(db_path, data_dir))


def manage(w: Workspace, admin: User, lang: str) -> None:
    _reset_fields()
    done = st.session_state.pop("accounts_done", None)
    if done:
        st.success(literal(done))  # it names the account as typed
    users = accounts.directory(w)
    opened = sessions.open_counts(w, time.time())
    common.names_table(accounts_table(users, opened, lang))
    st.caption(text("accounts_hint", lang))
    known = _departments(str(w.db_path), str(w.data_dir), common.version(w))
    add_tab, edit_tab = st.tabs([text("accounts.add", lang), text("accounts.edit", lang)])
    with add_tab:
        _add(w, admin, known, lang)
    with edit_tab:
        if users:
            _edit(w, admin, users, known, lang)


def _act(
    lang: str, action: Callable, done: Callable[[object], str], clear: dict | None = None
) -> None:
    """Carry out a change; its message shows above the table after the rerun. A refused
    change keeps what was typed; a done one resets the fields in `clear` (key: value)."""
    try:
        result = action()
    except DashboardError as err:
        errors.show(err, lang)
        return
    st.session_state["accounts_done"] = done(result)
    st.session_state["accounts_reset"] = clear or {}
    st.rerun()


def _reset_fields() -> None:
    """Empty the fields of a change just done (before they are drawn again, the only time
    Streamlit lets a widget's value be set)."""
    for key, value in st.session_state.pop("accounts_reset", {}).items():
        st.session_state[key] = value


def _role_word(lang: str) -> Callable[[str], str]:
    return lambda role: text("role." + role, lang)


def _passwords(lang: str, key: str) -> tuple[str, str]:
    first, again = (
        st.text_input(
            text(label, lang),
            type="password",
            max_chars=PASSWORD_MAX,
            autocomplete="new-password",  # not the admin's own, for the browser's manager
            key=f"{key}_{part}",
        )
        for label, part in (("password", "password"), ("auth.password_again", "again"))
    )
    return first, again


ADD_FIELDS = {
    "new_account_name": "",
    "new_account_role": "uploader",
    "new_account_departments": [],
    "new_account_password": "",
    "new_account_again": "",
}


def _add(w: Workspace, admin: User, known: list[str], lang: str) -> None:
    with st.form("account_add"):
        name = st.text_input(
            text("username", lang), max_chars=NAME_MAX, autocomplete="off", key="new_account_name"
        )
        role = st.selectbox(
            text("role", lang), ROLES, index=1, format_func=_role_word(lang), key="new_account_role"
        )
        departments = st.multiselect(
            text("accounts.departments", lang),
            known,
            placeholder=text("accounts.pick_departments", lang),
            format_func=lambda d: glossary("department", d, lang),
            key="new_account_departments",
        )
        password, again = _passwords(lang, "new_account")
        if st.form_submit_button(text("accounts.add", lang)):
            _act(
                lang,
                lambda: account_changes.add(
                    w,
                    admin,
                    name,
                    accounts.repeated(password, again),
                    role,
                    departments,
                    time.time(),
                ),
                lambda user: text("accounts.added", lang, name=user.name),
                ADD_FIELDS,
            )


def _edit(w: Workspace, admin: User, users: dict, known: list[str], lang: str) -> None:
    def label(n: str) -> str:
        off = f" · {text('accounts.status.disabled', lang)}" if users[n].get("disabled") else ""
        return f"{n} · {text('role.' + users[n]['role'], lang)}{off}"

    name = st.selectbox(
        text("accounts.choose", lang), list(users), format_func=label, key="account_pick"
    )
    record = users[name]
    with st.form(f"account_role_{name}"):
        role = st.selectbox(
            text("role", lang),
            ROLES,
            index=ROLES.index(record["role"]),
            format_func=_role_word(lang),
            key=f"edit_role_{name}",
        )
        current = record.get("departments", [])
        departments = st.multiselect(
            text("accounts.departments", lang),
            sorted({*known, *current}),
            default=current,
            placeholder=text("accounts.pick_departments", lang),
            format_func=lambda d: glossary("department", d, lang),
            key=f"edit_departments_{name}",
        )
        if st.form_submit_button(text("accounts.save", lang)):
            _act(
                lang,
                lambda: account_changes.set_role(w, admin, name, role, departments, time.time()),
                lambda user: text("accounts.saved", lang, name=user.name),
            )
    with st.form(f"account_password_{name}"):
        password, again = _passwords(lang, f"reset_{name}")
        if st.form_submit_button(text("accounts.reset_password", lang)):
            _act(
                lang,
                lambda: account_changes.reset_password(
                    w, admin, name, accounts.repeated(password, again), time.time()
                ),
                lambda ended: text("accounts.password_reset", lang, name=name, ended=ended),
                {f"reset_{name}_password": "", f"reset_{name}_again": ""},
            )
    _switches(w, admin, name, record, lang)


def _switches(w: Workspace, admin: User, name: str, record: dict, lang: str) -> None:
    disabled = bool(record.get("disabled"))
    toggle = "accounts.enable" if disabled else "accounts.disable"
    if st.button(text(toggle, lang), key=f"toggle_{name}"):
        _act(
            lang,
            lambda: account_changes.set_disabled(w, admin, name, not disabled, time.time()),
            lambda ended: (
                text("accounts.enabled", lang, name=name)
                if disabled
                else text("accounts.disabled", lang, name=name, ended=ended)
            ),
        )
    sure = st.checkbox(text("accounts.confirm_delete", lang, name=name), key=f"sure_{name}")
    if st.button(text("accounts.delete", lang), key=f"delete_{name}", disabled=not sure):
        _act(
            lang,
            lambda: account_changes.delete(w, admin, name, time.time()),
            lambda ended: text("accounts.deleted", lang, name=name, ended=ended),
        )
