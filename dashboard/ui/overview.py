"""总览: counts by status, a gauge for every target grouped by section, filters."""

from datetime import datetime

import streamlit as st

from dashboard.core.messages import month_name, text
from dashboard.core.palette import STATUS_COLORS, STATUS_ICONS, TILE_ORDER, tile_key
from dashboard.present.markdown_text import literal
from dashboard.present.overview_tables import (
    department_counts,
    filter_progress,
    status_counts,
    table_view,
)
from dashboard.services import exporting
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
year, month = common.as_of_selector(w, lang)
progress = common.progress(w, year, month)

st.title(f"{text('app_title', lang)} · {month_name(year, month, lang)}")
counts = status_counts(progress)
for col, status in zip(st.columns(len(TILE_ORDER)), TILE_ORDER, strict=True):
    label = text(tile_key(status), lang)
    col.markdown(
        f"<div style='border-left:6px solid {STATUS_COLORS[status]};padding-left:8px'>"
        f"<div style='font-size:0.9em'>{STATUS_ICONS[status]} {label}</div>"
        f"<div style='font-size:1.8em;font-weight:600'>{counts[status]}</div></div>",
        unsafe_allow_html=True,
    )

with st.expander(text("filters", lang), expanded=False, icon=":material/filter_alt:"):
    c1, c2, c3, c4 = st.columns(4)
    every = text("all", lang)
    sections = c1.multiselect(
        text("section", lang), list(dict.fromkeys(progress["section"])), placeholder=every
    )
    departments = c2.multiselect(
        text("department", lang), sorted(set(progress["department"])), placeholder=every
    )
    statuses = c3.multiselect(
        text("status", lang),
        list(TILE_ORDER),
        placeholder=every,
        format_func=lambda s: text(tile_key(s), lang),
    )
    query = c4.text_input(text("search", lang))

shown = filter_progress(progress, sections, departments, statuses, query)
head = exporting.heading(shown, year, month, lang, now=datetime.now())
for col, (fmt, mime) in zip(st.columns(6), exporting.FORMATS.items(), strict=False):
    cannot = exporting.unavailable(fmt)
    col.download_button(
        f"{text('export', lang)} {fmt.upper()}",
        common.audited_export(
            w,
            user.name if user else "anonymous",
            shown,
            fmt,
            head,
            lang,
            as_of=f"{year}-{month:02d}",
        ),
        f"progress_{year}-{month:02d}.{fmt}",
        mime,
        key=f"dl_{fmt}",
        icon=":material/download:",
        disabled=shown.empty or cannot is not None,
        help=None if cannot is None else cannot.text(lang),
    )
view = st.segmented_control(
    text("view", lang),
    ["gauges", "bullets", "table"],
    default="gauges",
    format_func=lambda v: text(f"view.{v}", lang),
    key="overview_view",
)
st.caption(text("count_total", lang, n=len(shown)))
if shown.empty:
    st.info(text("no_match", lang))
elif view == "table":
    st.dataframe(table_view(shown, lang), hide_index=True, width="stretch")
else:
    specs = common.section_specs(
        str(w.db_path), year, month, common.version(w), lang, view or "gauges", tuple(shown["id"])
    )
    for section, spec in specs:
        st.subheader(literal(section, inline=True))
        st.vega_lite_chart(spec)

with st.expander(text("by_department_status", lang), expanded=False, icon=":material/groups:"):
    st.dataframe(department_counts(progress, lang), hide_index=True, width="stretch")
