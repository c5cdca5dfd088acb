"""Analyst cases through the command line (issue 15): files in with `ingest`, verdicts out
with `progress --format json`, on a real DuckDB file with the shipped catalogue.

The clock is fixed with `progress --today`, as an analyst would sign the bulletin that day.
"""

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest

from tests.files import csv_bytes


def run(ws, *args, env=None):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    env = {**os.environ, "DASHBOARD_DATA": str(ws.data_dir), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def ingest(ws, tmp_path, name: str, rows: list[list], *flags: str):
    """Ingested as on 2027-01-25, so that year-end figures are not in the future."""
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows))
    return run(ws, "ingest", str(path), "--today", "2027-01-25", *flags)


def progress(ws, as_of: str, today: str) -> dict:
    out = run(ws, "progress", "--as-of", as_of, "--today", today, "--format", "json")
    assert out.returncode == 0, out.stderr
    return {r["id"]: r for r in json.loads(out.stdout)}


HEAD = ["指标ID", "时期", "数值"]


def test_a_stale_figure_is_an_overdue_report(empty_ws, tmp_path):
    assert (
        ingest(
            empty_ws, tmp_path, "a.csv", [HEAD, ["ev_chargers", "2026年1-6月", "1500"]]
        ).returncode
        == 0
    )
    r = progress(empty_ws, "2026-10", "2026-11-26")["ev_chargers"]
    assert (r["status"], r["actual_period"], r["data_lag_months"]) == ("overdue_report", "1—6月", 4)
    assert (r["completion_pct"], r["time_share_pct"], r["gap_pp"]) == (50.0, 83.3, -33.3)
    assert r["explanation_zh"] == (
        "1—10月数据未报送，最新1—6月累计完成1,500个，占全年目标的50.0%，低于10月序时进度33.3个百分点"
    )
    assert (r["status_label_zh"], r["report_due"]) == ("未报送", "2026-11-15")


def test_milestones_complete_by_their_own_verb(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["zhengkai_avenue_start", "2026年3月", "已开工"],
        ["bit_institute_open", "2026年3月", "部分投用"],
        ["sjtu_institute_open", "2026年3月", "试运行"],
    ]
    assert ingest(empty_ws, tmp_path, "m.csv", rows).returncode == 0
    got = progress(empty_ws, "2026-03", "2026-04-20")
    start = got["zhengkai_avenue_start"]
    assert (start["status"], start["milestone_state"], start["completed_month"]) == (
        "achieved",
        "done",
        3,
    )
    assert start["explanation_zh"] == "计划年底完成，截至2026年3月底已完成（已开工）"
    for partial in ("bit_institute_open", "sjtu_institute_open"):
        assert (got[partial]["status"], got[partial]["milestone_state"]) == (
            "on_track",
            "in_progress",
        )
    silent = got["zhengxu_expressway"]
    assert (silent["status"], silent["explanation_zh"]) == (
        "no_data",
        "计划年底完成，截至2026年3月底未报送进展",
    )


def test_floors_on_raw_values(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["grain_area", "2026年全年", "445.8"],
        ["hightech_export_share", "2026年1-10月", "59.95"],
    ]
    assert ingest(empty_ws, tmp_path, "f.csv", rows).returncode == 0
    share = progress(empty_ws, "2026-10", "2026-11-26")["hightech_export_share"]
    assert (share["status"], share["gap_pp"], share["actual_period"]) == (
        "at_risk",
        -0.05,
        "1—10月",
    )
    assert share["explanation_zh"] == "1—10月为59.95%，低于目标（60%以上）0.05个百分点"
    grain = progress(empty_ws, "2026-12", "2027-03-01")["grain_area"]
    assert (grain["status"], grain["completion_pct"]) == ("off_track", 99.96)
    # an annual figure is the year's, not December's ("12月")
    assert (grain["actual_period"], grain["actual_period_en"]) == ("全年", "full year")


def test_year_end_awaiting_release_and_overdue(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["ev_chargers", "2026年1-11月", "2800"],
        ["industry_va_growth", "2026年1-11月", "7.0"],
    ]
    assert ingest(empty_ws, tmp_path, "y.csv", rows).returncode == 0
    nov = progress(empty_ws, "2026-11", "2026-12-20")["industry_va_growth"]
    assert (nov["status"], nov["required_pace"]) == ("off_track", 25.0)
    got = progress(empty_ws, "2026-12", "2027-01-25")
    energy = got["energy_intensity"]
    assert (energy["status"], energy["explanation_zh"]) == (
        "not_assessable",
        "全年数据待发布（预计2027年6月发布）",
    )
    assert got["grain_output"]["explanation_zh"] == "全年数据待发布（预计2027年2月发布）"
    piles = got["ev_chargers"]
    assert piles["status"] == "overdue_report"
    assert (
        piles["explanation_zh"] == "1—12月数据未报送，最新1—11月累计完成2,800个，占全年目标的93.3%"
    )


def test_maintain_gap_and_lumpy_pilots(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["drinking_water_compliance", "2026年1月", "100"],
        ["drinking_water_compliance", "2026年3月", "100"],
        ["parking_pilots", "2026年1-3月", "0"],
    ]
    assert ingest(empty_ws, tmp_path, "w.csv", rows).returncode == 0
    got = progress(empty_ws, "2026-03", "2026-04-20")
    water = got["drinking_water_compliance"]
    assert (water["status"], water["months_missing"]) == ("overdue_report", 1)
    assert water["explanation_zh"] == "3月为100%，已报送各期均达到保持100%的要求，2月数据未报送"
    pilots = got["parking_pilots"]
    assert (pilots["status"], pilots["required_pace"], pilots["time_share_pct"]) == (
        "on_track",
        None,
        None,
    )


def test_trading_enterprises_are_a_distinct_count(empty_ws, tmp_path):
    ok = ingest(
        empty_ws, tmp_path, "t.csv", [HEAD, ["trading_enterprises", "2026年1-10月", "5200"]]
    )
    assert ok.returncode == 0, ok.stdout
    r = progress(empty_ws, "2026-10", "2026-11-26")["trading_enterprises"]
    assert (r["actual"], r["status"], r["assessment"]) == (5200.0, "on_track", "year_end")
    single = ingest(
        empty_ws,
        tmp_path,
        "s.csv",
        [["指标ID", "时期", "口径", "数值"], ["trading_enterprises", "2026年11月", "当月", "480"]],
    )
    assert single.returncode == 1
    assert "1—N月" in single.stdout or "cumulative" in single.stdout


def test_json_has_no_float_noise_and_periods_in_words(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["airport_cargo", "2026年1-10月", "83.51"],
        ["ev_chargers", "2026年1-10月", "2450"],
    ]
    assert ingest(empty_ws, tmp_path, "c.csv", rows).returncode == 0
    out = run(
        empty_ws, "progress", "--as-of", "2026-10", "--today", "2026-11-26", "--format", "json"
    )
    assert re.search(r"\d\.\d{3,}", out.stdout) is None
    got = {r["id"]: r for r in json.loads(out.stdout)}
    cargo = got["airport_cargo"]
    assert (cargo["expected_now"], cargo["remaining"], cargo["required_pace"]) == (
        91.67,
        26.49,
        13.25,
    )
    piles = got["ev_chargers"]
    assert piles["explanation_zh"] == (
        "1—10月累计完成2,450个，占全年目标的81.7%，低于序时进度1.6个百分点，后2个月需月均完成275个"
    )
    assert (piles["actual_period"], piles["time_position"], piles["status_label_zh"]) == (
        "1—10月",
        "behind",
        "欠序时",
    )
    csv_out = run(
        empty_ws, "progress", "--as-of", "2026-10", "--today", "2026-11-26", "--format", "csv"
    )
    assert re.search(r"\d\.\d{3,}", csv_out.stdout) is None


def test_basis_follows_the_catalogue_unless_told(empty_ws, tmp_path):
    assert (
        ingest(
            empty_ws, tmp_path, "h1.csv", [HEAD, ["ev_chargers", "2026年1-6月", "1500"]]
        ).returncode
        == 0
    )
    months = [HEAD] + [["ev_chargers", f"2026年{m}月", "200"] for m in (7, 8, 9, 10)]
    unsure = ingest(empty_ws, tmp_path, "m.csv", months)
    assert unsure.returncode == 1 and "--basis month" in unsure.stdout + unsure.stderr
    told = ingest(empty_ws, tmp_path, "m.csv", months, "--basis", "month")
    assert told.returncode == 0, told.stdout
    assert progress(empty_ws, "2026-10", "2026-11-26")["ev_chargers"]["actual"] == 2300.0


def test_single_month_growth_row_is_context_not_a_refusal(empty_ws, tmp_path):
    rows = [
        ["指标ID", "时期", "口径", "数值"],
        ["retail_sales_growth", "2026年1-10月", "累计增长", "5.1"],
        ["retail_sales_growth", "2026年10月", "当月增长", "6.3"],
    ]
    out = ingest(empty_ws, tmp_path, "g.csv", rows)
    assert out.returncode == 0, out.stdout
    assert progress(empty_ws, "2026-10", "2026-11-26")["retail_sales_growth"]["actual"] == 5.1


def test_decrease_row_of_the_template_reads_a_decrease(empty_ws, tmp_path):
    out = tmp_path / "t.csv"
    assert run(empty_ws, "template", "--month", "2026-12", "--out", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    head = rows[0]
    energy = next(r for r in rows if r[0] == "energy_intensity")
    assert energy[head.index("口径")] == "比上年下降(%)"
    energy[head.index("数值")] = "4.2"
    filled = tmp_path / "filled.csv"
    filled.write_bytes(csv_bytes([head, energy]))
    assert run(empty_ws, "ingest", str(filled), "--today", "2027-07-01").returncode == 0
    r = progress(empty_ws, "2026-12", "2027-07-01")["energy_intensity"]
    assert (r["actual"], r["status"]) == (-4.2, "achieved")


def test_positive_figure_under_a_growth_heading_for_a_decrease_target_warns(empty_ws, tmp_path):
    rows = [["指标ID", "时期", "增长(%)"], ["energy_intensity", "2026年全年", "4.2"]]
    out = ingest(empty_ws, tmp_path, "e.csv", rows)
    assert "下降" in out.stderr


@pytest.mark.parametrize(
    "field", ["status_label_en", "time_position", "report_due", "assessment", "nature"]
)
def test_new_progress_fields_are_present(empty_ws, field):
    out = run(
        empty_ws, "progress", "--as-of", "2026-10", "--today", "2026-11-26", "--format", "json"
    )
    assert out.returncode == 0, out.stderr
    assert all(field in r for r in json.loads(out.stdout))


def test_exports_carry_numbers_as_shown(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["airport_cargo", "2026年1-10月", "83.51"],
        ["ev_chargers", "2026年1-10月", "2450"],
    ]
    assert ingest(empty_ws, tmp_path, "c.csv", rows).returncode == 0
    out = tmp_path / "p.csv"
    done = run(
        empty_ws,
        "export",
        "--as-of",
        "2026-10",
        "--today",
        "2026-11-26",
        "--format",
        "csv",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    body = out.read_bytes().decode("utf-8-sig")
    assert re.search(r"\d\.\d{3,}", body) is None and "1—10月" in body


def test_deployment_settings_move_the_bands(empty_ws, tmp_path):
    assert (
        ingest(
            empty_ws, tmp_path, "a.csv", [HEAD, ["ev_chargers", "2026年1-10月", "2150"]]
        ).returncode
        == 0
    )
    assert progress(empty_ws, "2026-10", "2026-11-26")["ev_chargers"]["status"] == "at_risk"
    settings = tmp_path / "settings.toml"
    settings.write_text("[thresholds]\namount_at_risk_pp = 10.0\n", "utf-8")
    out = run(
        empty_ws,
        "progress",
        "--as-of",
        "2026-10",
        "--today",
        "2026-11-26",
        "--format",
        "json",
        env={"DASHBOARD_SETTINGS": str(settings)},
    )
    assert {r["id"]: r for r in json.loads(out.stdout)}["ev_chargers"]["status"] == "off_track"


def test_same_period_last_year_beside_the_figure(empty_ws, tmp_path):
    rows = [
        HEAD,
        ["ev_chargers", "2025年1-10月", "2100"],
        ["ev_chargers", "2026年1-10月", "2450"],
    ]
    assert ingest(empty_ws, tmp_path, "y.csv", rows).returncode == 0
    r = progress(empty_ws, "2026-10", "2026-11-26")["ev_chargers"]
    assert (r["actual"], r["last_year_actual"]) == (2450.0, 2100.0)
    out = tmp_path / "p.csv"
    args = ("export", "--as-of", "2026-10", "--today", "2026-11-26", "--format", "csv")
    assert run(empty_ws, *args, "--out", str(out)).returncode == 0
    table = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    piles = next(row for row in table if row["指标"] == "新建电动汽车公共充电桩")
    assert piles["去年同期"] == "2100.0"
