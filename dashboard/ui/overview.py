"""总览: status tiles that filter, a gauge card for every target grouped by section (or
ordered by gap), filters, bullet graphs and a sortable table, exports."""

from datetime import datetime

import streamlit as st

from dashboard.core.messages import month_name, text
from dashboard.core.palette import STATUS_ICONS, TILE_ORDER, tile_key
from dashboard.present.labels import department_word, section_word
from dashboard.present.markdown_text import literal
from dashboard.present.overview_tables import (
    GAP_FILTERS,
    SORTS,
    filter_progress,
    sort_progress,
    status_counts,
    table_view,
)
from dashboard.present.reminder_tables import overdue_by_department, overdue_heading
from dashboard.present.supervision_tables import item_lines
from dashboard.services import supervision
from dashboard.ui import auth, common, exports
from dashboard.ui.gauge_grid import gauge_grid

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
progress = common.progress(w, entity, year, month)
several = len(common.load_entities(str(w.db_path), common.version(w))) > 1

st.title(f"{text('app_title', lang)} · {common.scope_words(w, entity, year, month, lang)}")
items = common.load_supervision(str(w.db_path), common.today(), common.version(w))
items = items[(items["entity"] == entity) & (items["year"] == year) & (items["state"] == "open")]
late = items[items["shown_state"] == "overdue"]
if not late.empty:  # 督办 items past their deadline (issue 21)
    st.warning(
        "  \n".join(
            [
                text("supervision.overdue_on_overview", lang, count=len(late)),
                *(literal(line) for line in item_lines(late, lang)),
            ]
        )
    )


def _toggle_status(status: str) -> None:
    """A tile filters to its status; clicking the only chosen one again clears it."""
    chosen = st.session_state.get("f_status", [])
    st.session_state["f_status"] = [] if chosen == [status] else [status]


counts = status_counts(progress)
chosen = st.session_state.get("f_status", [])
with st.container(horizontal=True, gap="small", key="tiles"):
    for status in TILE_ORDER:
        st.button(
            f"{STATUS_ICONS[status]} {text(tile_key(status), lang)} **{counts[status]}**",
            key=f"tile_{status}",
            type="primary" if status in chosen else "secondary",
            help=text("tiles_help", lang),
            on_click=_toggle_status,
            args=(status,),
        )

with st.expander(text("filters", lang), expanded=False, icon=":material/filter_alt:"):
    c1, c2, c3 = st.columns(3)
    every = text("all", lang)
    sections = c1.multiselect(
        text("section", lang),
        list(dict.fromkeys(progress["section"])),
        placeholder=every,
        format_func=lambda s: section_word(s, lang),
        key="f_section",
    )
    departments = c2.multiselect(
        text("department", lang),
        sorted(set(progress["department"])),
        placeholder=every,
        format_func=lambda d: department_word(d, lang),
        key="f_department",
    )
    statuses = c3.multiselect(
        text("status", lang),
        list(TILE_ORDER),
        placeholder=every,
        format_func=lambda s: text(tile_key(s), lang),
        key="f_status",
    )
    c4, c5, c6 = st.columns(3)
    query = c4.text_input(text("search", lang), key="f_query")
    gap = c5.selectbox(
        text("gap_filter", lang),
        list(GAP_FILTERS),
        format_func=lambda g: text(f"gap_filter.{g}", lang),
        key="f_gap",
    )
    order = c6.selectbox(
        text("sort", lang),
        SORTS,
        format_func=lambda o: text(f"sort.{o}", lang),
        key="f_sort",
    )

shown = sort_progress(filter_progress(progress, sections, departments, statuses, query, gap), order)
exports.buttons(
    w,
    user,
    shown,
    year,
    month,
    lang,
    now=datetime.now(),
    supervision=item_lines(
        items.assign(_late=items["shown_state"] != "overdue").sort_values(
            ["_late", "item_id"], kind="stable"
        ),
        lang,
    ),
    supervised=supervision.open_targets(items, year),
    **({"entity": entity} if several else {}),
)
view = st.segmented_control(
    text("view", lang),
    ["gauges", "bullets", "table"],
    default="gauges",
    format_func=lambda v: text(f"view.{v}", lang),
    key="overview_view",
)
by_section = order == "catalogue"
if shown.empty:
    st.info(text("no_match", lang))
elif view == "table":
    st.caption(text("count_total", lang, n=len(shown)) + " · " + text("table_select_hint", lang))
    picked = common.show_table(
        table_view(shown, lang),
        pin=text("indicator", lang),
        on_select="rerun",
        selection_mode="single-row",
        key="table",
    )
    if picked.selection.rows:
        target = shown.iloc[picked.selection.rows[0]]["id"]
        st.switch_page("ui/detail.py", query_params={"id": target})
elif view == "bullets":
    st.caption(text("count_total", lang, n=len(shown)))
    specs = common.bullet_specs(
        str(w.db_path), year, month, common.version(w), lang, tuple(shown.index), by_section
    )
    for section, spec in specs:
        if section:
            st.subheader(literal(section, inline=True))
        st.vega_lite_chart(spec, width="stretch")
else:
    st.caption(text("count_total", lang, n=len(shown)) + " · " + text("open_detail", lang))
    cards = common.gauge_cards(
        str(w.db_path), year, month, common.version(w), lang, tuple(shown.index), by_section
    )
    for n, (section, part) in enumerate(cards):
        if by_section:
            st.subheader(literal(section, inline=True))
        gauge_grid(part, str(n) if by_section else "sorted")

with st.expander(text("by_department_status", lang), expanded=False, icon=":material/groups:"):
    table = common.department_table(str(w.db_path), entity, year, month, common.version(w), lang)
    common.names_table(table)

if several:
    with st.expander(text("by_entity_status", lang), expanded=False, icon=":material/apartment:"):
        table = common.entity_table(str(w.db_path), year, month, common.version(w), lang)
        common.names_table(table, key="entity_table")

# Reports due and missing per department (issue 21), as on the completeness page
owed = common.overdue_reminders(w, entity, year, month)
owing = overdue_by_department(owed, lang)
if owing.empty:
    st.caption(text("reminders.no_overdue", lang, month=month_name(year, month, lang)))
else:
    with st.expander(overdue_heading(owed, lang), expanded=False, icon=":material/schedule:"):
        common.names_table(owing)
