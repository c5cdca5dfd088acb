"""Progress as of a month, read from the store and judged by the core (used by CLI and UI)."""

import duckdb
import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.explain import add_explanations
from dashboard.core.periods import period_iso
from dashboard.core.progress import compute_progress
from dashboard.core.progress_row import TARGET_KEY
from dashboard.core.seasonal import last_year_profiles, with_last_year
from dashboard.core.settings import Thresholds
from dashboard.store import catalogue as store_catalogue
from dashboard.store import comments as store_comments
from dashboard.store import figures as store_figures

OUTPUT_FIELDS = [
    "id",
    "entity",
    "year",
    "section",
    "department",
    "name_zh",
    "name_en",
    "kind",
    "comparator",
    "direction",
    "unit",
    "target",
    "target_low",
    "target_high",
    "actual",
    "actual_period",
    "completion_pct",
    "time_share_pct",
    "gap_pp",
    "expected_now",
    "remaining",
    "required_pace",
    "seasonal_share_pct",
    "seasonal_gap_pp",
    "weights_basis",
    "projected",
    "projected_method",
    "breach_month",
    "milestone_state",
    "due_date",
    "status",
    "explanation_zh",
    "explanation_en",
    "reason",
    "measures",
]


class NoFigures(DashboardError, LookupError):
    """No figure is stored for the year, so there is no default as-of month."""


def default_as_of(con: duckdb.DuckDBPyConnection, year: int | None = None) -> tuple[int, int]:
    """The latest month holding any figure (of `year` if given)."""
    found = store_figures.latest_month(con, year)
    if found is None:
        years = store_catalogue.catalogue_years(con)
        if year is None and not years:
            raise NoFigures("error.catalogue_empty")
        return (year or years[-1], 1)
    return found


def months(con: duckdb.DuckDBPyConnection) -> tuple[list[int], tuple[int, int]]:
    """The catalogue's years, and the latest (year, month) holding any figure."""
    return store_catalogue.catalogue_years(con), default_as_of(con)


def targets(con: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    """The catalogue as stored (of `year` if given)."""
    return store_catalogue.targets(con, year)


def current_figures(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    return store_figures.current_figures(con, year)


def target_history(
    con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """What the detail page shows of one target: every figure with its revisions, every
    comment, and the seasonal profiles."""
    return (
        store_figures.history(con, entity, year, target_id),
        store_comments.comment_history(con, entity, year, target_id),
        seasonal_profiles(con, year),
    )


def seasonal_profiles(
    con: duckdb.DuckDBPyConnection, year: int, targets: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The shipped profiles, with last year's real shares wherever last year's figures are
    stored."""
    targets = store_catalogue.targets(con, year) if targets is None else targets
    last_year = store_figures.current_figures(con, year - 1)
    return with_last_year(store_catalogue.profiles(con), last_year_profiles(last_year, targets))


def progress(
    con: duckdb.DuckDBPyConnection, year: int, month: int, thresholds: Thresholds = Thresholds()
) -> pd.DataFrame:
    """Every target of `year` judged as of `month`, with explanations and comments."""
    targets = store_catalogue.targets(con, year)
    figures = store_figures.current_figures(con, year)
    result = compute_progress(
        targets,
        figures,
        month,
        thresholds=thresholds,
        profiles=seasonal_profiles(con, year, targets),
        assessments=store_comments.assessments(con, year),
    )
    result = add_explanations(result)
    result["actual_period"] = [
        None if pd.isna(s) or pd.isna(e) else period_iso(int(y), int(s), int(e))
        for y, s, e in zip(
            result["year"], result["actual_start"], result["actual_end"], strict=True
        )
    ]
    comments = store_comments.latest_comments(con, year, month)
    return result.merge(
        comments[TARGET_KEY + ["reason", "measures"]],
        on=TARGET_KEY,
        how="left",
    )
