"""快照: freeze progress for a meeting, reopen it exactly, compare with the previous one."""

from datetime import datetime

import pandas as pd
import streamlit as st

from dashboard.core.messages import glossary, month_name, text
from dashboard.present.item_tables import items_export
from dashboard.present.markdown_text import literal
from dashboard.present.overview_tables import table_view
from dashboard.present.snapshot_tables import changes_view, snapshot_list
from dashboard.services import exporting, snapshots
from dashboard.services.database import connect
from dashboard.ui import auth, common, exports

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
st.title(text("snapshots", lang))

if user is not None and user.is_admin:
    with st.form("take_snapshot"):
        st.markdown(text("take_snapshot_for", lang, month=month_name(year, month, lang)))
        note = st.text_input(text("note", lang))
        if st.form_submit_button(text("take_snapshot", lang), type="primary"):
            with connect(w.db_path) as con:
                sid = snapshots.take(
                    w, con, year, month, note=note.strip(), user=user.name, at=datetime.now()
                )
            st.session_state["snapshot_taken"] = sid
            st.session_state["snapshot_id"] = sid  # open the new snapshot below

if "snapshot_taken" in st.session_state:
    st.success(text("snapshot_taken", lang, id=st.session_state["snapshot_taken"]))


@st.cache_data(show_spinner=False, max_entries=16)
def load_listing(db_path: str, db_version: tuple, entity: str | None) -> pd.DataFrame:
    """The snapshots (holding `entity`'s targets, if given): finding those reads every
    frozen row, so it is done once per state of the store, not on every rerun."""
    with connect(db_path) as con:
        return snapshots.listing(con, entity)


several = len(common.load_entities(str(w.db_path), common.version(w))) > 1
every = load_listing(str(w.db_path), common.version(w), None)
listing = load_listing(str(w.db_path), common.version(w), entity) if several else every
if every.empty:
    st.info(text("no_snapshots", lang))
    st.stop()
others = len(every) - len(listing)  # a snapshot freezes the entities of its year only
whose = glossary("entity", entity, lang)
if listing.empty:
    st.info(text("snapshots_of_others", lang, entity=whose, n=others))
    st.stop()

st.dataframe(snapshot_list(listing, lang), hide_index=True, width="stretch", placeholder="—")
if others:
    st.caption(text("snapshots_filtered", lang, entity=whose, n=others))
ids = [int(i) for i in listing["snapshot_id"]][::-1]
if st.session_state.get("snapshot_id") not in ids:  # one of another entity's, chosen before
    st.session_state.pop("snapshot_id", None)
chosen = st.selectbox(
    text("open_snapshot", lang), ids, key="snapshot_id", format_func=lambda i: f"#{i}"
)
with connect(w.db_path) as con:
    info, frame = snapshots.load(con, chosen)
    before = snapshots.previous_id(con, chosen, entity)
    old = snapshots.load(con, before)[1] if before else None
if entity is not None:  # a snapshot freezes every entity; the page shows the one chosen
    frame = frame[frame["entity"] == entity]
    old = None if old is None else old[old["entity"] == entity]
    if frame.empty:
        st.info(text("snapshot_no_entity", lang, id=chosen, entity=whose))
        st.stop()

s_year, s_month = int(info["year"]), int(info["month"])
head = exporting.heading(frame, s_year, s_month, lang, info)
st.subheader(literal(head.subtitle, inline=True))  # user, note
exports.buttons(
    w,
    user,
    frame,
    s_year,
    s_month,
    lang,
    snapshot=info,
    key="snapshot",
    snapshot_id=chosen,
    **({"entity": entity} if several else {}),
)

if old is None:
    st.caption(text("first_snapshot", lang))
else:
    st.subheader(text("changes_since", lang, id=before))
    changes = snapshots.compare(old, frame)
    if changes.empty:
        st.info(text("no_changes", lang))
    else:
        st.dataframe(changes_view(changes, lang), hide_index=True, width="stretch", placeholder="—")
st.subheader(text("snapshot_targets", lang, n=len(frame)))
common.show_table(table_view(frame, lang), pin=text("indicator", lang))

# the named items of its items targets as they stood when it was taken (issue 15)
with connect(w.db_path) as con:
    frozen = items_export(snapshots.items(con, chosen), frame, lang)
if not frozen.empty:
    st.subheader(text("items_heading", lang))
    st.caption(text("snapshot_items_frozen", lang, id=chosen))
    st.dataframe(frozen, hide_index=True, width="stretch")
