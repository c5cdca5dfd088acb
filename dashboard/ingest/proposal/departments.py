"""Suggest the responsible department from a keyword table the office edits.

The table (`data/department_keywords.csv`: keyword, department) is read as plain CSV. The
longest keyword found in the target's name wins, then the longest found in its sentence; no
match leaves the department empty. A suggestion is always for a person to confirm.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from dashboard.core.problems import CatalogueError, Problem


@dataclass(frozen=True)
class KeywordTable:
    entries: tuple[tuple[str, str], ...]  # (keyword, department), longest keyword first

    def suggest(self, name: str, sentence: str = "") -> str:
        for text in (name, sentence):
            for keyword, department in self.entries:
                if keyword in text:
                    return department
        return ""


COLUMNS = ("keyword", "department")


def parse_keyword_table(text: str, file: str = "department_keywords.csv") -> KeywordTable:
    """CatalogueError naming each missing column if the header is not keyword,department."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise CatalogueError(
            [
                Problem(file, 1, c, "catalogue.missing_column", "hint.keyword_header")
                for c in missing
            ]
        )
    entries = {}
    for row in reader:
        keyword = (row.get("keyword") or "").strip()
        department = (row.get("department") or "").strip()
        if keyword and department:
            entries[keyword] = department
    ordered = sorted(entries.items(), key=lambda kv: len(kv[0]), reverse=True)
    return KeywordTable(tuple(ordered))


def load_keyword_table(path: Path) -> KeywordTable:
    return parse_keyword_table(path.read_text("utf-8-sig"), path.name)


EMPTY = KeywordTable(())
