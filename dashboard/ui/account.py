"""我的账户: who I am, and a new password (every session of the account ends with it)."""

import time

import streamlit as st

from dashboard.core.access import PASSWORD_MAX
from dashboard.core.errors import DashboardError
from dashboard.core.messages import Glossed, text
from dashboard.present.markdown_text import literal
from dashboard.services import account_changes
from dashboard.ui import auth, common, errors

lang = common.lang()
w = common.ready()
user = auth.own_page(w, lang)

st.title(text("auth.my_account", lang))
departments = Glossed("department", tuple(sorted(user.departments))).words(lang)
st.markdown(  # the name and departments as typed, never Markdown
    f"**{literal(user.name, inline=True)}** · {text('role.' + user.role, lang)}"
    + (f" · {literal(departments, inline=True)}" if departments else "")
)
st.subheader(text("auth.change_password", lang))
with st.form("own_password", clear_on_submit=True):
    current = st.text_input(
        text("auth.current_password", lang),
        type="password",
        max_chars=PASSWORD_MAX,
        autocomplete="current-password",
    )
    new, again = (
        st.text_input(
            text(label, lang), type="password", max_chars=PASSWORD_MAX, autocomplete="new-password"
        )
        for label in ("auth.new_password", "auth.password_again")
    )
    if st.form_submit_button(text("auth.change_password", lang)):
        try:
            account_changes.change_own_password(
                w, user, current, new, again, auth.client(), time.time()
            )
        except DashboardError as err:
            errors.show(err, lang)
        else:
            st.rerun()  # the login has ended: the sidebar asks for the new password
