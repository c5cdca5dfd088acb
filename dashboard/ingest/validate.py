"""Candidate figures -> figures in catalogue units, with every problem found.

Nothing is stored here: the result is a preview that the store takes whole or not at all.
"""

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from dashboard.core.units import MULTIPLIERS, IncompatibleUnits, UnknownUnit, conversion_factor
from dashboard.ingest.cells import (
    CellError,
    Period,
    number_from_cell,
    parse_milestone,
    parse_period,
    parse_water_class,
)
from dashboard.ingest.layout import RawFigure
from dashboard.ingest.problems import Problem
from dashboard.ingest.resolve import AmbiguousIndicator, CatalogueIndex, UnknownIndicator

FIGURE_COLUMNS = ["source_row", "source_column", "entity", "year", "id", "period_start",
                  "period_end", "basis", "value", "raw"]
AMOUNT_KINDS = ("amount", "count")


class Skip(Exception):
    """A cell that is context, not a figure for the target (a level beside a growth rate)."""


@dataclass
class Checker:
    file: str
    index: CatalogueIndex
    today: tuple[int, int]     # (year, month) of the upload: later periods are the future
    title_year: int | None

    def figures(self, raws: list[RawFigure]) -> tuple[pd.DataFrame, list[Problem]]:
        rows, problems, skipped, seen = [], [], {}, set()
        self.notes: list[Problem] = []
        for raw in raws:
            try:
                rec = self.figure(raw)
            except Skip:
                skipped.setdefault(raw.row, raw)
                continue
            except _Refused as refused:
                if (refused.problem.row, refused.problem.message) not in seen:
                    seen.add((refused.problem.row, refused.problem.message))
                    problems.append(refused.problem)
                continue
            if rec is not None:
                rows.append(rec)
        problems += self._unused_rows(raws, rows, skipped) + self.notes
        frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
        frame, dup_problems = self._duplicates(frame)
        return frame, problems + dup_problems

    # -------------------------------------------------------------- one candidate
    def figure(self, raw: RawFigure) -> dict | None:
        target = self._target(raw)
        period = self._period(raw, target)
        basis, start = self._basis(raw, target, period)
        value = self._value(raw, target)
        if value is None:
            return None
        return {"source_row": raw.row, "source_column": raw.column, "entity": target["entity"],
                "year": target["year"], "id": target["id"], "period_start": start,
                "period_end": period.end, "basis": basis, "value": value,
                "raw": None if raw.cell is None else str(raw.cell)[:200]}

    def _refuse(self, raw: RawFigure, column: str, message: str, hint: str = "",
                severity: str = "error"):
        raise _Refused(Problem(self.file, raw.row, column, message, hint, severity))

    def _target(self, raw: RawFigure) -> dict:
        try:
            pos = self.index.resolve(raw.indicator, raw.entity, None)
        except UnknownIndicator as err:
            if raw.sub_item:
                self._refuse(raw, raw.indicator_column, f"sub-item {raw.indicator!r} is not in "
                             "the catalogue; skipped", severity="warning")
            names = "、".join(dict.fromkeys(err.suggestions)) or "none close"
            self._refuse(raw, raw.indicator_column, f"unknown indicator {raw.indicator!r}",
                         f"closest catalogue names: {names}")
        except AmbiguousIndicator as err:
            self._refuse(raw, raw.indicator_column, f"indicator {raw.indicator!r} is ambiguous",
                         "add an entity column or use the id: " + ", ".join(err.candidates))
        target = self.index.targets.iloc[pos].to_dict()
        if target["comparator"] == "qualitative":
            self._refuse(raw, raw.indicator_column, f"{target['name_zh']} is qualitative",
                         "record its assessment as a comment on the indicator page")
        self._check_measure(raw, target)
        return target

    def _check_measure(self, raw: RawFigure, target: dict) -> None:
        growth_target = target["measure"] == "ytd_growth"
        if raw.growth and not growth_target:
            raise Skip
        if growth_target and not raw.growth:
            unit = raw.unit_hint or raw.label_unit
            if unit and unit not in ("%", "％"):
                raise Skip  # a level (亿元) beside the growth rate: context only

    def _period(self, raw: RawFigure, target: dict) -> Period:
        period = raw.period
        if period is None:
            try:
                period = parse_period(raw.period_cell)
            except CellError as err:
                self._refuse(raw, raw.period_column, err.message, err.hint)
        year = period.year or self.title_year or target["year"]
        if year != target["year"]:
            self._refuse(raw, raw.period_column,
                         f"period {year}-{period.end:02d} is outside the target year "
                         f"{target['year']}", "upload figures of the catalogue's year only")
        if (year, period.end) > self.today:
            self._refuse(raw, raw.period_column,
                         f"period {year}-{period.end:02d} is in the future",
                         "check the year and month of the period")
        if period.note:
            self.notes.append(Problem(self.file, raw.row, raw.period_column, period.note,
                                      "Excel turned the period into a date; check it",
                                      "warning"))
        return Period(year, period.start, period.end, period.cumulative, period.note)

    def _basis(self, raw: RawFigure, target: dict, period: Period) -> tuple[str, int]:
        measure = target["measure"]
        if measure in ("level", "status"):
            return "level", period.end
        if measure == "ytd_growth":
            if raw.basis == "month" and not period.cumulative:
                raise Skip  # single-month growth is context; the cumulative rate counts
            return "ytd", 1
        basis = ("ytd" if period.cumulative else raw.basis
                 or ("month" if measure == "month" else "ytd"))
        return basis, (1 if basis == "ytd" else period.end)

    def _value(self, raw: RawFigure, target: dict) -> float | None:
        if raw.cell is None or (isinstance(raw.cell, str) and not raw.cell.strip()):
            return None
        try:
            if target["comparator"] == "milestone":
                return float(parse_milestone(str(raw.cell)))
            if target["unit"] == "类":
                return float(parse_water_class(str(raw.cell)))
            number = number_from_cell(raw.cell)
        except CellError as err:
            self._refuse(raw, raw.column, err.message, err.hint)
        if number.value is None:
            return None
        value = self._convert(raw, target, number.value, number.unit)
        if value < 0 and target["kind"] in AMOUNT_KINDS:
            self._refuse(raw, raw.column, f"negative {target['kind']} {raw.cell!r}",
                         "amounts and counts cannot be negative; for a decline give the "
                         "growth rate instead")
        return value

    def _convert(self, raw: RawFigure, target: dict, value: Decimal, cell_unit: str) -> float:
        unit = target["unit"]
        source = _effective_unit(cell_unit, raw, unit)
        if unit == "%":
            if source not in ("%", ""):
                self._refuse(raw, raw.column, f"{raw.cell!r} is in {source}, target is in %",
                             "give the rate in %")
            return float(value)
        if source == unit:
            return float(value)
        try:
            return float(value * conversion_factor(source, unit))
        except (IncompatibleUnits, UnknownUnit):
            self._refuse(raw, raw.column,
                         f"unit {source!r} cannot be converted to the target's unit {unit!r}",
                         f"write the figure in {unit} or a unit of the same kind")

    # -------------------------------------------------------------- whole file
    def _unused_rows(self, raws, rows, skipped) -> list[Problem]:
        used = {r["source_row"] for r in rows}
        problems = []
        for line, raw in skipped.items():
            if line in used:
                continue
            try:
                target = self._target_quiet(raw)
            except LookupError:
                continue
            if target is None:
                continue
            want = "cumulative growth rate (%)" if target["measure"] == "ytd_growth" else \
                f"figure in {target['unit']}"
            problems.append(Problem(self.file, line, raw.column,
                                    f"no usable figure for {target['name_zh']}",
                                    f"this indicator needs its {want}"))
        return problems

    def _target_quiet(self, raw: RawFigure) -> dict | None:
        pos = self.index.resolve(raw.indicator, raw.entity, None)
        return self.index.targets.iloc[pos].to_dict()

    def _duplicates(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
        key = ["entity", "year", "id", "period_start", "period_end", "basis"]
        dup = frame[frame.duplicated(key, keep=False)]
        problems = []
        for _, group in dup.groupby(key, sort=False):
            first = group.iloc[0]
            for _, other in group.iloc[1:].iterrows():
                same = other["value"] == first["value"]
                problems.append(Problem(
                    self.file, int(other["source_row"]), other["source_column"],
                    f"{other['id']} {_period_text(other)} appears again (first on row "
                    f"{int(first['source_row'])})" + ("" if same else
                                                     f" with a different value "
                                                     f"{other['value']:g} vs {first['value']:g}"),
                    "keep one row per indicator and period",
                    "warning" if same else "error"))
        return frame.drop_duplicates(key, keep="first").reset_index(drop=True), problems


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _effective_unit(cell_unit: str, raw: RawFigure, target_unit: str) -> str:
    """The unit a value was written in: cell, column header, row label, 单位 row, catalogue.

    A bare multiplier ("110万") scales the catalogue's base unit (万吨 -> 吨 -> 110万吨).
    """
    for unit in (cell_unit, raw.unit_hint, raw.label_unit):
        if unit:
            return _with_base(unit, target_unit)
    return target_unit


def _with_base(unit: str, target_unit: str) -> str:
    if unit not in MULTIPLIERS:
        return unit
    base = target_unit
    for prefix in MULTIPLIERS:
        if base.startswith(prefix) and len(base) > len(prefix):
            base = base[len(prefix):]
            break
    return unit + base


def _period_text(rec) -> str:
    start, end = int(rec["period_start"]), int(rec["period_end"])
    return f"{start}-{end}月" if start != end else f"{end}月"
