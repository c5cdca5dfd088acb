"""数据完整性: indicator × month grid (reported / missing / not due) by department."""

import streamlit as st

from dashboard.core.completeness import completeness, department_summary
from dashboard.core.messages import month_name, text
from dashboard.present.column_widths import NAME_WIDTH
from dashboard.present.completeness_tables import grid_view, styled, summary_view
from dashboard.present.labels import department_word
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
st.title(f"{text('completeness', lang)} · {common.scope_words(w, entity, year, month, lang)}")

v = common.version(w)
targets = common.load_targets(str(w.db_path), year, v, entity)
figures = common.load_current(str(w.db_path), year, v, entity)
grid = completeness(targets, figures, month)

st.subheader(text("by_department", lang))
common.names_table(summary_view(department_summary(grid), lang), placeholder="—")

st.subheader(text("reminders.overdue_by_department", lang))
owing = common.overdue_table(w, entity, year, month, lang)
if owing.empty:
    st.caption(text("reminders.no_overdue", lang, month=month_name(year, month, lang)))
else:
    common.names_table(owing)

st.subheader(text("grid", lang))
departments = [None, *sorted(set(grid["department"]))]
only = st.selectbox(
    text("department", lang),
    departments,
    format_func=lambda d: text("all", lang) if d is None else department_word(d, lang),
)
shown = grid if only is None else grid[grid["department"] == only]
st.dataframe(
    styled(grid_view(shown, lang)),
    hide_index=True,
    width="stretch",
    height=min(40 + 35 * shown["id"].nunique(), 1400),
    column_config={
        text("indicator", lang): st.column_config.TextColumn(pinned=True, width=NAME_WIDTH)
    },
)
