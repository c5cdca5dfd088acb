"""Statistics-bureau tables go in as published (issue 14).

Each file in tests/data/bureau_tables/ has a hand-written `<file>.expected.json` beside it
(see the README there): the figures stored with their value, unit, period and companion,
the reference figures of earlier years, every skipped row with its reason, every error.
The real portal export in shared/reference/real-tables/ is checked when that folder exists.
"""

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard.ingest.parse import parse_upload

DATA = Path(__file__).parent / "data" / "bureau_tables"
REPO = Path(__file__).resolve().parents[1]
REAL = [base / "shared" / "reference" / "real-tables" for base in (REPO.parent, REPO.parent.parent)]
REASONS = {
    "not_catalogue": "skip.not_catalogue",
    "other_entity": "skip.other_entity",
    "single_month": "skip.single_month",
    "no_figure": "skip.no_figure",
    "rate_not_amount": "skip.rate_not_amount",
    "amount_not_rate": "skip.amount_not_rate",
    "estimate": "skip.estimate",
}
EXPECTED = sorted(p for p in DATA.glob("B*.expected.json"))


def _real_dir() -> Path | None:
    for folder in REAL:
        if folder.is_dir():
            return folder
    return None


def _parse(path: Path, catalogue: pd.DataFrame, spec: dict):
    return parse_upload(path.read_bytes(), path.name, catalogue, tuple(spec["today"]))


def _figures(frame: pd.DataFrame, year: int | None, earlier: bool) -> list[dict]:
    rows = frame[frame["year"] < year] if earlier else frame[frame["year"] >= year]
    out = []
    for f in rows.itertuples(index=False):
        fig = {
            "row": int(f.source_row),
            "column": f.source_column,
            "id": f.id,
            "entity": f.entity,
            "year": int(f.year),
            "period_start": int(f.period_start),
            "period_end": int(f.period_end),
            "basis": f.basis,
            "value": round(float(f.value), 6),
        }
        if not pd.isna(f.companion_value):
            fig["companion"] = {
                "column": f.companion_column,
                "value": round(float(f.companion_value), 6),
                "unit": f.companion_unit,
            }
            if int(f.companion_row) != int(f.source_row):
                fig["companion"]["row"] = int(f.companion_row)
        out.append(fig)
    return sorted(out, key=lambda d: (d["row"], d["column"]))


def _expected_figures(items: list[dict]) -> list[dict]:
    out = []
    for f in items:
        f = {k: v for k, v in f.items() if k != "unit"}
        f["value"] = round(float(f["value"]), 6)
        if "companion" in f:
            f["companion"] = {**f["companion"], "value": round(float(f["companion"]["value"]), 6)}
        out.append(f)
    return sorted(out, key=lambda d: (d["row"], d["column"]))


def _check(parsed, spec: dict, catalogue_year: int = 2026) -> None:
    name = spec["file"]
    assert parsed.ok == (spec["outcome"] == "accepted"), (name, [p.line() for p in parsed.problems])
    rows = {r.row: r.outcome for r in parsed.rows}
    assert len(parsed.rows) == spec["data_rows"], name
    assert sum(o in ("stored", "skipped", "error") for o in rows.values()) == spec["data_rows"]
    word = {"stored": "stored", "skipped": "skipped", "errors": "error"}
    expected_rows = {
        r: word[outcome] for outcome, listed in spec["row_outcomes"].items() for r in listed
    }
    assert rows == expected_rows, name
    skipped = {s.row: s.key for s in parsed.skipped}
    assert skipped == {s["row"]: REASONS[s["reason"]] for s in spec["skipped"]}, name
    labels = {s.row: s.label for s in parsed.skipped}
    assert labels == {s["row"]: s["label"] for s in spec["skipped"]}, name
    errors = {(p.row, p.column) for p in parsed.problems if p.severity == "error" and p.row}
    assert errors == {(e["row"], e["column"]) for e in spec.get("errors", [])}, name
    for e in spec.get("errors", []):
        problem = next(p for p in parsed.problems if p.row == e["row"])
        assert list(problem.params["names"].names) == e["suggest"], name
    if spec["outcome"] == "accepted":
        assert _figures(parsed.figures, catalogue_year, False) == _expected_figures(spec["stored"])
        assert _figures(parsed.figures, catalogue_year, True) == _expected_figures(
            spec.get("reference", [])
        )
    else:
        ready = spec.get("ready_if_fixed", [])
        assert _figures(parsed.figures, catalogue_year, False) == _expected_figures(ready), name
    warned = {p.column for p in parsed.problems if p.severity == "warning"}
    for w in spec.get("warnings", []):
        if w["reason"] == "estimate":
            assert w["column"] in warned, name


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split("_")[0])
def test_bureau_table(expected: Path, catalogue):
    spec = json.loads(expected.read_text(encoding="utf-8"))
    if "after" in spec:
        pytest.skip("a revision: checked against the stored figure in test_bureau_upload")
    path = DATA / spec["file"]
    _check(_parse(path, catalogue, spec), spec)


@pytest.mark.parametrize(
    "expected", sorted(DATA.glob("R*.expected.json")), ids=lambda p: p.name.split("_")[0]
)
def test_real_portal_export_stores_nothing_and_says_why(expected: Path, catalogue):
    folder = _real_dir()
    if folder is None:
        pytest.skip("shared/reference/real-tables is not on this machine")
    spec = json.loads(expected.read_text(encoding="utf-8"))
    parsed = _parse(folder / spec["file"], catalogue, spec)
    _check(parsed, spec)
    headline = [p for p in parsed.problems if p.row is None and p.severity == "error"]
    assert [p.key for p in headline] == ["file.no_catalogue_figure"]
    assert "no catalogue figure" in headline[0].message
    assert "非目录指标" in parsed.skipped[0].reason_in("zh")
