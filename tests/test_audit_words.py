"""Every action, outcome and detail the code writes to the audit log has words in both
languages: the admin page never shows a raw code such as `samples` or `set_aside`."""

import ast
import json
from pathlib import Path

import pandas as pd

from dashboard.core.messages import TABLE
from dashboard.present.admin_tables import audit_table
from tests.conftest import ROOT

WRITERS = {"audit", "record", "_audit", "account_change"}
NOT_DETAIL = {"at"}


def _written() -> tuple[set[str], set[str], set[str]]:
    """(actions, outcomes, detail keys) of every audit call in the package's source."""
    actions, outcomes, keys = set(), set(), set()
    for path in Path(ROOT / "dashboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in WRITERS or (
                name == "record" and getattr(node.func.value, "id", None) != "audit_log"
            ):
                continue
            *_, before, last = [None, None, *node.args]
            for arg, found in ((before, actions), (last, outcomes)):
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
            keys |= {k.arg for k in node.keywords if k.arg and k.arg not in NOT_DETAIL}
    # account changes choose their action in a variable
    # and a report deadline its outcome (services/deadlines.py)
    return actions | {"user_disable", "user_enable"}, outcomes | {"set", "default"}, keys


def test_every_written_code_has_words():
    actions, outcomes, keys = _written()
    assert {"samples", "backup", "restore", "login"} <= actions  # the scan finds calls
    assert {"set_aside", "loaded", "written"} <= outcomes and {"migrated", "why"} <= keys
    missing = (
        [a for a in actions if f"audit.action.{a}" not in TABLE]
        + [o for o in outcomes if f"audit.outcome.{o}" not in TABLE]
        + [k for k in keys if f"audit.detail.{k}" not in TABLE]
    )
    assert missing == []


def test_the_first_rows_an_admin_sees_are_words():
    log = pd.DataFrame(
        {
            "seq": [2, 1],
            "logged_at": pd.to_datetime(["2026-11-26 09:00:01", "2026-11-26 09:00:00"]),
            "user_name": ["sample-data", "system"],
            "action": ["samples", "database"],
            "outcome": ["loaded", "set_aside"],
            "detail": [
                json.dumps({"files": 7, "refused": 0, "migrated": True}),
                json.dumps({"file": "dashboard.duckdb.damaged-1", "why": "damaged"}),
            ],
        }
    )
    zh = audit_table(log, "zh").iloc[:, 3:].values.tolist()
    assert zh == [
        ["载入示例数据", "已载入", "文件 7；0 个文件未通过；由旧版数据库迁移：是"],
        ["数据库文件", "已另存一旁", "文件 dashboard.duckdb.damaged-1；原因 damaged"],
    ]
    en = audit_table(log, "en").iloc[:, 3:].values.tolist()
    assert en[0] == [
        "load sample data",
        "loaded",
        "files 7; 0 files refused; from an older database: yes",
    ]
