"""Streamlit entry point: `streamlit run dashboard/app.py`. Navigation and language only."""

import streamlit as st

from dashboard.core.messages import text
from dashboard.ui import auth, common, errors

st.set_page_config(page_title=text("app_title", "zh"), page_icon=":material/speed:", layout="wide")
lang = common.language_switch()
with errors.reported(lang):
    w = common.ready()
    user = auth.sidebar(w, lang)

PAGES = [  # file, title key, icon, url
    ("ui/overview.py", "overview", ":material/speed:", "overview"),
    ("ui/detail.py", "detail", ":material/query_stats:", "detail"),
    ("ui/upload.py", "upload", ":material/upload_file:", "upload"),
    ("ui/completeness.py", "completeness", ":material/calendar_month:", "completeness"),
    ("ui/snapshots.py", "snapshots", ":material/photo_camera:", "snapshots"),
    ("ui/catalogue.py", "catalogue", ":material/list_alt:", "catalogue"),
]
if user is not None and user.is_admin:
    PAGES.append(("ui/admin.py", "admin", ":material/admin_panel_settings:", "admin"))
pages = [
    st.Page(file, title=text(key, lang), icon=icon, url_path=url, default=(i == 0))
    for i, (file, key, icon, url) in enumerate(PAGES)
]
with errors.reported(lang):
    st.navigation(pages).run()
