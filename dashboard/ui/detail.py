"""指标详情: report sentence, trend against expectations, revisions, pace, comments."""

from datetime import datetime

import pandas as pd
import streamlit as st

from dashboard.core.deadlines import MAX_DAY, MAX_LAG
from dashboard.core.errors import DashboardError
from dashboard.core.explain import explain
from dashboard.core.items import item_table
from dashboard.core.messages import in_lang, month_name, text
from dashboard.core.palette import STATUS_COLORS, STATUS_ICONS, text_color
from dashboard.core.periods import named_by_quarters
from dashboard.core.series import month_series
from dashboard.core.vocab import JUDGED_STATUSES
from dashboard.present import charts
from dashboard.present.deadline_words import deadline_lines, effective
from dashboard.present.detail_tables import (
    comments_view,
    history_view,
    metric_rows,
    milestone_months,
    pace_lines,
    published_with,
)
from dashboard.present.item_tables import items_count, items_view
from dashboard.present.labels import department_word, section_word, status_word
from dashboard.present.markdown_text import literal
from dashboard.present.review_tables import pending_figures_view
from dashboard.present.supervision_tables import items_view as supervision_view
from dashboard.services import item_names
from dashboard.services.comments import add_comment
from dashboard.services.database import connect
from dashboard.services.deadlines import set_deadline
from dashboard.services.item_names import MAX_NAME
from dashboard.services.reporting import deployment_thresholds
from dashboard.ui import auth, common, errors

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
entity, year, month = common.as_of_selector(w, lang, user=user)
progress = common.progress(w, entity, year, month)

name_col = in_lang("name", lang)
labels = {
    r["id"]: f"{section_word(r['section'], lang)} · {r[name_col]}"
    for r in progress.to_dict("records")
}
ids = list(labels)
wanted = st.query_params.get("id")
choice = st.selectbox(
    text("indicator", lang),
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    key="target",
    format_func=labels.get,
)
st.query_params["id"] = choice
if len(common.load_entities(str(w.db_path), common.version(w))) > 1:
    st.query_params["entity"] = entity  # a copied link opens the same entity's target
r = progress[progress["id"] == choice].iloc[0].to_dict()
target = common.load_targets(str(w.db_path), year, common.version(w), r["entity"])
target = target[target["id"] == choice].iloc[0].to_dict()

st.title(literal(r[name_col], inline=True))
color = text_color(STATUS_COLORS[r["status"]])
st.markdown(
    f"<span style='background:{color};color:white;padding:2px 10px;border-radius:10px'>"
    f"{STATUS_ICONS[r['status']]} {status_word(r, lang)}</span> &nbsp; "
    f"{month_name(year, month, lang)} · "
    + text("responsible", lang, department=department_word(r["department"], lang)),
    unsafe_allow_html=True,
)
st.markdown(f"**{literal(explain(r, lang), inline=True)}**")  # a comment
st.markdown(text("source_quote", lang, sentence=literal(target["source_text"], inline=True)))

current = common.load_current(str(w.db_path), year, common.version(w))
mine = current[(current["id"] == choice) & (current["entity"] == r["entity"])]
before = common.load_current(str(w.db_path), year - 1, common.version(w))
before = before[(before["id"] == choice) & (before["entity"] == r["entity"])]
with st.container(horizontal=True, gap="medium"):
    for label, value in metric_rows(r, lang) + published_with(r, mine, before, lang):
        st.metric(label, value, width="content")


def rename_form(items: pd.DataFrame) -> None:
    """An admin renames an item and keeps its reports (issue 15), instead of withdrawing it
    and listing a new one."""
    with st.expander(text("item.rename.heading", lang)), st.form("item_rename"):
        old = st.selectbox(
            text("item.rename.which", lang), items["item"].tolist(), key="item_rename_old"
        )
        new = st.text_input(
            text("item.rename.new", lang), max_chars=MAX_NAME, key="item_rename_new"
        )
        st.caption(text("item.rename.help", lang))
        go = st.form_submit_button(text("item.rename.button", lang))
    if go:
        try:
            with connect(w.db_path) as con:
                item_names.rename(w, con, user, target, old, new, at=datetime.now())
        except DashboardError as err:
            errors.show(err, lang)
        else:
            st.session_state["item_renamed"] = (old, new.strip())
            common.clear_caches()
            st.rerun()


if r["assessment"] == "items":
    st.subheader(text("items_heading", lang))
    if "item_renamed" in st.session_state:
        was, now = st.session_state.pop("item_renamed")
        st.success(text("item.rename.done", lang, old=was, new=now))
    items = item_table(pd.DataFrame([target]), mine, month)
    if items.empty:
        st.caption(text("items_none", lang))
    else:
        st.caption(items_count(items, lang))
        st.dataframe(items_view(items, lang), hide_index=True, width="stretch")
        if user is not None and user.is_admin:
            rename_form(items)

history, comments, profiles = common.load_history(
    str(w.db_path), r["entity"], year, choice, common.version(w)
)
st.subheader(text("trend", lang))
series = month_series(mine, target["measure"])
if series.empty:
    st.info(text("no_figures_yet", lang))
else:
    profile = profiles[(profiles["id"] == choice) & (profiles["entity"] == r["entity"])]
    st.altair_chart(charts.indicator_trend(r, series, lang, profile), width="stretch")

for line in pace_lines(r, lang):
    st.caption(literal(line))
if r["family"] == "milestone" and not mine.empty:
    st.caption(text("milestone_months", lang, months=milestone_months(r, mine, lang)))

supervised = common.load_supervision(str(w.db_path), common.today(), common.version(w))
supervised = supervised[
    (supervised["entity"] == r["entity"])
    & (supervised["year"] == year)
    & (supervised["id"] == choice)
    & (supervised["state"] == "open")
]
if not supervised.empty:  # 督办 (issue 21): what is asked, of whom, by when, and the answer
    st.subheader(text("supervision.on_detail", lang))
    st.dataframe(supervision_view(supervised, lang), hide_index=True, width="stretch")

st.subheader(text("deadline.section", lang))
own = common.load_deadlines(str(w.db_path), year, common.version(w))
own = own[(own["entity"] == r["entity"]) & (own["id"] == choice)]
own = own.iloc[0].to_dict() if not own.empty else None
report_day = deployment_thresholds().report_day
if st.session_state.pop("deadline_saved", False):
    st.success(text("deadline.saved", lang))
for line in deadline_lines(r, target, own, report_day, lang):
    st.caption(line)
if user is not None and user.is_admin:  # issue 21: each target's deadline, set by an admin
    lag, day = effective(target, own, report_day)
    with st.form("deadline"):
        with st.container(horizontal=True):
            lag = st.number_input(text("deadline.lag", lang), 0, MAX_LAG, lag, step=1)
            day = st.number_input(text("deadline.day", lang), 1, MAX_DAY, day, step=1)
        with st.container(horizontal=True):
            save = st.form_submit_button(text("deadline.save", lang))
            reset = st.form_submit_button(text("deadline.reset", lang), disabled=own is None)
    if save or reset:
        try:
            with connect(w.db_path) as con:
                chosen = (None, None) if reset else (int(lag), int(day))
                set_deadline(w, con, user, target, *chosen, at=datetime.now())
        except DashboardError as err:
            errors.show(err, lang)
        else:
            st.session_state["deadline_saved"] = True
            common.clear_caches()
            st.rerun()

st.subheader(text("history", lang))
st.dataframe(
    history_view(
        history,
        r["unit"],
        lang,
        named_by_quarters(r["frequency"]),
        r["id"],
        milestone=r["family"] == "milestone",
    ),
    hide_index=True,
    width="stretch",
    placeholder="—",
)
waiting = common.load_pending_figures(str(w.db_path), r["entity"], year, choice, common.version(w))
if not waiting.empty:  # review on (issue 21): uploaded, not counted yet
    st.subheader(text("review.pending_on_detail", lang))
    st.dataframe(
        pending_figures_view(waiting, r["unit"] or "", lang, r["family"] == "milestone"),
        hide_index=True,
        width="stretch",
    )

st.subheader(text("comment", lang))
if st.session_state.pop("comment_saved", False):
    st.success(text("saved", lang))
if user is None or not user.may_edit(target["department"]):
    st.caption(text("login_to_comment", lang))
else:
    with st.form("comment"):
        reason = st.text_area(text("reason", lang), value=r.get("reason") or "")
        measures = st.text_area(text("measures", lang), value=r.get("measures") or "")
        status = None
        if r["comparator"] == "qualitative":
            status = st.selectbox(
                text("status_qualitative", lang),
                list(JUDGED_STATUSES),
                format_func=lambda s: text(f"status.{s}", lang),
            )
        if st.form_submit_button(text("save_comment", lang)):
            try:
                with connect(w.db_path) as con:
                    add_comment(
                        w,
                        con,
                        user,
                        target,
                        month,
                        reason=reason,
                        measures=measures,
                        status=status,
                        at=datetime.now(),
                    )
            except DashboardError as err:
                errors.show(err, lang)
            else:
                st.session_state["comment_saved"] = True
                common.clear_caches()
                st.rerun()
if not comments.empty:
    st.dataframe(comments_view(comments, lang), hide_index=True, width="stretch", placeholder="—")
