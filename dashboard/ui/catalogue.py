"""目标目录: a report's text -> proposals -> a checked catalogue for a year and an entity;
catalogues side by side, carried over, by entity; the department keyword table."""

import pandas as pd
import streamlit as st

from dashboard.core import vocab
from dashboard.core.messages import glossary, text
from dashboard.core.problems import IngestError, errors
from dashboard.present import catalogue_tables as tables
from dashboard.services import catalogue_drafts as drafts
from dashboard.services import catalogues, proposing
from dashboard.services.database import connect
from dashboard.ui import auth, common

NEW_ENTITY = "+"
CHOICES = {
    "kind": vocab.KINDS,
    "comparator": vocab.COMPARATORS,
    "direction": vocab.DIRECTIONS,
    "frequency": vocab.FREQUENCIES,
    "measure": vocab.MEASURES,
}

lang = common.lang()
w = common.ready()
user = auth.page(w, lang)
may_save = user is not None and user.is_admin
st.title(text("catalogue", lang))

with connect(w.db_path) as con:
    known = catalogues.years_and_entities(con)


def label(key: tuple[str, int]) -> str:
    """'郑州市 · 2026' | 'Zhengzhou · 2026'."""
    return f"{glossary('entity', key[0], lang)} · {key[1]}"


def draft_key(entity: str, year: int) -> str:
    return f"draft::{entity}::{year}"


def get_draft(entity: str, year: int) -> pd.DataFrame:
    """This session's draft of a catalogue, first read from the store."""
    key = draft_key(entity, year)
    if key not in st.session_state:
        with connect(w.db_path) as con:
            st.session_state[key] = catalogues.catalogue(con, entity, year)
        st.session_state[key + "::v"] = 0
    return st.session_state[key]


def set_draft(entity: str, year: int, draft: pd.DataFrame) -> None:
    """Replace the draft; the editor starts again from it (its own edits are in it)."""
    key = draft_key(entity, year)
    st.session_state[key] = drafts.as_draft(draft, entity, year)
    st.session_state[key + "::v"] = st.session_state.get(key + "::v", 0) + 1


entities = sorted({e for e, _ in known})
scope = st.session_state.get(common.ENTITY_KEY)  # the entity the other pages show
c1, c2 = st.columns([2, 1])
picked = c1.selectbox(
    text("catalogue.entity", lang),
    [*entities, NEW_ENTITY],
    index=entities.index(scope) if scope in entities else 0,
    format_func=lambda e: (
        text("catalogue.new_entity", lang) if e == NEW_ENTITY else glossary("entity", e, lang)
    ),
    key="catalogue_entity",
)
entity = (
    c1.text_input(text("catalogue.entity_name", lang), key="catalogue_new_entity").strip()
    if picked == NEW_ENTITY
    else picked
)
years = sorted({y for e, y in known if e == entity}) or [max((y for _, y in known), default=2026)]
year = int(
    c2.number_input(
        text("catalogue.year", lang), 2000, 2100, value=years[-1], step=1, key="catalogue_year"
    )
)
if not entity:
    st.info(text("catalogue.name_the_entity", lang))
    st.stop()

propose_tab, edit_tab, compare_tab, overview_tab, keywords_tab = st.tabs(
    [
        text("catalogue.tab.propose", lang),
        text("catalogue.tab.edit", lang, entity=glossary("entity", entity, lang), year=year),
        text("catalogue.tab.compare", lang),
        text("catalogue.tab.overview", lang),
        text("catalogue.tab.keywords", lang),
    ]
)

with propose_tab:
    pasted = st.text_area(text("catalogue.paste", lang), height=180, key="report_text")
    uploaded = st.file_uploader(
        text("catalogue.upload", lang), type=["txt", "md", "docx"], key="report_file"
    )
    undated = st.checkbox(text("catalogue.undated", lang), key="report_undated")
    if st.button(text("catalogue.propose", lang), type="primary", key="propose"):
        options = {
            "keywords": proposing.keyword_table(w),
            "undated_milestones": undated,
            "lang": lang,
        }
        try:
            if uploaded is not None:
                data, name = uploaded.getvalue(), uploaded.name
                proposed = proposing.propose_file(data, name, year, entity, **options)
            else:
                proposed = proposing.propose_text(pasted, year, entity, **options)
            st.session_state["proposed"] = proposed
        except IngestError as err:
            st.error(text("catalogue.unreadable", lang))
            st.dataframe(tables.problem_table(err.problems, lang), hide_index=True)
    proposed = st.session_state.get("proposed")
    if proposed is not None:
        m1, m2, m3 = st.columns(3)
        m1.metric(text("catalogue.proposed", lang), len(proposed.rows))
        m2.metric(text("catalogue.to_check", lang), proposed.to_check)
        m3.metric(text("catalogue.baselines", lang), len(proposed.proposal.baselines))
        st.html(tables.legend(lang))
        st.html(tables.highlighted_html(proposed.text, proposed.rows, lang))
        accept_column = text("catalogue.accept", lang)
        shown = tables.proposal_table(proposed.rows, lang)
        chosen = st.data_editor(
            shown,
            hide_index=True,
            disabled=[c for c in shown.columns if c != accept_column],
            key=f"accept_{id(proposed)}",
        )
        if st.button(text("catalogue.accept_selected", lang), key="accept_selected"):
            picked_rows = proposed.rows[chosen[accept_column].to_numpy(dtype=bool)]
            with connect(w.db_path) as con:
                before = catalogues.earlier(con, entity, year)
            set_draft(entity, year, drafts.accept(get_draft(entity, year), picked_rows, before))
            st.success(
                text(
                    "catalogue.accepted",
                    lang,
                    n=len(picked_rows),
                    entity=glossary("entity", entity, lang),
                    year=year,
                )
            )
        if proposed.proposal.baselines:
            with st.expander(text("catalogue.baselines", lang)):
                st.dataframe(
                    tables.baseline_table(proposed.proposal.baselines, lang), hide_index=True
                )

with edit_tab:
    draft = get_draft(entity, year)
    version = st.session_state[draft_key(entity, year) + "::v"]
    config = {
        column: st.column_config.SelectboxColumn(column, options=list(options))
        for column, options in CHOICES.items()
    }
    config |= {
        "entity": st.column_config.TextColumn(disabled=True),
        "year": st.column_config.TextColumn(disabled=True),
        drafts.SUGGESTED: st.column_config.TextColumn(
            text("catalogue.suggested_department", lang), disabled=True
        ),
    }
    edited = st.data_editor(
        draft,
        num_rows="dynamic",
        hide_index=True,
        column_config=config,
        key=f"editor::{entity}::{year}::{version}",
    )
    edited = drafts.as_draft(edited, entity, year)
    a1, a2 = st.columns(2)
    merging = a1.multiselect(
        text("catalogue.merge_ids", lang), edited["id"].tolist(), key=f"merge::{entity}::{year}"
    )
    if a1.button(text("catalogue.merge", lang), disabled=len(merging) < 2, key="merge"):
        set_draft(entity, year, drafts.merge(edited, merging))
        st.rerun()
    if a2.button(text("catalogue.take_suggestions", lang), key="take_suggestions"):
        set_draft(entity, year, drafts.take_suggestions(edited))
        st.rerun()
    problems = catalogues.check_draft(edited, entity, year)
    if problems:
        st.error(text("catalogue.problems", lang, n=len(problems)))
        st.dataframe(tables.problem_table(problems, lang), hide_index=True)
    else:
        st.success(text("catalogue.no_problems", lang, n=len(edited)))
    if not may_save:
        st.info(text("catalogue.admin_to_save", lang))
    else:
        confirmed = st.checkbox(text("catalogue.confirm_removal", lang), key="confirm_removal")
        if st.button(
            text("catalogue.save", lang, entity=glossary("entity", entity, lang), year=year),
            type="primary",
            disabled=bool(errors(problems)),
            key="save",
        ):
            with connect(w.db_path) as con:
                result = catalogues.save(con, w, edited, entity, year, user.name, confirmed)
            if result.saved:
                common.clear_caches()
                st.session_state.pop(draft_key(entity, year), None)
                st.session_state["catalogue_saved"] = text(
                    "catalogue.saved",
                    lang,
                    file=result.path.relative_to(w.data_dir).as_posix(),
                    added=len(result.changes["added"]),
                    changed=len(result.changes["changed"]),
                    removed=len(result.changes["removed"]),
                )
                st.rerun()
            st.warning(text("catalogue.not_saved", lang))
            st.dataframe(tables.problem_table(result.problems, lang), hide_index=True)
    if "catalogue_saved" in st.session_state:
        st.success(st.session_state.pop("catalogue_saved"))

with compare_tab:
    if not known:
        st.info(text("catalogue.none_yet", lang))
    else:
        l1, r1 = st.columns(2)
        left = l1.selectbox(text("catalogue.left", lang), known, format_func=label, key="left")
        right = r1.selectbox(
            text("catalogue.right", lang),
            known,
            index=min(1, len(known) - 1),
            format_func=label,
            key="right",
        )
        with connect(w.db_path) as con:
            left_rows = catalogues.catalogue(con, *left)
            right_rows = catalogues.catalogue(con, *right)
        l1.dataframe(tables.side_table(left_rows, lang), hide_index=True)
        r1.dataframe(tables.side_table(right_rows, lang), hide_index=True)
        carry = l1.multiselect(
            text("catalogue.carry_ids", lang, year=left[1] + 1),
            left_rows["id"].tolist(),
            key="carry",
        )
        if l1.button(text("catalogue.carry", lang, year=left[1] + 1), disabled=not carry):
            chosen_rows = left_rows[left_rows["id"].isin(carry)]
            target = get_draft(left[0], left[1] + 1)
            fresh = chosen_rows[~chosen_rows["id"].isin(target["id"])]
            carried = drafts.carry_over(fresh, left[1] + 1)
            set_draft(left[0], left[1] + 1, pd.concat([target, carried], ignore_index=True))
            st.success(
                text(
                    "catalogue.carried",
                    lang,
                    n=len(carried),
                    entity=glossary("entity", left[0], lang),
                    year=left[1] + 1,
                )
            )

with overview_tab:
    with connect(w.db_path) as con:
        overview = catalogues.overview(con)
    st.dataframe(tables.overview_table(overview, lang), hide_index=True)

with keywords_tab:
    st.caption(text("catalogue.keywords_help", lang))
    keywords = st.data_editor(
        proposing.keywords_frame(w), num_rows="dynamic", hide_index=True, key="keywords"
    )
    if may_save and st.button(text("catalogue.save_keywords", lang), key="save_keywords"):
        with connect(w.db_path) as con:
            kept = proposing.save_keywords(con, w, keywords, user.name)
        st.success(text("catalogue.keywords_saved", lang, n=kept))
