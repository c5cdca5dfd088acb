"""Many writers against one store at once (bench/load.py, bounded): three app server
processes and two command-line writers, every upload distinct. Every upload ends stored
whole with its archived bytes and its journal line, none lost, no raw error: PostgreSQL
serialises the writers in the database, DuckDB makes them take turns on the file."""

import sys

import pytest

from dashboard.services.database import open_store
from dashboard.services.workspace import workspace
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import load  # noqa: E402


@pytest.mark.servers
@pytest.mark.both_engines
def test_three_app_servers_and_two_command_lines_lose_nothing(engine, database, tmp_path):
    data, files = load.prepare(tmp_path, uploads=15, rows=100)
    db = str(database) if engine == "postgresql" else str(data / "dashboard.duckdb")
    with open_store(workspace(db, data)):
        pass
    result = load.run(db, data, files, servers=3, clis=2)
    assert result["raw"] == []
    assert result["journal_problems"] == []
    assert (result["uploads"], result["stored"], result["archived"]) == (15, 15, 15)
    assert (result["lost"], result["raw_errors"], result["refused_with_message"]) == (0, 0, 0)
