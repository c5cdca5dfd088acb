"""The declared progress row: every column read from a row exists, frames have its shape."""

import ast
from pathlib import Path

import pytest

import dashboard
from dashboard.core.progress_row import REPORT_COLUMNS, RESULT_COLUMNS
from dashboard.services import reporting, snapshots
from dashboard.services.database import open_store

PACKAGE = Path(dashboard.__file__).parent
ROW_TYPES = ("ProgressRow", "ReportRow")


def _row_reads(tree: ast.AST):
    """(function, column) for every r["column"], r.get("column") and r[in_lang("x", …)]
    where r is a parameter annotated as a progress row."""
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        rows = {
            a.arg
            for a in fn.args.args
            if isinstance(a.annotation, ast.Name) and a.annotation.id in ROW_TYPES
        }
        for node in ast.walk(fn):
            if isinstance(node, ast.Subscript) and _is(node.value, rows):
                yield from ((fn.name, c) for c in _columns(node.slice))
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and _is(node.func.value, rows)
            ):
                yield from ((fn.name, c) for c in _columns(node.args[0]))


def _is(node: ast.AST, names: set[str]) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def _columns(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "in_lang":
        base = node.args[0].value
        return [f"{base}_zh", f"{base}_en"]
    raise AssertionError(f"a row read by a computed name: {ast.unparse(node)}")


def test_every_column_read_from_a_row_is_declared():
    reads = []
    for path in PACKAGE.rglob("*.py"):
        reads += [(path.name, *r) for r in _row_reads(ast.parse(path.read_text("utf-8")))]
    assert len(reads) > 100  # the check reaches the code that reads rows
    assert [r for r in reads if r[2] not in REPORT_COLUMNS] == []


@pytest.mark.both_engines
def test_a_report_has_the_declared_columns(sample_ws):
    with open_store(sample_ws) as con:
        frame = reporting.progress(con, 2026, 10)
    assert list(frame.columns[: len(RESULT_COLUMNS)]) == RESULT_COLUMNS
    assert set(REPORT_COLUMNS) <= set(frame.columns)
    assert set(reporting.OUTPUT_FIELDS) <= set(REPORT_COLUMNS)
    assert set(snapshots.KEPT) <= set(REPORT_COLUMNS)
