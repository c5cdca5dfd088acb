"""数据审核 (DASHBOARD_REVIEW=1): reviewers and admins approve or reject the uploads waiting;
everyone sees their own uploads' state and the reason of a rejection."""

from datetime import datetime

import streamlit as st

from dashboard.core.errors import DashboardError
from dashboard.core.messages import text
from dashboard.present.review_tables import figures_view, my_uploads_view, pending_view
from dashboard.services import review
from dashboard.services.database import connect
from dashboard.ui import auth, common, errors

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
st.title(text("review.page", lang))
if not review.review_enabled():
    st.info(text("review.off", lang))
    st.stop()
if user is None:
    st.info(text("review.login", lang))
    st.stop()


def decide(upload_id: int, decision: str, reason: str | None = None) -> None:
    try:
        with connect(w.db_path) as con:
            review.decide(w, con, user, upload_id, decision, reason, datetime.now())
    except DashboardError as err:
        errors.show(err, lang)
        return
    common.clear_caches()
    st.session_state["review_done"] = text(f"review.done.{decision}", lang, id=upload_id)
    st.rerun()


if st.session_state.get("review_done"):
    st.success(st.session_state.pop("review_done"))

if user.is_admin or user.role == "reviewer":
    st.subheader(text("review.waiting", lang))
    with connect(w.db_path) as con:
        waiting = review.reviewable(con, user)
    if waiting.empty:
        st.caption(text("review.nothing_waiting", lang))
    else:
        st.dataframe(pending_view(waiting, lang), hide_index=True, width="stretch")
        chosen = st.selectbox(
            text("review.choose", lang),
            waiting["upload_id"].astype(int).tolist(),
            format_func=lambda i: text("review.upload_label", lang, id=i),
            key="review_upload",
        )
        with connect(w.db_path) as con:
            figures = review.upload_figures(con, chosen)
        st.dataframe(figures_view(figures, lang), hide_index=True, width="stretch")
        if st.button(text("review.approve", lang), type="primary", key="review_approve"):
            decide(chosen, "approved")
        reason = st.text_area(text("review.reason", lang), key="review_reason", max_chars=2000)
        if st.button(text("review.reject", lang), key="review_reject"):
            decide(chosen, "rejected", reason)

st.subheader(text("review.mine", lang))
with connect(w.db_path) as con:
    mine = review.my_uploads(con, user.name)
if mine.empty:
    st.caption(text("review.none_mine", lang))
else:
    st.dataframe(my_uploads_view(mine, lang), hide_index=True, width="stretch")
