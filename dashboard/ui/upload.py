"""数据上传: drop a file, see exactly what will be stored, confirm; download a template."""

import hashlib
from datetime import datetime

import streamlit as st

from dashboard.core.errors import DashboardError
from dashboard.core.messages import glossary, month_name, text
from dashboard.core.periods import open_months
from dashboard.core.problems import IngestError, errors, warnings
from dashboard.present.labels import department_word
from dashboard.present.markdown_text import error_text, literal
from dashboard.present.upload_tables import preview_table, problem_table, read_as, skipped_table
from dashboard.services import aliases, exporting, review
from dashboard.services.database import connect
from dashboard.services.uploading import (
    MAX_MEGABYTES,
    OTHER_PLACE,
    check,
    parse,
    record_refusal,
    store_preview,
)
from dashboard.ui import auth, common

OVERVIEW = "ui/overview.py"
REVIEW = "ui/review.py"


def show_rows_not_stored(parsed) -> None:
    """Where the year and period came from, and every row not stored with why."""
    for key, params in parsed.notes:
        st.caption(text(key, lang, **params))
    if parsed.skipped:
        st.info(text("skipped_heading", lang, n=len(parsed.skipped)))
        st.dataframe(
            skipped_table(parsed.skipped, lang), hide_index=True, width="stretch", placeholder="—"
        )


def alias_form(parsed, index, problems) -> None:
    """Map an unrecognised name to one of the uploader's targets once (以后自动识别)."""
    unknown = [p.params["indicator"] for p in problems if p.key == "indicator.unknown"]
    unknown += [s.label for s in parsed.skipped if s.key == "skip.not_catalogue"]
    names = list(dict.fromkeys(n for n in unknown if n))
    targets = {
        (r["entity"], r["year"], r["id"]): r["name_zh"] for r in aliases.choices(index, user)
    }
    if not names or not targets:
        return
    with st.expander(text("alias_heading", lang), icon=":material/link:"):
        st.caption(text("alias_help", lang))
        name = st.selectbox(text("label_in_file", lang), names, key="alias_name")
        target = st.selectbox(
            text("alias_target", lang), list(targets), format_func=targets.get, key="alias_target"
        )
        if st.button(text("alias_button", lang), key="alias_button"):
            try:
                with connect(w.db_path) as con:
                    alias = aliases.learn(con, w, index, user, name, target, datetime.now())
            except DashboardError as err:
                st.error(error_text(err, lang))
                return
            common.clear_caches()
            st.session_state["alias_added"] = text(  # a name from the file, shown as text
                "alias_added", lang, alias=literal(alias, inline=True), target=targets[target]
            )
            st.rerun()


def show_saved(saved: dict) -> None:
    """What the confirmed file stored, where to look next; no second confirm for it."""
    key = "review.stored_held" if saved["held"] else "stored"
    st.success(text(key, lang, id=saved["id"], n=saved["n"]))
    st.subheader(text("upload.saved_heading", lang))
    targets = common.load_targets(str(w.db_path), None, common.version(w))
    table = preview_table(saved["figures"], targets, lang, several)
    st.dataframe(table, hide_index=True, width="stretch", placeholder="—")
    if saved["held"]:
        st.page_link(REVIEW, label=text("upload.next_review", lang), icon=":material/fact_check:")
    else:
        st.page_link(OVERVIEW, label=text("upload.next_overview", lang), icon=":material/speed:")
    st.caption(text("upload.next_file", lang))


lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
st.title(text("upload", lang))
now = datetime.now()
today = common.today()


def template_expander(year: int, months: list[int], default: int) -> None:
    """The fill-in form for a month of the chosen entity; an uploader's own departments by
    default."""
    targets = common.load_targets(str(w.db_path), year, common.version(w), entity)
    with st.expander(text("template", lang), icon=":material/download:"):
        c1, c2 = st.columns(2)
        month = c1.selectbox(
            text("template_month", lang),
            months,
            index=months.index(default),
            format_func=lambda m: month_name(year, m, lang),
        )
        mine = sorted(user.departments) if user is not None else []
        chosen = c2.multiselect(
            text("template_departments", lang),
            sorted(set(targets["department"])),
            default=mine,
            placeholder=text("all", lang),
            format_func=lambda d: department_word(d, lang),
        )
        stem = f"template_{year}-{month:02d}"
        d1, d2 = st.columns(2)
        items = common.load_items(str(w.db_path), year, month, common.version(w))
        csv, count = exporting.fill_in_template(
            targets, year, month, "csv", chosen, items, form_entity
        )
        d1.download_button(text("download_csv", lang), csv, f"{stem}.csv", "text/csv")
        xlsx, _ = exporting.fill_in_template(
            targets, year, month, "xlsx", chosen, items, form_entity
        )
        d2.download_button(text("download_xlsx", lang), xlsx, f"{stem}.xlsx")
        st.caption(text("template_count", lang, n=count))


# A file that names no entity (no 主体 column, no 地区：line) is read for the entity chosen
# here, and only against its targets; a form for another entity than the office's own
# names its entity, so that it is stored for it wherever it is uploaded.
entity = common.entity_selector(w, lang, user)
several = len(common.load_entities(str(w.db_path), common.version(w))) > 1
form_entity = entity if several else None
year = common.year_selector(w, lang, entity, today)
months = open_months(year, (today.year, today.month)) if year else []
if months:
    latest = common.load_latest_month(str(w.db_path), common.version(w), year, entity)
    template_expander(year, months, common.default_month(months, latest))

if user is None or not user.may_upload():
    st.info(text("login_to_upload", lang))
    st.stop()
if st.session_state.get("alias_added"):
    st.success(st.session_state.pop("alias_added"))
uploaded = st.file_uploader(
    text("drop_file", lang),
    type=["csv", "txt", "xlsx", "xls"],
    max_upload_size=MAX_MEGABYTES,
    key="upload_file",  # the chosen file stays when the language changes
)
if uploaded is None:
    st.stop()

reading = st.radio(
    text("reading_choice", lang),
    [None, "ytd", "month"],
    format_func=lambda r: text(f"reading.{r or 'catalogue'}", lang),
    horizontal=True,
    key="reading",
)
data = uploaded.getvalue()
digest = hashlib.sha256(data).hexdigest()  # the file, once: it names its keys below
saved_key = f"stored_{digest}"
if saved_key in st.session_state:  # this file was just stored: say what, and what next
    show_saved(st.session_state[saved_key])
    st.stop()
bar = st.progress(0.05, text=text("upload.stage.read", lang))
try:
    index = common.load_index(str(w.db_path), common.version(w), form_entity)
    # the answer asked below for a file naming no place, kept per file (another file
    # is asked again)
    place_key = f"place_{digest[:16]}"
    place = st.session_state.get(place_key)
    parsed = parse(data, uploaded.name, index, (today.year, today.month), reading, place=place)
    bar.progress(0.6, text=text("upload.stage.compare", lang))
    with connect(w.db_path) as con:
        pv = check(w, con, parsed, index, user, now)
except IngestError as err:
    bar.empty()
    with connect(w.db_path) as con:
        record_refusal(w, con, user.name, uploaded.name, None, err.problems, now)
    st.error(text("refused", lang))
    st.dataframe(
        problem_table(err.problems, lang, index.targets),
        hide_index=True,
        width="stretch",
        placeholder="—",
    )
    st.stop()
bar.empty()  # checked: what follows says how it went
st.caption(read_as(literal(uploaded.name, inline=True), pv.parsed.encoding, pv.parsed.layout, lang))
if pv.parsed.place_open:  # the file says nowhere whose figures: the official confirms
    own = entity or index.home or ""
    st.radio(
        text("place_choice", lang),
        [None, OTHER_PLACE],
        format_func=lambda p: (
            text("place.own", lang, entity=glossary("entity", own, lang))
            if p is None
            else text("place.other", lang)
        ),
        horizontal=True,
        key=place_key,
    )

if pv.duplicate_of:
    st.info(
        text(
            "duplicate",
            lang,
            id=pv.duplicate_of["upload_id"],
            name=literal(pv.duplicate_of["filename"], inline=True),  # someone else's file name
        )
    )
    st.stop()
if pv.parsed.place == OTHER_PLACE and pv.figures.empty:  # as the official said: not ours
    st.info(text("note.place_other", lang))
    show_rows_not_stored(pv.parsed)
    st.stop()
if not pv.ok:
    st.error(text("refused", lang))
    st.dataframe(
        problem_table(pv.problems, lang, index.targets),
        hide_index=True,
        width="stretch",
        placeholder="—",
    )
    show_rows_not_stored(pv.parsed)
    alias_form(pv.parsed, index, pv.problems)
    st.stop()

targets = common.load_targets(str(w.db_path), None, common.version(w))
st.subheader(text("preview", lang))
if pv.parsed.read_rows:
    how = text(f"reading.{reading or 'catalogue'}", lang)
    st.caption(text("read_by_default", lang, n=len(pv.parsed.read_rows), how=how))
st.dataframe(
    preview_table(pv.figures, targets, lang, several),
    hide_index=True,
    width="stretch",
    placeholder="—",
)
if warnings(pv.problems):
    st.warning(text("warnings_confirm", lang))
    st.dataframe(
        problem_table(warnings(pv.problems), lang, index.targets),
        hide_index=True,
        width="stretch",
        placeholder="—",
    )

show_rows_not_stored(pv.parsed)
alias_form(pv.parsed, index, pv.problems)
if review.held_for_review(user):
    st.info(text("review.will_wait", lang))

if st.button(text("confirm", lang), type="primary", disabled=bool(errors(pv.problems))):
    saving = st.progress(0.1, text=text("upload.stage.archive", lang))
    steps = {"upload.stage.archive": 0.3, "upload.stage.store": 0.6}

    def stage(key: str) -> None:
        saving.progress(steps[key], text=text(key, lang))

    held = review.held_for_review(user)
    with connect(w.db_path) as con:
        upload_id = store_preview(con, w, pv, data, user.name, now, stage, held=held)
    saving.empty()
    common.clear_caches()
    # the rerun draws the page without the preview and the button: one file, one save
    st.session_state[saved_key] = {
        "id": upload_id,
        "n": len(pv.figures),
        "held": held,
        "figures": pv.figures,
    }
    st.rerun()
