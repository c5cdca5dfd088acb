"""Recall and precision of the proposal engine against hand-labelled targets.

    python bench/proposal_accuracy.py [--reports DIR] [--labels FILE ...] [--only NAME ...]
                                      [--skip NAME ...] [--undated-milestones] [--misses]

Per report and per field (value, unit, comparator, due date):
recall = labelled targets whose matched proposal has the field right / labelled targets;
precision = proposals matched to a label with the field right / proposals.
A label and a proposal match when the proposal's clause lies in the label's clause (or the
catalogue's sentence) and their names are alike; each is used once, best pairs first.

Labels: data/targets.csv (Zhengzhou 2026: rows with a number, and milestones whose date the
text gives; all milestones with --undated-milestones), labels-examples.csv (Henan, Wuhan) in
the reports folder, and bench/labels/*.csv (our own: Shijiazhuang labelled before any tuning,
Hefei and Xi'an after reading the proposals; each needs its text in the reports folder).
Only targets with a value or a due date count: qualitative rows are not proposals.
"""

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.ingest.proposal import propose  # noqa: E402
from dashboard.ingest.proposal.names import containment, similarity  # noqa: E402
from dashboard.ingest.proposal.text import clean  # noqa: E402

REPORTS = Path("/work/shared/reference/reports")
OWN_LABELS = ROOT / "bench" / "labels"
ZHENGZHOU_2026 = ROOT / "tests" / "data" / "reports" / "zhengzhou_2026.md"
FIELDS = ("value", "unit", "comparator", "due")


@dataclass(frozen=True)
class Row:
    name: str
    value: Decimal | None
    high: Decimal | None
    unit: str
    comparator: str
    due: date | None
    clause: str
    span: tuple[int, int] | None = None


def main(argv=None) -> int:
    args = _arguments(argv)
    cases = [c for c in _cases(args) if _wanted(c[0], args)]
    totals = {f: [0, 0, 0, 0] for f in FIELDS}  # recall hits, labels, precision hits, proposals
    print(
        f"{'report':22} {'labels':>6} {'props':>6} {'match':>6} {'ms':>5}  "
        + "  ".join(f"{f + ' R/P':>15}" for f in FIELDS)
    )
    for name, text, year, labels in cases:
        started = time.perf_counter()
        proposals = _proposals(text, year, args.undated_milestones)
        took = (time.perf_counter() - started) * 1000
        pairs = _match(labels, proposals, text)
        line = f"{name:22} {len(labels):>6} {len(proposals):>6} {len(pairs):>6} {took:>5.0f}  "
        cells = []
        for field in FIELDS:
            hits = sum(1 for label, prop in pairs if _same(field, label, prop, year))
            totals[field][0] += hits
            totals[field][1] += len(labels)
            totals[field][2] += hits
            totals[field][3] += len(proposals)
            cells.append(f"{_pct(hits, len(labels)):>7}/{_pct(hits, len(proposals)):<7}")
        print(line + "  ".join(cells))
        if args.misses:
            _print_misses(labels, proposals, pairs, year)
    cells = [f"{_pct(t[0], t[1]):>7}/{_pct(t[2], t[3]):<7}" for t in totals.values()]
    print(f"{'all labelled':22} {'':>6} {'':>6} {'':>6} {'':>5}  " + "  ".join(cells))
    return 0


def _arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reports", type=Path, default=REPORTS)
    p.add_argument("--only", nargs="*", default=[])
    p.add_argument("--skip", nargs="*", default=[])
    p.add_argument("--labels", nargs="*", type=Path, default=[], help="more label files")
    p.add_argument("--undated-milestones", action="store_true")
    p.add_argument("--misses", action="store_true", help="print unmatched and wrong rows")
    return p.parse_args(argv)


def _wanted(name, args) -> bool:
    return (not args.only or name in args.only) and name not in args.skip


def _cases(args):
    catalogue = list(csv.DictReader((ROOT / "data" / "targets.csv").open(encoding="utf-8")))
    yield (
        "zhengzhou_2026 (catalogue)",
        ZHENGZHOU_2026.read_text("utf-8"),
        2026,
        _catalogue_rows(catalogue, args.undated_milestones),
    )
    label_files = [
        args.reports / "labels-examples.csv",
        *sorted(OWN_LABELS.glob("*.csv")),
        *args.labels,
    ]
    labelled = {}
    for path in label_files:
        if path.exists():
            for row in csv.DictReader(path.open(encoding="utf-8")):
                labelled.setdefault(row["report"], []).append(row)
    for report, rows in labelled.items():
        path = args.reports / f"{report}.md"
        if not path.exists():  # labelled, but its text is kept outside the repository
            print(f"skipped {report}: no {path}", file=sys.stderr)
            continue
        year = int(report.rsplit("_", 1)[1])
        yield report, path.read_text("utf-8"), year, _label_rows(rows)


def _catalogue_rows(rows, undated: bool) -> list[Row]:
    found = []
    for r in rows:
        value = r["target_value"] or r["target_low"]
        due = date.fromisoformat(r["due_date"]) if r["due_date"] else None
        dated = due is not None and (due.month, due.day) != (12, 31)
        if not value and not (r["kind"] == "milestone" and (dated or undated)):
            continue
        found.append(
            Row(
                r["name_zh"],
                _number(value),
                _number(r["target_high"]),
                r["unit"],
                r["comparator"],
                due,
                r["source_text"],
            )
        )
    return found


def _label_rows(rows) -> list[Row]:
    found = []
    for r in rows:
        if not r["value"] and not r["due"]:
            continue
        comparator = r["comparator"] or ("milestone" if r["kind"] == "milestone" else "")
        due = date.fromisoformat(r["due"]) if r["due"] else None
        found.append(
            Row(
                r["name_zh"],
                _number(r["value"]),
                _number(r["value_high"]),
                r["unit"],
                comparator,
                due,
                r["sentence"],
            )
        )
    return found


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _proposals(text: str, year: int, undated: bool) -> list[Row]:
    proposal = propose(text, year, undated_milestones=undated)
    return [
        Row(
            t.name_zh,
            t.target_value if t.target_value is not None else t.target_low,
            t.target_high,
            t.unit,
            t.comparator,
            t.due_date,
            t.source_text,
            t.span,
        )
        for t in proposal.targets
    ]


def _match(labels: list[Row], proposals: list[Row], text: str) -> list[tuple[Row, Row]]:
    cleaned = clean(text)
    scored = []
    for i, label in enumerate(labels):
        spans = _occurrences(cleaned, label.clause)
        for j, prop in enumerate(proposals):
            if spans and not any(_overlap(s, prop.span) for s in spans):
                continue
            score = _pair_score(label, prop)
            if score is not None:
                scored.append((score, i, j))
    used_labels, used_props, pairs = set(), set(), []
    for _score, i, j in sorted(scored, reverse=True):
        if i not in used_labels and j not in used_props:
            used_labels.add(i)
            used_props.add(j)
            pairs.append((labels[i], proposals[j]))
    return pairs


def _pair_score(label: Row, prop: Row) -> float | None:
    name = max(similarity(label.name, prop.name), 0.9 * containment(label.name, prop.name))
    same_value = label.value is not None and label.value == prop.value
    if name < 0.3 and not same_value:
        return None
    return name + (1.0 if same_value else 0) + (0.3 if label.unit == prop.unit else 0)


def _occurrences(cleaned, clause: str) -> list[tuple[int, int]]:
    needle = clean(clause).text.strip()
    found, start = [], cleaned.text.find(needle)
    while needle and start >= 0:
        found.append(cleaned.span(start, start + len(needle)))
        start = cleaned.text.find(needle, start + 1)
    return found


def _overlap(a, b) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _same(field: str, label: Row, prop: Row, year: int) -> bool:
    if field == "value":
        return label.value == prop.value and label.high == prop.high
    if field == "unit":
        return label.unit == prop.unit
    if field == "comparator":
        return label.comparator == prop.comparator
    return _effective_due(label, year) == _effective_due(prop, year)


def _effective_due(row: Row, year: int) -> date | None:
    """An annual target with no date is due at the end of its year."""
    if row.due is not None:
        return row.due
    return date(year, 12, 31) if row.value is not None or row.comparator == "milestone" else None


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def _print_misses(labels, proposals, pairs, year) -> None:
    matched_labels = {id(label) for label, _ in pairs}
    matched_props = {id(prop) for _, prop in pairs}
    for label in labels:
        if id(label) not in matched_labels:
            print(f"    MISSED   {_show(label)}")
    for prop in proposals:
        if id(prop) not in matched_props:
            print(f"    EXTRA    {_show(prop)}")
    for label, prop in pairs:
        wrong = [f for f in FIELDS if not _same(f, label, prop, year)]
        if wrong:
            print(f"    WRONG {','.join(wrong)}: {_show(label)}\n{'':>10}got {_show(prop)}")


def _show(row: Row) -> str:
    value = f"{row.value}" + (f"-{row.high}" if row.high is not None else "")
    return f"{row.name} | {value} {row.unit} {row.comparator} {row.due or ''} | {row.clause[:60]}"


if __name__ == "__main__":
    raise SystemExit(main())
