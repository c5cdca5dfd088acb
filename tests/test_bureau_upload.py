"""Bureau tables through the upload page, the command line and the store (issue 14)."""

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.access import User
from dashboard.services import aliases
from dashboard.services.aliases import AliasRefused
from dashboard.services.database import open_store
from dashboard.services.uploading import catalogue_index, preview, store_preview
from tests.conftest import ROOT, add_accounts
from tests.test_app import button, login

DATA = Path(__file__).parent / "data" / "bureau_tables"
APP = str(ROOT / "dashboard" / "app.py")
TODAY = (2026, 11)
NEAR_MISS = "B10_ledger_fgw_2026_oct_near_miss_name_synthetic_utf8bom.csv"
PORTAL_XLS = "B03x_zz_portal_monthly_2025-2026_synthetic.xls"


def cli(ws, *args):
    cmd = [sys.executable, "-m", "dashboard", *args, "--db", str(ws.db_path)]
    env = {"DASHBOARD_DATA": str(ws.data_dir), "PATH": "/usr/bin:/bin"}
    import os

    return subprocess.run(
        cmd, capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


def figure_count(ws) -> int:
    with open_store(ws) as con:
        return con.execute("SELECT count(*) FROM figures").fetchone()[0]


def test_cli_stores_catalogue_figures_and_lists_the_rest(empty_ws):
    out = cli(empty_ws, "ingest", str(DATA / "B01_zz_main_indicators_2026_1-10_synthetic_gbk.csv"))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == "6 figure(s) stored, 12 row(s) skipped (not catalogue indicators)"
    skipped = [line for line in out.stderr.splitlines() if ": skipped: " in line]
    assert len(skipped) == 12
    assert skipped[1] == (
        "B01_zz_main_indicators_2026_1-10_synthetic_gbk.csv:6: skipped: "
        "'制造业' is not a catalogue indicator"
    )
    with open_store(empty_ws) as con:
        row = con.execute(
            "SELECT value, companion_value, companion_unit FROM current_figures "
            "WHERE id = 'retail_sales_growth'"
        ).fetchone()
    assert row == (4.6, 4252.3, "亿元")


def test_strict_turns_skips_into_errors_and_stores_nothing(empty_ws):
    path = DATA / "B01_zz_main_indicators_2026_1-10_synthetic_gbk.csv"
    out = cli(empty_ws, "ingest", str(path), "--strict")
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert len([x for x in lines if x.startswith(path.name + ":")]) == 12
    assert (
        lines[-1]
        == "0 figure(s) stored, 0 row(s) skipped (not catalogue indicators); 1 file(s) rejected"
    )
    assert figure_count(empty_ws) == 0


@pytest.mark.parametrize(
    "name", ["B04_provinces_as_rows_single_month_growth_synthetic_utf8bom.csv"]
)
def test_a_file_without_catalogue_figures_is_refused_plainly(empty_ws, name):
    out = cli(empty_ws, "ingest", str(DATA / name))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stdout.splitlines()[0].startswith(
        f"{name}:0:-: no catalogue figure in the file: all 5 data row(s) skipped"
    )
    assert "the catalogue has no target for '河南省'" in out.stderr
    assert figure_count(empty_ws) == 0


def test_a_tenfold_revision_is_shown_old_to_new(empty_ws):
    first = (DATA / "B13a_key_projects_2026_1-9_synthetic_utf8bom.csv").read_bytes()
    slip = (DATA / "B13b_key_projects_2026_1-9_revision_10x_synthetic_utf8bom.csv").read_bytes()
    with open_store(empty_ws) as con:
        store_preview(
            con, empty_ws, preview(con, first, "a.csv", TODAY), first, "t", datetime.now()
        )
        pv = preview(con, slip, "b.csv", TODAY)
    assert pv.ok
    f = pv.figures.iloc[0]
    assert (f["change"], f["previous"], f["value"]) == ("revision", 1790.0, 17900.0)
    assert [p.line() for p in pv.problems] == [
        "b.csv:3:C: key_project_investment Jan–Sep: the revision 1.79 trillion yuan is ten times "
        "off the value it replaces (0.179 trillion yuan) — check the figure and its unit; "
        "confirm if it is right"
    ]


def test_the_command_line_shows_each_revision_old_to_new(empty_ws):
    first = DATA / "B13a_key_projects_2026_1-9_synthetic_utf8bom.csv"
    slip = DATA / "B13b_key_projects_2026_1-9_revision_10x_synthetic_utf8bom.csv"
    assert cli(empty_ws, "ingest", str(first)).returncode == 0
    out = cli(empty_ws, "ingest", str(slip))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stderr.splitlines() == [
        f"{slip.name}: the table does not say whose figures these are; they are read as "
        "Zhengzhou's (pass --place other if they are another place's)",
        f"warning: {slip.name}:3:C: key_project_investment Jan–Sep: the revision 1.79 trillion "
        "yuan is ten times off the value it replaces (0.179 trillion yuan) — check the figure "
        "and its unit; confirm if it is right",
        f"{slip.name}:3: revises key_project_investment 2026 Jan–Sep: 0.179 -> 1.79 trillion yuan",
    ]


def test_a_first_figure_ten_times_the_targets_pace_is_flagged(empty_ws):
    """17900 with nothing stored: no old value, no series, but 2,000亿元 a year comes to
    about 1,500 by September."""
    slip = (DATA / "B13b_key_projects_2026_1-9_revision_10x_synthetic_utf8bom.csv").read_bytes()
    with open_store(empty_ws) as con:
        pv = preview(con, slip, "b.csv", TODAY)
    assert pv.ok and pv.figures.iloc[0]["change"] == "new"
    assert [p.line() for p in pv.problems] == [
        "b.csv:3:C: key_project_investment Jan–Sep: 1.79 trillion yuan is ten times off the "
        "about 0.15 trillion yuan that a year's target of 0.2 trillion yuan comes to by then — "
        "check the figure and its unit; confirm if it is right"
    ]  # in one magnitude, so that the tenfold shows
    assert pv.problems[0].line("zh") == (
        "b.csv:3:C: key_project_investment 1-9月：17,900亿元 与全年目标 2,000亿元 按时间推算的约 "
        "1,500亿元 相差 10 倍以上 — 请核对数值及其单位；无误请确认"
    )


GROWTH_SERIES = "指标,时期,数值\n" + "".join(
    f"固定资产投资累计增长(%),2026年1-{m}月,{v}\n"
    for m, v in ((2, 4.8), (3, 5.1), (4, 5.3), (5, 5.2), (6, 5.0), (7, 5.4))
)


@pytest.mark.both_engines  # the series' stored figures are read in SQL
@pytest.mark.parametrize(
    ("cell", "warning"),
    [
        ("5.3", None),
        ("0.5", None),  # a slowdown: a growth rate may near zero
        (
            "53",  # the decimal point lost
            "g.csv:2:C: fai_growth Jan–Aug: 53% is ten times off the about 5.2% that the "
            "series' 6 other period(s) suggest — check the figure and its unit; confirm if it "
            "is right",
        ),
    ],
)
def test_a_growth_rate_ten_times_its_series_is_flagged(empty_ws, cell, warning):
    """Rates have no previous-period check (they are not flows); the other months of the
    series say what is usual, and only far above it is a slip."""
    first = GROWTH_SERIES.encode()
    later = f"指标,时期,数值\n固定资产投资累计增长(%),2026年1-8月,{cell}\n".encode()
    with open_store(empty_ws) as con:
        stored = preview(con, first, "s.csv", TODAY)
        assert stored.ok and stored.problems == []
        store_preview(con, empty_ws, stored, first, "t", datetime.now())
        pv = preview(con, later, "g.csv", TODAY)
    assert pv.ok
    assert [p.line() for p in pv.problems] == ([warning] if warning else [])


def test_one_slip_among_a_files_months_is_flagged_against_the_others(empty_ws):
    """A series in one file (a level: compliance in %): the month ten times off the
    others is flagged, and only that one."""
    months = [100, 100, 95.5, 100, 100, 9.55, 100, 100]  # 95.5 typed as 9.55 in June
    data = ("指标,时期,数值,单位\n" + "".join(
        f"国、省控河流断面水质达标率,2026年{m}月,{v},%\n" for m, v in enumerate(months, 1)
    )).encode()  # fmt: skip
    with open_store(empty_ws) as con:
        pv = preview(con, data, "y.csv", TODAY)
    assert pv.ok
    assert [p.line() for p in pv.problems] == [
        "y.csv:7:C: river_sections_compliance Jun: 9.55% is ten times off the about 100% "
        "that the series' 7 other period(s) suggest — check the figure and its unit; confirm "
        "if it is right"
    ]


def test_a_flow_slip_is_warned_about_once(empty_ws):
    """Year-to-date amounts already have the previous-period check: a slip there is not
    warned about again against the series or the target."""
    months = [(m, round(150.0 * m, 1)) for m in range(2, 10)]
    months[4] = (6, 9000.0)  # 900 typed as 9000
    data = ("指标,时期,数值,单位\n" + "".join(
        f"省市重点项目完成投资,2026年1-{m}月,{v},亿元\n" for m, v in months
    )).encode()  # fmt: skip
    with open_store(empty_ws) as con:
        pv = preview(con, data, "y.csv", TODAY)
    assert [(p.row, p.key) for p in pv.problems] == [
        (6, "figure.ytd_tenfold"),
        (7, "figure.ytd_below_previous"),
    ]


def test_a_name_mapped_once_is_an_alias_for_the_page_and_the_command_line(empty_ws):
    add_accounts(empty_ws)
    fgw = User("fgw", "uploader", frozenset({"市发展改革委"}))
    data = (DATA / NEAR_MISS).read_bytes()
    with open_store(empty_ws) as con:
        index = catalogue_index(con)
        assert not preview(con, data, NEAR_MISS, TODAY, index).ok
        with pytest.raises(AliasRefused, match="only your own department"):
            aliases.learn(con, empty_ws, index, fgw, "新建公共充电桩",
                          ("郑州市", 2026, "public_parking"), datetime.now())  # fmt: skip
        with pytest.raises(AliasRefused, match="already names"):
            aliases.learn(con, empty_ws, index, fgw, "充电桩",
                          ("郑州市", 2026, "ev_chargers"), datetime.now())  # fmt: skip
        alias = aliases.learn(
            con, empty_ws, index, fgw, "新建公共充电桩", ("郑州市", 2026, "ev_chargers"),
            datetime(2026, 11, 5, 9, 0),
        )  # fmt: skip
        assert alias == "新建公共充电桩"
        pv = preview(con, data, NEAR_MISS, TODAY)
    assert pv.ok and sorted(pv.figures["id"]) == [
        "ev_chargers", "fai_growth", "key_project_investment", "public_parking",
    ]  # fmt: skip
    assert empty_ws.aliases_csv.read_text("utf-8").splitlines() == [
        "entity,year,id,alias,user_name,created_at",
        "郑州市,2026,ev_chargers,新建公共充电桩,fgw,2026-11-05T09:00:00",
    ]
    out = cli(empty_ws, "ingest", str(DATA / NEAR_MISS), "--dry-run", "--user", "admin")
    assert out.returncode == 0, out.stdout
    audit_log = json.loads(cli(empty_ws, "audit", "--format", "json").stdout)
    added = [e for e in audit_log if e["action"] == "alias"]
    assert [json.loads(e["detail"])["alias"] for e in added] == ["新建公共充电桩"]


def test_the_rebuilt_database_keeps_learned_names(empty_ws):
    test_a_name_mapped_once_is_an_alias_for_the_page_and_the_command_line(empty_ws)
    assert cli(empty_ws, "rebuild").returncode == 0
    out = cli(empty_ws, "ingest", str(DATA / NEAR_MISS), "--dry-run", "--user", "admin")
    assert out.returncode == 0, out.stdout


@pytest.fixture
def app(sample_ws, monkeypatch):
    add_accounts(sample_ws)
    monkeypatch.setenv("DASHBOARD_DB", str(sample_ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_ws.data_dir))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_takes_a_real_xls_lists_rows_not_stored_and_marks_last_year(app):
    login(app, "admin")
    app.switch_page("ui/upload.py").run()
    data = (DATA / PORTAL_XLS).read_bytes()
    app.file_uploader[0].set_value((PORTAL_XLS, data, "application/vnd.ms-excel")).run()
    assert not app.exception, [e.value for e in app.exception]
    preview_frame = app.dataframe[0].value
    assert len(preview_frame) == 36
    last_year = preview_frame[preview_frame["时期"].str.endswith("往年（参考）")]
    assert len(last_year) == 12
    retail = preview_frame[
        (preview_frame["指标"] == "社会消费品零售总额增长")
        & (preview_frame["时期"] == "2026 1—9月")
    ].iloc[0]
    assert (retail["数值"], retail["同时公布的数据"]) == ("4.5%", "3,791亿元")
    assert app.info[0].value == "未入库：非目录指标等 3 行（原因见下表）"
    skipped = app.dataframe[1].value
    assert skipped["行"].tolist() == [6, 10, 11]
    assert skipped["未入库原因"].tolist()[2] == "非目录指标“房地产投资累计值”"
    button(app, "确认保存").click().run()
    assert app.success[0].value.endswith("36 条数据。")
    app.switch_page("ui/detail.py").run()
    app.selectbox(key="target").set_value("retail_sales_growth").run()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["同时公布的数据"] == "4,252.3亿元"  # 1—10月 from the shipped sample
    assert metrics["去年同期"] == "4.9% · 4,123.9亿元"  # 2025年10月 of the portal export


def test_page_maps_an_unrecognised_name_once_then_reads_the_file(app):
    login(app, "admin")
    app.switch_page("ui/upload.py").run()
    data = (DATA / NEAR_MISS).read_bytes()
    app.file_uploader[0].set_value((NEAR_MISS, data, "text/csv")).run()
    assert app.error[0].value.startswith("文件未通过校验")
    assert app.selectbox(key="alias_name").options == ["新建公共充电桩"]
    app.selectbox(key="alias_target").set_value(("郑州市", 2026, "ev_chargers")).run()
    button(app, "以后自动识别").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.success[0].value == "已把“新建公共充电桩”设为“新建电动汽车公共充电桩”的别名。"
    assert not app.error  # the same file now goes in
    assert len(app.dataframe[0].value) == 4


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_template_row_never_vanishes(empty_ws, suffix):
    """Issue 14 item 2: an empty 指标ID with a mistyped name was neither stored nor
    reported. The name is read when the id is empty, and in the fill-in template (which
    names indicators by id) an unknown name is an error with the closest names."""
    from dashboard.export import template

    with open_store(empty_ws) as con:
        frame = template.template_frame(con.execute("SELECT * FROM targets").df(), 2026, 10)
        charger = frame["指标ID"] == "ev_chargers"
        frame.loc[charger, ["指标ID", "指标名称", "数值"]] = ["", "新建电动汽车充电桩", "2450"]
        parking = frame["指标ID"] == "public_parking"
        frame.loc[parking, ["指标ID", "数值"]] = ["", "2.6"]  # the name alone is enough
        data = (
            template.template_csv(frame)
            if suffix == "csv"
            else template.template_xlsx(frame, "2026年10月 目标指标数据填报表")
        )
        pv = preview(con, data, f"t.{suffix}", TODAY)
    errors = [p for p in pv.problems if p.severity == "error"]
    assert [(p.key, p.params["indicator"]) for p in errors] == [
        ("indicator.unknown", "新建电动汽车充电桩")
    ]
    assert "新建电动汽车公共充电桩" in errors[0].hint
    outcomes = [r.outcome for r in pv.parsed.rows]
    assert len(outcomes) == len(frame)
    assert outcomes.count("stored") + outcomes.count("skipped") + outcomes.count("error") == len(
        frame
    )
    assert (outcomes.count("stored"), outcomes.count("error")) == (1, 1)


def test_page_asks_whose_figures_a_table_naming_no_place_holds(app):
    """R05, the national GDP table as published, names no place: the page says whose
    figures it takes them to be and lets the official say they are another place's."""
    login(app, "admin")
    app.switch_page("ui/upload.py").run()
    name = "R05_nbs_gdp_2024q1.csv"
    data = (Path(__file__).parent / "data" / "real_tables" / name).read_bytes()
    app.file_uploader[0].set_value((name, data, "text/csv")).run()
    choice = [r for r in app.radio if r.label == "这些数字是哪里的？"][0]
    assert choice.options == ["郑州市的", "其他地方的（全国、全省、其他市县）：不入库"]
    assert len(app.dataframe[0].value) == 1  # GDP growth, read as 郑州市's until corrected
    assert any(c.value.startswith("表中没有写明是哪里的数字") for c in app.caption)
    choice.set_value("?other").run()
    assert not app.exception, [e.value for e in app.exception]
    assert not [b for b in app.button if b.label == "确认保存"] and not app.error
    assert app.info[0].value == "按您的说明，这些是其他地方的数字，不入库"
    assert (
        app.dataframe[0].value["未入库原因"].tolist()[0] == "您已说明这些不是郑州市的数字，未入库"
    )
