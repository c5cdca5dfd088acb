"""数据上传: drop a file, see exactly what will be stored, confirm; download a template."""

from datetime import datetime

import streamlit as st

from dashboard.core.problems import IngestError, errors, warnings
from dashboard.export import template
from dashboard.ingest.parse import parse_upload
from dashboard.present.i18n import month_name, t
from dashboard.present.upload_tables import preview_table, problem_table
from dashboard.services.uploading import check, record_refusal, store_preview
from dashboard.store.connection import StoreError, connect
from dashboard.ui import auth, common

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
st.title(t("upload", lang))

with st.expander(t("template", lang), icon=":material/download:"):
    years, (latest_year, latest_month) = common.load_months(str(w.db_path), common.version(w))
    month = st.selectbox(
        t("template_month", lang),
        list(range(1, 13)),
        index=min(latest_month, 11),
        format_func=lambda m: month_name(latest_year, m, lang),
    )
    frame = template.template_frame(
        common.load_targets(str(w.db_path), latest_year, common.version(w)), latest_year, month
    )
    c1, c2 = st.columns(2)
    stem = f"template_{latest_year}-{month:02d}"
    c1.download_button(
        t("download_csv", lang), template.template_csv(frame), f"{stem}.csv", "text/csv"
    )
    title = f"{latest_year}年{month}月 目标指标数据填报表"
    c2.download_button(
        t("download_xlsx", lang), template.template_xlsx(frame, title), f"{stem}.xlsx"
    )

if user is None or not user.may_upload():
    st.info(t("login_to_upload", lang))
    st.stop()
uploaded = st.file_uploader(t("drop_file", lang), type=["csv", "txt", "xlsx"])
if uploaded is None:
    st.stop()

data = uploaded.getvalue()
now = datetime.now()
try:
    with st.status(t("reading", lang), expanded=False) as status:
        index = common.load_index(str(w.db_path), common.version(w))
        parsed = parse_upload(data, uploaded.name, index, (now.year, now.month))
        with connect(w.db_path) as con:
            pv = check(con, parsed, index, user, now)
        status.update(
            label=f"{uploaded.name} · {t('encoding', lang)} {pv.parsed.encoding} · "
            f"{t('layout', lang)} {pv.parsed.layout}",
            state="complete",
        )
except IngestError as err:
    with connect(w.db_path) as con:
        record_refusal(con, user.name, uploaded.name, None, err.problems, now)
    st.error(t("refused", lang))
    st.dataframe(problem_table(err.problems, lang), hide_index=True, width="stretch")
    st.stop()
except StoreError as err:
    st.error(str(err))
    st.stop()

if pv.duplicate_of:
    st.info(t("duplicate", lang, id=pv.duplicate_of["upload_id"], name=pv.duplicate_of["filename"]))
    st.stop()
if not pv.ok:
    st.error(t("refused", lang))
    st.dataframe(problem_table(pv.problems, lang), hide_index=True, width="stretch")
    st.stop()

st.subheader(t("preview", lang))
targets = common.load_targets(str(w.db_path), latest_year, common.version(w))
st.dataframe(preview_table(pv.figures, targets, lang), hide_index=True, width="stretch")
if warnings(pv.problems):
    st.warning(t("warnings_confirm", lang))
    st.dataframe(problem_table(warnings(pv.problems), lang), hide_index=True, width="stretch")

done_key = f"stored_{pv.parsed.sha256}"
if st.session_state.get(done_key):
    st.success(st.session_state[done_key])
elif st.button(t("confirm", lang), type="primary", disabled=bool(errors(pv.problems))):
    try:
        with connect(w.db_path) as con:
            upload_id = store_preview(con, w, pv, data, user.name, now)
    except StoreError as err:
        st.error(str(err))
        st.stop()
    common.clear_caches()
    message = t("stored", lang, id=upload_id, n=len(pv.figures))
    st.session_state[done_key] = message
    st.success(message)
