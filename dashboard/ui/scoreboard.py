"""部门考评: per lead department, its targets ahead, level, behind, achieved, unreported and
under supervision; a department's targets below (drill-down)."""

import streamlit as st

from dashboard.core.entity_ranking import entity_board, ranking, shared_ids
from dashboard.core.messages import in_lang, text
from dashboard.core.scoreboard import CATEGORIES, categorised, scoreboard
from dashboard.present.labels import department_word
from dashboard.present.ranking_tables import entity_board_view, ranking_view
from dashboard.present.scoreboard_tables import board_view, drill_view
from dashboard.services import supervision
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
st.title(f"{text('scoreboard.page', lang)} · {common.scope_words(w, entity, year, month, lang)}")

progress = common.progress(w, entity, year, month)
items = common.load_supervision(str(w.db_path), common.today(), common.version(w))
supervised = supervision.open_targets(items, year)
board = scoreboard(progress, supervised)
common.names_table(board_view(board, lang))
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
common.names_table(drill_view(rows, lang))

# Areas ranked on the indicators they share (issue 21): only where the catalogue holds the
# same target for several entities (a city's districts)
every = common.progress(w, None, year, month)  # every entity's rows
shared = shared_ids(every)
if shared:
    st.subheader(text("ranking.section", lang))
    st.caption(text("ranking.board", lang))
    common.names_table(entity_board_view(entity_board(every, supervised), lang))
    names = dict(zip(every["id"], every[in_lang("name", lang)], strict=False))
    chosen = st.selectbox(
        text("ranking.indicator", lang), shared, format_func=names.get, key="ranking_indicator"
    )
    st.dataframe(ranking_view(ranking(every, chosen), lang), hide_index=True, width="stretch")
    st.caption(text("ranking.caption", lang))
