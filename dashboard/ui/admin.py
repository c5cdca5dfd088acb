"""审计与账户 (admins only): the audit log, exportable, and the accounts with their roles."""

import streamlit as st

from dashboard.core.messages import text
from dashboard.present.admin_tables import accounts_table, audit_table
from dashboard.services import accounts, audit_log
from dashboard.services.database import connect
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.current_user(w)
if user is None or not user.is_admin:
    st.info(text("admin_only", lang))
    st.stop()

st.title(text("admin", lang))
st.subheader(text("audit_log", lang))
with connect(w.db_path) as con:
    log = audit_log.entries(con)
table = audit_table(log, lang)
st.download_button(
    text("download_csv", lang),
    table.to_csv(index=False).encode("utf-8-sig"),
    "audit_log.csv",
    "text/csv",
    icon=":material/download:",
)
st.dataframe(table.iloc[::-1], hide_index=True, width="stretch")

st.subheader(text("accounts", lang))
st.caption(text("accounts_hint", lang))
st.dataframe(
    accounts_table(accounts.load(accounts.users_path(w.data_dir)), lang),
    hide_index=True,
    width="stretch",
)
