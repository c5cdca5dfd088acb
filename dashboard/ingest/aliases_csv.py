"""data/aliases.csv -> learned names: entity, year, id, alias, user_name, created_at.

Written by the upload page when someone maps an unrecognised name to a target once
('以后自动识别'); read back on every start so a rebuilt database knows the names too.
"""

import csv
import io

import pandas as pd

from dashboard.core.problems import CatalogueError, Problem

COLUMNS = ["entity", "year", "id", "alias", "user_name", "created_at"]


def parse_aliases(text: str, file: str = "aliases.csv") -> pd.DataFrame:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CatalogueError(
            [Problem(file, 1, c, "catalogue.missing_column", "hint.add_column") for c in missing]
        )
    rows, problems = [], []
    for row in reader:
        if not (row["year"] or "").strip().isdigit():
            problems.append(
                Problem(
                    file,
                    reader.line_num,
                    "year",
                    "catalogue.bad_year",
                    "hint.year_form",
                    {"text": row["year"]},
                )
            )
            continue
        rows.append({**{c: (row[c] or "").strip() for c in COLUMNS}, "year": int(row["year"])})
    if problems:
        raise CatalogueError(problems)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["created_at"] = pd.to_datetime(frame["created_at"], errors="coerce")
    return frame


def alias_line(entity: str, year: int, target_id: str, alias: str, user: str, at) -> str:
    """One CSV line to append (with the header when the file is new)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        [entity, year, target_id, alias, user, at.isoformat(timespec="seconds")]
    )
    return out.getvalue()


def rows_text(text: str, keep) -> str:
    """The file again with only the data rows whose position (0 = first after the
    header) `keep` accepts, every kept row as it was written."""
    rows = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if r]  # as DictReader
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0] if rows else COLUMNS)
    writer.writerows(r for k, r in enumerate(rows[1:]) if keep(k))
    return out.getvalue()


def header_line() -> str:
    return ",".join(COLUMNS) + "\n"
