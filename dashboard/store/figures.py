"""Uploads and figures as stored (written only from the journal, by store/records.py)."""

import duckdb
import numpy as np
import pandas as pd

from dashboard.core.progress_row import FIGURE_KEY
from dashboard.store import dialect


def upload_by_sha(con: duckdb.DuckDBPyConnection, sha256: str) -> dict | None:
    row = con.execute(
        # a rejected upload does not count: the same file may be sent for review again
        "SELECT upload_id, filename, user_name, uploaded_at, archive_path FROM uploads "
        "WHERE sha256 = ? AND (review IS NULL OR review <> 'rejected') "
        "ORDER BY upload_id LIMIT 1",
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
        implied = cur.execute(IMPLIED_YTD_SQL).df()
        breaks = cur.execute(SEQUENCE_SQL).df()
        others = cur.execute(OTHERS_SQL).df()
    values = previous.to_numpy(dtype=np.float64, na_value=np.nan, copy=True)
    pos = implied["pos"].to_numpy(dtype=np.int64)
    values[pos] = np.where(
        np.isnan(values[pos]), implied["value"].to_numpy(np.float64), values[pos]
    )
    return values, breaks, others


# A year-to-date figure where none is stored for its period replaces what the year-to-
# date then was: the latest stored year-to-date figure before it plus the single months
# after that (the rule of JUDGED_SQL), e.g. a 1-2月 total over the stored 1月 and 2月. Its
# current value is that sum, so the preview shows the change (修订 13.33 → 12.6万吨), not
# a new figure, where every month after that latest total is stored (where one is
# missing, the total also reports it: new); distinct counts are not summed.
IMPLIED_YTD_SQL = """
WITH asked AS (
    SELECT i.pos, i.entity, i.year, i.id, i.period_end
    FROM incoming i JOIN targets t USING (entity, year, id)
    WHERE i.basis = 'ytd' AND i.period_start = 1 AND t.measure IN ('ytd', 'month')),
base AS (
    SELECT a.pos, max(c.period_end) AS ytd_end
    FROM asked a JOIN current_figures c
      ON c.entity = a.entity AND c.year = a.year AND c.id = a.id AND c.basis = 'ytd'
     AND c.period_start = 1 AND c.period_end < a.period_end
    GROUP BY a.pos),
months AS (
    SELECT a.pos, sum(c.value) AS added,
           count(*) = a.period_end - coalesce(max(b.ytd_end), 0) AS whole
    FROM asked a LEFT JOIN base b ON b.pos = a.pos
    JOIN current_figures c
      ON c.entity = a.entity AND c.year = a.year AND c.id = a.id AND c.basis = 'month'
     AND c.period_start > coalesce(b.ytd_end, 0) AND c.period_end <= a.period_end
    GROUP BY a.pos, a.period_end)
SELECT m.pos, coalesce(y.value, 0) + m.added AS value
FROM months m JOIN asked a ON a.pos = m.pos LEFT JOIN base b ON b.pos = m.pos
LEFT JOIN current_figures y
  ON y.entity = a.entity AND y.year = a.year AND y.id = a.id AND y.basis = 'ytd'
 AND y.period_start = 1 AND y.period_end = b.ytd_end
WHERE m.whole
ORDER BY m.pos
"""


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
           i.source_column, true AS is_new, t.unit
    FROM incoming i JOIN targets t USING (entity, year, id)
    WHERE t.measure IN ('ytd', 'month') AND i.basis IN ('ytd', 'month')),
old AS (
    SELECT c.entity, c.year, c.id, c.basis, c.period_end, c.value,
           CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR), false, CAST(NULL AS VARCHAR)
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
SELECT id, basis, period_end, value, source_row, source_column, prev, prev_end,
       coalesce(unit, '') AS unit
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


# The parts both reductions share (filled in with str.format): the per-target rows joined
# to the catalogue and the figures kept beside them, which periods of single months,
# levels and items are kept, and how the newest revision is chosen where there are any.
_SHARED = {
    "judged_and_kept": """judged AS (
    SELECT e.*, coalesce(t.measure, '') = 'ytd_distinct' AS distinct_count,
           coalesce(t.comparator, '') AS comparator, t.direction = 'lower' AS is_lower,
           t.target_value
    FROM ends e JOIN targets t USING (entity, year, id)),
kept AS MATERIALIZED (
    SELECT g.entity, g.year, g.id, g.period_start, g.period_end, g.basis, g.value,
           CASE WHEN g.basis IN ('level', 'item') THEN g.raw END AS raw, g.item, g.item_due,
           j.level_months, j.revised, g.upload_id, g.source_row""",
    "kept_others": """(g.basis = 'month' AND NOT j.distinct_count
            AND g.period_end > coalesce(j.ytd_end, 0))
        OR (g.basis = 'level' AND (
            g.period_end = j.level_end
            OR (j.comparator IN ('maintain', 'milestone') AND j.revised)
            OR (j.comparator = 'maintain' AND CASE WHEN j.is_lower
                THEN g.value > j.target_value ELSE g.value < j.target_value END)
            OR (j.comparator = 'milestone' AND g.value = 2)))
        OR g.basis = 'item'))
""",
    "kept_and_newest": """
SELECT entity, year, id, period_start, period_end, basis, value, raw, item, item_due,
       source_row, level_months
FROM kept WHERE NOT revised
UNION ALL
SELECT entity, year, id, period_start, period_end, basis, value, raw, item, item_due,
       source_row, level_months
FROM (SELECT *, row_number() OVER (
                    PARTITION BY entity, year, id, period_start, period_end, basis, item
                    ORDER BY upload_id DESC, source_row DESC) AS newest
      FROM kept WHERE revised) ranked
WHERE newest = 1""",
}

# The figures compute_progress can use as of a month, reduced in the database: of a year-to-
# date series only its latest figure (nothing before it counts); single months only after
# that figure (they are added to it); of a level series only the latest. Levels checked
# every period (maintain) send besides only the periods below the level (a breach, a
# warning), milestones the periods reported done (code 2: when it was done); with every
# row goes `level_months`, the months holding a level figure of its target (bit m for
# month m), from which the core counts the missing periods. Every report of a named item
# is kept (core/items: when each was done). At province scale this leaves
# about one row a target instead of every month's, and the core's results are the same
# (tests/test_progress_scale.py).
# The latest revision of each figure (the rule of the current_figures view, store/
# schema.py) is picked after the reduction, and only for targets with a revised figure:
# `revised` says a (basis, month) is counted twice (a sum of distinct powers of two is
# their bitwise or; two periods of one basis ending in the same month count as a
# revision, which costs nothing but the sort; so do a month's several named items, each
# its own series). Without revisions every kept row is the
# figure (the window over 800,000 targets' rows cost a quarter of the query). Dropping a
# period on a value test (below the level, done) could keep an older revision and drop
# the newest, so a maintain or milestone target with a revision keeps every period.
# The figures are read twice, grouped per target (`ends`) and joined to those rows,
# never to themselves; the catalogue is joined to the per-target rows. DuckDB builds the
# joins' hash tables on the right side as written (dialect.frame, builds_as_written):
# the per-target rows, not the figures. Unordered: the core reduces by target and period
# whatever order the rows come in (sorting them cost more than the reduction).
JUDGED_SQL = """
WITH f AS (
    SELECT entity, year, id, period_start, period_end, basis, CAST(1 AS BIGINT) << (
               period_end + CASE basis WHEN 'ytd' THEN 0 WHEN 'month' THEN 16
                                       WHEN 'level' THEN 32 ELSE 48 END
           ) AS bit
    FROM figures WHERE year = ? AND period_end <= ?
      -- as in the current_figures view: figures waiting for review or refused count not
      AND upload_id NOT IN (
          SELECT upload_id FROM uploads WHERE review IN ('pending', 'rejected'))),
ends AS (
    SELECT entity, year, id,
           max(period_end) FILTER (WHERE basis = 'ytd' AND period_start = 1) AS ytd_end,
           max(period_end) FILTER (WHERE basis = 'level') AS level_end,
           coalesce(bit_or(1 << period_end) FILTER (WHERE basis = 'level'), 0) AS level_months,
           sum(bit) <> bit_or(bit) AS revised
    FROM f GROUP BY entity, year, id),
{judged_and_kept}
    FROM figures g JOIN judged j USING (entity, year, id)
    WHERE g.year = ? AND g.period_end <= ?
      AND g.upload_id NOT IN (
          SELECT upload_id FROM uploads WHERE review IN ('pending', 'rejected'))
      AND ((g.basis = 'ytd' AND g.period_start = 1 AND g.period_end = j.ytd_end)
        OR {kept_others}{kept_and_newest}
""".format(**_SHARED)


def _latest_month(bits: str) -> str:
    """The highest month (1..12) whose bit is set in `bits`, NULL if none."""
    return " ".join(
        ["CASE", *(f"WHEN {bits} >= {1 << m} THEN {m}" for m in range(12, 0, -1)), "END"]
    )


# DuckDB's reduction (PostgreSQL runs JUDGED_SQL, above; it has no arg_max). The same rows
# as JUDGED_SQL, found with less work (at 10M figures 0.90 s of CPU on one thread instead
# of 1.14 s):
# - The per-target group-by keeps two aggregates of bits instead of five: each figure is
#   one bit, (bucket + month) with buckets year-to-date from January, single month, level
#   and anything else; the latest year-to-date and level months are the highest bits of
#   their buckets and a (bucket, month) held twice is a revision (more figures than bits).
# - The latest year-to-date figure is taken there too, newest revision first (arg_max on
#   month, upload, row, as the current_figures view orders them), so the second pass over
#   the figures reads no year-to-date figure at all (most of a province's figures), and
#   joins only targets holding something else (single months, levels, named items).
#   (The key: month, then upload id and source row, each a 32-bit INTEGER, in 128 bits.)
# - Each row carries `target_number` (dialect.target_number), as the catalogue read for
#   judging does: the core matches figures to targets by it.
JUDGED_DUCKDB_SQL = """WITH f AS (
    SELECT entity, year, id, value, source_row,
           basis = 'ytd' AND period_start = 1 AS whole,
           CAST(1 AS BIGINT) << (
               period_end + CASE WHEN basis = 'ytd' AND period_start = 1 THEN 0
                                 WHEN basis = 'month' THEN 16
                                 WHEN basis = 'level' THEN 32 ELSE 48 END) AS bit,
           (CAST(period_end AS HUGEINT) << 64) + (CAST(upload_id AS HUGEINT) << 32)
               + (coalesce(source_row, -1) + 1) AS newest
    FROM figures WHERE year = ? AND period_end <= ?
      AND upload_id NOT IN (
          SELECT upload_id FROM uploads WHERE review IN ('pending', 'rejected'))),
seen AS (
    SELECT entity, year, id, bit_or(bit) AS bits,
           count(*) <> bit_count(bit_or(bit)) AS revised,
           arg_max(value, newest) FILTER (WHERE whole) AS ytd_value,
           arg_max_null(source_row, newest) FILTER (WHERE whole) AS ytd_row
    FROM f GROUP BY entity, year, id),
ends AS (
    SELECT entity, year, id, revised, ytd_value, ytd_row,
           CAST({ytd_end} AS SMALLINT) AS ytd_end,
           CAST({level_end} AS SMALLINT) AS level_end,
           (bits >> 32) & 65535 AS level_months, bits >= 65536 AS others
    FROM seen),
{judged_and_kept}
    FROM figures g JOIN (SELECT * FROM judged WHERE others) j USING (entity, year, id)
    WHERE g.year = ? AND g.period_end <= ? AND g.basis <> 'ytd'
      AND g.upload_id NOT IN (
          SELECT upload_id FROM uploads WHERE review IN ('pending', 'rejected'))
      AND ({kept_others}SELECT *, {number} AS target_number FROM (
SELECT entity, year, id, CAST(1 AS SMALLINT) AS period_start, ytd_end AS period_end,
       'ytd' AS basis, ytd_value AS value, CAST(NULL AS VARCHAR) AS raw,
       CAST(NULL AS VARCHAR) AS item, CAST(NULL AS DATE) AS item_due,
       ytd_row AS source_row, level_months
FROM judged WHERE ytd_end IS NOT NULL
UNION ALL
{kept_and_newest}) sent
""".format(
    ytd_end=_latest_month("(bits & 65535)"),
    level_end=_latest_month("((bits >> 32) & 65535)"),
    number=dialect.DUCKDB_TARGET_NUMBER,
    **_SHARED,
)


def judged_figures(con: duckdb.DuckDBPyConnection, year: int, month: int) -> pd.DataFrame:
    """The current figures of `year` that judging as of `month` reads (see JUDGED_SQL).
    Words as text with NaN where none, as current_figures gives them whenever the year has
    any (a reduced set may hold none, which DuckDB would hand over as None objects)."""
    # JUDGED_SQL is portable (no QUALIFY, GROUP BY ALL or named parameters): PostgreSQL
    # runs it; DuckDB runs its own, cheaper text of the same reduction
    sql = JUDGED_SQL if dialect.is_postgres(con) else JUDGED_DUCKDB_SQL
    figures = dialect.frame(con, sql, [year, month, year, month], builds_as_written=True)
    figures["raw"] = figures["raw"].astype("str")
    return figures


def history(con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str) -> pd.DataFrame:
    """Every figure that counts or counted for a target, newest first, with its upload
    (figures waiting for review, or rejected, are not among them: store/reviews.py)."""
    return con.execute(
        """
        SELECT f.period_start, f.period_end, f.basis, f.value, f.raw, f.source_row,
               f.source_column, f.companion_value, f.companion_unit, f.item, f.item_due,
               u.upload_id, u.filename, u.user_name, u.uploaded_at,
               row_number() OVER (PARTITION BY f.period_start, f.period_end, f.basis, f.item
                                  ORDER BY f.upload_id DESC, f.source_row DESC) = 1 AS current
        FROM figures f JOIN uploads u USING (upload_id)
        WHERE f.entity = ? AND f.year = ? AND f.id = ?
          AND coalesce(u.review, 'approved') = 'approved' -- figures waiting or refused apart
        ORDER BY f.period_end, f.upload_id DESC, f.source_row""",
        [entity, year, target_id],
    ).df()


def uploads(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM uploads ORDER BY upload_id").df()


def latest_month(
    con: duckdb.DuckDBPyConnection, year: int | None = None, entity: str | None = None
) -> tuple[int, int] | None:
    """(year, month) of the latest period holding any figure of a catalogue year (earlier
    years' figures are reference figures, not a year to report on); of `entity`'s own
    figures and catalogue years if given."""
    params: list = []
    if entity is None:
        sql = (
            "SELECT year, max(period_end) FROM current_figures "
            "WHERE year IN (SELECT year FROM targets)"
        )
    else:
        sql = (
            "SELECT year, max(period_end) FROM current_figures WHERE entity = ?"
            " AND year IN (SELECT year FROM targets WHERE entity = ?)"
        )
        params += [entity, entity]
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


def item_names(con: duckdb.DuckDBPyConnection, entity: str, year: int, target_id: str) -> list[str]:
    """Every name a report of the target's named items has used (in any upload, counted or
    waiting for review), in the order first reported."""
    rows = con.execute(
        "SELECT item FROM figures WHERE entity = ? AND year = ? AND id = ? AND item IS NOT NULL "
        "GROUP BY item ORDER BY min(upload_id), min(source_row)",
        [entity, year, target_id],
    ).fetchall()
    return [r[0] for r in rows]
