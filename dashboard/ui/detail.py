"""指标详情: report sentence, trend against expectations, revisions, pace, comments."""

from datetime import datetime

import streamlit as st

from dashboard.core.palette import STATUS_COLORS
from dashboard.core.series import month_series
from dashboard.present import charts
from dashboard.present.detail_tables import comments_view, history_view, metric_rows, pace_lines
from dashboard.present.i18n import STATUS, month_name, t
from dashboard.store import comments as store_comments
from dashboard.store.connection import connect
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
year, month = common.as_of_selector(w, lang)
progress = common.progress(w, year, month)

name_col = "name_zh" if lang == "zh" else "name_en"
labels = dict(zip(progress["id"], progress["section"] + " · " + progress[name_col], strict=True))
ids = list(labels)
wanted = st.query_params.get("id")
choice = st.selectbox(
    t("indicator", lang),
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    key="target",
    format_func=labels.get,
)
st.query_params["id"] = choice
r = progress[progress["id"] == choice].iloc[0].to_dict()
target = common.load_targets(str(w.db_path), year, common.version(w))
target = target[target["id"] == choice].iloc[0].to_dict()

status_text = STATUS[r["status"]][0 if lang == "zh" else 1]
st.title(r[name_col])
st.markdown(
    f"<span style='background:{STATUS_COLORS[r['status']]};color:white;padding:2px 10px;"
    f"border-radius:10px'>{status_text}</span> &nbsp; {month_name(year, month, lang)}",
    unsafe_allow_html=True,
)
st.markdown(f"**{r['explanation_zh' if lang == 'zh' else 'explanation_en']}**")
st.markdown(f"{t('source_sentence', lang)}：\n> {target['source_text']}")

for col, (label, value) in zip(st.columns(5), metric_rows(r, lang), strict=False):
    col.metric(label, value)

current = common.load_current(str(w.db_path), year, common.version(w))
mine = current[(current["id"] == choice) & (current["entity"] == r["entity"])]
history, comments, profiles = common.load_history(
    str(w.db_path), r["entity"], year, choice, common.version(w)
)
st.subheader(t("trend", lang))
series = month_series(mine, target["measure"])
if series.empty:
    st.info(t("no_figures_yet", lang))
elif r["family"] == "flow":
    profile = profiles[(profiles["id"] == choice) & (profiles["entity"] == r["entity"])]
    floor = r["target_low"] if r["comparator"] == "range" else r["target"]
    st.altair_chart(charts.trend(series, floor, lang, r["unit"] or "", profile), width="stretch")
else:
    bar = -r["target"] if r["comparator"] == "decrease" else r["target"]
    st.altair_chart(charts.level_trend(series, bar, lang, r["unit"] or ""), width="stretch")

for line in pace_lines(r, lang):
    st.caption(line)

st.subheader(t("history", lang))
st.dataframe(history_view(history, r["unit"], lang), hide_index=True, width="stretch")

st.subheader(t("comment", lang))
if st.session_state.pop("comment_saved", False):
    st.success(t("saved", lang))
if user is None or not user.may_edit(target["department"]):
    st.caption(t("login_to_comment", lang))
else:
    with st.form("comment"):
        reason = st.text_area(t("reason", lang), value=r.get("reason") or "")
        measures = st.text_area(t("measures", lang), value=r.get("measures") or "")
        status = None
        if r["comparator"] == "qualitative":
            status = st.selectbox(
                t("status_qualitative", lang),
                list(STATUS)[:4],
                format_func=lambda s: STATUS[s][0 if lang == "zh" else 1],
            )
        if st.form_submit_button(t("save_comment", lang)):
            with connect(w.db_path) as con:
                store_comments.add_comment(
                    con,
                    entity=r["entity"],
                    year=year,
                    target_id=choice,
                    month=month,
                    reason=reason.strip(),
                    measures=measures.strip(),
                    status=status,
                    user=user.name,
                    at=datetime.now(),
                )
            st.session_state["comment_saved"] = True
            common.clear_caches()
            st.rerun()
if not comments.empty:
    st.dataframe(comments_view(comments, lang), hide_index=True, width="stretch")
