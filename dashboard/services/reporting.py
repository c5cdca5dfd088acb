"""Progress as of a month, read from the store and judged by the core (used by CLI and UI)."""

import os
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dashboard.core.deadlines import with_deadlines
from dashboard.core.errors import DashboardError
from dashboard.core.explain import add_explanations, add_status_labels
from dashboard.core.items import item_table
from dashboard.core.periods import QUARTER_NAMED, period_text
from dashboard.core.progress import compute_progress
from dashboard.core.progress_row import TARGET_KEY
from dashboard.core.seasonal import last_year_profiles, with_last_year
from dashboard.core.settings import Thresholds, thresholds_from_toml
from dashboard.services.catalogue_cache import judging_targets
from dashboard.store import catalogue as store_catalogue
from dashboard.store import comments as store_comments
from dashboard.store import deadlines as store_deadlines
from dashboard.store import dialect
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
    "actual_period_en",
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
    # added by issue 15 (docs/judgement-rules.md)
    "status_label_zh",
    "status_label_en",
    "time_position",
    "assessment",
    "nature",
    "supporting_departments",
    "source_doc",
    "expected_end",
    "report_due",
    "data_lag_months",
    "months_missing",
    "first_missing_month",
    "pace_period",
    "pace_ratio",
    "verdict_reason",
    "assessment_month",
    "warning_month",
    "warning_value",
    "completed_month",
    "overdue_months",
    "tolerance_pp",
    "last_year_actual",
    # items targets: the named items as of the month (core/items.py)
    "items_total",
    "items_done",
    "items_overdue",
    "items_open",
    "items_overdue_names",
]

# counts and months: whole numbers, computed as floats (NaN where none applies); output
# says 3, not 3.0, and null where missing
WHOLE_FIELDS = (
    "breach_month",
    "expected_end",
    "data_lag_months",
    "months_missing",
    "first_missing_month",
    "assessment_month",
    "warning_month",
    "completed_month",
    "overdue_months",
    "items_total",
    "items_done",
    "items_overdue",
)


def output_frame(progress: pd.DataFrame) -> pd.DataFrame:
    """The fields the command line gives, its counts and months as whole numbers."""
    frame = progress[OUTPUT_FIELDS]
    return frame.astype({f: "Int64" for f in WHOLE_FIELDS})


class NoFigures(DashboardError, LookupError):
    """No figure is stored for the year, so there is no default as-of month."""


def default_as_of(
    con: duckdb.DuckDBPyConnection, year: int | None = None, entity: str | None = None
) -> tuple[int, int]:
    """The latest month holding any figure (of `year` if given). For an `entity`, the
    latest of its own figures; one that has none yet (a district's first catalogue) takes
    the latest month any entity reported for its year: that is when its figures are due."""
    found = store_figures.latest_month(con, year, entity)
    years = store_catalogue.catalogue_years(con, entity)
    if found is None and entity is not None and years:
        found = store_figures.latest_month(con, year or years[-1])
    if found is None:
        if year is None and not years:
            raise NoFigures("error.catalogue_empty")
        return (year or years[-1], 1)
    return found


def months(
    con: duckdb.DuckDBPyConnection, entity: str | None = None
) -> tuple[list[int], tuple[int, int]]:
    """The catalogue's years (`entity`'s if given), and the latest (year, month) holding
    any figure (see default_as_of)."""
    return store_catalogue.catalogue_years(con, entity), default_as_of(con, entity=entity)


def latest_figure_month(
    con: duckdb.DuckDBPyConnection, year: int, entity: str | None = None
) -> int | None:
    """The latest month of `year` holding any of `entity`'s figures, else any entity's
    (a district's figures are due when the city's are); None if the year has none."""
    found = store_figures.latest_month(con, year, entity) if entity is not None else None
    found = found or store_figures.latest_month(con, year)
    return found[1] if found else None


def entities(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every entity with a catalogue, the office's own (that of targets.csv) first."""
    home = store_catalogue.home_entity(con)
    every = store_catalogue.entities(con)
    return sorted(every, key=lambda e: (e != home, e))


def targets(
    con: duckdb.DuckDBPyConnection, year: int | None = None, entity: str | None = None
) -> pd.DataFrame:
    """The catalogue as stored (of `year`, of `entity` if given)."""
    return store_catalogue.targets(con, year, entity)


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
    con: duckdb.DuckDBPyConnection,
    year: int,
    targets: pd.DataFrame | None = None,
    last_year: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The shipped profiles, with last year's real shares wherever last year's figures are
    stored."""
    targets = store_catalogue.targets(con, year) if targets is None else targets
    if last_year is None:
        last_year = store_figures.current_figures(con, year - 1)
    return with_last_year(store_catalogue.profiles(con), last_year_profiles(last_year, targets))


def deployment_thresholds() -> Thresholds:
    """The deployment's thresholds: the [thresholds] table of the TOML file named by
    DASHBOARD_SETTINGS, or the defaults (README, How progress is judged)."""
    path = os.environ.get("DASHBOARD_SETTINGS")
    return thresholds_from_toml(Path(path).read_text("utf-8")) if path else Thresholds()


def progress(
    con: duckdb.DuckDBPyConnection,
    year: int,
    month: int,
    thresholds: Thresholds | None = None,
    today: date | None = None,
    explained: bool = True,
) -> pd.DataFrame:
    """Every target of `year` judged as of `month` on `today` (default: the real date),
    with comments, and with explanations unless `explained` is False: writing them costs
    ~0.1 ms a target, most of the time at province scale, so the pages judge every target
    and explain only the ones they show or export (`with_explanations`). One committed
    state of the store is read."""
    with dialect.one_snapshot(con):
        return _progress(con, year, month, thresholds, today, explained)


def _progress(con, year: int, month: int, thresholds, today, explained: bool) -> pd.DataFrame:
    # the catalogue with the report deadlines an administrator set per target (issue 21)
    targets = with_deadlines(judging_targets(con, year), store_deadlines.current(con, year))
    # reduced in the database: only the figures judging can use leave it
    figures = store_figures.judged_figures(con, year, month)
    last_year = store_figures.current_figures(con, year - 1)
    result = compute_progress(
        targets,
        figures,
        month,
        thresholds=thresholds or deployment_thresholds(),
        profiles=seasonal_profiles(con, year, targets, last_year),
        assessments=store_comments.assessments(con, year),
        today=today or date.today(),
    )
    result = add_explanations(result) if explained else add_status_labels(result)
    for lang, column in (("zh", "actual_period"), ("en", "actual_period_en")):
        # objects, as the core's words are (pandas' strings cost 3 ms a column to make)
        result[column] = pd.Series(
            _periods(result, lang), index=result.index, dtype=object, copy=False
        )
    result["last_year_actual"] = _same_period_last_year(result, last_year)
    comments = store_comments.latest_comments(con, year, month)
    # the keys alone are merged (merging the whole result copied its 70 columns)
    given = result[TARGET_KEY].merge(
        comments[TARGET_KEY + ["reason", "measures"]], on=TARGET_KEY, how="left"
    )
    for column in ("reason", "measures"):  # no comment is None, never NaN ("nan" on a page)
        result[column] = _words_or_none(given[column])
    return result


def _words_or_none(column: pd.Series) -> np.ndarray:
    """Texts as objects, None where empty or missing (a province has 800,000 rows and a
    few comments: only those are looked at)."""
    out = np.full(len(column), None, dtype=object)
    given = column.notna().to_numpy()
    if given.any():
        values = column.to_numpy(dtype=object)
        out[given] = [v if isinstance(v, str) and v else None for v in values[given]]
    return out


def items(con: duckdb.DuckDBPyConnection, year: int, month: int) -> pd.DataFrame:
    """The named items of every items target of `year` as of `month` (core/items.py)."""
    with dialect.one_snapshot(con):
        targets = store_catalogue.targets(con, year)
        figures = store_figures.judged_figures(con, year, month)
    return item_table(targets, figures, month)


def with_explanations(progress: pd.DataFrame) -> pd.DataFrame:
    """`progress` with its explanations (kept if already there; status words are always
    there)."""
    return progress if "explanation_zh" in progress else add_explanations(progress)


def _same_period_last_year(result: pd.DataFrame, before: pd.DataFrame) -> pd.Series:
    """去年同期: last year's stored figure for the period each actual covers (reference
    figures, issue 14); none where last year's figures are not stored."""
    if before.empty:
        return pd.Series(float("nan"), index=result.index)
    keys = ["entity", "id", "period_start", "period_end"]
    last = before.rename(columns={"value": "last_year_actual"})
    last = last.sort_values("basis").drop_duplicates(keys)[[*keys, "last_year_actual"]]
    probe = result[["entity", "id"]].assign(
        period_start=result["actual_start"], period_end=result["actual_end"]
    )
    merged = probe.merge(
        last.astype({"period_start": "float64", "period_end": "float64"}), on=keys, how="left"
    )
    return pd.Series(merged["last_year_actual"].to_numpy(), index=result.index)


def _periods(result: pd.DataFrame, lang: str) -> np.ndarray:
    """The period each figure covers as a bulletin names it: 1—10月, 前三季度 | Jan–Oct.
    Worked out once per distinct period (a province has a handful, not 800,000)."""
    start = result["actual_start"].to_numpy(dtype="float64", na_value=np.nan)
    end = result["actual_end"].to_numpy(dtype="float64", na_value=np.nan)
    # quarterly and annual figures are named as bulletins do: 前三季度, 全年 (not 1—12月)
    quarterly = result["frequency"].isin(QUARTER_NAMED).to_numpy(dtype=bool, na_value=False)
    known = ~(np.isnan(start) | np.isnan(end))
    code = np.where(known, np.nan_to_num(start) * 32 + np.nan_to_num(end) * 2 + quarterly, -1)
    back, distinct = pd.factorize(code.astype("int64"))  # hashed: a handful, not sorted
    words = np.array(
        [
            None if c < 0 else period_text(c // 32, c % 32 // 2, lang, bool(c % 2))
            for c in distinct.tolist()
        ],
        dtype=object,
    )
    return words[back]
