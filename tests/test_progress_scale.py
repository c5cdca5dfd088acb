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
from dashboard.core.progress_arrays import JUDGING_COLUMNS
from dashboard.services import reporting
from dashboard.services.database import open_store
from dashboard.store import catalogue as store_catalogue
from dashboard.store import dialect
from dashboard.store import figures as store_figures
from dashboard.store.schema import ensure_schema

TODAY = date(2026, 11, 26)


def judged_both_ways(con, year: int, month: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every catalogue column and every current figure, against what reporting reads: the
    judging columns and the reduced figures."""
    full = store_figures.current_figures(con, year)
    reduced = store_figures.judged_figures(con, year, month)
    assert len(reduced) <= len(full)
    return (
        compute_progress(store_catalogue.targets(con, year), full, month, today=TODAY),
        compute_progress(
            store_catalogue.targets(con, year, columns=JUDGING_COLUMNS, numbered=True),
            reduced,
            month,
            today=TODAY,
        ),
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


@pytest.mark.parametrize("seed", [1, 2, 3, 5, 6])
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
            # the same words and the same dtype (objects) on both paths
            pd.testing.assert_series_equal(words[column], explained[column])
    con.close()


def test_progress_explained_later_is_the_explained_progress(sample_ws):
    with open_store(sample_ws) as con:
        explained = reporting.progress(con, 2026, 10, today=TODAY)
        judged = reporting.progress(con, 2026, 10, today=TODAY, explained=False)
    assert "explanation_zh" not in judged
    for column in ("status_label_zh", "status_label_en", "actual_period", "actual_period_en"):
        pd.testing.assert_series_equal(judged[column], explained[column])
    later = reporting.with_explanations(judged)
    pd.testing.assert_frame_equal(later[explained.columns], explained)
    row = explained.set_index("id").loc["ev_chargers"]
    assert row["explanation_zh"].startswith("1—10月累计完成")


# Level series whose periods below the level, missing months and revisions decide the
# verdict: (id, month, value, upload). Upload 901 revises 900.
LEVELS = [
    *[("drinking_water_compliance", m, 95.0 if m == 4 else 100.0, 900) for m in range(1, 11)
      if m != 7],
    ("zero_employment_households", 2, 3.0, 900),
    ("zero_employment_households", 2, 0.0, 901),  # revised: no longer above zero
    ("zero_employment_households", 3, 0.0, 900),
    ("zero_employment_households", 5, 0.0, 900),
    ("zero_employment_households", 5, 2.0, 901),  # revised: above zero, and so is June
    ("zero_employment_households", 6, 1.0, 900),
    ("zero_employment_households", 8, 0.0, 900),
    ("heritage_inspection", 3, 1.0, 900),
    ("heritage_inspection", 6, 2.0, 900),
    ("heritage_inspection", 6, 1.0, 901),  # revised: June was not done after all
    ("heritage_inspection", 8, 2.0, 900),
    ("heritage_inspection", 9, 2.0, 900),
]  # fmt: skip


@pytest.mark.both_engines
def test_levels_sent_by_the_database_judge_as_every_figure(sample_ws):
    """Breaches, warnings, missing months and done milestones from the few level rows the
    database sends, revisions that flip a period across the level included."""
    ids = sorted({row[0] for row in LEVELS})
    with open_store(sample_ws) as con:
        con.execute(f"DELETE FROM figures WHERE id IN ({', '.join('?' * len(ids))})", ids)
        con.executemany(
            "INSERT INTO figures (upload_id, source_row, source_column, entity, year, id, "
            "period_start, period_end, basis, value, raw) "
            "VALUES (?, ?, '', '郑州市', 2026, ?, ?, ?, 'level', ?, ?)",
            [
                (upload, n, target, month, month, value, "已完成" if value == 2 else None)
                for n, (target, month, value, upload) in enumerate(LEVELS)
            ],
        )
        for month in range(1, 13):
            full, reduced = judged_both_ways(con, 2026, month)
            pd.testing.assert_frame_equal(full, reduced)
        sent = store_figures.judged_figures(con, 2026, 10)
        result = full.set_index("id")
    water = sent[sent["id"] == "drinking_water_compliance"]
    # the breach and the latest month leave the database, the other seven are a bitmask
    assert sorted(water["period_end"].tolist()) == [4, 10]
    assert set(water["level_months"]) == {sum(1 << m for m in range(1, 11) if m != 7)}
    # a revised series is sent whole: its newest figures decide
    assert sorted(sent.loc[sent["id"] == "zero_employment_households", "period_end"]) == [
        2, 3, 5, 6, 8
    ]  # fmt: skip
    row = result.loc["drinking_water_compliance"]
    assert (row["breach_month"], row["breach_value"], row["months_missing"]) == (4, 95, 1)
    assert row["first_missing_month"] == 7
    row = result.loc["zero_employment_households"]
    assert (row["breach_month"], row["breach_value"]) == (6, 1)  # May and June above zero
    assert (row["warning_month"], row["warning_value"]) == (6, 1)
    row = result.loc["heritage_inspection"]
    assert (row["milestone_state"], row["completed_month"]) == ("done", 8)


@pytest.mark.parametrize("seed", [1, 7])
def test_duckdbs_own_reduction_sends_the_rows_of_the_portable_one(catalogue, seed):
    """JUDGED_DUCKDB_SQL (bits, arg_max) and JUDGED_SQL (what PostgreSQL runs): the same
    rows, revisions and all, for every month."""
    con = random_store(catalogue, seed)
    order = ["entity", "id", "basis", "period_start", "period_end", "item", "value"]
    sent = 0
    for month in range(1, 13):
        both = [
            dialect.frame(con, sql, [2026, month, 2026, month])
            .drop(columns="target_number", errors="ignore")
            .astype({"level_months": "int64"})
            .sort_values(order, ignore_index=True)
            for sql in (store_figures.JUDGED_SQL, store_figures.JUDGED_DUCKDB_SQL)
        ]
        pd.testing.assert_frame_equal(both[0], both[1])
        sent += len(both[0])
    assert sent > 1000
    con.close()


def test_figures_are_matched_to_targets_by_the_stores_number_where_both_carry_it(catalogue):
    con = random_store(catalogue, 8)
    targets = store_catalogue.targets(con, 2026, columns=JUDGING_COLUMNS, numbered=True)
    figures = store_figures.judged_figures(con, 2026, 10)
    con.close()
    assert targets["target_number"].is_unique and "target_number" in figures
    by_text = compute_progress(
        targets.drop(columns="target_number"),
        figures.drop(columns="target_number"),
        10,
        today=TODAY,
    )
    pd.testing.assert_frame_equal(compute_progress(targets, figures, 10, today=TODAY), by_text)
    # numbers that are not distinct are not trusted: matched by entity, year and id
    alike = compute_progress(targets.assign(target_number=0), figures, 10, today=TODAY)
    pd.testing.assert_frame_equal(alike, by_text)
    # the number decides: two targets' numbers swapped, each is judged on the other's figures
    flows = by_text.index[(by_text["measure"] == "ytd") & by_text["actual"].notna()]
    first, second = flows[0], flows[1]
    assert by_text.at[first, "actual"] != by_text.at[second, "actual"]
    swapped = targets.copy()
    swapped.loc[[first, second], "target_number"] = targets.loc[
        [second, first], "target_number"
    ].to_numpy()
    judged = compute_progress(swapped, figures, 10, today=TODAY)
    assert judged.at[first, "actual_end"] == by_text.at[second, "actual_end"]
    assert judged.at[first, "actual"] == pytest.approx(by_text.at[second, "actual"], abs=0.01)
    assert judged.at[second, "actual"] == pytest.approx(by_text.at[first, "actual"], abs=0.01)
