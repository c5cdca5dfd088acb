"""The PostgreSQL the tests run on: a throwaway server on 127.0.0.1 only, a fresh database
per test, both engines for tests marked `both_engines`."""

import socket
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests import postgres
from tests.conftest import need_postgres


def test_a_server_of_version_15_or_later(pg_server):
    with psycopg.connect(pg_server) as con:
        assert con.info.server_version >= 150000


def test_each_test_gets_an_empty_database_of_its_own_dropped_afterwards(pg_server):
    with postgres.fresh_database(pg_server) as first, postgres.fresh_database(pg_server) as other:
        assert urlsplit(first).path != urlsplit(other).path
        with psycopg.connect(first) as con:
            con.execute("CREATE TABLE t (x INTEGER)")
        with psycopg.connect(other) as con:
            tables = con.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchone()
        assert tables == (0,)
    with psycopg.connect(pg_server) as con:
        left = con.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'dashboard_test_%%'"
            " AND datname IN (%s, %s)",
            [urlsplit(first).path[1:], urlsplit(other).path[1:]],
        ).fetchone()
    assert left == (0,)


def test_the_throwaway_server_listens_on_loopback_only_and_leaves_nothing():
    if not postgres.binaries_present():
        need_postgres("PostgreSQL is not installed (apt-get install postgresql)")
    with postgres.throwaway_server() as url:
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1"
        with psycopg.connect(url) as con:
            assert con.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            folder = Path(con.execute("SHOW data_directory").fetchone()[0]).parent
        with socket.socket() as probe:  # the port is taken while it runs
            with pytest.raises(OSError):
                probe.bind(("127.0.0.1", parts.port))
    assert not folder.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


@pytest.mark.both_engines
def test_both_engines_runs_each_engine_once(engine, database):
    if engine == "duckdb":
        assert isinstance(database, Path) and database.name == "dashboard.duckdb"
    else:
        assert postgres.is_server_url(database)
        with psycopg.connect(database) as con:
            assert (
                con.execute("SELECT current_database()").fetchone()[0].startswith("dashboard_test_")
            )
