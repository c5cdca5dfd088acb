"""审计与账户 (admins only): the audit log, exportable, and the accounts with their roles."""

import streamlit as st

from dashboard.present.admin_tables import accounts_table, audit_table
from dashboard.present.i18n import t
from dashboard.services import accounts
from dashboard.store import audit
from dashboard.store.connection import connect
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.current_user(w)
if user is None or not user.is_admin:
    st.info(t("admin_only", lang))
    st.stop()

st.title(t("admin", lang))
st.subheader(t("audit_log", lang))
with connect(w.db_path) as con:
    log = audit.entries(con)
table = audit_table(log, lang)
st.download_button(
    t("download_csv", lang),
    table.to_csv(index=False).encode("utf-8-sig"),
    "audit_log.csv",
    "text/csv",
    icon=":material/download:",
)
st.dataframe(table.iloc[::-1], hide_index=True, width="stretch")

st.subheader(t("accounts", lang))
st.caption(t("accounts_hint", lang))
st.dataframe(
    accounts_table(accounts.load(accounts.users_path(w.data_dir)), lang),
    hide_index=True,
    width="stretch",
)
