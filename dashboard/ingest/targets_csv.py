"""targets.csv -> validated catalogue rows, or a CatalogueError listing every problem."""

import csv
import io
import re
from datetime import date

import pandas as pd

from dashboard.core.amounts import compared
from dashboard.core.messages import Names
from dashboard.core.problems import CatalogueError, Problem
from dashboard.core.units import is_known_unit
from dashboard.core.vocab import (
    ASSESSMENTS,
    CATALOGUE_COLUMNS,
    COMPARATORS,
    DEFAULT_LAG,
    DIRECTIONS,
    FAMILY_ASSESSMENTS,
    FREQUENCIES,
    KINDS,
    MEASURES,
    NATURES,
    SOURCE_DOCS,
    TARGET_COLUMNS,
    TARGET_EXTRA_COLUMNS,
    default_assessment,
    family_of,
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
    "assessment": ASSESSMENTS,
    "nature": NATURES,
    "source_doc": SOURCE_DOCS,
}
# What a catalogue written before issue 15 is read as (the column is absent from the file).
EXTRA_DEFAULTS = {
    "source_doc": "work_report",
    "nature": "expected",
    "supporting_departments": "",
    "assessment": "",
    "assessment_reason": "",
    "assessment_date": "",
    "publication_lag": "",
    "done_words": "",
}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
UNITLESS = ("milestone", "qualitative")


def parse_catalogue(text: str, file: str = "targets.csv") -> pd.DataFrame:
    """Parse and validate; every problem is collected before anything is refused."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in TARGET_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError(
            [Problem(file, 1, c, "catalogue.missing_column", "hint.add_column") for c in missing]
        )
    rows, problems, seen = [], [], {}
    given = set(reader.fieldnames or [])
    for row in reader:
        line = reader.line_num
        record, found = _check_row(row, line, file, given)
        problems += found
        key = (record["entity"], record["year"], record["id"])
        if key in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    "id",
                    "catalogue.duplicate_id",
                    "hint.id_used",
                    {"id": record["id"], "line": seen[key]},
                )
            )
        seen.setdefault(key, line)
        rows.append(record)
    if problems:
        raise CatalogueError(problems)
    return pd.DataFrame(rows, columns=CATALOGUE_COLUMNS)


def _check_row(row: dict, line: int, file: str, given: set) -> tuple[dict, list[Problem]]:
    rec = {c: (row.get(c) or "").strip() for c in CATALOGUE_COLUMNS}
    for col in TARGET_EXTRA_COLUMNS:
        if col not in given:
            rec[col] = EXTRA_DEFAULTS[col]
    problems = []

    def bad(where: str, key: str, hint_key: str = "", **params) -> None:
        problems.append(Problem(file, line, where, key, hint_key, params))

    for col in REQUIRED_TEXT:
        if not rec[col]:
            bad(col, "catalogue.empty_cell", "hint.fill_column")
    if rec["id"] and not ID_PATTERN.match(rec["id"]):
        bad("id", "catalogue.bad_id", "hint.id_letters", id=rec["id"])
    for col, allowed in CHOICES.items():
        if rec[col] and rec[col] not in allowed:
            bad(
                col,
                "catalogue.unknown_choice",
                "hint.one_of",
                column=col,
                value=rec[col],
                allowed=Names(tuple(allowed)),
            )
    rec["year"] = _to_int(rec["year"], bad)
    for col in NUMBER_COLUMNS:
        rec[col] = _to_float(rec[col], col, bad)
    rec["due_date"] = _to_date(rec["due_date"], rec["year"], rec["comparator"], bad)
    # when a year_end or items target is judged (heating before 15 November): not in the
    # report, so not its due date
    rec["assessment_date"] = _to_date(
        rec["assessment_date"], rec["year"], "", bad, "assessment_date"
    )
    _check_numbers(rec, bad)
    _check_units(rec, bad)
    _check_assessment(rec, given, bad)
    rec["publication_lag"] = _to_lag(rec["publication_lag"], bad)
    return rec, problems


def _check_assessment(rec: dict, given: set, bad) -> None:
    """How a row is judged: as the file says, or its family's default (a file without the
    column, an empty cell); it must fit the kind of target (a growth rate has no time
    share)."""
    if rec["comparator"] not in COMPARATORS or rec["measure"] not in MEASURES:
        return
    family = family_of(rec["comparator"], rec["measure"])
    if "assessment" not in given:
        rec["assessment"] = default_assessment(rec["comparator"], rec["measure"])
        return
    if not rec["assessment"]:  # a proposal or an older row: judged by its family's default
        rec["assessment"] = default_assessment(rec["comparator"], rec["measure"])
    elif rec["assessment"] in ASSESSMENTS and rec["assessment"] not in FAMILY_ASSESSMENTS[family]:
        bad(
            "assessment",
            "catalogue.assessment_misfit",
            "hint.one_of",
            assessment=rec["assessment"],
            family=family,
            allowed=Names(tuple(FAMILY_ASSESSMENTS[family])),
        )


def _to_lag(text: str, bad) -> int:
    if not text:
        return DEFAULT_LAG
    if text.isdigit() and int(text) <= 12:
        return int(text)
    bad("publication_lag", "catalogue.bad_lag", "hint.lag_form", text=text)
    return DEFAULT_LAG


def _to_int(text: str, bad):
    try:
        return int(text)
    except ValueError:
        if text:
            bad("year", "catalogue.bad_year", "hint.year_form", text=text)
        return None


def _to_float(text: str, col: str, bad):
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        bad(col, "catalogue.not_number", "hint.plain_digits", text=text)
        return None


def _to_date(text: str, year, comparator: str, bad, column: str = "due_date"):
    if not text:
        # "年底" or no date in the report means the end of the target year.
        return date(year, 12, 31) if comparator == "milestone" and year else None
    try:
        return date.fromisoformat(text)
    except ValueError:
        bad(column, "catalogue.bad_date", "hint.date_form", text=text)
        return None


def _check_numbers(rec: dict, bad) -> None:
    comparator = rec["comparator"]
    if comparator == "range":
        low, high = rec["target_low"], rec["target_high"]
        if low is None or high is None:
            bad("target_low", "catalogue.range_incomplete", "hint.range_example")
        elif low > high:
            pair = compared({"low": low, "high": high}, rec.get("unit") or "", rec.get("id"))
            bad("target_low", "catalogue.range_reversed", "hint.swap", **pair)
    elif comparator not in UNITLESS and comparator in COMPARATORS and rec["target_value"] is None:
        bad(
            "target_value", "catalogue.needs_number", "hint.copy_from_report", comparator=comparator
        )


def _check_units(rec: dict, bad) -> None:
    if rec["comparator"] in UNITLESS:
        return
    if not rec["unit"]:
        bad("unit", "catalogue.empty_unit", "hint.unit_as_report")
    elif not is_known_unit(rec["unit"]):
        bad("unit", "unit.unknown", "hint.unit_examples", unit=rec["unit"])
    if rec["baseline_unit"] and not is_known_unit(rec["baseline_unit"]):
        bad("baseline_unit", "unit.unknown", "hint.baseline_unit", unit=rec["baseline_unit"])
