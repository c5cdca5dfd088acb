"""Streamlit entry point: `streamlit run dashboard/app.py`. Navigation and language only."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import common

st.set_page_config(page_title="目标进度看板", page_icon=":material/speed:", layout="wide")
lang = common.language_switch()
common.ready()

PAGES = [  # file, title key, icon, url
    ("ui/overview.py", "overview", ":material/speed:", "overview"),
    ("ui/detail.py", "detail", ":material/query_stats:", "detail"),
    ("ui/upload.py", "upload", ":material/upload_file:", "upload"),
    ("ui/completeness.py", "completeness", ":material/calendar_month:", "completeness"),
    ("ui/snapshots.py", "snapshots", ":material/photo_camera:", "snapshots"),
]
pages = [st.Page(file, title=t(key, lang), icon=icon, url_path=url, default=(i == 0))
         for i, (file, key, icon, url) in enumerate(PAGES)]
st.navigation(pages).run()
