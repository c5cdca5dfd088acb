"""Comments from the command line: the detail page's rules, and every comment listed."""

import csv
import io
import json

import pytest

from tests.conftest import add_accounts
from tests.durable_state import cli


@pytest.fixture
def ws(sample_ws):
    add_accounts(sample_ws)
    return sample_ws


def comment(ws, *args):
    return cli(ws, "comment", *args)


def test_the_department_writes_and_every_comment_is_listed(ws):
    out = comment(
        ws,
        *("ev_chargers", "--month", "2026-10", "--reason", "电网接入审批慢"),
        *("--measures", "=每周调度", "--user", "fgw"),
    )
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.startswith("comment saved for ev_chargers 2026-10 (journal #")
    out = comment(
        ws, "trade_quality", "--month", "2026-09", "--status", "at_risk", "--user", "admin"
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(cli(ws, "comments", "--format", "json").stdout)
    assert [
        (r["id"], r["month"], r["reason"], r["measures"], r["status"], r["user"]) for r in rows
    ] == [
        ("ev_chargers", "2026-10", "电网接入审批慢", "=每周调度", None, "fgw"),
        ("trade_quality", "2026-09", None, None, "at_risk", "admin"),  # empty: nothing stored
    ]
    assert rows[0]["name_zh"] == "新建电动汽车公共充电桩" and len(rows[0]["at"]) == 19
    one = json.loads(cli(ws, "comments", "trade_quality", "--format", "json").stdout)
    assert [r["id"] for r in one] == ["trade_quality"]
    table = cli(ws, "comments").stdout.splitlines()
    assert table[0].split()[:4] == ["id", "entity", "month", "name_zh"]
    assert "电网接入审批慢" in table[2]
    sheet = list(csv.DictReader(io.StringIO(cli(ws, "comments", "--format", "csv").stdout)))
    assert sheet[0]["measures"] == "'=每周调度"  # a spreadsheet shows it as text
    progress = json.loads(cli(ws, "progress", "--format", "json").stdout)
    ev = next(r for r in progress if r["id"] == "ev_chargers")
    assert (ev["reason"], ev["measures"]) == ("电网接入审批慢", "=每周调度")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("gas_pipes", "--month", "2026-10", "--reason", "x", "--user", "fgw"),
            "error: fgw does not report for 市城市管理局",
        ),
        (
            ("ev_chargers", "--month", "2026-10", "--reason", "x", "--user", "guest"),
            "error: guest does not report for 市发展改革委",
        ),
        (
            ("ev_chargers", "--month", "2026-10", "--reason", "x", "--user", "ghost"),
            "error: no account 'ghost'",
        ),
        (
            ("no_such", "--month", "2026-10", "--reason", "x", "--user", "admin"),
            "error: no target no_such in 2026",
        ),
        (
            ("ev_chargers", "--month", "2026-10", "--user", "admin"),
            "error: the comment is empty: give a reason or the next measures",
        ),
        (
            ("ev_chargers", "--month", "2026-10", "--status", "on_track", "--user", "admin"),
            "error: status 'on_track' cannot be set for ev_chargers",
        ),
        (
            ("ev_chargers", "--month", "2026-10", "--reason", "长" * 5001, "--user", "admin"),
            "error: each field takes at most 5000 characters",
        ),
    ],
)
def test_refused_comments_say_why_and_store_nothing(ws, args, message):
    before = cli(ws, "comments", "--format", "json").stdout
    out = comment(ws, *args)
    assert out.returncode == 1 and out.stderr.startswith(message), out.stderr
    assert "Traceback" not in out.stderr
    assert cli(ws, "comments", "--format", "json").stdout == before == "[]\n"


def test_a_month_that_is_not_a_month_is_a_usage_error(ws):
    out = comment(ws, "ev_chargers", "--month", "2026-13", "--reason", "x", "--user", "admin")
    assert out.returncode == 2 and "'2026-13' is not YYYY-MM" in out.stderr
