"""A report's text -> proposed catalogue rows, for the `propose` command and the 目标目录 page.

The rules (dashboard/ingest/proposal) read the text; this use case adds the office's keyword
table for department suggestions and shapes the result as rows in the catalogue's columns.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.ingest.proposal import Proposal, propose
from dashboard.ingest.proposal.departments import (
    EMPTY,
    KeywordTable,
    load_keyword_table,
    parse_keyword_table,
)
from dashboard.ingest.proposal.documents import read_report
from dashboard.ingest.proposal.rows import COLUMNS, proposal_rows, rows_to_csv
from dashboard.services import audit_log
from dashboard.services.workspace import Workspace

# Below this a proposal is listed as "to check" (the figure orders the review).
CHECK_BELOW = 0.7


@dataclass(frozen=True)
class Proposed:
    text: str  # the report text the spans refer to
    proposal: Proposal
    rows: pd.DataFrame  # catalogue columns + confidence, span_start, span_end, notes

    @property
    def to_check(self) -> int:
        return int((self.rows["confidence"].astype(float) < CHECK_BELOW).sum())

    def csv(self) -> str:
        return rows_to_csv(self.rows.to_dict("records"))


def keyword_table(ws: Workspace, path: Path | None = None) -> KeywordTable:
    """The office's keyword table (data/department_keywords.csv), or none."""
    path = path or ws.keywords_csv
    return load_keyword_table(path) if path.exists() else EMPTY


def propose_text(
    text: str,
    year: int,
    entity: str,
    keywords: KeywordTable = EMPTY,
    undated_milestones: bool = False,
    lang: str = "en",
) -> Proposed:
    proposal = propose(text, year, keywords, undated_milestones)
    rows = pd.DataFrame(proposal_rows(proposal, entity, year, lang), columns=list(COLUMNS))
    return Proposed(text, proposal, rows.astype(str))


def propose_file(data: bytes, filename: str, year: int, entity: str, **options) -> Proposed:
    """IngestError (with the file's problem and a hint) when the file cannot be read."""
    return propose_text(read_report(data, filename), year, entity, **options)


def keywords_frame(ws: Workspace) -> pd.DataFrame:
    """The keyword table as rows to edit (keyword, department)."""
    columns = ["keyword", "department"]
    if not ws.keywords_csv.exists():
        return pd.DataFrame(columns=columns, dtype=str)
    return pd.read_csv(ws.keywords_csv, dtype=str, keep_default_na=False)[columns]


def save_keywords(con, ws: Workspace, frame: pd.DataFrame, user: str) -> int:
    """Write the edited keyword table (rows without keyword or department dropped) and
    record it; the number of keywords kept."""
    clean = frame.fillna("").astype(str).apply(lambda c: c.str.strip())
    clean = clean[(clean["keyword"] != "") & (clean["department"] != "")]
    clean = clean.drop_duplicates("keyword", keep="last")
    text = clean.to_csv(index=False, lineterminator="\n")
    parse_keyword_table(text, ws.keywords_csv.name)  # the same check as reading it
    partial = ws.keywords_csv.with_name(ws.keywords_csv.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, ws.keywords_csv)
    audit_log.record(ws, con, user, "department_keywords", "saved", keywords=len(clean))
    return len(clean)
