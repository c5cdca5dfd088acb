"""What every page shares: language, the store, cached progress, the as-of month."""

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.core.messages import month_name, text
from dashboard.present import charts
from dashboard.services import audit_log, exporting, reporting
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
    # the journal too: another database on the same folder may have added lines
    return db_version(w.db_path) + (_stat(w.data_dir / JOURNAL),)


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
        return reporting.progress(con, year, month)


@st.cache_data(show_spinner=False, max_entries=8)
def load_months(db_path: str, db_version: tuple) -> tuple[list[int], tuple[int, int]]:
    with connect(db_path) as con:
        return reporting.months(con)


@st.cache_data(show_spinner=False, max_entries=8)
def load_targets(db_path: str, year: int, db_version: tuple) -> pd.DataFrame:
    with connect(db_path) as con:
        return reporting.targets(con, year)


@st.cache_resource(show_spinner=False, max_entries=4)
def load_index(db_path: str, db_version: tuple) -> CatalogueIndex:
    """The catalogue's name index, shared by sessions (read-only once built)."""
    with connect(db_path) as con:
        return catalogue_index(con)


@st.cache_data(show_spinner=False, max_entries=8)
def load_current(db_path: str, year: int, db_version: tuple) -> pd.DataFrame:
    with connect(db_path) as con:
        return reporting.current_figures(con, year)


@st.cache_data(show_spinner=False, max_entries=32)
def load_history(db_path: str, entity: str, year: int, target_id: str, db_version: tuple):
    with connect(db_path) as con:
        return reporting.target_history(con, entity, year, target_id)


def as_of_selector(w: Workspace, lg: str) -> tuple[int, int]:
    """Year and data month; defaults to the latest month holding any figure."""
    v = version(w)
    years, (latest_year, latest_month) = load_months(str(w.db_path), v)
    year = latest_year
    if len(years) > 1:
        year = st.sidebar.selectbox(
            text("year_switch", "zh"), years, index=years.index(latest_year)
        )
    months = list(range(1, 13))
    default = latest_month if year == latest_year else 12
    month = st.sidebar.selectbox(
        text("as_of", lg),
        months,
        index=default - 1,
        key=f"as_of_{year}",
        format_func=lambda m: month_name(year, m, lg),
    )
    return year, month


@st.cache_resource(show_spinner=False, max_entries=32)
def section_specs(
    db_path: str,
    year: int,
    month: int,
    db_version: tuple,
    lang: str,
    view: str,
    ids: tuple[str, ...],
) -> list[tuple[str, dict]]:
    """Vega-Lite specs per section, cached: building Altair charts costs ~50 ms each."""
    shown = load_progress(db_path, year, month, db_version)
    shown = shown[shown["id"].isin(ids)]
    make = charts.bullets if view == "bullets" else charts.gauges
    return [
        (section, make(part, lang).to_dict(validate=False))
        for section, part in shown.groupby("section", sort=False)
    ]


def progress(w: Workspace, year: int, month: int) -> pd.DataFrame:
    return load_progress(str(w.db_path), year, month, version(w))


def clear_caches() -> None:
    section_specs.clear()
    load_index.clear()
    load_progress.clear()
    load_months.clear()
    load_current.clear()
    load_history.clear()


def audited_export(
    w: Workspace, user_name: str, frame: pd.DataFrame, fmt: str, head, lang: str, **detail
):
    """Bytes for a download button, made (and recorded) only when the button is pressed."""

    def make() -> bytes:
        data = exporting.export_bytes(frame, fmt, head, lang)  # made first: audit what was
        with connect(w.db_path) as con:
            audit_log.record(w, con, user_name, "export", fmt, **detail)
        return data

    return make
