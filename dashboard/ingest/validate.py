"""Candidate figures -> figures in catalogue units, with every problem found.

Nothing is stored here: the result is a preview that the store takes whole or not at all.
Each fact about a cell's context (which target, which period, which unit) is worked out
once per distinct value and remembered, so a 100,000-row file costs a dictionary lookup
per cell, not a parse.
"""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import itemgetter

import numpy as np
import pandas as pd

from dashboard.core.amounts import compared
from dashboard.core.errors import DashboardError
from dashboard.core.items import ITEM_BASIS, ITEM_FIELDS
from dashboard.core.messages import Glossed, Names
from dashboard.core.periods import short_period
from dashboard.core.problems import Problem, Skipped
from dashboard.core.progress_row import FIGURE_COLUMNS, FIGURE_KEY
from dashboard.core.units import MULTIPLIERS, IncompatibleUnits, UnknownUnit, conversion_factor
from dashboard.core.vocab import CUMULATIVE_RATES
from dashboard.ingest.cells import (
    DOWN_WORDS,
    LIMIT,
    CellError,
    Period,
    number_from_cell,
    parse_period,
    parse_water_class,
)
from dashboard.ingest.companions import attach_companions
from dashboard.ingest.context import TableContext
from dashboard.ingest.grid import UncachedFormula
from dashboard.ingest.item_dues import parse_item_due
from dashboard.ingest.layout import INDEX_UNIT, Cells
from dashboard.ingest.milestones import parse_milestone
from dashboard.ingest.resolve import (
    AmbiguousIndicator,
    CatalogueIndex,
    UnknownEntity,
    UnknownIndicator,
)

AMOUNT_KINDS = ("amount", "count")
# The official's answer that a file naming no place holds another place's figures (全国,
# 全省, another city): every row is listed as not stored.
OTHER_PLACE = "?other"
PLACE_SKIPS = {"title": "skip.place_in_title", "source": "skip.place_in_source"}
# ASCII digits (thousands grouped by commas or not), one optional point, under 10^15 (the
# parser's plausibility limit): nothing but the unit can be wrong with such a cell (and
# only units that scale it down take this path, so it stays under the limit).
# Anything else, longer ones included, takes the checking parser.
_PLAIN = re.compile(r"(?:[0-9]{1,15}|[0-9]{1,3}(?:,[0-9]{3}){1,4})(?:\.[0-9]*)?").fullmatch
_SLOW = object()  # marks a cell for the general parser
SKIP = "skip"  # a cell that is context, not a figure (a single month beside cumulative)
SINGLE_MONTH, ESTIMATE = object(), object()  # why a row's cells were set aside
COMPANION_INPUT = [
    "entity",
    "year",
    "id",
    "period_start",
    "period_end",
    "source_row",
    "source_column",
    "value",
    "unit",
]


@dataclass(frozen=True)
class Refusal:
    """A problem found for a context; re-issued for every row that shares the context."""

    where: str  # indicator | period | value
    key: str  # message key
    hint_key: str = ""
    params: tuple = ()  # (name, value) pairs: hashable, so a row reports it once
    severity: str = "error"  # error | warning | skip (the row is listed, not stored)


class _Refused(DashboardError):
    """Control flow inside the checker: a context (target, period, unit) is refused."""

    def __init__(self, refusal: Refusal):
        self.refusal = refusal
        super().__init__(refusal.key, **dict(refusal.params))


def _refuse(where: str, key: str, hint_key: str = "", severity: str = "error", **params):
    raise _Refused(Refusal(where, key, hint_key, tuple(params.items()), severity))


@dataclass(frozen=True)
class Row:
    """What became of one data row: stored, skipped (with the reason) or an error."""

    row: int
    outcome: str  # stored | skipped | error
    skip: Skipped | None = None


@dataclass
class Outcomes:
    """Every data row exactly once: stored, skipped (each with its reason) or an error.
    Kept as sets and a list, not an object per row: a 100,000-row file is stored whole."""

    lines: list[int]  # every data row, in file order
    stored: set[int]
    errors: set[int]
    skipped: list[Skipped]

    def count(self, outcome: str) -> int:
        return {"stored": len(self.stored), "error": len(self.errors)}.get(
            outcome, len(self.skipped) if outcome == "skipped" else 0
        )

    def rows(self) -> list[Row]:
        skips = {s.row: s for s in self.skipped}
        return [
            Row(r, "error")
            if r in self.errors
            else Row(r, "stored")
            if r in self.stored
            else Row(r, "skipped", skips[r])
            for r in self.lines
        ]


# Close names are looked up for this many unknown names of a file, no more: a file of
# 100,000 distinct unknown names must not cost 100,000 searches of the catalogue.
MAX_SUGGESTED = 20


@dataclass
class Checker:
    file: str
    index: CatalogueIndex
    today: tuple[int, int]  # (year, month) of the upload: later periods are the future
    context: TableContext = field(default_factory=TableContext)
    names_by_id: bool = False  # the fill-in template: every row is meant to be in the catalogue
    year_sources: set = field(default_factory=set)  # cell | context | catalogue
    # ytd | month for figures whose file says neither 累计 nor 当月 (CLI --basis, the upload
    # page's switch); None: the catalogue's measure
    reading: str | None = None
    # rows whose basis was read, not stated: a figure that does not fit the reading there
    # needs confirmation
    read_rows: set = field(default_factory=set)
    suggested: int = 0  # unknown names given close names so far
    # Whose figures a table that names no place holds, as the official said: None (the
    # office's own, or the entity chosen on the page), OTHER_PLACE (another place's: none
    # is stored) or an entity of the catalogue.
    place: str | None = None
    place_named: bool = False  # the table says whose figures they are (title, source, rows)

    def figures(self, cells: Cells) -> tuple[pd.DataFrame, list[Problem]]:
        frame, problems, _ = self.check(cells)
        return frame, problems

    def check(self, cells: Cells) -> tuple[pd.DataFrame, list[Problem], Outcomes]:
        """Stage by stage over all cells (target, role, period, basis, value); each stage
        works a distinct context out once and a cell stops at its first refusal.

        A cell's role is `main` (the figure its target needs), `companion` (the other of
        a published amount/growth pair) or None (context of no use). Every data row ends
        as stored, skipped with a reason, or an error (see `Row`)."""
        c = cells
        targets, roles, periods, bases, entities = {}, {}, {}, {}, {}
        default = self._table_entity()
        ents = [
            entities[e] if e in entities else entities.setdefault(e, self.index.entity(e, default))
            for e in c.entity
        ]
        tv = [
            targets[k] if k in targets else _fill(targets, k, self._target, *k)
            for k in zip(c.indicator, ents, c.sub_item, strict=True)
        ]
        rv = [
            None
            if t.__class__ is Refusal
            else (
                roles[k]
                if (k := (_paired(t, h or u), g, h or u)) in roles
                else roles.setdefault(k, _role(*k))
            )
            for t, g, h, u in zip(tv, c.growth, c.unit_hint, c.label_unit, strict=True)
        ]
        pv = [
            None
            if r is None
            else (
                periods[k]
                if (k := (po or pc, t["year"], y)) in periods
                else _fill(periods, k, self._period, c, i, t)
            )
            for i, (t, r, po, pc, y) in enumerate(
                zip(tv, rv, c.period, c.period_cell, c.year, strict=True)
            )
        ]
        bv = [
            None
            if p is None or p.__class__ is Refusal
            else (
                bases[k]
                if (k := (_measure_of(t["measure"], r), _stated(b) or self.reading, p.cumulative))
                in bases
                else _fill(bases, k, _basis, *k)
            )
            for t, r, p, b in zip(tv, rv, pv, c.basis, strict=True)
        ]
        problems, seen, skips = [], set(), {}
        filled, pairs = [], []
        for i, (t, r, p, b, cell) in enumerate(zip(tv, rv, pv, bv, c.cell, strict=True)):
            if t.__class__ is Refusal:
                self._note(problems, seen, skips, c, i, t)
            elif r is None or cell is None:
                continue
            elif p.__class__ is Refusal or b.__class__ is Refusal:
                if r == "main":
                    self._report(problems, seen, c, i, p if p.__class__ is Refusal else b)
            elif b[0] == SKIP:
                skips.setdefault(c.row[i], SINGLE_MONTH)
            elif r == "main":
                filled.append(i)
            else:
                pairs.append(i)
                if b[0] == "month":  # a single month beside a year-to-date target
                    skips.setdefault(c.row[i], SINGLE_MONTH)
        named = [i for i in filled if c.item[i] is not None]  # items targets' items
        if named:
            filled = [i for i in filled if c.item[i] is None]
        values = self._signed(c, filled, tv, self._values(c, filled, tv), problems)
        kept = [i for i, v in zip(filled, values, strict=True) if v.__class__ is float]
        self.read_rows |= {
            c.row[i]
            for i in kept
            if _stated(c.basis[i]) is None and pv[i].cumulative is None and bv[i][0] != "level"
        }
        for i, v in zip(filled, values, strict=True):
            if v.__class__ is Refusal:
                self._note(problems, seen, skips, c, i, v)
        self.place_named = self._names_place(c, kept)
        frame = self._frame(c, kept, [v for v in values if v.__class__ is float], tv, pv, bv)
        if named:
            frame = self._with_items(frame, c, named, tv, pv, (problems, seen, skips))
        self._excel_dates(problems, seen, c, pv, periods)
        frame, dup_problems = self._duplicates(frame)
        frame, used = attach_companions(frame, self._companions(c, pairs, tv, pv, bv, skips))
        problems += dup_problems + self._unitless_companions(frame)
        for p in dup_problems:
            skips.setdefault(p.row, p)
        return frame, problems, self._rows(c, frame, used, problems, skips, tv)

    def _signed(self, c: Cells, filled: list, tv: list, values: list, problems: list) -> list:
        """Decrease targets: a figure in a "比上年下降(%)" row is a decrease written without
        its sign (4.2 is −4.2); a rise under a 增长 heading is possible but worth a look."""
        out = list(values)
        for k, i in enumerate(filled):
            v, t = out[k], tv[i]
            if v.__class__ is not float or t["comparator"] != "decrease":
                continue
            said_down = any(w in str(c.cell[i]) for w in DOWN_WORDS)
            if c.basis[i] == "decline" and not said_down:
                out[k] = -v
            elif c.growth[i] and v > 0:
                problems.append(
                    Problem(
                        self.file,
                        c.row[i],
                        c.column[i],
                        "figure.rise_for_decrease",
                        "hint.decrease_sign",
                        {"name": t["name_zh"], "value": v},
                        "warning",
                    )
                )
        return out

    def _note(self, problems, seen, skips: dict, c: Cells, i: int, r: Refusal) -> None:
        """An error or warning goes to the problems; a skip is remembered for its row."""
        if r.severity == "skip":
            skips.setdefault(c.row[i], r)
        else:
            self._report(problems, seen, c, i, r)
            if r.key == "value.estimate":
                skips.setdefault(c.row[i], ESTIMATE)

    def _companions(self, c: Cells, pairs: list[int], tv, pv, bv, skips) -> pd.DataFrame:
        """The other figure of each amount/growth pair, in the unit it is written in."""
        rows = []
        for i in pairs:
            try:
                number = number_from_cell(c.cell[i])
            except CellError:
                continue  # context that cannot be read refuses nothing
            if number.estimate:
                skips.setdefault(c.row[i], ESTIMATE)
            if number.value is None or number.estimate:
                continue
            t, p, b = tv[i], pv[i], bv[i]
            growth = t["measure"] != "ytd_growth"
            # why a row of only this measure is not stored (a single month of it stays
            # one; a year-to-date amount says more than the month beside it)
            said = skips.get(c.row[i])
            if said is None or (said is SINGLE_MONTH and b[0] != "month"):
                skips[c.row[i]] = _other_measure(t, c.column[i], c.cell[i], growth)
            if c.unit_hint[i] == INDEX_UNIT:  # 112.3 (上年=100) is growth of 12.3%
                number = replace(number, value=_less_100(number.value))
            unit = "%" if growth else number.unit or c.unit_hint[i] or c.label_unit[i]
            unit = unit or self.context.amount_unit
            rows.append(
                (t["entity"], p.year, t["id"], p.end if b[1] is None else b[1], p.end)
                + (c.row[i], c.column[i], float(number.value), unit)
            )
        return pd.DataFrame(rows, columns=COMPANION_INPUT)

    def _unitless_companions(self, frame: pd.DataFrame) -> list[Problem]:
        """A growth rate's amount printed without a unit (no unit in its header, no 单位
        column or line): kept as written, and said, rather than given a guessed unit."""
        unknown = frame["companion_value"].notna() & ~frame["companion_unit"].astype(bool)
        return [
            Problem(
                self.file,
                int(row),
                column,
                "figure.companion_unit_unknown",
                "hint.companion_unit",
                {"value": value},
                "warning",
            )
            for row, column, value in frame.loc[
                unknown, ["companion_row", "companion_column", "companion_value"]
            ].itertuples(index=False)
        ]

    def _rows(self, c: Cells, frame, used: set, problems, skips: dict, tv) -> Outcomes:
        failed = {p.row for p in problems if p.severity == "error" and p.row is not None}
        stored = (set(frame["source_row"].tolist()) | {r for r, _ in used}) - failed
        rest = [r for r in c.lines if r not in stored and r not in failed]
        first_target: dict = {}
        if rest:
            wanted = set(rest)
            for row, t in zip(c.row, tv, strict=True):
                if row in wanted and t.__class__ is not Refusal and row not in first_target:
                    first_target[row] = t
        skipped = [self._skip(r, c.label(r), skips, first_target) for r in rest]
        return Outcomes(c.lines, stored, failed & set(c.lines), skipped)

    def _skip(self, row: int, label: str, skips: dict, first_target: dict) -> Skipped:
        why = skips.get(row)
        if why.__class__ is Refusal:
            return Skipped(row, label, why.key, dict(why.params))
        target = first_target.get(row)
        name = target["name_zh"] if target else label
        if why is SINGLE_MONTH:
            return Skipped(row, label, "skip.single_month", {"name": name})
        if why is ESTIMATE:
            return Skipped(row, label, "skip.estimate", {"name": name})
        if why.__class__ is Problem:  # the same figure as on an earlier row
            return Skipped(row, label, "skip.repeated", {"first": why.params["first"]})
        unit = target["unit"] if target else ""
        return Skipped(row, label, "skip.no_figure", {"name": name, "unit": unit or "—"})

    @staticmethod
    def _frame(c: Cells, kept, values, tv, pv, bv) -> pd.DataFrame:
        if not kept:  # typed like a frame of rows: empty lists would become float columns
            return pd.DataFrame(columns=FIGURE_COLUMNS)
        pick = _picker(kept)
        targets, periods, bases = pick(tv), pick(pv), pick(bv)
        return pd.DataFrame(
            {
                "source_row": _ints(pick(c.row)),
                "source_column": _text(pick(c.column)),
                "entity": _text([t["entity"] for t in targets]),
                "year": _ints([p.year for p in periods]),  # earlier years: reference figures
                "id": _text([t["id"] for t in targets]),
                "period_start": _ints(
                    [p.end if b[1] is None else b[1] for p, b in zip(periods, bases, strict=True)]
                ),
                "period_end": _ints([p.end for p in periods]),
                "basis": _text([b[0] for b in bases]),
                "value": np.array(values, dtype=np.float64),
                "raw": _text([str(v)[:200] for v in pick(c.cell)]),
            },
            columns=FIGURE_COLUMNS,
        )

    def _with_items(self, frame, c: Cells, named: list, tv, pv, notes) -> pd.DataFrame:
        """`frame` and the rows that report a named item: its state read like a
        milestone's, at the month of the report, with its own due date if given."""
        rows = []
        for i in named:
            try:
                rows.append(self._item_row(c, i, tv[i], pv[i]))
            except _Refused as refused:
                self._note(*notes, c, i, refused.refusal)
        items = pd.DataFrame(rows, columns=[*FIGURE_COLUMNS, *ITEM_FIELDS])
        if frame.empty:
            return items
        return pd.concat([frame.assign(item=None, item_due=None), items], ignore_index=True)

    def _item_row(self, c: Cells, i: int, target: dict, period: Period) -> tuple:
        if target.get("assessment") != "items":
            _refuse("value", "item.not_items_target", "hint.items_target", name=target["name_zh"])
        cell, due = c.cell[i], c.item_due[i]
        try:
            state = parse_milestone(str(cell), target.get("done_words") or "", item=True)
            when = None if _blank(due) else parse_item_due(due, period.year)
        except CellError as err:
            _refuse("value", err.key, err.hint_key, **err.params)
        return (
            c.row[i],
            c.column[i],
            target["entity"],
            period.year,
            target["id"],
            period.end,
            period.end,
            ITEM_BASIS,
            float(state),
            str(cell)[:200],
            str(c.item[i])[:200],
            when,
        )

    def _report(self, problems, seen, c: Cells, i: int, r: Refusal) -> None:
        column = {"indicator": c.indicator_column[i], "period": c.period_column[i]}.get(
            r.where, c.column[i]
        )
        if (c.row[i], r.key, r.params) not in seen:
            seen.add((c.row[i], r.key, r.params))
            problems.append(
                Problem(self.file, c.row[i], column, r.key, r.hint_key, dict(r.params), r.severity)
            )

    def _excel_dates(self, problems, seen, c: Cells, pv: list, periods: dict) -> None:
        """A warning on every row whose period Excel had turned into a date."""
        dated = {
            p: Refusal(
                "period",
                "period.excel_date",
                "hint.excel_date",
                (("date", p.excel_date), ("day", p.excel_date.day)),
                "warning",
            )
            for p in periods.values()
            if p.__class__ is Period and p.excel_date is not None
        }
        if dated:
            for i, p in enumerate(pv):
                if p in dated:
                    self._report(problems, seen, c, i, dated[p])

    # -------------------------------------------------------------- contexts
    def _table_entity(self) -> str | None:
        """The entity of rows without a place of their own: the 地区 line's, the place the
        title or a source line names (全国 and another city are not the office's), or,
        where the table names none, the one the official gave."""
        ctx = self.context
        if ctx.entity is not None:
            return ctx.entity
        if ctx.place is not None:
            return table_place_entity(ctx.place, self.index)
        return self.place

    def _names_place(self, c: Cells, kept: list[int]) -> bool:
        """Whether the table says whose figures it holds: a 地区 line, a place in its title
        or source line, a place column, or stored rows named 全市…/郑州市…"""
        if self.context.entity or self.context.place or any(e is not None for e in c.entity):
            return True
        prefixes = ("全市", *self.index.places)
        labels = {c.indicator[i] for i in kept}
        return any(str(label).strip().startswith(prefixes) for label in labels if label)

    def _target(self, indicator: str | None, entity: str | None, sub_item: bool) -> dict:
        if indicator is None or not str(indicator).strip():
            _refuse("indicator", "skip.no_label", severity="skip")
        try:
            pos = self.index.resolve(indicator, entity, None)
        except UnknownIndicator as err:
            self._unknown(err, sub_item)
        except UnknownEntity as err:
            self._other_place(err.entity)
        except AmbiguousIndicator as err:
            _refuse(
                "indicator",
                "indicator.ambiguous",
                "hint.entity_or_id",
                indicator=indicator,
                candidates=Names(tuple(err.candidates)),
            )
        target = self.index.records[pos]
        if target["comparator"] == "qualitative":
            _refuse(
                "indicator", "indicator.qualitative", "hint.comment_instead", name=target["name_zh"]
            )
        return target

    def _other_place(self, entity: str):
        """A row of a place the catalogue has no target for: say where the place was read."""
        ctx = self.context
        if entity == OTHER_PLACE:
            home = Glossed("entity", (self.index.home or "",))
            _refuse("indicator", "skip.not_ours", severity="skip", entity=home)
        if ctx.entity is None and ctx.place is not None and entity == self._table_entity():
            key = PLACE_SKIPS[(ctx.where or {}).get("place", "title")]
            _refuse("indicator", key, severity="skip", place=ctx.place)
        _refuse("indicator", "skip.other_entity", severity="skip", entity=entity)

    def _unknown(self, err: UnknownIndicator, sub_item: bool):
        """A near miss is an error (or any unknown name in a file that names indicators by
        id, the fill-in template); any other unknown name is another indicator, skipped."""
        if not sub_item and (err.near or self.names_by_id):
            names = err.near or self._suggest(err.core)
            if names is None:
                _refuse(
                    "indicator",
                    "indicator.unknown",
                    "hint.suggestions_stopped",
                    indicator=err.indicator,
                    limit=MAX_SUGGESTED,
                )
            _refuse(
                "indicator",
                "indicator.unknown",
                "hint.closest_names" if names else "hint.no_close_names",
                indicator=err.indicator,
                names=Names(tuple(names)),
            )
        _refuse("indicator", "skip.not_catalogue", severity="skip", indicator=err.indicator)

    def _suggest(self, name: str) -> list[str] | None:
        """Close catalogue names, for the first MAX_SUGGESTED unknown names; then None."""
        if self.suggested >= MAX_SUGGESTED:
            return None
        self.suggested += 1
        return self.index.suggest(name)

    def _period(self, c: Cells, i: int, target: dict) -> Period:
        raw = c.at(i)
        period = raw.period
        if period is None:
            try:
                period = parse_period(raw.period_cell)
            except CellError as err:
                _refuse("period", err.key, err.hint_key, **err.params)
        given = period.year or raw.year
        year = given or self.context.year or target["year"]
        self.year_sources.add("cell" if given else "context" if self.context.year else "catalogue")
        if year > target["year"]:  # earlier years are reference figures (去年同期)
            _refuse(
                "period",
                "period.other_year",
                "hint.catalogue_year",
                year=year,
                month=period.end,
                target_year=target["year"],
            )
        if (year, period.end) > self.today:
            _refuse("period", "period.future", "hint.check_period", year=year, month=period.end)
        return Period(year, period.start, period.end, period.cumulative, period.excel_date)

    # -------------------------------------------------------------- values
    def _values(self, c: Cells, rows: list[int], tv: list) -> list:
        """A float, None (no figure) or a Refusal for each of `rows`.

        Plain digit strings, almost every cell of a large file, skip the general parser:
        their unit context gives a power of ten, applied as a decimal exponent, so
        float("1552981e-4") is the correctly rounded 155.2981 that Decimal would give.
        """
        pick = _picker(rows)
        cells, targets = pick(c.cell), pick(tv)
        scales: dict = {}
        # One pass, hot: the scale of the cell's unit context (worked out once per
        # context), then the value if the cell is plain, else the refusal or _SLOW.
        out = [
            float(cell.replace(",", "") + scale)
            if (
                scale := scales[k]
                if (k := (h, lu, t["unit"], t["comparator"])) in scales
                else _fill(scales, k, _scale, *k, cell)
            ).__class__
            is str
            and cell.__class__ is str
            and _PLAIN(cell)
            else (scale if scale.__class__ is Refusal and not _no_figure(cell) else _SLOW)
            for h, lu, t, cell in zip(
                pick(c.unit_hint), pick(c.label_unit), targets, cells, strict=True
            )
        ]
        units: dict = {}
        for k, value in enumerate(out):
            if value is _SLOW:
                try:
                    out[k] = self._value(c, rows[k], targets[k], units)
                except _Refused as refused:
                    out[k] = refused.refusal
        return out

    def _value(self, c: Cells, i: int, target: dict, units: dict) -> float | None:
        cell = c.cell[i]
        if cell.__class__ is UncachedFormula:
            _refuse("value", "cell.formula_without_value", "hint.recalculate", formula=str(cell))
        try:
            if target["comparator"] == "milestone":
                return float(parse_milestone(str(cell), target.get("done_words") or ""))
            if target["unit"] == "类":
                return float(parse_water_class(str(cell)))
            number = number_from_cell(cell)
        except CellError as err:
            _refuse("value", err.key, err.hint_key, **err.params)
        if number.estimate:
            _refuse("value", "value.estimate", "hint.estimates", severity="warning", cell=cell)
        if number.value is None:
            return None
        if c.unit_hint[i] == INDEX_UNIT:
            if self.context.index and not _index_target(target):
                # a table of indices ('以上年为100' over it) holds no figure of this
                # target ('粮食' there is the grain price index, not grain output)
                _refuse("value", "skip.index_table", severity="skip", name=target["name_zh"])
            return _growth_of_index(number.value, target, cell)
        ukey = (number.unit, c.unit_hint[i], c.label_unit[i], target["unit"])
        factor = _cached(units, ukey, _factor, *ukey, cell)
        # Decimal keeps conversions exact: 1,552,981 万元 is 155.2981 亿元, not 155.29809…
        exact = number.value if factor is None else number.value * factor
        if abs(exact) >= LIMIT:  # checked again in the target's unit: 9e14 亿个 is 9e22 个
            _refuse(
                "value",
                "value.too_large_in_unit",
                "hint.typing_error",
                cell=cell,
                value=float(exact),
                unit=target["unit"],
            )
        value = float(exact)
        if value < 0 and target["kind"] in AMOUNT_KINDS:
            _refuse("value", f"value.negative.{target['kind']}", "hint.no_negative", cell=cell)
        return value

    # -------------------------------------------------------------- whole file
    def _duplicates(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
        return duplicate_figures(frame, self.file, self.index.units())


def _other_measure(target: dict, column: str, cell, growth: bool) -> Refusal:
    """Why a row whose only figure is of the other measure is not stored: an amount is
    never a growth rate's figure, nor a growth rate an amount's."""
    key = "skip.rate_not_amount" if growth else "skip.amount_not_rate"
    params = {"name": target["name_zh"], "column": column, "cell": str(cell).strip()}
    return Refusal("value", key, "", tuple({**params, "unit": target["unit"]}.items()), "skip")


def _index_target(target: dict) -> bool:
    return target["measure"] == "ytd_growth" and target["unit"] == "%"


def _growth_of_index(index, target: dict, cell) -> float:
    """The growth an index (the year before = 100) gives: 112.3 is 12.3%. Only a growth
    rate target takes it; any other target's figure cannot be read from an index."""
    if not _index_target(target):
        _refuse("value", "value.index", "hint.index", cell=cell, name=target["name_zh"])
    return _less_100(index)


def _less_100(index) -> float:
    """104.2 - 100 in decimal: 4.2, not the binary 4.200000000000003."""
    return float(Decimal(repr(float(index))) - 100)


def table_place_entity(place: str, index: CatalogueIndex) -> str:
    """A place a table names, as the catalogue's entity: '全市' is the office's own city
    (None: the default), '全区' its own district; 全国 and 全省 are never a city's."""
    home = index.home or ""
    if len(place) == 2 and place[0] == "全":
        own = place[1] != "国" and (home.endswith(place[1]) or (not home and place[1] == "市"))
        return None if own else place
    return index.entity(place, None)


def _blank(cell) -> bool:
    return cell is None or (cell.__class__ is str and not cell.strip())


def _no_figure(cell) -> bool:
    """'—', '/', blank: a cell whose unit can be wrong without anything being wrong."""
    return cell.__class__ is str and number_from_cell_or_none(cell)


def number_from_cell_or_none(cell) -> bool:
    try:
        return number_from_cell(cell).value is None
    except CellError:
        return False


def _fill(cache: dict, key, compute, *args):
    """Work a context fact out and remember it, refusals included (as the Refusal)."""
    try:
        cache[key] = compute(*args)
    except _Refused as refused:
        cache[key] = refused.refusal
    return cache[key]


def _cached(cache: dict, key, compute, *args):
    """Memoise a context fact; a refusal is remembered and raised again for every row."""
    found = cache[key] if key in cache else _fill(cache, key, compute, *args)
    if isinstance(found, Refusal):
        raise _Refused(found)
    return found


def _paired(target: dict, unit: str) -> str:
    """The measure a target's figure is told from its growth rate by: a count of firms
    (ytd_distinct) or a level in a unit other than % (粮食种植面积, 万亩) is an amount
    whose growth rate is printed beside it, never its figure; a level in % (a compliance
    rate, a fall in energy intensity) may be written as a change. An index (上年=100)
    stays the level's own cell, refused there as an index with its own reason."""
    measure = target["measure"]
    if measure == "ytd_distinct" or (
        measure == "level" and target["unit"] not in ("%", "类") and unit != INDEX_UNIT
    ):
        return "ytd"
    return measure


def _role(measure: str, growth: bool | None, unit: str) -> str | None:
    """'main' when the cell is the figure the target needs, 'companion' for the other of
    a published amount/growth pair, None for no use. Only growth rates and amounts pair:
    a level, share or state is always the target's own figure. A rate is a growth column
    or label, or a cell in %; an amount says so or carries another unit."""
    if measure not in ("ytd_growth", "ytd", "month"):
        return "main"
    if unit in ("%", "％"):
        growth = True
    elif growth is None:
        growth = measure == "ytd_growth" if not unit else False
    if measure == "ytd_growth":
        return "main" if growth else "companion"
    return "companion" if growth else "main"


def _measure_of(measure: str, role: str) -> str:
    """The measure a companion is read in: an amount beside a rate, a rate beside one."""
    if role == "main":
        return measure
    return "ytd" if measure == "ytd_growth" else "ytd_growth"


def _stated(hint: str | None) -> str | None:
    """The 累计/当月 a 口径 cell states (a decline label states neither)."""
    return hint if hint in ("ytd", "month") else None


def _basis(measure: str, hint: str | None, cumulative: bool | None):
    """(basis, period_start or None for 'the period's end')."""
    if measure in ("level", "status"):
        return "level", None
    if measure in CUMULATIVE_RATES:
        if hint == "month" and not cumulative:
            return SKIP, None  # single-month rates are context; the cumulative rate counts
        return "ytd", 1
    if measure == "ytd_distinct" and (hint == "month" and not cumulative):
        # enterprises with trade: the same firm trades every month, so months never add up
        _refuse("value", "figure.distinct_month", "hint.distinct_cumulative")
    basis = "ytd" if cumulative else hint or ("month" if measure == "month" else "ytd")
    return basis, (1 if basis == "ytd" else None)


def _scale(unit_hint: str, label_unit: str, target_unit: str, comparator: str, cell) -> str | None:
    """The exponent suffix ("", "e-4") that puts a plain figure into the target's unit;
    None for the general parser: a factor that is not a power of ten (亩 -> 公顷), or a
    milestone state or water class (codes, not quantities)."""
    if comparator == "milestone" or target_unit == "类" or unit_hint == INDEX_UNIT:
        return None
    factor = _factor("", unit_hint, label_unit, target_unit, cell)
    if factor is None:
        return ""
    sign, digits, exponent = factor.normalize().as_tuple()
    # Only scaling down: a plain figure is under 10^15 and stays so; one scaled up is
    # checked against the limit again in the general parser.
    return f"e{exponent}" if (sign, digits) == (0, (1,)) and exponent <= 0 else None


def _picker(kept: list[int]):
    """Gather list items at `kept` in C (itemgetter), not in a comprehension."""
    if len(kept) < 2:  # itemgetter of one index returns the item, not a tuple
        return lambda values: [values[i] for i in kept]
    get = itemgetter(*kept)
    return lambda values: list(get(values))


def _ints(values: list) -> np.ndarray:
    return np.array(values, dtype=np.int64)  # typed up front: pandas' inference costs 3x


def _text(values: list) -> pd.Series:
    """Strings stay Python objects: converting 100,000 to Arrow costs more than it saves."""
    return pd.Series(values, dtype=object)


def _factor(cell_unit: str, unit_hint: str, label_unit: str, target_unit: str, cell):
    """Multiplier into the target's unit (None: already in it), or a refusal."""
    source = _effective_unit(cell_unit, unit_hint, label_unit, target_unit)
    if target_unit == "%":
        if source not in ("%", ""):
            _refuse("value", "value.not_percent", "hint.rate_in_percent", cell=cell, unit=source)
        return None
    if source == target_unit:
        return None
    try:
        return conversion_factor(source, target_unit)
    except (IncompatibleUnits, UnknownUnit):
        _refuse(
            "value",
            "value.unit_mismatch",
            "hint.same_kind_unit",
            source=source,
            target=target_unit,
        )


def _effective_unit(cell_unit: str, unit_hint: str, label_unit: str, target_unit: str) -> str:
    """The unit a value was written in: cell, column header, row label, 单位 row, catalogue.

    A bare multiplier ("110万") scales the catalogue's base unit (万吨 -> 吨 -> 110万吨).
    """
    for unit in (cell_unit, unit_hint, label_unit):
        if unit:
            return _with_base(unit, target_unit)
    return target_unit


def _with_base(unit: str, target_unit: str) -> str:
    if unit not in MULTIPLIERS:
        return unit
    base = target_unit
    for prefix in MULTIPLIERS:
        if base.startswith(prefix) and len(base) > len(prefix):
            base = base[len(prefix) :]
            break
    return unit + base


def duplicate_figures(
    frame: pd.DataFrame, file: str, units: dict[tuple[str, int, str], str]
) -> tuple[pd.DataFrame, list[Problem]]:
    """One figure per target and period (and item): a repeat with the same value is a
    warning, with another value an error (which of the two is meant?); the first is kept."""
    key = FIGURE_KEY + (["item"] if "item" in frame else [])  # one row per item
    dup = frame[frame.duplicated(key, keep=False)]
    problems = []
    for _, group in dup.groupby(key, sort=False, dropna=False):
        first = group.iloc[0]
        for _, other in group.iloc[1:].iterrows():
            same = other["value"] == first["value"]
            params = {
                "id": other["id"],
                "period": short_period(int(other["period_start"]), int(other["period_end"])),
                "first": int(first["source_row"]),
                **compared(
                    {"value": other["value"], "earlier": first["value"]},
                    units.get((other["entity"], other["year"], other["id"]), ""),
                    other["id"],
                ),
            }
            keys = ("figure.repeated", "figure.repeated_differs")
            if isinstance(other.get("item"), str):  # an item's state, in its words
                keys = ("item.repeated", "item.repeated_differs")
                params |= {
                    "item": other["item"],
                    "value": other["raw"],
                    "earlier": first["raw"],
                }
            problems.append(
                Problem(
                    file,
                    int(other["source_row"]),
                    other["source_column"],
                    keys[0] if same else keys[1],
                    "hint.one_row_per_period",
                    params,
                    "warning" if same else "error",
                )
            )
    return frame.drop_duplicates(key, keep="first").reset_index(drop=True), problems
