"""The reductions that keep province scale fast give exactly the results of the full path.

- store/figures.judged_figures (the figures reduced in DuckDB) against every current figure,
  through the pure core, for every month: the shipped samples, and random series with
  revisions, gaps, single months after year-to-date figures, levels that break, milestones,
  figures of other years and of targets not in the catalogue.
- core/explain.add_status_labels against add_explanations' status words.
- reporting.progress without explanations, explained later, against the explained frame.
"""

from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest

from dashboard.core.explain import add_explanations, add_status_labels
from dashboard.core.progress import compute_progress
from dashboard.services import reporting
from dashboard.services.database import open_store
from dashboard.store import catalogue as store_catalogue
from dashboard.store import figures as store_figures
from dashboard.store.schema import ensure_schema

TODAY = date(2026, 11, 26)


def judged_both_ways(con, year: int, month: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    targets = store_catalogue.targets(con, year)
    full = store_figures.current_figures(con, year)
    reduced = store_figures.judged_figures(con, year, month)
    assert len(reduced) <= len(full)
    return (
        compute_progress(targets, full, month, today=TODAY),
        compute_progress(targets, reduced, month, today=TODAY),
    )


def test_samples_judged_from_the_reduced_figures_are_the_same(sample_ws):
    with open_store(sample_ws) as con:
        for month in range(1, 13):
            full, reduced = judged_both_ways(con, 2026, month)
            pd.testing.assert_frame_equal(full, reduced)
        assert len(store_figures.judged_figures(con, 2026, 10)) < len(
            store_figures.current_figures(con, 2026)
        )


def random_store(catalogue: pd.DataFrame, seed: int) -> duckdb.DuckDBPyConnection:
    """The real catalogue with random figures: every basis, revisions, gaps, other years."""
    rng = np.random.default_rng(seed)
    con = duckdb.connect(":memory:")
    ensure_schema(con)
    store_catalogue.load_targets(con, catalogue, f"random-{seed}")
    rows = []
    keys = list(catalogue[["entity", "year", "id"]].itertuples(index=False, name=None))
    keys.append(("郑州市", 2026, "not_in_catalogue"))
    for entity, year, target in keys:
        for month in rng.choice(np.arange(1, 13), size=rng.integers(0, 13), replace=False):
            basis = rng.choice(["ytd", "month", "level"])
            start = 1 if basis == "ytd" and rng.random() < 0.8 else int(month)
            value = (
                float(rng.choice([0, 1, 2, 99.5, 100, 100.5]))
                if rng.random() < 0.5
                else (float(np.round(rng.normal(50, 30), 3)))
            )
            for upload in range(1, 1 + rng.integers(1, 3)):  # revisions: a later upload
                for y in (year, year - 1) if rng.random() < 0.1 else (year,):
                    rows.append(
                        (
                            upload,
                            len(rows),
                            entity,
                            y,
                            target,
                            start,
                            int(month),
                            basis,
                            value,
                            "已完成" if value == 2 else None,
                        )
                    )
                value = value + 1.25
    figures = pd.DataFrame(
        rows,
        columns=["upload_id", "source_row", "entity", "year", "id", "period_start",
                 "period_end", "basis", "value", "raw"],
    )  # fmt: skip
    con.register("incoming", figures)
    con.execute(
        "INSERT INTO figures (upload_id, source_row, entity, year, id, period_start, "
        "period_end, basis, value, raw) SELECT upload_id, source_row, entity, year, id, "
        "period_start, period_end, basis, value, raw FROM incoming"
    )
    return con


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_series_judged_from_the_reduced_figures_are_the_same(catalogue, seed):
    con = random_store(catalogue, seed)
    compared = 0
    for month in range(1, 13):
        full, reduced = judged_both_ways(con, 2026, month)
        pd.testing.assert_frame_equal(full, reduced)
        compared += full["actual"].notna().sum()
    assert compared > 500  # the random figures are judged, not all missing
    con.close()


def test_status_words_worked_out_once_per_kind_are_every_rows_words(sample_ws, catalogue):
    con = random_store(catalogue, 4)
    with open_store(sample_ws) as samples:
        frames = [reporting.progress(samples, 2026, m, today=TODAY) for m in (3, 10, 12)]
    targets = store_catalogue.targets(con, 2026)
    figures = store_figures.current_figures(con, 2026)
    frames.append(compute_progress(targets, figures, 6, today=TODAY))
    for frame in frames:
        frame = frame.drop(columns=["status_label_zh", "status_label_en"], errors="ignore")
        words = add_status_labels(frame)
        explained = add_explanations(frame)
        for column in ("status_label_zh", "status_label_en"):
            assert words[column].tolist() == explained[column].tolist()
    con.close()


def test_progress_explained_later_is_the_explained_progress(sample_ws):
    with open_store(sample_ws) as con:
        explained = reporting.progress(con, 2026, 10, today=TODAY)
        judged = reporting.progress(con, 2026, 10, today=TODAY, explained=False)
    assert "explanation_zh" not in judged
    assert judged["status_label_zh"].tolist() == explained["status_label_zh"].tolist()
    later = reporting.with_explanations(judged)
    pd.testing.assert_frame_equal(later[explained.columns], explained)
    row = explained.set_index("id").loc["ev_chargers"]
    assert row["explanation_zh"].startswith("1—10月累计完成")
