"""dialect.frame reads a query through Arrow and gives exactly what DuckDB's `.df()` gives:
the same columns, dtypes and values, whatever the column types and NULLs."""

import duckdb
import pandas as pd
import pytest

from dashboard.core.vocab import CATALOGUE_COLUMNS
from dashboard.services.database import open_store
from dashboard.store import dialect

KINDS = """
CREATE TABLE kinds (
    words VARCHAR, some_words VARCHAR, no_words VARCHAR,
    day DATE, no_day DATE, moment TIMESTAMP,
    small SMALLINT, whole INTEGER, some_whole INTEGER, big BIGINT, some_big BIGINT,
    number DOUBLE, some_number DOUBLE, yes BOOLEAN, some_yes BOOLEAN)
"""
ROWS = [
    ("甲", "a", None, "2026-10-31", None, "2026-11-26 09:00:00", 3, 1, None, 2**40, 7,
     1.5, None, True, None),
    ("乙", None, None, "2026-01-01", None, "2026-11-26 21:40:00", -1, 2, 5, -3, None,
     -0.25, 2.0, False, True),
]  # fmt: skip


@pytest.fixture
def kinds():
    con = duckdb.connect(":memory:")
    con.execute(KINDS)
    con.executemany(f"INSERT INTO kinds VALUES ({', '.join('?' * 15)})", ROWS)
    yield con
    con.close()


@pytest.mark.parametrize(
    "where", ["", "WHERE whole = 1", "WHERE whole = 2", "WHERE whole = 3"], ids=str
)
def test_every_column_type_as_df_gives_it(kinds, where):
    sql = f"SELECT * FROM kinds {where} ORDER BY whole"
    expected = kinds.execute(sql).df()
    got = dialect.frame(kinds, sql)
    pd.testing.assert_frame_equal(got, expected)
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str))


def test_parameters_are_bound(kinds):
    got = dialect.frame(kinds, "SELECT words, small FROM kinds WHERE whole = ?", [2])
    assert got.to_dict("records") == [{"words": "乙", "small": -1}]


def test_the_shipped_catalogue_and_figures_as_df_gives_them(sample_ws):
    with open_store(sample_ws) as con:
        for sql in (
            f"SELECT {', '.join(CATALOGUE_COLUMNS)} FROM targets ORDER BY entity, position",
            "SELECT * FROM current_figures ORDER BY entity, id, period_end, basis",
        ):
            expected = con.execute(sql).df()
            assert len(expected) > 80
            pd.testing.assert_frame_equal(dialect.frame(con, sql), expected)


def test_joins_built_as_written_leave_the_setting_as_found(kinds):
    setting = "SELECT current_setting('disabled_optimizers')"
    sql = "SELECT a.words, b.small FROM kinds a JOIN kinds b USING (whole) ORDER BY whole"
    for before in ("", "top_n"):
        kinds.execute(f"SET disabled_optimizers = '{before}'")
        pending = kinds.execute("SELECT * FROM kinds")
        pending.fetchone()  # an unread result on the connection does not stop it
        got = dialect.frame(kinds, sql, builds_as_written=True)
        assert got.to_dict("records") == [{"words": "甲", "small": 3}, {"words": "乙", "small": -1}]
        assert kinds.execute(setting).fetchone()[0] == before
