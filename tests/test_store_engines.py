"""The engine seam: one SQL text and one result shape on DuckDB and PostgreSQL, frames handed
to either, writers taking turns on the server, an unreachable server in our words."""

import time
from datetime import date, datetime

import numpy as np
import pandas as pd
import psycopg
import pytest

from dashboard.store import dialect
from dashboard.store.connection import connect, transaction
from dashboard.store.postgres import DatabaseUnavailable, open_server

pytestmark = pytest.mark.both_engines

TYPES = """CREATE TABLE t (
    s SMALLINT, i INTEGER, b BIGINT, d DOUBLE PRECISION, v VARCHAR, day DATE,
    stamp TIMESTAMP, ok BOOLEAN)"""
ROW = (3, 70000, 2**40, 1.5, "充电桩", date(2026, 10, 31), datetime(2026, 11, 20, 9, 30), True)


@pytest.fixture
def con(engine, database):
    if engine == "duckdb":
        database.parent.mkdir(parents=True)
        with connect(database) as duck:
            yield duck
        return
    server = open_server(database, lock_timeout=2)
    yield server
    server.close()


def test_results_have_the_same_values_and_dtypes_on_both(con):
    con.execute(dialect.ddl(con, TYPES))
    con.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(ROW))
    full = con.execute("SELECT * FROM t").df()
    assert [str(t) for t in full.dtypes] == [
        "int16",
        "int32",
        "int64",
        "float64",
        "str",
        "datetime64[us]",
        "datetime64[us]",
        "bool",
    ]
    assert full.iloc[0].tolist() == [
        3,
        70000,
        2**40,
        1.5,
        "充电桩",
        pd.Timestamp("2026-10-31"),
        pd.Timestamp("2026-11-20 09:30"),
        True,
    ]
    con.execute("INSERT INTO t VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)")
    holes = con.execute("SELECT * FROM t ORDER BY i").df()
    assert [str(t) for t in holes.dtypes] == [
        "Int16",
        "Int32",
        "Int64",
        "float64",
        "str",
        "datetime64[us]",
        "datetime64[us]",
        "boolean",
    ]
    assert holes.iloc[1].isna().all()
    assert con.execute("SELECT i, v FROM t WHERE i = ?", [70000]).fetchall() == [(70000, "充电桩")]
    assert con.execute("SELECT count(*) FROM t").fetchone() == (2,)
    empty = con.execute("SELECT i, v FROM t WHERE false").df()
    assert (len(empty), str(empty["i"].dtype)) == (0, "int32")


def test_text_sorts_by_code_point_whatever_the_server_locale(con):
    con.execute(dialect.ddl(con, "CREATE TABLE words (w VARCHAR)"))
    words = ["evx", "ev_chargers", "Ev", "中", "_a", "a b", "ab"]
    con.executemany("INSERT INTO words VALUES (?)", [(w,) for w in words])
    got = [r[0] for r in con.execute("SELECT w FROM words ORDER BY w").fetchall()]
    assert got == sorted(words) == ["Ev", "_a", "a b", "ab", "ev_chargers", "evx", "中"]


def test_a_frame_goes_in_whole_inside_the_callers_transaction(con):
    con.execute(dialect.ddl(con, "CREATE TABLE f (id VARCHAR, n INTEGER, x DOUBLE PRECISION)"))
    frame = pd.DataFrame(
        {"id": ["a", "b", None], "n": np.array([1, 2, 3], dtype="int64"), "x": [0.5, np.nan, 2.0]}
    )
    with transaction(con):
        dialect.insert_frame(con, "f", frame)
    with pytest.raises(KeyboardInterrupt), transaction(con):  # e.g. Ctrl-C mid-way
        dialect.insert_frame(con, "f", frame)
        raise KeyboardInterrupt
    rows = con.execute("SELECT id, n, x FROM f ORDER BY n").fetchall()
    assert rows == [("a", 1, 0.5), ("b", 2, None), (None, 3, 2.0)]


def test_a_scratch_table_joins_with_stored_rows_and_is_gone_afterwards(con):
    con.execute(dialect.ddl(con, "CREATE TABLE stored (id VARCHAR, value DOUBLE PRECISION)"))
    con.executemany("INSERT INTO stored VALUES (?, ?)", [("a", 1.0), ("b", 2.0)])
    upload = pd.DataFrame({"id": ["b", "c"], "value": [2.5, 3.0], "pos": [0, 1]})
    with dialect.scratch_table(con, "incoming", upload) as cur:
        joined = cur.execute(
            "SELECT i.id, s.value FROM incoming i LEFT JOIN stored s USING (id) ORDER BY i.pos"
        ).df()
    assert joined["id"].tolist() == ["b", "c"]
    assert joined["value"].tolist()[0] == 2.0 and np.isnan(joined["value"].tolist()[1])
    names = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'incoming'"
    assert con.execute(names).fetchone() == (0,)


@pytest.mark.parametrize("engine", ["postgresql"])  # DuckDB: the file lock (test_cli)
def test_writers_take_turns_on_the_server_and_readers_do_not_wait(database):
    first = open_server(database, lock_timeout=5)
    waiting = open_server(database, lock_timeout=0.3)
    reader = open_server(database, lock_timeout=0.3)
    try:
        first.execute(dialect.ddl(first, "CREATE TABLE meta (key VARCHAR PRIMARY KEY)"))
        with transaction(first):
            dialect.lock_writers(first)
            assert reader.execute("SELECT count(*) FROM meta").fetchone() == (0,)
            started = time.monotonic()
            with pytest.raises(psycopg.errors.LockNotAvailable), transaction(waiting):
                dialect.lock_writers(waiting)
            assert 0.25 < time.monotonic() - started < 3
        with transaction(waiting):  # the turn has passed
            dialect.lock_writers(waiting)
    finally:
        for c in (first, waiting, reader):
            c.close()


@pytest.mark.parametrize("engine", ["postgresql"])
def test_a_report_reads_one_committed_state_while_another_server_commits(database):
    reader = open_server(database, lock_timeout=1)
    writer = open_server(database, lock_timeout=1)
    try:
        writer.execute(dialect.ddl(writer, "CREATE TABLE figures (value DOUBLE PRECISION)"))
        writer.execute("INSERT INTO figures VALUES (1)")
        with dialect.one_snapshot(reader):
            assert reader.execute("SELECT sum(value) FROM figures").fetchone() == (1.0,)
            writer.execute("INSERT INTO figures VALUES (2)")  # another app server commits
            assert reader.execute("SELECT sum(value) FROM figures").fetchone() == (1.0,)
        assert reader.execute("SELECT sum(value) FROM figures").fetchone() == (3.0,)
        assert not reader.in_transaction
    finally:
        reader.close()
        writer.close()


def test_an_unreachable_server_is_named_without_its_password():
    with pytest.raises(DatabaseUnavailable) as caught:
        open_server("postgresql://dash:s3cret@127.0.0.1:1/figures", lock_timeout=1)
    assert str(caught.value).startswith(
        "Cannot reach the database server postgresql://dash@127.0.0.1:1/figures: "
        "Connection refused. Check that the server runs"
    )
    assert "s3cret" not in caught.value.text("zh")
    assert caught.value.text("zh").startswith("无法连接数据库服务器 postgresql://dash@127.0.0.1:1/")
