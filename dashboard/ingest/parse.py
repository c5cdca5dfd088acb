"""One uploaded file -> a preview of exactly what would be stored, with every problem."""

import hashlib
from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.core.amounts import compared
from dashboard.core.messages import Glossed, Msg
from dashboard.core.periods import short_period
from dashboard.core.problems import IngestError, Problem, Skipped, errors
from dashboard.ingest.grid import Grid, read_grid
from dashboard.ingest.layout import Layout, raw_figures
from dashboard.ingest.plausible import place_scale_warnings
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.ingest.stacked import find_layouts
from dashboard.ingest.validate import OTHER_PLACE, Checker, Outcomes, Row, duplicate_figures

MAX_BYTES = 20 * 1024 * 1024
YEAR_NOTES = {
    "title": "note.year_from_title",
    "metadata": "note.year_from_metadata",
    "sheet": "note.year_from_sheet",
}
PLACE_NOTES = {"title": "note.place_from_title", "source": "note.place_from_source"}
# Rows of a catalogue indicator with no figure its target uses (or only the other measure's)
OTHER_FIGURE = {"skip.no_figure", "skip.amount_not_rate", "skip.rate_not_amount"}
BASIS_WARNINGS = ("figure.ytd_below_previous", "figure.jump")


@dataclass
class ParsedUpload:
    file: str
    sha256: str
    encoding: str
    layout: str
    figures: pd.DataFrame  # every figure to store; earlier years are reference figures
    problems: list[Problem]
    outcomes: Outcomes = field(default_factory=lambda: Outcomes([], set(), set(), []))
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (message key, params)
    # How figures were read whose file says neither 累计 nor 当月: the reading asked for
    # (ytd | month) or None for the catalogue's measure, and the rows read so.
    reading: str | None = None
    read_rows: set = field(default_factory=set)
    # The file says nowhere whose figures it holds (no place in a title, 地区 or source
    # line, place column or row name): the page asks the official to confirm or correct.
    place_open: bool = False
    place: str | None = None  # the official's answer (see validate.OTHER_PLACE)

    def unconfirmed(self, problems: list[Problem]) -> list[Problem]:
        """Of `problems`, the warnings that say a figure does not fit how it was read (a
        year-to-date figure below an earlier one, a single month ten times the last) on a
        row whose file did not say 累计 or 当月: confirm them, or read the file again."""
        return [
            p
            for p in problems
            if p.key in BASIS_WARNINGS and p.severity == "warning" and p.row in self.read_rows
        ]

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    @property
    def rows(self) -> list[Row]:
        """Every data row: stored, skipped (with why) or an error."""
        return self.outcomes.rows()

    @property
    def skipped(self) -> list[Skipped]:
        return self.outcomes.skipped

    def count(self, outcome: str) -> int:
        return self.outcomes.count(outcome)


def parse_upload(
    data: bytes,
    file: str,
    targets: pd.DataFrame | CatalogueIndex,
    today: tuple[int, int],
    strict: bool = False,
    reading: str | None = None,
    place: str | None = None,
) -> ParsedUpload:
    """Raises IngestError when the file cannot be read at all; otherwise lists problems.
    `strict`: a skipped row is an error (the command line's --strict). `place`: whose
    figures a file that names no place holds (None: the office's own or the chosen
    entity's; OTHER_PLACE: another place's, none stored; or an entity's name)."""
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
    grid, layouts = _first_table(data, file)
    if place is not None:
        layouts = [_answered(b) for b in layouts]
    layout = layouts[0]
    checkers = [Checker(file, index, today, b.context, b.names_by_id, reading=reading,
                        place=place) for b in layouts]  # fmt: skip
    figures, problems, outcomes = _joined(
        [c.check(raw_figures(grid, b)) for c, b in zip(checkers, layouts, strict=True)],
        file,
        index,
    )
    problems += [p for b in layouts for p in _estimate_columns(b, file)]
    problems += _sheets_not_read(grid, file)
    problems += _whole_file(figures, problems, outcomes, file)
    if strict:
        problems += [_as_error(skip, file) for skip in outcomes.skipped]
    place_open = not layout.names_by_id and not any(c.place_named for c in checkers)
    if place_open and place is None:
        problems += place_scale_warnings(figures, index, file)
    problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    notes = _notes(layout, set().union(*(c.year_sources for c in checkers)), index)
    return ParsedUpload(
        file,
        hashlib.sha256(data).hexdigest(),
        grid.encoding,
        layout.kind,
        figures,
        problems,
        outcomes,
        notes + _place_notes(layout, place_open, place, figures, index),
        reading,
        set().union(*(c.read_rows for c in checkers)),
        place_open,
        place,
    )


def _first_table(data: bytes, file: str) -> tuple[Grid, list[Layout]]:
    """The grid and its tables: of a workbook, the first visible sheet with a header (a
    说明 sheet before the data is passed over). Grids beyond their row, column and cell
    limits are refused; with no header on any sheet, the first sheet's problem stands."""
    grid = read_grid(data, file)
    try:
        return grid, find_layouts(grid, file)
    except IngestError as first:
        for name, hidden in grid.other_sheets:
            if hidden:
                continue
            later = read_grid(data, file, name)
            try:
                return later, find_layouts(later, file)
            except IngestError:
                continue
        raise first


def _sheets_not_read(grid: Grid, file: str) -> list[Problem]:
    """A workbook's other sheets with cells: said, so that no figure is lost unseen."""
    return [
        Problem(
            file,
            None,
            None,
            "sheet.hidden_not_read" if hidden else "sheet.not_read",
            "hint.own_file",
            {"sheet": name, "read": grid.sheet},
            "warning",
        )  # fmt: skip
        for name, hidden in grid.other_sheets
    ]


def _answered(layout: Layout) -> Layout:
    """A table whose place the official gave: a place guessed from its title words gives
    way to the answer (a source line or a 地区 line still names its place)."""
    ctx = layout.context
    if ctx.place is None or (ctx.where or {}).get("place") != "title":
        return layout
    where = {k: v for k, v in ctx.where.items() if k != "place"}
    return replace(layout, context=replace(ctx, place=None, where=where))


def _joined(
    results: list[tuple], file: str, index: CatalogueIndex
) -> tuple[pd.DataFrame, list[Problem], Outcomes]:
    """The tables of a file as one: their figures, problems and row outcomes in order. A
    target's period given by two tables with two values refuses the file, as in one table
    (a 构成 table's 100.0 under the GDP name is no growth rate)."""
    if len(results) == 1:
        return results[0]
    frame, repeats = duplicate_figures(
        pd.concat([f for f, _, _ in results], ignore_index=True), file, index.units()
    )
    wrong = {p.row for p in errors(repeats)}
    outcomes = Outcomes(
        [r for _, _, o in results for r in o.lines],
        set().union(*(o.stored for _, _, o in results)) - wrong,
        set().union(*(o.errors for _, _, o in results)) | wrong,
        [s for _, _, o in results for s in o.skipped],
    )
    problems = [p for _, ps, _ in results for p in ps] + repeats
    return frame, problems, outcomes


def _whole_file(figures: pd.DataFrame, problems: list, outcomes: Outcomes, file: str) -> list:
    """Nothing to store and nothing wrong: say why (no data rows, or none in the catalogue)."""
    if not figures.empty or errors(problems):
        return []
    if not outcomes.lines:
        return [Problem(file, None, None, "file.no_figures", "hint.fill_a_value")]
    # Rows of catalogue indicators without a figure their target uses (blank, a dash, or
    # another measure) need those figures, not a mapping of names.
    keys = {s.key for s in outcomes.skipped}
    blank = bool(keys) and keys <= OTHER_FIGURE
    return [
        Problem(
            file,
            None,
            None,
            "file.no_catalogue_figure",
            "hint.fill_figures" if blank else "hint.no_catalogue_figure",
            {"rows": len(outcomes.lines)},
        )
    ]


def _estimate_columns(layout: Layout, file: str) -> list[Problem]:
    return [
        Problem(file, None, letter, "column.estimates", "hint.estimates", {}, "warning")
        for letter in layout.estimate_columns
    ]


def _as_error(skip: Skipped, file: str) -> Problem:
    return Problem(file, skip.row, None, skip.key, "hint.strict", dict(skip.params))


def _notes(layout: Layout, sources: set, index: CatalogueIndex) -> list[tuple[str, dict]]:
    """Where a year-less period got its year: the title (or a 时间 line), or the catalogue."""
    ctx, notes = layout.context, []
    if "context" in sources:
        key = YEAR_NOTES[(ctx.where or {}).get("year", "title")]
        notes.append((key, {"year": ctx.year}))
    if "catalogue" in sources:
        years = sorted({r["year"] for r in index.records})
        notes.append(("note.year_from_catalogue", {"year": years[-1] if years else ""}))
    if ctx.period is not None and (ctx.where or {}).get("period"):
        year = ctx.period.year or ctx.year or ""
        key = (
            "note.period_from_sheet" if ctx.where["period"] == "sheet" else "note.period_from_title"
        )
        period = short_period(ctx.period.start, ctx.period.end)
        notes.append((key, {"year": year, "period": period}))
    return notes


def _place_notes(
    layout: Layout, place_open: bool, place: str | None, figures: pd.DataFrame, index
) -> list[tuple[str, dict]]:
    """Whose figures the file holds, and how that was decided: the place its title or
    source line names, or, where it names none, the entity they are taken to be (to be
    confirmed or corrected by the official), or the official's answer."""
    ctx = layout.context
    if ctx.entity is None and ctx.place is not None:
        key = PLACE_NOTES[(ctx.where or {}).get("place", "title")]
        return [(key, {"place": ctx.place})]
    if not place_open:
        return []
    if place == OTHER_PLACE:
        return [("note.place_other", {})]
    if place is not None:
        return [("note.place_chosen", {"entity": Glossed("entity", (place,))})]
    if figures.empty:
        return []  # nothing is stored, for no one
    # 'titled': a published table's title without a place, which the command line
    # mentions too; a department's own ledger (header on the first line) is its own
    titled = bool(ctx.title)
    entity = Glossed("entity", tuple(sorted(set(figures["entity"]))))
    return [("note.place_assumed", {"entity": entity, "titled": titled})]


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
                "figure.ytd_below_previous"
                if r.basis == "ytd" and r.value < r.prev
                else "figure.ytd_tenfold"
                if r.basis == "ytd"
                else "figure.jump",
                "hint.confirm_figure",
                {
                    "id": r.id,
                    "month": Msg(f"month.{int(r.period_end)}"),
                    **compared({"value": r.value, "prev": r.prev}, r.unit, r.id),
                    "prev_month": Msg(f"month.{int(r.prev_end)}"),
                },
                "warning",
            )
        )
    return out
