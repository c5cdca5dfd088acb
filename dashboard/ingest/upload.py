"""One uploaded file -> a preview of exactly what would be stored, with every problem."""

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.ingest.grid import read_grid
from dashboard.ingest.layout import find_layout, raw_figures
from dashboard.ingest.problems import IngestError, Problem, errors
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


def parse_upload(data: bytes, file: str, targets: pd.DataFrame | CatalogueIndex,
                 today: tuple[int, int]) -> ParsedUpload:
    """Raises IngestError when the file cannot be read at all; otherwise lists problems."""
    if len(data) > MAX_BYTES:
        raise IngestError([Problem(file, None, None,
                                   f"file is {len(data) / 2**20:.1f} MiB; the limit is "
                                   f"{MAX_BYTES / 2**20:.0f} MiB", "split it into smaller files")])
    index = targets if isinstance(targets, CatalogueIndex) else CatalogueIndex.build(targets)
    grid = read_grid(data, file)
    if len(grid.rows) > MAX_ROWS:
        raise IngestError([Problem(file, None, None, f"{len(grid.rows):,} rows; the limit is "
                                   f"{MAX_ROWS:,}", "split it into smaller files")])
    layout = find_layout(grid, file)
    checker = Checker(file, index, today, layout.title_year)
    figures, problems = checker.figures(raw_figures(grid, layout))
    if figures.empty and not errors(problems):
        problems.append(Problem(file, None, None, "no figures found in the file",
                                "fill in at least one value"))
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return ParsedUpload(file, hashlib.sha256(data).hexdigest(), grid.encoding, layout.kind,
                        figures, problems)


def suspicious(figures: pd.DataFrame, current: pd.DataFrame, targets: pd.DataFrame,
               file: str) -> list[Problem]:
    """Possible but unusual figures: warnings to confirm, not errors.

    A year-to-date value below the previous period's, or a single month ten times the
    previous month's, is usually a typing or unit slip.
    """
    key = ["entity", "year", "id", "basis"]
    flows = targets.loc[targets["measure"].isin(("ytd", "month")), ["entity", "year", "id"]]
    figures = figures.merge(flows, on=["entity", "year", "id"])
    current = current.merge(flows, on=["entity", "year", "id"])
    new = figures.assign(_new=True)
    old = current[current["basis"].isin(("ytd", "month"))][key + ["period_end", "value"]]
    both = pd.concat([old.assign(_new=False), new], ignore_index=True)
    both = both[both["basis"].isin(("ytd", "month"))]
    both = both.sort_values(key + ["period_end", "_new"]).drop_duplicates(
        key + ["period_end"], keep="last")
    prev = both.groupby(key, sort=False)["value"].shift(1)
    prev_end = both.groupby(key, sort=False)["period_end"].shift(1)
    flagged = both["_new"].fillna(False).astype(bool) & prev.notna()
    with np.errstate(divide="ignore", invalid="ignore"):
        down = flagged & (both["basis"] == "ytd") & (both["value"] < prev)
        jump = flagged & (both["basis"] == "month") & (prev > 0) & (both["value"] > 10 * prev)
    out = []
    for i in both.index[down | jump]:
        r = both.loc[i]
        what = ("year-to-date value below the previous period's" if down[i]
                else "more than 10× the previous month's")
        out.append(Problem(file, int(r["source_row"]), r["source_column"],
                           f"{r['id']} {int(r['period_end'])}月: {r['value']:g} is {what} "
                           f"({prev[i]:g} for {int(prev_end[i])}月)",
                           "check the figure and its unit; confirm if it is right", "warning"))
    return out
