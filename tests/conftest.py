import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.services.workspace import Workspace
from tests import postgres

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REPORT = ROOT.parent / "shared" / "reference" / "zhengzhou-2026-work-report.md"
TODAY = (2026, 11)


@pytest.fixture(scope="session")
def catalogue() -> pd.DataFrame:
    return parse_catalogue((DATA / "targets.csv").read_text("utf-8"))


ENGINES = ("duckdb", "postgresql")


def pytest_collection_modifyitems(items):
    """With pytest-xdist (`-n`, set in pyproject), the tests that run servers and browsers
    go to one worker, one after another: two Chromiums and their app servers at once on a
    two-core machine would only slow each other into timeouts. Everything else spreads."""
    for item in items:
        if item.get_closest_marker("e2e") or item.get_closest_marker("servers"):
            item.add_marker(pytest.mark.xdist_group("servers"))


def pytest_generate_tests(metafunc):
    """Tests marked `both_engines` run once on DuckDB and once on PostgreSQL, unless the
    test names its engine itself (`@pytest.mark.parametrize("engine", [...])`)."""
    chosen = any(
        "engine" in str(m.args[0]) for m in metafunc.definition.iter_markers("parametrize")
    )
    if (
        "engine" in metafunc.fixturenames
        and metafunc.definition.get_closest_marker("both_engines")
        and not chosen
    ):
        metafunc.parametrize("engine", ENGINES, indirect=True)


def need_postgres(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}: .ci/run must start PostgreSQL (.ci/postgres)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server URL for the whole session (see tests/postgres.py)."""
    url = postgres.configured_server()
    if url:
        yield url
        return
    if not postgres.binaries_present():
        need_postgres("PostgreSQL is not installed (apt-get install postgresql)")
    with postgres.throwaway_server() as url:
        yield url


@pytest.fixture
def engine(request) -> str:
    """duckdb, or postgresql when DASHBOARD_DB names a server (or a both_engines run)."""
    default = "postgresql" if postgres.is_server_url(os.environ.get("DASHBOARD_DB")) else "duckdb"
    return getattr(request, "param", default)


@pytest.fixture
def database(engine, request, tmp_path):
    """Where a test's workspace keeps its store: a DuckDB file in the test's data folder,
    or a fresh database on the PostgreSQL server, dropped after the test."""
    if engine == "duckdb":
        yield tmp_path / "data" / "dashboard.duckdb"
        return
    with postgres.fresh_database(request.getfixturevalue("pg_server")) as url:
        yield url


def make_workspace(root: Path, samples: bool, db=None) -> Workspace:
    data = root / "data"
    (data / "actuals").mkdir(parents=True)
    shutil.copy(DATA / "targets.csv", data / "targets.csv")
    shutil.copy(DATA / "seasonal_profiles.csv", data / "seasonal_profiles.csv")
    if samples:
        for f in (DATA / "actuals").glob("synthetic_sample_*"):
            shutil.copy(f, data / "actuals" / f.name)
    return Workspace(data, db or data / "dashboard.duckdb")


@pytest.fixture
def empty_ws(tmp_path, database) -> Workspace:
    """A data folder with the real catalogue and no figures."""
    return make_workspace(tmp_path, samples=False, db=database)


@pytest.fixture
def sample_ws(tmp_path, database) -> Workspace:
    """A data folder with the real catalogue and the shipped synthetic samples."""
    return make_workspace(tmp_path, samples=True, db=database)


@pytest.fixture
def mem() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    yield con
    con.close()


PASSWORD = "correct horse 7"
ACCOUNTS = [  # name, role, departments
    ("admin", "admin", []),
    ("fgw", "uploader", ["市发展改革委"]),  # owns ev_chargers
    ("cgj", "uploader", ["市城市管理局"]),  # owns public_parking
    ("guest", "viewer", []),
]


def add_accounts(ws: Workspace) -> None:
    from dashboard.services import accounts

    for name, role, departments in ACCOUNTS:
        accounts.add_user(accounts.users_path(ws.data_dir), name, PASSWORD, role, departments)
