"""督办事项: the admin opens items on targets and extends or closes them (销号); a
department answers its items with measures and progress; everyone sees them."""

from datetime import datetime, timedelta

import streamlit as st

from dashboard.core.errors import DashboardError
from dashboard.core.messages import in_lang, text
from dashboard.present.labels import department_word, status_word
from dashboard.present.supervision_tables import item_label, items_view
from dashboard.services import supervision
from dashboard.services.database import connect
from dashboard.ui import auth, common, errors

STATES = ("open", "overdue", "closed")
LAGGING = ("off_track", "at_risk", "overdue_report")

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
today = common.today()
st.title(text("supervision.page", lang))
items = common.load_supervision(str(w.db_path), today, common.version(w))


def act(step, done_key: str, **params) -> None:
    """Run one step on the journal; on success say so after the rerun."""
    try:
        with connect(w.db_path) as con:
            step(con)
    except DashboardError as err:
        errors.show(err, lang)
        return
    common.clear_caches()
    st.session_state["supervision_done"] = text(done_key, lang, **params)
    # new forms, empty: the text just sent stayed in them, one click from a duplicate
    st.session_state["supervision_forms"] = forms() + 1
    st.rerun()


def forms() -> int:
    """The generation of the page's forms: a step that succeeded starts them afresh."""
    return st.session_state.get("supervision_forms", 0)


if st.session_state.get("supervision_done"):
    st.success(st.session_state.pop("supervision_done"))

shown = st.pills(
    text("supervision.filter", lang),
    STATES,
    selection_mode="multi",
    default=["open", "overdue"],
    format_func=lambda s: text(f"supervision.state.{s}", lang),
    key="supervision_states",
) or list(STATES)
listed = items[items["shown_state"].isin(shown)]
if listed.empty:
    st.caption(text("supervision.none", lang))
else:
    st.dataframe(items_view(listed, lang), hide_index=True, width="stretch")

open_items = items[items["state"] == "open"].to_dict("records")

if user is not None and not user.is_admin:
    mine = [i for i in open_items if user.may_edit(i["department"])]
    if mine:
        st.subheader(text("supervision.answer", lang))
        with st.form(f"supervision_answer_{forms()}"):
            chosen = st.selectbox(
                text("supervision.item", lang), mine, format_func=lambda i: item_label(i, lang)
            )
            measures = st.text_area(text("supervision.column.measures", lang), max_chars=2000)
            progress_text = st.text_area(text("supervision.column.progress", lang), max_chars=2000)
            if st.form_submit_button(text("supervision.send_answer", lang), type="primary"):
                act(
                    lambda con: supervision.answer(
                        w, con, user, chosen["item_id"], measures, progress_text, datetime.now()
                    ),
                    "supervision.done.answer",
                    id=chosen["item_id"],
                )

if user is not None and user.is_admin:
    st.subheader(text("supervision.open_new", lang))
    progress = common.progress(w, entity, year, month)
    ordered = progress.assign(behind=~progress["status"].isin(LAGGING)).sort_values(
        ["behind", "gap_pp"], kind="stable"
    )
    rows = ordered.to_dict("records")
    with st.form(f"supervision_open_{forms()}"):
        target = st.selectbox(
            text("indicator", lang),
            rows,
            format_func=lambda r: f"{r[in_lang('name', lang)]} · {status_word(r, lang)}",
        )
        asked = st.text_area(text("supervision.column.asked", lang), max_chars=2000)
        deadline = st.date_input(
            text("supervision.column.deadline", lang), value=today + timedelta(days=30)
        )
        if st.form_submit_button(text("supervision.open_button", lang), type="primary"):
            act(
                lambda con: supervision.open_item(
                    w, con, user, target, asked, deadline, None, datetime.now()
                ),
                "supervision.done.open",
                name=target[in_lang("name", lang)],
                department=department_word(target["department"], lang),
            )
    if open_items:
        st.subheader(text("supervision.manage", lang))
        chosen = st.selectbox(
            text("supervision.item", lang),
            open_items,
            format_func=lambda i: item_label(i, lang),
            key="supervision_manage",
        )
        left, right = st.columns(2)
        with left.form(f"supervision_extend_{forms()}"):
            new_deadline = st.date_input(
                text("supervision.new_deadline", lang), value=today + timedelta(days=30)
            )
            why = st.text_input(text("supervision.extend_note", lang), max_chars=2000)
            if st.form_submit_button(text("supervision.extend", lang)):
                act(
                    lambda con: supervision.extend(
                        w, con, user, chosen["item_id"], new_deadline, why, datetime.now()
                    ),
                    "supervision.done.extend",
                    id=chosen["item_id"],
                )
        with right.form(f"supervision_close_{forms()}"):
            note = st.text_input(text("supervision.close_note", lang), max_chars=2000)
            if st.form_submit_button(text("supervision.close", lang), type="primary"):
                act(
                    lambda con: supervision.close(
                        w, con, user, chosen["item_id"], note, datetime.now()
                    ),
                    "supervision.done.close",
                    id=chosen["item_id"],
                )
