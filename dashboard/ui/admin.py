"""审计与账户 (admins only): the audit log in words, exportable as stored, and the accounts."""

import streamlit as st

from dashboard.core.messages import in_lang, text
from dashboard.present.admin_tables import audit_codes, audit_table
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
targets = common.load_targets(str(w.db_path), None, common.version(w))
names = dict(zip(targets["id"], targets[in_lang("name", lang)], strict=True))
table = audit_table(log, lang, names)
st.download_button(
    text("download_csv", lang),
    audit_codes(log).to_csv(index=False).encode("utf-8-sig"),
    "audit_log.csv",
    "text/csv",
    icon=":material/download:",
)
st.dataframe(
    table.iloc[::-1],
    hide_index=True,
    width="stretch",
    placeholder="—",
    column_config=common.fitted_columns(table),  # none clipped; # and time lead the row
)

st.subheader(text("accounts", lang))
account_forms.manage(w, user, lang)
