"""`python -m dashboard alias add|list|remove`: the upload page's 以后自动识别 on the
command line, the same data/aliases.csv, the same audit entries (issue 14, point 3)."""

import json

import pytest

from tests.conftest import add_accounts
from tests.test_bureau_upload import DATA, NEAR_MISS, cli

pytestmark = pytest.mark.both_engines


def audit_aliases(ws) -> list[tuple[str, str, str, str]]:
    log = json.loads(cli(ws, "audit", "--format", "json").stdout)
    return [
        (
            e["user_name"],
            e["outcome"],
            json.loads(e["detail"])["alias"],
            json.loads(e["detail"])["id"],
        )
        for e in log
        if e["action"] == "alias"
    ]


def test_a_name_added_on_the_command_line_lets_the_file_in_and_removing_it_refuses_again(
    empty_ws,
):
    add_accounts(empty_ws)
    near_miss = str(DATA / NEAR_MISS)
    assert cli(empty_ws, "ingest", near_miss, "--dry-run", "--user", "fgw").returncode == 1

    out = cli(
        empty_ws, "alias", "add", "新建公共充电桩", "--target", "ev_chargers", "--user", "fgw"
    )
    assert out.returncode == 0, out.stderr
    assert (
        out.stdout
        == "'新建公共充电桩' now names ev_chargers (新建电动汽车公共充电桩, 郑州市 2026)\n"
    )
    assert (
        empty_ws.aliases_csv.read_text("utf-8")
        .splitlines()[1]
        .startswith("郑州市,2026,ev_chargers,新建公共充电桩,fgw,")
    )
    listed = json.loads(cli(empty_ws, "alias", "list", "--format", "json").stdout)
    assert [(r["alias"], r["id"], r["name_zh"], r["user_name"]) for r in listed] == [
        ("新建公共充电桩", "ev_chargers", "新建电动汽车公共充电桩", "fgw")
    ]
    out = cli(empty_ws, "ingest", near_miss, "--dry-run", "--user", "admin")
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("4 figure(s) to store, 1 row(s) skipped")

    out = cli(empty_ws, "alias", "remove", "新建公共充电桩", "--user", "fgw")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "removed '新建公共充电桩' (it named ev_chargers, 郑州市 2026)\n"
    assert empty_ws.aliases_csv.read_text("utf-8") == "entity,year,id,alias,user_name,created_at\n"
    assert json.loads(cli(empty_ws, "alias", "list", "--format", "json").stdout) == []
    assert cli(empty_ws, "ingest", near_miss, "--dry-run", "--user", "admin").returncode == 1
    assert audit_aliases(empty_ws) == [
        ("fgw", "added", "新建公共充电桩", "ev_chargers"),
        ("fgw", "removed", "新建公共充电桩", "ev_chargers"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "新建公共充电桩", "--target", "ev_chargers", "--user", "cgj"],
            "'新建公共充电桩' cannot name that target: only your own department's targets",
        ),
        (
            ["add", "充电桩", "--target", "ev_chargers", "--user", "fgw"],
            "'充电桩' already names the catalogue indicator '新建电动汽车公共充电桩'",
        ),
        (
            ["add", "新建公共充电桩", "--target", "no_such_target", "--user", "fgw"],
            "the catalogue has no target no_such_target (entity: 郑州市, year: )",
        ),
        (
            ["add", "新建公共充电桩", "--target", "ev_chargers", "--user", "guest"],
            "guest is viewer; uploading needs the uploader role",
        ),
        (
            ["remove", "新建充电桩", "--user", "fgw"],
            "'新建充电桩' is not a learned name (python -m dashboard alias list shows them)",
        ),
    ],
)
def test_a_refused_alias_says_why_and_changes_nothing(empty_ws, args, message):
    add_accounts(empty_ws)
    out = cli(empty_ws, "alias", *args)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert message in out.stderr
    assert not empty_ws.aliases_csv.exists()
    assert audit_aliases(empty_ws) == []


def test_only_the_targets_department_or_an_admin_removes_a_learned_name(empty_ws):
    add_accounts(empty_ws)
    assert cli(empty_ws, "alias", "add", "新建公共充电桩", "--target", "ev_chargers",
               "--user", "fgw").returncode == 0  # fmt: skip
    before = empty_ws.aliases_csv.read_text("utf-8")
    out = cli(empty_ws, "alias", "remove", "新建公共充电桩", "--user", "cgj")
    assert out.returncode == 1
    assert "'新建公共充电桩' names ev_chargers, which is not your department's target" in out.stderr
    assert empty_ws.aliases_csv.read_text("utf-8") == before
    out = cli(empty_ws, "alias", "remove", "新建公共充电桩", "--target", "ev_chargers",
              "--user", "admin")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert [a[:2] for a in audit_aliases(empty_ws)] == [("fgw", "added"), ("admin", "removed")]
