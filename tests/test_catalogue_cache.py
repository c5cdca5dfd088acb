"""services/catalogue_cache: the catalogue judging reads is kept while its digest stays,
read anew when another catalogue is loaded, and never kept for a database in memory."""

from datetime import date
from types import SimpleNamespace

import duckdb
import pandas as pd
import pytest

from dashboard.core.progress_arrays import JUDGING_COLUMNS
from dashboard.services import reporting
from dashboard.services.catalogue_cache import judging_targets
from dashboard.store import catalogue as store_catalogue
from dashboard.store.schema import ensure_schema


@pytest.fixture
def stored(tmp_path, catalogue):
    con = duckdb.connect(str(tmp_path / "dashboard.duckdb"))
    ensure_schema(con)
    store_catalogue.load_targets(con, catalogue, "first")
    yield con
    con.close()


def test_the_kept_catalogue_is_the_one_the_store_reads(stored):
    read = store_catalogue.targets(stored, 2026, columns=JUDGING_COLUMNS, numbered=True)
    pd.testing.assert_frame_equal(judging_targets(stored, 2026), read)
    pd.testing.assert_frame_equal(judging_targets(stored, 2026), read)  # kept, the same
    assert len(read) == 90


def test_it_is_kept_while_the_digest_stays_and_read_anew_for_another(stored, catalogue):
    judging_targets(stored, 2026)
    # the store never writes targets but through load_targets; a write that did would
    # not be seen, which shows that the rows come from what was kept
    stored.execute("DELETE FROM targets WHERE id = 'ev_chargers'")
    assert "ev_chargers" in set(judging_targets(stored, 2026)["id"])
    raised = catalogue.assign(
        target_value=catalogue["target_value"].where(catalogue["id"] != "ev_chargers", 9999.0)
    )
    store_catalogue.load_targets(stored, raised, "second")
    again = judging_targets(stored, 2026).set_index("id")
    assert again.loc["ev_chargers", "target_value"] == 9999.0
    assert len(again) == 90


class LoadsAroundTheRead:
    """A connection on which two catalogues are loaded while the targets are read: B
    before the read, A (the one loaded when the report began) after it."""

    def __init__(self, con, before, after):
        self._con, self._loads = con, [before, after]

    def __getattr__(self, name):
        return getattr(self._con, name)

    def sql(self, query, params=None):
        if "FROM targets" not in query or not self._loads:
            return self._con.sql(query, params=params)
        before, after = self._loads
        self._loads = []
        store_catalogue.load_targets(self._con, *before)
        table = self._con.sql(query, params=params).to_arrow_table()
        store_catalogue.load_targets(self._con, *after)
        return SimpleNamespace(to_arrow_table=lambda: table)


def test_a_catalogue_loaded_again_after_another_is_not_the_one_read_between(stored, catalogue):
    """A, B, A: B's rows read while the digest went A -> B -> A were kept as A's, and
    every later report judged B's targets under A's name."""
    raised = catalogue.assign(target_value=9999.0)
    racing = LoadsAroundTheRead(stored, (raised, "second"), (catalogue, "first"))
    assert set(judging_targets(racing, 2026)["target_value"]) == {9999.0}  # B's, once
    again = judging_targets(stored, 2026)
    assert 9999.0 not in set(again["target_value"])
    read = store_catalogue.targets(stored, 2026, columns=JUDGING_COLUMNS, numbered=True)
    pd.testing.assert_frame_equal(again, read)


def test_the_version_counts_loads_of_the_same_digest(stored, catalogue):
    first = store_catalogue.version(stored)
    store_catalogue.load_targets(stored, catalogue, "second")
    store_catalogue.load_targets(stored, catalogue, "first")
    assert first[:2] == store_catalogue.version(stored)[:2]
    assert store_catalogue.version(stored)[2] == first[2] + 2


def test_a_database_in_memory_is_read_every_time(mem, catalogue):
    ensure_schema(mem)
    store_catalogue.load_targets(mem, catalogue, "first")
    assert len(judging_targets(mem, 2026)) == 90
    mem.execute("DELETE FROM targets WHERE id = 'ev_chargers'")
    assert len(judging_targets(mem, 2026)) == 89


def test_a_callers_changes_leave_the_kept_frame_as_it_was(stored):
    first = judging_targets(stored, 2026)
    first["target_value"] = 0.0
    first["added"] = 1
    first.loc[0, "id"] = "changed"
    second = judging_targets(stored, 2026)
    assert "added" not in second and second.loc[0, "id"] != "changed"
    assert (second["target_value"].fillna(1.0) != 0.0).any()


def test_progress_from_the_kept_catalogue_is_progress_read_anew(stored):
    today = date(2026, 11, 26)
    anew = reporting.progress(stored, 2026, 10, today=today, explained=False)
    kept = reporting.progress(stored, 2026, 10, today=today, explained=False)
    pd.testing.assert_frame_equal(anew, kept)
