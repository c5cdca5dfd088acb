"""targets.csv -> validated catalogue rows, or a CatalogueError listing every problem."""

import csv
import io
import re
from datetime import date

import pandas as pd

from dashboard.core.problems import CatalogueError, Problem
from dashboard.core.units import is_known_unit
from dashboard.core.vocab import (
    COMPARATORS,
    DIRECTIONS,
    FREQUENCIES,
    KINDS,
    MEASURES,
    TARGET_COLUMNS,
)

REQUIRED_TEXT = (
    "id",
    "entity",
    "year",
    "section",
    "name_zh",
    "name_en",
    "kind",
    "comparator",
    "direction",
    "frequency",
    "measure",
    "department",
    "source_text",
)
NUMBER_COLUMNS = (
    "target_value",
    "target_low",
    "target_high",
    "baseline_value",
    "baseline_growth_pct",
    "tolerance_pp",
)
CHOICES = {
    "kind": KINDS,
    "comparator": COMPARATORS,
    "direction": DIRECTIONS,
    "frequency": FREQUENCIES,
    "measure": MEASURES,
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
UNITLESS = ("milestone", "qualitative")


def parse_catalogue(text: str, file: str = "targets.csv") -> pd.DataFrame:
    """Parse and validate; every problem is collected before anything is refused."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in TARGET_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError(
            [Problem(file, 1, c, "missing column", "add it to the header row") for c in missing]
        )
    rows, problems, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        record, found = _check_row(row, line, file)
        problems += found
        key = (record["entity"], record["year"], record["id"])
        if key in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    "id",
                    f"duplicate id {record['id']!r}",
                    f"already used on line {seen[key]} for the same entity/year",
                )
            )
        seen.setdefault(key, line)
        rows.append(record)
    if problems:
        raise CatalogueError(problems)
    return pd.DataFrame(rows, columns=TARGET_COLUMNS)


def _check_row(row: dict, line: int, file: str) -> tuple[dict, list[Problem]]:
    rec = {c: (row.get(c) or "").strip() for c in TARGET_COLUMNS}
    problems = []

    def bad(column: str, message: str, hint: str = "") -> None:
        problems.append(Problem(file, line, column, message, hint))

    for col in REQUIRED_TEXT:
        if not rec[col]:
            bad(col, "empty", "every row needs this column filled")
    if rec["id"] and not ID_PATTERN.match(rec["id"]):
        bad("id", f"id {rec['id']!r} is not lower-case ASCII", "use letters, digits and _")
    for col, allowed in CHOICES.items():
        if rec[col] and rec[col] not in allowed:
            bad(col, f"unknown {col} {rec[col]!r}", "one of: " + ", ".join(allowed))
    rec["year"] = _to_int(rec["year"], bad)
    for col in NUMBER_COLUMNS:
        rec[col] = _to_float(rec[col], col, bad)
    rec["due_date"] = _to_date(rec["due_date"], rec["year"], rec["comparator"], bad)
    _check_numbers(rec, bad)
    _check_units(rec, bad)
    return rec, problems


def _to_int(text: str, bad):
    try:
        return int(text)
    except ValueError:
        if text:
            bad("year", f"year {text!r} is not a whole number", "write it as 2026")
        return None


def _to_float(text: str, col: str, bad):
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        bad(col, f"{text!r} is not a number", "write plain digits, e.g. 110 or 5.5")
        return None


def _to_date(text: str, year, comparator: str, bad):
    if not text:
        # "年底" or no date in the report means the end of the target year.
        return date(year, 12, 31) if comparator == "milestone" and year else None
    try:
        return date.fromisoformat(text)
    except ValueError:
        bad("due_date", f"bad date {text!r}", "write it as YYYY-MM-DD, e.g. 2026-10-31")
        return None


def _check_numbers(rec: dict, bad) -> None:
    comparator = rec["comparator"]
    if comparator == "range":
        low, high = rec["target_low"], rec["target_high"]
        if low is None or high is None:
            bad("target_low", "a range needs target_low and target_high", "e.g. 5 and 8")
        elif low > high:
            bad("target_low", f"range low {low:g} is above high {high:g}", "swap the two")
    elif comparator not in UNITLESS and comparator in COMPARATORS and rec["target_value"] is None:
        bad("target_value", f"a {comparator} target needs a number", "copy it from the report")


def _check_units(rec: dict, bad) -> None:
    if rec["comparator"] in UNITLESS:
        return
    if not rec["unit"]:
        bad("unit", "empty unit", "write the unit as the report states it, e.g. 万吨 or %")
    elif not is_known_unit(rec["unit"]):
        bad("unit", f"unknown unit {rec['unit']!r}", "use a unit such as 亿元, 万吨, 个, %")
    if rec["baseline_unit"] and not is_known_unit(rec["baseline_unit"]):
        bad("baseline_unit", f"unknown unit {rec['baseline_unit']!r}", "e.g. 万亿元")
