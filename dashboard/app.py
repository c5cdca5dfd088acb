"""Streamlit entry point: `streamlit run dashboard/app.py`. Navigation and language only."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui import common

st.set_page_config(page_title="目标进度看板", page_icon="📊", layout="wide")
lang = common.language_switch()
common.ready()

pages = [
    st.Page("ui/overview.py", title=t("overview", lang), icon="📊", url_path="overview",
            default=True),
    st.Page("ui/detail.py", title=t("detail", lang), icon="🔎", url_path="detail"),
    st.Page("ui/upload.py", title=t("upload", lang), icon="⬆️", url_path="upload"),
    st.Page("ui/completeness.py", title=t("completeness", lang), icon="🗓️",
            url_path="completeness"),
]
st.navigation(pages).run()
