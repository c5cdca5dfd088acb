"""One uploaded file -> a preview of exactly what would be stored, with every problem."""

import hashlib
from dataclasses import dataclass

import pandas as pd

from dashboard.core.problems import IngestError, Problem, errors
from dashboard.ingest.grid import read_grid
from dashboard.ingest.layout import find_layout, raw_figures
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.ingest.validate import Checker

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000


@dataclass
class ParsedUpload:
    file: str
    sha256: str
    encoding: str
    layout: str
    figures: pd.DataFrame
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def parse_upload(
    data: bytes, file: str, targets: pd.DataFrame | CatalogueIndex, today: tuple[int, int]
) -> ParsedUpload:
    """Raises IngestError when the file cannot be read at all; otherwise lists problems."""
    if len(data) > MAX_BYTES:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.too_big",
                    "hint.split_file",
                    {"size": len(data) / 2**20, "limit": MAX_BYTES / 2**20},
                )
            ]
        )
    index = targets if isinstance(targets, CatalogueIndex) else CatalogueIndex.build(targets)
    grid = read_grid(data, file)
    if len(grid) > MAX_ROWS:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.too_many_rows",
                    "hint.split_file",
                    {"rows": len(grid), "limit": MAX_ROWS},
                )
            ]
        )
    layout = find_layout(grid, file)
    checker = Checker(file, index, today, layout.title_year)
    figures, problems = checker.figures(raw_figures(grid, layout))
    if figures.empty and not errors(problems):
        problems.append(Problem(file, None, None, "file.no_figures", "hint.fill_a_value"))
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return ParsedUpload(
        file, hashlib.sha256(data).hexdigest(), grid.encoding, layout.kind, figures, problems
    )


def sequence_warnings(breaks: pd.DataFrame, file: str) -> list[Problem]:
    """Possible but unusual figures, as warnings to confirm, not errors: each row of
    `breaks` is a year-to-date value below the previous period's or a single month over
    ten times the previous month's (`prev`, `prev_end`), usually a typing or unit slip."""
    out = []
    for r in breaks.itertuples(index=False):
        out.append(
            Problem(
                file,
                int(r.source_row),
                r.source_column,
                "figure.ytd_below_previous" if r.basis == "ytd" else "figure.jump",
                "hint.confirm_figure",
                {
                    "id": r.id,
                    "month": int(r.period_end),
                    "value": r.value,
                    "prev": r.prev,
                    "prev_month": int(r.prev_end),
                },
                "warning",
            )
        )
    return out
