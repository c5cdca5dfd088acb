"""Proposed targets -> rows in the columns of data/targets.csv, plus what a reviewer needs.

The extra columns are `confidence` (0..1), `span_start` / `span_end` (characters of the
source clause in the submitted text, for highlighting) and `notes` (what the rules guessed).
Ids are provisional (p001, p002, ...): the catalogue editor keeps an existing target's id
when a proposal is accepted as that target.
"""

import csv
import io
from decimal import Decimal

from dashboard.ingest.proposal.glossary import english_name
from dashboard.ingest.proposal.numerals import plain
from dashboard.ingest.proposal.records import Proposal, ProposedTarget

# The catalogue's columns, in its order (dashboard/ingest/catalogue.py; a test keeps them equal).
CATALOGUE_COLUMNS = (
    "id",
    "entity",
    "year",
    "section",
    "name_zh",
    "name_en",
    "kind",
    "comparator",
    "direction",
    "target_value",
    "target_low",
    "target_high",
    "unit",
    "frequency",
    "measure",
    "baseline_value",
    "baseline_unit",
    "baseline_growth_pct",
    "due_date",
    "department",
    "aliases",
    "tolerance_pp",
    "source_text",
)
REVIEW_COLUMNS = ("confidence", "span_start", "span_end", "notes")
COLUMNS = CATALOGUE_COLUMNS + REVIEW_COLUMNS
NO_SECTION = "其他"


def proposal_rows(proposal: Proposal, entity: str, year: int) -> list[dict[str, str]]:
    return [_row(t, i, entity, year) for i, t in enumerate(proposal.targets, start=1)]


def _row(target: ProposedTarget, number: int, entity: str, year: int) -> dict[str, str]:
    english = english_name(target.name_zh, target.kind)
    notes = list(target.notes)
    if not english:
        notes.append("name_en: copied from Chinese, translate")
    return {
        "id": f"p{number:03d}",
        "entity": entity,
        "year": str(year),
        "section": target.section or NO_SECTION,
        "name_zh": target.name_zh,
        "name_en": english or target.name_zh,
        "kind": target.kind,
        "comparator": target.comparator,
        "direction": target.direction,
        "target_value": _number(target.target_value),
        "target_low": _number(target.target_low),
        "target_high": _number(target.target_high),
        "unit": target.unit,
        "frequency": target.frequency,
        "measure": target.measure,
        "baseline_value": _number(target.baseline_value),
        "baseline_unit": target.baseline_unit,
        "baseline_growth_pct": _number(target.baseline_growth_pct),
        "due_date": target.due_date.isoformat() if target.due_date else "",
        "department": target.department,
        "aliases": "",
        "tolerance_pp": "",
        "source_text": target.source_text,
        "confidence": f"{target.confidence:.2f}",
        "span_start": str(target.span[0]),
        "span_end": str(target.span[1]),
        "notes": "; ".join(notes),
    }


def _number(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def rows_to_csv(rows: list[dict[str, str]]) -> str:
    """CSV text (write it with a BOM for Excel/WPS: encoding='utf-8-sig')."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
