"""Imports point one way: ui -> (charts, export, store, ingest, core); core -> nothing."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_core_is_pure():
    for path in modules("core"):
        ours = {m for m in imports(path) if m.startswith("dashboard")}
        assert all(m.startswith("dashboard.core") for m in ours), path
        assert not imports(path) & {
            "duckdb",
            "streamlit",
            "openpyxl",
            "altair",
            "os",
            "pathlib",
            "time",
        }, path


def test_only_ui_and_app_import_streamlit():
    for path in PACKAGE.rglob("*.py"):
        if path.name == "app.py" or "ui" in path.relative_to(PACKAGE).parts:
            continue
        assert "streamlit" not in imports(path), path


def test_ingest_and_store_do_not_reach_up():
    for folder, banned in (
        ("ingest", ("dashboard.store", "dashboard.ui", "dashboard.charts")),
        ("store", ("dashboard.ui", "dashboard.charts", "dashboard.export")),
    ):
        for path in modules(folder):
            assert not any(m.startswith(banned) for m in imports(path)), path


def test_pages_build_no_sql():
    for path in modules("ui"):
        text = path.read_text("utf-8")
        assert "SELECT" not in text and ".execute(" not in text, path
