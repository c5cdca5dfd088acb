"""The catalogue as arrays and the result as arrays: what compute_progress works on.

String columns are compared in pandas (Arrow-backed, fast) and kept as boolean masks;
converting 80,000 strings to Python objects repeatedly would cost more than the maths.
"""

import numpy as np
import pandas as pd

from dashboard.core.progress_row import RESULT_COLUMNS, TARGET_KEY
from dashboard.core.units import COUNTED
from dashboard.core.vocab import (
    ASSESSMENTS,
    CUMULATIVE_RATES,
    DEFAULT_LAG,
    FIRST_REPORT_MONTH,
    FLOW_MEASURES,
    FREQUENCIES,
)

# The catalogue columns compute_progress reads (the rest, such as source_text and
# aliases, a caller need not read from the store; tests/test_progress_scale.py judges
# with these alone).
JUDGING_COLUMNS = (
    *TARGET_KEY,
    *("section", "department", "name_zh", "name_en", "kind", "comparator", "direction"),
    *("frequency", "measure", "unit", "due_date", "target_value", "target_low"),
    *("target_high", "tolerance_pp", "publication_lag", "assessment", "assessment_date"),
    *("nature", "supporting_departments", "source_doc"),
)
FLOW_COMPARATORS = ("at_least", "about", "range", "at_most", "exactly")
RATE_COMPARATORS = ("at_least", "about", "at_most", "exactly", "decrease")
COMPARATOR_MASKS = ("range", "about", "at_most", "decrease", "maintain", "milestone", "qualitative")


class Catalogue:
    """The catalogue's columns as numpy arrays and masks, computed once per call."""

    @classmethod
    def of(cls, t: pd.DataFrame) -> "Catalogue":
        c = cls()
        # each column of words hashed once and its rows looked up by number (compared
        # with each word, 80,000 texts cost a fifth of judging a province)
        comp, measure = _Words(t["comparator"]), _Words(t["measure"])
        unit = _Words(t["unit"])
        c.n = len(t)
        c.year = t["year"].to_numpy(dtype="int64")
        c.target = _numbers(t, "target_value")
        c.low = _numbers(t, "target_low")
        c.high = _numbers(t, "target_high")
        c.tolerance = _numbers(t, "tolerance_pp")
        c.lower = _Words(t["direction"]).among("lower")
        c.points = unit.among("%", "类")
        c.whole = unit.among(*COUNTED)  # 个, 所, 家: no 0.67所
        c.is_comp = {name: comp.among(name) for name in COMPARATOR_MASKS}
        c.flow_measure = measure.among(*FLOW_MEASURES)
        c.distinct = measure.among("ytd_distinct")
        c.cumulative_rate = measure.among(*CUMULATIVE_RATES)
        c.growth = measure.among("ytd_growth")
        c.level_measure = measure.among("level", "status")
        c.flow = c.flow_measure & comp.among(*FLOW_COMPARATORS)
        c.rate = (
            ~c.flow_measure
            & (c.cumulative_rate | measure.among("level"))
            & comp.among(*RATE_COMPARATORS)
        )
        frequency = _Words(t["frequency"])
        c.freq = {name: frequency.among(name) for name in FREQUENCIES}
        c.quarterly = c.freq["quarterly"]
        c.step = np.where(c.quarterly, 3.0, 1.0)  # months per reporting period
        c.first = np.select(
            [c.freq[name] for name in FIRST_REPORT_MONTH],
            [float(m) for m in FIRST_REPORT_MONTH.values()],
            np.nan,
        )
        # only milestones report progress as events; other "event" figures are never due
        c.first[c.freq["event"] & ~c.is_comp["milestone"]] = np.nan
        c.lag = _numbers(t, "publication_lag", DEFAULT_LAG)
        c.day = _numbers(t, "report_day")  # NaN: the deployment's report day
        c.assess = _assessments(t, c)
        c.due_month = _due_month(t["due_date"], c.year)
        judged_on = t["assessment_date"] if "assessment_date" in t else t["due_date"]
        assess_on = _due_month(judged_on.where(judged_on.notna(), t["due_date"]), c.year)
        scheduled = c.assess["year_end"] | c.assess["items"]
        c.assess_month = np.where(scheduled, np.nan_to_num(assess_on, nan=12.0), np.nan)
        return c

    def rows(self, rows: np.ndarray) -> "Catalogue":
        """The same arrays for `rows` only (positions): a family is judged on its own
        targets, not on every target's row masked afterwards."""
        return _CatalogueRows(self, rows)


class _CatalogueRows(Catalogue):
    """A Catalogue's arrays for some rows, each taken when first read: a family's judge
    reads half of them (taking all of them for three families cost 5 ms a province)."""

    def __init__(self, whole: Catalogue, rows: np.ndarray):
        self._whole, self._rows, self.n = whole, rows, len(rows)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_whole", "_rows"):
            raise AttributeError(name)
        value = getattr(self._whole, name)
        if isinstance(value, dict):
            value = {key: array[self._rows] for key, array in value.items()}
        elif isinstance(value, np.ndarray):
            value = value[self._rows]
        setattr(self, name, value)
        return value

    def rows(self, rows: np.ndarray) -> "Catalogue":
        return _CatalogueRows(self._whole, self._rows[rows])


def _numbers(t: pd.DataFrame, column: str, default: float = np.nan) -> np.ndarray:
    if column not in t:
        return np.full(len(t), default, dtype="float64")
    values = t[column]
    if not pd.api.types.is_float_dtype(values):  # a store's floats need no parsing
        values = pd.to_numeric(values, errors="coerce")
    values = values.to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isnan(values), default, values)


def _assessments(t: pd.DataFrame, c: Catalogue) -> dict[str, np.ndarray]:
    """Masks per assessment; a catalogue without the column is judged by family defaults."""
    default = {
        "linear": c.flow,
        "rate": c.rate,
        "every_period": c.is_comp["maintain"],
        "milestone": c.is_comp["milestone"],
    }
    stated = _equals(t["assessment"], ("", *ASSESSMENTS)) if "assessment" in t else None
    masks = {}
    for name in ASSESSMENTS:
        fallback = default.get(name, np.zeros(c.n, dtype=bool))
        if stated is None:
            masks[name] = fallback
        else:
            masks[name] = stated[name] | (stated[""] & fallback)
    given = np.any(np.stack(list(masks.values())), axis=0)
    masks["judgement"] = masks["judgement"] | ~given  # qualitative and anything else
    codes = pick([masks[name] for name in ASSESSMENTS], list(ASSESSMENTS), "judgement")
    return masks | {"_codes": codes}


def _equals(column: pd.Series, words: tuple[str, ...]) -> dict[str, np.ndarray]:
    """column == word for each word, a missing value counting as "" (see _Words)."""
    hashed = _Words(column)
    return {word: hashed.among(word) for word in words}


class _Words:
    """A column of words hashed once, its rows then found by number: a column of Python
    objects (as an all-empty one comes) compared word by word loops in Python (half a
    second for 800,000 targets), Arrow strings compared per word cost a pass each."""

    def __init__(self, column: pd.Series):
        self.codes, distinct = pd.factorize(column)  # missing: -1
        self.position = {word: i for i, word in enumerate(distinct.tolist())}

    def among(self, *words: str) -> np.ndarray:
        """Rows holding any of `words`; a missing value counts as ""."""
        held = np.zeros(len(self.position) + 1, dtype=bool)  # the last: missing (-1)
        held[[self.position[w] for w in words if w in self.position]] = True
        held[-1] = "" in words
        return held[self.codes]


def _due_month(dates: pd.Series, year: np.ndarray) -> np.ndarray:
    """A due (or assessment) date as a month of the target's year: 10月底 -> 10."""
    # months since 1970 straight from the dates (.dt.year and .dt.month made a pass each)
    due = pd.to_datetime(dates, errors="coerce").to_numpy(dtype="datetime64[M]")
    months = due.astype("int64").astype("float64")
    months[np.isnat(due)] = np.nan
    return months - (year - 1970) * 12 + 1


class Result:
    """Result columns as arrays, filled family by family, framed once at the end."""

    TEXTS = (
        "weights_basis",
        "projected_method",
        "milestone_state",
        "comment",
        "family",
        "time_position",
        "pace_period",
        "verdict_reason",
        "milestone_note",
        "items_open",
        "items_overdue_names",
    )
    PASSED = (
        "entity",
        "year",
        "id",
        "section",
        "department",
        "name_zh",
        "name_en",
        "kind",
        "comparator",
        "direction",
        "frequency",
        "measure",
        "unit",
        "due_date",
    )
    EXTRA = {
        "assessment_date": None,
        "nature": "expected",
        "supporting_departments": None,
        "source_doc": "work_report",
    }

    FROM_CATALOGUE = ("assessment", "target", "target_low", "target_high", "as_of_month")
    WORDS = ("status", "report_due")  # objects too, other than None at first or later

    def __init__(self, n: int):
        skip = {*self.TEXTS, *self.PASSED, *self.EXTRA, *self.FROM_CATALOGUE}
        numbers = [c for c in RESULT_COLUMNS if c not in skip and c not in self.WORDS]
        # rows of one block: one allocation and one fill for the 35 number columns
        self.cols = dict(zip(numbers, np.full((len(numbers), n), np.nan), strict=True))
        self.cols.update({name: objects(n, None) for name in self.TEXTS})
        self.cols["status"] = objects(n, "not_assessable")
        self.cols["report_due"] = objects(n, None)

    def put(self, mask: np.ndarray, **columns) -> None:
        # the rows as positions once (a boolean mask is read again for every column), a
        # single value written as it is (broadcast, then gathered, it was copied per row)
        rows = np.flatnonzero(mask)
        if len(rows):
            self._write(rows, rows, mask.shape, columns)

    def _write(self, into: np.ndarray, rows: np.ndarray, shape, columns: dict) -> None:
        """Values at `rows` of arrays of `shape` written into rows `into` of the result."""
        for name, values in columns.items():
            values = np.asarray(values)
            if values.ndim == 0:
                self.cols[name][into] = values
            else:
                self.cols[name][into] = np.broadcast_to(values, shape)[rows]

    def rows(self, rows: np.ndarray) -> "ResultRows":
        return ResultRows(self, rows)

    def frame(self, t: pd.DataFrame, c: Catalogue, month: int) -> pd.DataFrame:
        extra = {
            name: _filled(t[name], default) if name in t else default
            for name, default in self.EXTRA.items()
        }
        given = t[list(self.PASSED)].assign(
            **extra,
            assessment=c.assess["_codes"],
            target=t["target_value"].astype("float64"),
            target_low=t["target_low"].astype("float64"),
            target_high=t["target_high"].astype("float64"),
            as_of_month=month,
        )
        columns = {name: given[name] for name in given.columns}
        for name, values in self.cols.items():
            # object dtype as built: converting 80,000 labels to Arrow strings costs more
            # than judging them
            columns[name] = pd.Series(values, index=given.index, dtype=values.dtype, copy=False)
        # framed at once, in order (set one by one, each of 60 columns cost a rebuild of
        # the frame's column lookup, and the reordering another pass)
        return pd.DataFrame({name: columns[name] for name in RESULT_COLUMNS}, copy=False)


class ResultRows:
    """A Result seen through some of its rows (positions): what a judge of one family
    puts for its n-th row lands in the result's rows[n]."""

    def __init__(self, result: Result, rows: np.ndarray):
        self.result, self.positions = result, rows

    def put(self, mask: np.ndarray, **columns) -> None:
        rows = np.flatnonzero(mask)
        if len(rows):
            self.result._write(self.positions[rows], rows, mask.shape, columns)


def _filled(column: pd.Series, default) -> pd.Series:
    """`column` with `default` where missing. Arrow strings and dates are filled as they
    are (their where() went through Python objects: 0.15 s for 800,000 targets); a column
    of objects (all empty, as a store hands it) gets `default` for NaN and None alike."""
    if column.dtype == object:
        values = column.to_numpy(copy=True)
        values[column.isna().to_numpy()] = default
        return pd.Series(values, index=column.index, dtype=object, copy=False)
    if default is None:
        return column
    return column.fillna(default)


def objects(n: int, value) -> np.ndarray:
    """An object array holding `value` n times (np.full would build a string per row)."""
    out = np.empty(n, dtype=object)
    out.fill(value)
    return out


def pick(conditions: list, choices: list, default) -> np.ndarray:
    """np.select for words, as an object array: the first condition that holds chooses.
    (np.select would build a unicode array that costs a string object per row later.)"""
    out = objects(len(conditions[0]), default)
    taken = np.zeros(len(out), dtype=bool)
    for condition, choice in zip(conditions, choices, strict=True):
        fresh = np.asarray(condition, dtype=bool) & ~taken
        out[fresh] = choice
        taken |= fresh
    return out


def words_where(condition, yes, no) -> np.ndarray:
    """np.where for words, as an object array (see pick)."""
    return pick([condition], [yes], no) if np.ndim(no) == 0 else _where_objects(condition, yes, no)


def _where_objects(condition, yes, no) -> np.ndarray:
    out = np.asarray(no, dtype=object).copy()
    out[np.asarray(condition, dtype=bool)] = yes
    return out
