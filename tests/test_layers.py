"""The tree is the architecture: each layer imports only the layers below it.

    core     <- ingest, store, export      (core imports nothing of ours)
    present  -> core                        (words, tables, charts; no Streamlit, no SQL)
    services -> store, ingest, export, present, core
    ui, cli  -> services, present, core     (pages and commands never touch the store)
Streamlit only in app.py, server.py (the web server) and ui/; SQL only in store/.
"""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dashboard"
LAYERS = ("core", "ingest", "store", "export", "present", "services", "ui")
ENTRY_POINTS = {"__init__.py", "__main__.py", "app.py", "cli.py", "server.py"}
MAY_IMPORT = {
    "core": {"core"},
    "ingest": {"ingest", "core"},
    "store": {"store", "core"},
    "export": {"export", "core"},
    "present": {"present", "core"},
    "services": {"services", "store", "ingest", "export", "present", "core"},
    "ui": {"ui", "services", "present", "core"},
    "cli.py": {"cli", "services", "present", "core"},
    "app.py": {"ui", "services", "present", "core"},
    "server.py": {"ui", "services", "core"},
    "__main__.py": {"cli"},
}
SQL = re.compile(
    r"\b(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TABLE|SEQUENCE|INDEX|VIEW|OR))\b",
    re.DOTALL,  # SQL here is written in capitals; prose is not
)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "dashboard":  # from dashboard import cli
                found.update(f"dashboard.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def ours(path: Path) -> set[str]:
    """The layers (or entry modules) of this package that `path` imports."""
    return {m.split(".")[1] for m in imports(path) if m.startswith("dashboard.")}


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_only_entry_points_and_layer_folders_at_the_top():
    top = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert top == ENTRY_POINTS | set(LAYERS)


@pytest.mark.parametrize("where", [*LAYERS, "cli.py", "app.py", "server.py", "__main__.py"])
def test_each_layer_imports_only_what_lies_below_it(where):
    paths = modules(where) if where in LAYERS else [PACKAGE / where]
    allowed = MAY_IMPORT[where]
    wrong = {p.relative_to(PACKAGE).as_posix(): ours(p) - allowed for p in paths}
    assert {p: w for p, w in wrong.items() if w} == {}


def test_core_is_pure():
    for path in modules("core"):
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
        if path.name in ("app.py", "server.py") or "ui" in path.relative_to(PACKAGE).parts:
            continue
        assert not {m for m in imports(path) if m.split(".")[0] == "streamlit"}, path


def test_present_touches_no_database():
    for path in modules("present"):
        assert "duckdb" not in imports(path), path


def _strings(path: Path):
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def test_sql_only_in_the_store():
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts:
            continue
        text = path.read_text("utf-8")
        assert ".execute(" not in text, path
        assert not [s for s in _strings(path) if SQL.search(s)], path


def test_the_sql_check_sees_sql():
    assert SQL.search("SELECT count(*) FROM uploads")
    assert SQL.search("INSERT INTO audit (a) VALUES (?)")
    assert SQL.search("CREATE TABLE IF NOT EXISTS t (a INT)")
    assert not SQL.search("Select the month from the list")
    assert not SQL.search("update the figures")
