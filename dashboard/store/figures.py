"""Uploads and figures as stored (written only from the journal, by store/records.py)."""

import duckdb
import numpy as np
import pandas as pd

from dashboard.core.progress_row import FIGURE_KEY
from dashboard.store import dialect


def upload_by_sha(con: duckdb.DuckDBPyConnection, sha256: str) -> dict | None:
    row = con.execute(
        "SELECT upload_id, filename, user_name, uploaded_at, archive_path FROM uploads "
        "WHERE sha256 = ? ORDER BY upload_id LIMIT 1",
        [sha256],
    ).fetchone()
    if row is None:
        return None
    keys = ("upload_id", "filename", "user_name", "uploaded_at", "archive_path")
    return dict(zip(keys, row, strict=True))


def next_upload_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchone()[0]


def against_current(
    con: duckdb.DuckDBPyConnection, figures: pd.DataFrame
) -> tuple[np.ndarray, pd.DataFrame, pd.DataFrame]:
    """An upload's figures beside the stored ones, in the database (only the series the
    upload touches are read): the current value of each figure's period (NaN if none),
    the flow figures that break their series (see SEQUENCE_SQL) with the figure before
    them, and the stored figures of the touched series that the upload leaves as they
    are (its other periods, for what the series usually looks like)."""
    frame = figures[FIGURE_KEY + ["value", "source_row", "source_column"]].assign(
        pos=np.arange(len(figures)), item=_items_of(figures)
    )
    # It reads committed figures only; the caller may hold an unfinished result on `con`.
    with dialect.scratch_table(con, "incoming", frame, INCOMING_TYPES) as cur:
        same = " AND ".join(f"c.{k} = i.{k}" for k in FIGURE_KEY)
        # an item's figure is its item's ('' for every other figure: null never equals)
        previous = cur.execute(f"""
            SELECT c.value FROM incoming i LEFT JOIN current_figures c
                ON {same} AND coalesce(c.item, '') = coalesce(i.item, '')
            ORDER BY i.pos""").df()["value"]
        breaks = cur.execute(SEQUENCE_SQL).df()
        others = cur.execute(OTHERS_SQL).df()
    return previous.to_numpy(dtype=np.float64, na_value=np.nan), breaks, others


INCOMING_TYPES = {
    "entity": "VARCHAR",
    "year": "INTEGER",
    "id": "VARCHAR",
    "period_start": "SMALLINT",
    "period_end": "SMALLINT",
    "basis": "VARCHAR",
    "value": "DOUBLE PRECISION",
    "source_row": "INTEGER",
    "source_column": "VARCHAR",
    "pos": "BIGINT",
    "item": "VARCHAR",
}


def _items_of(figures: pd.DataFrame) -> pd.Series:
    if "item" not in figures:
        return pd.Series([None] * len(figures), index=figures.index, dtype=object)
    return figures["item"].astype(object).where(figures["item"].notna(), None)


# The stored figures of every series (entity, year, id, basis) the upload touches, but
# not of the periods it replaces; not named items' states (codes, each item its own).
OTHERS_SQL = """
SELECT c.entity, c.year, c.id, c.basis, c.period_start, c.period_end, c.value
FROM current_figures c
WHERE c.basis <> 'item'
  AND EXISTS (SELECT 1 FROM incoming n WHERE n.entity = c.entity AND n.year = c.year
              AND n.id = c.id AND n.basis = c.basis)
  AND NOT EXISTS (SELECT 1 FROM incoming m WHERE m.entity = c.entity AND m.year = c.year
                  AND m.id = c.id AND m.basis = c.basis AND m.period_start = c.period_start
                  AND m.period_end = c.period_end)
ORDER BY c.entity, c.year, c.id, c.basis, c.period_end
"""


# Flow series (year-to-date or single-month figures of ytd/month targets) in period
# order, an uploaded figure replacing the stored one for its period; `prev` is the figure
# before each uploaded one. Kept: a year-to-date figure below the one before or ten times
# it, or a single month more than ten times the month before — possible, but usually a
# typing or unit slip.
SEQUENCE_SQL = """
WITH new AS (
    SELECT i.entity, i.year, i.id, i.basis, i.period_end, i.value, i.source_row,
           i.source_column, true AS is_new
    FROM incoming i JOIN targets t USING (entity, year, id)
    WHERE t.measure IN ('ytd', 'month') AND i.basis IN ('ytd', 'month')),
old AS (
    SELECT c.entity, c.year, c.id, c.basis, c.period_end, c.value,
           CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR), false
    FROM current_figures c
    WHERE EXISTS (SELECT 1 FROM new n WHERE n.entity = c.entity AND n.year = c.year
                  AND n.id = c.id AND n.basis = c.basis)
      AND NOT EXISTS (SELECT 1 FROM new m WHERE m.entity = c.entity AND m.year = c.year
                      AND m.id = c.id AND m.basis = c.basis
                      AND m.period_end = c.period_end)),
seq AS (
    SELECT *, lag(value) OVER w AS prev, lag(period_end) OVER w AS prev_end
    FROM (SELECT * FROM new UNION ALL SELECT * FROM old) series
    WINDOW w AS (PARTITION BY entity, year, id, basis ORDER BY period_end))
SELECT id, basis, period_end, value, source_row, source_column, prev, prev_end
FROM seq
WHERE is_new AND ((basis = 'ytd' AND (value < prev OR (prev > 0 AND value >= 10 * prev)))
                  OR (basis = 'month' AND prev > 0 AND value > 10 * prev))
ORDER BY source_row, source_column
"""


def current_figures(con: duckdb.DuckDBPyConnection, year: int | None = None) -> pd.DataFrame:
    sql = (
        "SELECT entity, year, id, period_start, period_end, basis, value, upload_id, "
        "source_row, source_column, companion_value, companion_unit, item, item_due, "
        # the words of a level figure (a milestone's "已开工") or an item's; amounts need none
        "CASE WHEN basis IN ('level', 'item') THEN raw END AS raw FROM current_figures"
    )
    order = " ORDER BY entity, year, id, period_end, basis"
    if year is None:
        return con.execute(sql + order).df()
    return con.execute(sql + " WHERE year = ?" + order, [year]).df()


# The figures compute_progress can use as of a month, reduced in the database: of a year-to-
# date series only its latest figure (nothing before it counts); single months only after
# that figure (they are added to it); of a level series only the latest, except for targets
# kept every period (maintain: each period is checked) and milestones (when done, the
# words), and every report of a named item (core/items: when each was done). At province
# scale this leaves 1-3 rows a target instead of every month's, and the core's results are
# the same (tests/test_progress_scale.py). Which rows are kept
# depends only on their keys, so the latest revision of each (the rule of the
# current_figures view, store/schema.py) is picked after the reduction, among far fewer
# rows. Unordered: the core reduces by target and period whatever order the rows come in
# (sorting them cost more than the reduction).
JUDGED_SQL = """
WITH f AS (
    SELECT g.entity, g.year, g.id, g.period_start, g.period_end, g.basis, g.value, g.raw,
           g.upload_id, g.source_row, g.item, g.item_due,
           coalesce(t.comparator, '') AS comparator, coalesce(t.measure, '') AS measure
    FROM figures g JOIN targets t USING (entity, year, id)
    WHERE g.year = ? AND g.period_end <= ?),
ends AS (
    SELECT entity, year, id,
           max(period_end) FILTER (WHERE basis = 'ytd' AND period_start = 1) AS ytd_end,
           max(period_end) FILTER (WHERE basis = 'level') AS level_end
    FROM f GROUP BY entity, year, id),
kept AS (
    SELECT f.*, row_number() OVER (
               PARTITION BY f.entity, f.year, f.id, f.period_start, f.period_end, f.basis,
                            f.item
               ORDER BY f.upload_id DESC, f.source_row DESC) AS newest
    FROM f JOIN ends USING (entity, year, id)
    WHERE (f.basis = 'ytd' AND f.period_start = 1 AND f.period_end = ends.ytd_end)
       OR (f.basis = 'month' AND f.measure <> 'ytd_distinct'
           AND f.period_end > coalesce(ends.ytd_end, 0))
       OR (f.basis = 'level'
           AND (f.comparator IN ('maintain', 'milestone') OR f.period_end = ends.level_end))
       OR f.basis = 'item')
SELECT entity, year, id, period_start, period_end, basis, value,
       CASE WHEN basis IN ('level', 'item') THEN raw END AS raw, item, item_due, source_row
FROM kept
WHERE newest = 1
"""


def judged_figures(con: duckdb.DuckDBPyConnection, year: int, month: int) -> pd.DataFrame:
    """The current figures of `year` that judging as of `month` reads (see JUDGED_SQL).
    Words as text with NaN where none, as current_figures gives them whenever the year has
    any (a reduced set may hold none, which DuckDB would hand over as None objects)."""
    # portable SQL (no QUALIFY, GROUP BY ALL or named parameters): PostgreSQL runs it too
    figures = con.execute(JUDGED_SQL, [year, month]).df()
    figures["raw"] = figures["raw"].astype("str")
    return figures


def history(con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str) -> pd.DataFrame:
    """Every figure ever stored for a target, newest first, with its upload."""
    return con.execute(
        """
        SELECT f.period_start, f.period_end, f.basis, f.value, f.raw, f.source_row,
               f.source_column, f.companion_value, f.companion_unit, f.item, f.item_due,
               u.upload_id, u.filename, u.user_name, u.uploaded_at,
               row_number() OVER (PARTITION BY f.period_start, f.period_end, f.basis, f.item
                                  ORDER BY f.upload_id DESC, f.source_row DESC) = 1 AS current
        FROM figures f JOIN uploads u USING (upload_id)
        WHERE f.entity = ? AND f.year = ? AND f.id = ?
        ORDER BY f.period_end, f.upload_id DESC, f.source_row""",
        [entity, year, target_id],
    ).df()


def uploads(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM uploads ORDER BY upload_id").df()


def latest_month(con: duckdb.DuckDBPyConnection, year: int | None = None) -> tuple[int, int] | None:
    """(year, month) of the latest period holding any figure of a catalogue year (earlier
    years' figures are reference figures, not a year to report on)."""
    sql = "SELECT year, max(period_end) FROM figures WHERE year IN (SELECT year FROM targets)"
    params: list = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    row = con.execute(sql + " GROUP BY year ORDER BY year DESC LIMIT 1", params).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def counts(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(uploads stored, current figures): what a rebuild reports."""
    uploads = con.execute("SELECT count(*) FROM uploads").fetchone()[0]
    figures = con.execute("SELECT count(*) FROM current_figures").fetchone()[0]
    return uploads, figures
