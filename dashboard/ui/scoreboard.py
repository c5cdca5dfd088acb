"""部门考评: per lead department, its targets ahead, level, behind, achieved, unreported and
under supervision; a department's targets below (drill-down)."""

import streamlit as st

from dashboard.core.messages import month_name, text
from dashboard.core.scoreboard import CATEGORIES, categorised, scoreboard
from dashboard.present.labels import department_word
from dashboard.present.scoreboard_tables import board_view, drill_view
from dashboard.services import supervision
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
auth.page(w, lang)
year, month = common.as_of_selector(w, lang)
st.title(f"{text('scoreboard.page', lang)} · {month_name(year, month, lang)}")

progress = common.progress(w, year, month)
items = common.load_supervision(str(w.db_path), common.today(), common.version(w))
supervised = supervision.open_targets(items, year)
board = scoreboard(progress, supervised)
st.dataframe(board_view(board, lang), hide_index=True, width="stretch")
st.caption(text("scoreboard.caption", lang))

department = st.selectbox(
    text("scoreboard.drill", lang),
    board["department"].tolist(),
    format_func=lambda d: department_word(d, lang),
    key="scoreboard_department",
)
only = st.pills(
    text("scoreboard.only", lang),
    [*CATEGORIES, "supervised"],
    selection_mode="multi",
    format_func=lambda c: text(f"scoreboard.column.{c}", lang),
    key="scoreboard_only",
)
rows = categorised(progress, supervised)
rows = rows[rows["department"] == department]
if only:
    rows = rows[rows["category"].isin(only) | (rows["supervised"] & ("supervised" in only))]
st.dataframe(drill_view(rows, lang), hide_index=True, width="stretch")
