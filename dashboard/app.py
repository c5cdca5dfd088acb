"""The pages' entry: navigation and language only. Served by dashboard/server.py
(`python -m streamlit run dashboard/server.py`), which adds the login cookie's routes."""

import os

import streamlit as st

from dashboard.core.messages import text
from dashboard.services.review import review_enabled
from dashboard.ui import auth, common, errors, style

os.umask(0o077)  # the database's write-ahead log and every file the server writes: private
# An unexpected error shows one plain line; its traceback (source paths) stays in the log.
st.set_option("client.showErrorDetails", "none")
st.set_page_config(
    page_title=text("app_title", "zh"),
    page_icon=":material/speed:",
    layout="wide",
    menu_items={"Get help": None, "Report a bug": None, "About": None},
)
lang = common.language_switch()
style.apply(lang)
errors.rebuilt_notice(lang)
with errors.reported(lang):
    w = common.ready()
    user = auth.sidebar(w, lang)

PAGES = [  # file, title key, icon, url, who finds it in the menu
    ("ui/overview.py", "overview", ":material/speed:", "overview", "all"),
    ("ui/my_department.py", "my_department", ":material/apartment:", "mine", "uploader"),
    ("ui/detail.py", "detail", ":material/query_stats:", "detail", "all"),
    ("ui/upload.py", "upload", ":material/upload_file:", "upload", "all"),
    ("ui/completeness.py", "completeness", ":material/calendar_month:", "completeness", "all"),
    ("ui/review.py", "review.page", ":material/fact_check:", "review", "review"),
    ("ui/supervision.py", "supervision.page", ":material/assignment_late:", "supervision", "all"),
    ("ui/scoreboard.py", "scoreboard.page", ":material/leaderboard:", "scoreboard", "all"),
    ("ui/snapshots.py", "snapshots", ":material/photo_camera:", "snapshots", "all"),
    ("ui/catalogue.py", "catalogue", ":material/list_alt:", "catalogue", "all"),
    ("ui/account.py", "auth.my_account", ":material/person:", "account", "user"),
    ("ui/admin.py", "admin", ":material/admin_panel_settings:", "admin", "admin"),
]
# Every page is registered for everyone, so that a bookmark or a shared link to a page
# this person may not use opens it, and it says so in their language (Streamlit would show
# an English "Page not found"); the menu lists only what they may use.
shown = {
    "all": True,
    "user": user is not None,
    "uploader": user is not None and bool(user.departments),
    "admin": user is not None and user.is_admin,
    # with DASHBOARD_REVIEW=1: reviewers and admins decide, uploaders see their uploads' state
    "review": review_enabled() and user is not None and (user.is_admin or bool(user.departments)),
}
pages = [
    st.Page(
        file,
        title=text(key, lang),
        icon=icon,
        url_path="" if i == 0 else url,  # the default page is the root, "/"
        default=(i == 0),
        visibility="visible" if shown[who] else "hidden",
    )
    for i, (file, key, icon, url, who) in enumerate(PAGES)
]


def _to_the_front_page() -> None:
    st.switch_page(pages[0], query_params=st.query_params.to_dict())


# A bookmarked /overview (the front page's own name) opens the front page; Streamlit
# would show its English "Page not found", as the default page lives at "/" only.
front_alias = st.Page(
    _to_the_front_page, title=text(PAGES[0][1], lang), url_path=PAGES[0][3], visibility="hidden"
)
with errors.reported(lang):
    page = st.navigation([*pages, front_alias])
    landing = st.session_state.pop("just_signed_in", False)
    if landing and shown["uploader"] and page.url_path == "":
        # An uploader who logs in on the front page lands on their department; a reload,
        # a link or a bookmark opens what it names (the default page's url_path is "").
        st.switch_page(pages[1])
    page.run()
