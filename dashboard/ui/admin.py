"""审计与账户 (admins only): the audit log, exportable, and the accounts."""

import streamlit as st

from dashboard.core.messages import text
from dashboard.present.admin_tables import audit_table
from dashboard.services import audit_log
from dashboard.services.database import connect
from dashboard.ui import account_forms, auth, common

lang = common.lang()
w = common.ready()
user = auth.admin_page(w, lang)

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
account_forms.manage(w, user, lang)
