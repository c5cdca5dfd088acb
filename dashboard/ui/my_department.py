"""我的部门: an uploader's own targets — what is missing, what is behind, the form."""

import streamlit as st

from dashboard.core.completeness import completeness
from dashboard.core.messages import Glossed, text
from dashboard.present.department_tables import lagging_view, missing_view
from dashboard.present.labels import department_word
from dashboard.services import exporting
from dashboard.ui import auth, common
from dashboard.ui.gauge_grid import gauge_grid

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
if user is None or not user.departments:
    st.info(text("login_to_upload", lang))
    st.stop()
entity, year, month = common.as_of_selector(w, lang, user=user)
several = len(common.load_entities(str(w.db_path), common.version(w))) > 1
departments = sorted(user.departments)
if len(departments) > 1:
    departments = (
        st.pills(
            text("department", lang),
            departments,
            selection_mode="multi",
            default=departments,
            format_func=lambda d: department_word(d, lang),
            key="mine_departments",
        )
        or departments
    )
names = Glossed("department", tuple(departments)).words(lang)
st.title(f"{text('my_department', lang)} · {common.scope_words(w, entity, year, month, lang)}")
st.caption(names)

v = common.version(w)
progress = common.progress(w, entity, year, month)
mine = progress[progress["department"].isin(departments)]
targets = common.load_targets(str(w.db_path), year, v, entity)
targets = targets[targets["department"].isin(departments)]
grid = completeness(targets, common.load_current(str(w.db_path), year, v, entity), month)
form_entity = entity if several else None  # a district's form names its entity

st.subheader(text("mine.missing", lang))
missing = missing_view(grid, lang, mine)
if missing.empty:
    st.success(text("mine.nothing_missing", lang))
else:
    common.names_table(missing, placeholder="—")

st.subheader(text("mine.lagging", lang))
lagging = lagging_view(mine, lang)
if lagging.empty:
    st.success(text("mine.nothing_lagging", lang))
else:
    st.caption(text("mine.lagging_hint", lang))
    common.show_table(lagging, pin=text("indicator", lang))

with st.expander(text("template", lang), icon=":material/download:"):
    stem = f"template_{year}-{month:02d}"
    c1, c2 = st.columns(2)
    items = common.load_items(str(w.db_path), year, month, v)
    csv, count = exporting.fill_in_template(
        targets, year, month, "csv", departments, items, form_entity
    )
    c1.download_button(text("download_csv", lang), csv, f"{stem}.csv", "text/csv")
    xlsx, _ = exporting.fill_in_template(
        targets, year, month, "xlsx", departments, items, form_entity
    )
    c2.download_button(text("download_xlsx", lang), xlsx, f"{stem}.xlsx")
    st.caption(text("template_count", lang, n=count))

st.subheader(text("mine.all", lang, n=len(mine)))
cards = common.gauge_cards(str(w.db_path), year, month, v, lang, tuple(mine.index), False)
gauge_grid(cards[0][1] if cards else (), "mine")
