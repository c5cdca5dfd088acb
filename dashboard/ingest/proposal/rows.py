"""Proposed targets -> rows in the columns of data/targets.csv, plus what a reviewer needs.

The extra columns are `confidence` (0..1), `span_start` / `span_end` (characters of the
source clause in the submitted text, for highlighting) and `notes` (what the rules guessed).
Ids are provisional (p001, p002, ...): the catalogue editor keeps an existing target's id
when a proposal is accepted as that target.
"""

import csv
import io
from decimal import Decimal

from dashboard.core.messages import Msg, text
from dashboard.core.vocab import TARGET_COLUMNS
from dashboard.ingest.proposal.glossary import english_name
from dashboard.ingest.proposal.numerals import plain
from dashboard.ingest.proposal.records import Proposal, ProposedTarget

CATALOGUE_COLUMNS = tuple(TARGET_COLUMNS)
REVIEW_COLUMNS = ("confidence", "span_start", "span_end", "notes")
COLUMNS = CATALOGUE_COLUMNS + REVIEW_COLUMNS
NO_SECTION = "其他"


def proposal_rows(
    proposal: Proposal, entity: str, year: int, lang: str = "en"
) -> list[dict[str, str]]:
    """One row per proposed target; notes worded in `lang`."""
    return [_row(t, i, entity, year, lang) for i, t in enumerate(proposal.targets, start=1)]


def _row(target: ProposedTarget, number: int, entity: str, year: int, lang: str) -> dict:
    english = english_name(target.name_zh, target.kind)
    notes = list(target.notes)
    if not english:
        notes.append(Msg.of("proposal.note.translate"))
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
        "notes": "; ".join(text(n.key, lang, **dict(n.params)) for n in notes),
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
