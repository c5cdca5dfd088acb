"""What every page shares: language, the store, cached progress, the as-of month."""

import os
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.core.messages import LANGS, glossary, month_name, text
from dashboard.core.periods import open_months
from dashboard.present.column_widths import widths
from dashboard.present.gauge_svg import gauge_card
from dashboard.present.gauges import gauge_cells
from dashboard.present.labels import section_word
from dashboard.present.overview_tables import department_counts, entity_counts
from dashboard.present.reminder_tables import overdue_by_department
from dashboard.services import (
    audit_log,
    deadlines,
    exporting,
    reminders,
    reporting,
    review,
    snapshots,
    supervision,
)
from dashboard.services.database import JOURNAL, connect, open_store
from dashboard.services.uploading import CatalogueIndex, catalogue_index
from dashboard.services.workspace import Workspace, db_version, workspace
from dashboard.ui import session_cookie


def ws() -> Workspace:
    return workspace(os.environ.get("DASHBOARD_DB"), os.environ.get("DASHBOARD_DATA"))


def lang() -> str:
    return st.session_state.get("lang", "zh")


def language_switch() -> str:
    """The language switch; a new tab or a reload starts in the language chosen last."""
    saved = "English" if session_cookie.saved_lang() == "en" else "中文"
    choice = st.sidebar.segmented_control(
        text("language_switch", "zh"), ["中文", "English"], key="lang_choice", default=saved
    )
    st.session_state["lang"] = "en" if choice == "English" else "zh"
    return st.session_state["lang"]


def version(w: Workspace) -> tuple:
    """Changes whenever the database file is written: the key for every cached read."""
    # the journal too: another database on the same folder may have added lines; and the
    # page's day, since what is overdue changes at midnight (and with DASHBOARD_TODAY)
    return db_version(w.db_path) + (_stat(w.data_dir / JOURNAL), today())


@st.cache_resource(show_spinner=False)
def _opened() -> dict[str, tuple]:
    """Database files this server has readied, with the state they were readied in."""
    return {}


def _stat(path: Path) -> tuple | None:
    try:
        s = path.stat()
        return s.st_size, s.st_mtime_ns
    except FileNotFoundError:
        return None


def _state(w: Workspace) -> tuple:
    """What ready() must act on when it changes: the database file there or not, the
    journal's length (another process or database added lines), the catalogue file."""
    return w.db_path.exists(), _stat(w.data_dir / JOURNAL), _stat(w.targets_csv)


def ready() -> Workspace:
    """Every page run: the database in step with the data folder's journal, made again
    from the journal if it was deleted (and saying so). Cheap when nothing changed."""
    w = ws()
    opened = _opened()
    state = _state(w)
    if opened.get(str(w.db_path)) == state:
        return w
    with open_store(w):
        pass
    if not state[0] and str(w.db_path) in opened:
        clear_caches()
        st.warning(text("storage.database_recreated", lang(), name=w.db_path.name))
    opened[str(w.db_path)] = _state(w)
    return w


# cache_resource hands every session the same object instead of an unpickled copy; pages
# only read these (filters build new frames), and a database write changes the key.
@st.cache_resource(show_spinner=False, max_entries=16)
def load_progress(db_path: str, year: int, month: int, db_version: tuple) -> pd.DataFrame:
    with connect(db_path) as con:
        # explanations are written for the rows a page shows or exports, not all
        return reporting.progress(con, year, month, explained=False, today=today())


@st.cache_resource(show_spinner=False, max_entries=64)
def load_entity_progress(
    db_path: str, entity: str | None, year: int, month: int, db_version: tuple
) -> pd.DataFrame:
    """One entity's rows of the year's progress, with their labels in the whole frame
    (the gauge cards are cached by those labels); all rows where no entity is given."""
    every = load_progress(db_path, year, month, db_version)
    return every if entity is None else every[every["entity"] == entity]


@st.cache_data(show_spinner=False, max_entries=8)
def load_entities(db_path: str, db_version: tuple) -> list[str]:
    with connect(db_path) as con:
        return reporting.entities(con)


@st.cache_data(show_spinner=False, max_entries=16)
def load_months(
    db_path: str, db_version: tuple, entity: str | None = None
) -> tuple[list[int], tuple[int, int]]:
    with connect(db_path) as con:
        return reporting.months(con, entity)


@st.cache_data(show_spinner=False, max_entries=8)
def load_items(db_path: str, year: int, month: int, db_version: tuple) -> pd.DataFrame:
    """The named items as of `month` (the fill-in forms list them)."""
    with connect(db_path) as con:
        return reporting.items(con, year, month)


@st.cache_data(show_spinner=False, max_entries=32)
def load_latest_month(db_path: str, db_version: tuple, year: int, entity: str | None) -> int | None:
    with connect(db_path) as con:
        return reporting.latest_figure_month(con, year, entity)


@st.cache_data(show_spinner=False, max_entries=16)
def load_targets(
    db_path: str, year: int | None, db_version: tuple, entity: str | None = None
) -> pd.DataFrame:
    with connect(db_path) as con:
        return reporting.targets(con, year, entity)


@st.cache_resource(show_spinner=False, max_entries=8)
def load_index(db_path: str, db_version: tuple, entity: str | None = None) -> CatalogueIndex:
    """The catalogue's name index, shared by sessions (read-only once built). A file that
    names no entity reports for `entity` (the one chosen on the page), else for the
    office's own."""
    with connect(db_path) as con:
        return catalogue_index(con, entity)


@st.cache_data(show_spinner=False, max_entries=16)
def load_current(
    db_path: str, year: int, db_version: tuple, entity: str | None = None
) -> pd.DataFrame:
    with connect(db_path) as con:
        current = reporting.current_figures(con, year)
    return current if entity is None else current[current["entity"] == entity]


@st.cache_data(show_spinner=False, max_entries=8)
def load_reminders(
    db_path: str, year: int, month: int, on: date, db_version: tuple
) -> pd.DataFrame:
    """Reports overdue and targets behind per department as of (year, month) on `on`,
    from the progress the pages already judged (not judged a second time)."""
    progress = load_progress(db_path, year, month, db_version)
    with connect(db_path) as con:
        return reminders.reminders_of(con, progress, year, month, on)


@st.cache_data(show_spinner=False, max_entries=32)
def load_pending_figures(db_path: str, entity: str, year: int, target_id: str, db_version: tuple):
    """A target's figures waiting for review (none when review is off)."""
    with connect(db_path) as con:
        return review.pending_figures(con, entity, year, target_id)


@st.cache_data(show_spinner=False, max_entries=8)
def load_supervision(db_path: str, on: date, db_version: tuple) -> pd.DataFrame:
    """Every supervision item with its state on `on` (open | overdue | closed)."""
    with connect(db_path) as con:
        return supervision.with_state(supervision.items(con), on)


@st.cache_data(show_spinner=False, max_entries=8)
def open_supervised(db_path: str, year: int, db_version: tuple) -> dict[tuple, list[int]]:
    """The open supervision items of `year`'s targets: (entity, id) -> item numbers."""
    with connect(db_path) as con:
        frame = supervision.items(con)
    frame = frame[(frame["year"] == year) & (frame["state"] == "open")]
    return {
        key: [int(i) for i in part["item_id"]]
        for key, part in frame.groupby(["entity", "id"], sort=False)
    }


@st.cache_data(show_spinner=False, max_entries=8)
def load_deadlines(db_path: str, year: int, db_version: tuple) -> pd.DataFrame:
    """The report deadlines set per target of `year` (issue 21)."""
    with connect(db_path) as con:
        return deadlines.current(con, year)


@st.cache_data(show_spinner=False, max_entries=32)
def load_history(db_path: str, entity: str, year: int, target_id: str, db_version: tuple):
    with connect(db_path) as con:
        return reporting.target_history(con, entity, year, target_id)


def overdue_reminders(w: Workspace, entity: str, year: int, month: int) -> pd.DataFrame:
    """The reminders of `entity` as of (year, month) today: reports owed, targets behind."""
    frame = load_reminders(str(w.db_path), year, month, today(), version(w))
    return frame[frame["entity"] == entity]


def overdue_table(w: Workspace, entity: str, year: int, month: int, lang: str) -> pd.DataFrame:
    """Reports due and missing per department of `entity` as of (year, month) today: how
    many, the longest overdue and which (the overview and the completeness page)."""
    return overdue_by_department(overdue_reminders(w, entity, year, month), lang)


def today() -> date:
    """The clock of every page: today, or DASHBOARD_TODAY (YYYY-MM-DD) where a test or a
    demonstration stands at a fixed date."""
    fixed = os.environ.get("DASHBOARD_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


ENTITY_KEY = "scope.entity"  # the entity and year chosen, kept while moving between pages
YEAR_KEY = "scope.year"
MONTH_KEY = "scope.month.{year}"  # the month chosen in that year, kept across languages
WHO_KEY = "scope.user"  # who chose: an uploader logging in starts on their own entity


def entity_selector(w: Workspace, lg: str, user=None) -> str | None:
    """The entity every page shows: the office's own (that of targets.csv) unless another
    is chosen; a link may name one (?entity=). An uploader whose departments report only
    for another entity (a district's office) starts on that one. Offered only where there
    are several."""
    entities = load_entities(str(w.db_path), version(w))
    if not entities:
        return None
    who = user.name if user is not None else None
    if st.session_state.get(WHO_KEY, who) != who and _has_own_entities(user):
        for key in (ENTITY_KEY, *(f"entity_choice_{lang}" for lang in LANGS)):
            st.session_state.pop(key, None)
    st.session_state[WHO_KEY] = who
    chosen = st.session_state.get(ENTITY_KEY) or st.query_params.get("entity")
    if chosen not in entities:
        chosen = _first_of_user(w, entities, user)
    if len(entities) > 1:
        chosen = st.sidebar.selectbox(
            text("entity_switch", "zh"),
            entities,
            index=entities.index(chosen),
            # per language: a kept widget would go on showing the names in the old one
            key=f"entity_choice_{lg}",
            format_func=lambda e: glossary("entity", e, lg),
        )
    st.session_state[ENTITY_KEY] = chosen
    return chosen


def _has_own_entities(user) -> bool:
    return user is not None and not user.is_admin and bool(user.departments)


def _first_of_user(w: Workspace, entities: list[str], user) -> str:
    """The first entity (the office's own first) with a target of the user's departments;
    the office's own for everyone else."""
    if not _has_own_entities(user):
        return entities[0]
    targets = load_targets(str(w.db_path), None, version(w))
    theirs = set(targets.loc[targets["department"].isin(list(user.departments)), "entity"])
    return next((e for e in entities if e in theirs), entities[0])


def year_selector(w: Workspace, lg: str, entity: str | None, now: date | None = None) -> int | None:
    """The entity's catalogue year, among those that have begun: the one chosen last if
    the entity has it, else the year of its latest figure; None before any has begun."""
    now = now or today()
    clock = (now.year, now.month)
    years, (latest_year, _) = load_months(str(w.db_path), version(w), entity)
    open_years = [y for y in years if open_months(y, clock)]
    if not open_years:
        return None
    chosen = st.session_state.get(YEAR_KEY)
    if chosen not in open_years:
        chosen = latest_year if latest_year in open_years else open_years[-1]
    if len(open_years) > 1:
        chosen = st.sidebar.selectbox(
            text("year_switch", "zh"),
            open_years,
            index=open_years.index(chosen),
            key=f"year_choice_{entity}",
        )
    st.session_state[YEAR_KEY] = chosen
    return chosen


def as_of_selector(
    w: Workspace, lg: str, now: date | None = None, user=None
) -> tuple[str | None, int, int]:
    """Entity, year and data month, offering only months that have begun; the month
    defaults to the latest holding any of the entity's figures (never one after today)."""
    now = now or today()
    entity = entity_selector(w, lg, user)
    year = year_selector(w, lg, entity, now)
    if year is None:
        first = load_months(str(w.db_path), version(w), entity)[0][0]
        st.info(text("year_not_started", lg, year=first))
        st.stop()
    months = open_months(year, (now.year, now.month))
    default = default_month(months, load_latest_month(str(w.db_path), version(w), year, entity))
    chosen = st.session_state.get(MONTH_KEY.format(year=year))
    month = st.sidebar.selectbox(
        text("as_of", lg),
        months,
        index=months.index(chosen if chosen in months else default),
        # per language: a kept widget goes on showing its options in the old language
        # ("2026年10月" on the English page); the month chosen is carried over
        key=f"as_of_{year}_{lg}",
        format_func=lambda m: month_name(year, m, lg),
    )
    st.session_state[MONTH_KEY.format(year=year)] = month
    return entity, year, month


def scope_words(w: Workspace, entity: str | None, year: int, month: int, lg: str) -> str:
    """'金水区 · 2026年10月' for a page's title: the entity where there are several."""
    when = month_name(year, month, lg)
    several = len(load_entities(str(w.db_path), version(w))) > 1
    return f"{glossary('entity', entity, lg)} · {when}" if several and entity else when


def default_month(months: list[int], latest: int | None) -> int:
    """The latest month holding a figure of the year (never one that has not begun); the
    latest that has begun where the year has no figure yet."""
    return months[-1] if latest is None else min(latest, months[-1])


def warm() -> None:
    """What the server does when it starts, before anyone asks: the database readied (made
    from the data folder's journal and files if need be) and the overview's first screen
    built for the default entity and month in both languages, so that the first official
    at nine o'clock finds it made, as every later one does."""
    w = ready()
    v = version(w)
    clock = (today().year, today().month)
    entities = load_entities(str(w.db_path), v)
    entity = entities[0] if entities else None
    years, (latest_year, _) = load_months(str(w.db_path), v, entity)
    years = [y for y in years if open_months(y, clock)]
    if not years:
        return
    year = latest_year if latest_year in years else years[-1]
    latest = load_latest_month(str(w.db_path), v, year, entity)
    month = default_month(open_months(year, clock), latest)
    progress = load_entity_progress(str(w.db_path), entity, year, month, v)
    for lg in ("zh", "en"):  # the unfiltered overview, in catalogue order, by section
        gauge_cards(str(w.db_path), year, month, v, lg, tuple(progress.index), True)
        department_table(str(w.db_path), entity, year, month, v, lg)
    load_reminders(str(w.db_path), year, month, today(), v)  # the overview's overdue reports


@st.cache_resource(show_spinner=False, max_entries=32)
def bullet_specs(
    db_path: str,
    year: int,
    month: int,
    db_version: tuple,
    lang: str,
    rows: tuple[int, ...],
    by_section: bool,
) -> list[tuple[str, dict]]:
    """Bullet-graph Vega-Lite specs (per section, or one in the order of `rows`: index
    labels of the progress frame, as for the gauge cards), cached: building an Altair
    chart costs ~50 ms. Altair is imported here: the overview's default view
    (server-drawn gauges) needs none of it."""
    from dashboard.present import charts

    shown = load_progress(db_path, year, month, db_version).loc[list(rows)]
    parts = shown.groupby("section", sort=False) if by_section else [("", shown)]
    return [
        (
            section_word(section, lang) if section else "",
            charts.bullets(part, lang).to_dict(validate=False),
        )
        for section, part in parts
    ]


@st.cache_resource(show_spinner=False, max_entries=64)
def gauge_cards(
    db_path: str,
    year: int,
    month: int,
    db_version: tuple,
    lang: str,
    rows: tuple[int, ...],
    by_section: bool,
) -> tuple[tuple[str, tuple[tuple[str, str, str, str], ...]], ...]:
    """The overview's gauge cards (id, name, HTML, element key) per section, or in one run
    in the order of `rows` (index labels of the progress frame: what the filters kept):
    built once per data version, month, language and filter, and shared by every session
    (a new visitor's first view only sends them)."""
    every = load_progress(db_path, year, month, db_version)
    shown = every.loc[list(rows)]
    # open 督办 items are marked on their cards: opening or closing one writes a journal
    # line, which changes db_version and so the cards' key
    cells = gauge_cells(shown, lang, supervised=open_supervised(db_path, year, db_version))
    # a card's key is its target's id; where several entities share ids (a province's
    # districts), its row too, or Streamlit would refuse the second card with that key
    cells["key"] = (
        cells["id"]
        if every["id"].is_unique
        else [f"{r}_{i}" for r, i in zip(rows, cells["id"], strict=True)]
    )
    parts = cells.groupby("section", sort=False) if by_section else [("", cells)]
    return tuple(
        (
            section,
            tuple(
                (c["id"], c["full_name"], gauge_card(c), c["key"]) for c in part.to_dict("records")
            ),
        )
        for section, part in parts
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def department_table(
    db_path: str, entity: str | None, year: int, month: int, db_version: tuple, lang: str
) -> pd.DataFrame:
    """Department × status counts of one entity, shared by sessions (read-only)."""
    return department_counts(load_entity_progress(db_path, entity, year, month, db_version), lang)


@st.cache_resource(show_spinner=False, max_entries=16)
def entity_table(db_path: str, year: int, month: int, db_version: tuple, lang: str) -> pd.DataFrame:
    """Entity × status counts of the year (the office's own first), shared by sessions."""
    every = load_progress(db_path, year, month, db_version)
    order = {e: n for n, e in enumerate(load_entities(db_path, db_version))}
    every = every.sort_values("entity", key=lambda s: s.map(order), kind="stable")
    return entity_counts(every, lang)


def progress(w: Workspace, entity: str | None, year: int, month: int) -> pd.DataFrame:
    return load_entity_progress(str(w.db_path), entity, year, month, version(w))


def clear_caches() -> None:
    bullet_specs.clear()
    gauge_cards.clear()
    department_table.clear()
    entity_table.clear()
    load_entity_progress.clear()
    load_entities.clear()
    load_targets.clear()
    load_index.clear()
    load_progress.clear()
    load_months.clear()
    load_latest_month.clear()
    load_current.clear()
    load_history.clear()
    load_reminders.clear()
    load_pending_figures.clear()
    load_supervision.clear()
    open_supervised.clear()
    load_deadlines.clear()


def audited_export(
    w: Workspace,
    user_name: str,
    frame: pd.DataFrame,
    fmt: str,
    head,
    lang: str,
    *,
    items_of: tuple[int, int] | None = None,
    snapshot_items: int | None = None,
    **detail,
):
    """Bytes for a download button, made (and recorded) only when the button is pressed.
    `items_of` (year, month) of a live view, or `snapshot_items` (a snapshot's id): the
    XLSX gets a sheet of the named items, as they stand or as the snapshot froze them."""

    def make() -> bytes:
        items = None
        if fmt == "xlsx" and (items_of is not None or snapshot_items is not None):
            with connect(w.db_path) as con:
                if snapshot_items is not None:
                    items = snapshots.items(con, snapshot_items)
                else:
                    items = reporting.items(con, *items_of)
            items = items[items["entity"].isin(set(frame["entity"]))]  # the entity shown
        # made first: audit what was
        data = exporting.export_bytes(frame, fmt, head, lang, items=items)
        with connect(w.db_path) as con:
            audit_log.record(w, con, user_name, "export", fmt, **detail)
        return data

    return make


# Columns of percentages: the numbers carry the % sign, the header stays the bulletin's word.
PERCENT_HEADERS = {text(k, lang) for k in ("completion_pct", "time_share_pct") for lang in LANGS}


def fitted_columns(frame: pd.DataFrame, pin: str | None = None) -> dict:
    """Column config of the text columns: each as wide as its longest entry (none clipped),
    and `pin` (the names) kept in view at a width that leaves a phone room for numbers."""
    return {
        col: st.column_config.TextColumn(pinned=True if col == pin else None, width=width)
        for col, width in widths(frame, pin).items()
    }


def names_table(frame: pd.DataFrame, **kwargs):
    """A table whose first column names the rows (departments, indicators, entries): the
    names stay in view while a phone swipes through the numbers."""
    config = fitted_columns(frame, frame.columns[0]) | kwargs.pop("column_config", {})
    kwargs.setdefault("width", "stretch")
    return st.dataframe(frame, hide_index=True, column_config=config, **kwargs)


def show_table(frame: pd.DataFrame, pin: str | None = None, **kwargs):
    """A table with its numbers as numbers (sortable) shown with one decimal, and a dash
    where a number does not apply (Streamlit would write "None")."""
    numbers = {
        c: st.column_config.NumberColumn(format="%.1f%%" if c in PERCENT_HEADERS else "%.1f")
        for c in frame.columns
        if pd.api.types.is_float_dtype(frame[c])
    }
    numbers |= fitted_columns(frame, pin)  # the name stays in view while a phone swipes
    return st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config=numbers,
        placeholder="—",
        **kwargs,
    )
