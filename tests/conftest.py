import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
REPORT = ROOT.parent / "shared" / "reference" / "zhengzhou-2026-work-report.md"
TODAY = (2026, 11)


@pytest.fixture(scope="session")
def catalogue() -> pd.DataFrame:
    return parse_catalogue((DATA / "targets.csv").read_text("utf-8"))


def make_workspace(root: Path, samples: bool) -> Workspace:
    data = root / "data"
    (data / "actuals").mkdir(parents=True)
    shutil.copy(DATA / "targets.csv", data / "targets.csv")
    shutil.copy(DATA / "seasonal_profiles.csv", data / "seasonal_profiles.csv")
    if samples:
        for f in (DATA / "actuals").glob("synthetic_sample_*"):
            shutil.copy(f, data / "actuals" / f.name)
    return Workspace(data, data / "dashboard.duckdb")


@pytest.fixture
def empty_ws(tmp_path) -> Workspace:
    """A data folder with the real catalogue and no figures."""
    return make_workspace(tmp_path, samples=False)


@pytest.fixture
def sample_ws(tmp_path) -> Workspace:
    """A data folder with the real catalogue and the shipped synthetic samples."""
    return make_workspace(tmp_path, samples=True)


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
