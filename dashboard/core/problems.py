"""Problems found in an input file, and the exception that carries all of them.

IngestError            a file was refused; .problems lists every problem found
  CatalogueError       targets.csv (or seasonal_profiles.csv) was refused
Problem                file, row, column, what is wrong and how to fix it (message keys
                       with their parameters), severity (error | warning)
"""

from dataclasses import dataclass, field

from dashboard.core.errors import DashboardError
from dashboard.core.messages import text


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    key: str  # what is wrong (a message key)
    hint_key: str = ""  # how to fix it (a message key; "" for no hint)
    params: dict = field(default_factory=dict, hash=False)  # fills both texts
    severity: str = "error"

    def message_in(self, lang: str) -> str:
        return text(self.key, lang, **self.params)

    def hint_in(self, lang: str) -> str:
        return text(self.hint_key, lang, **self.params) if self.hint_key else ""

    @property
    def message(self) -> str:
        return self.message_in("en")

    @property
    def hint(self) -> str:
        return self.hint_in("en")

    def line(self, lang: str = "en") -> str:
        """`FILE:ROW:COLUMN: message — hint`: the form editors and CI logs link."""
        where = f"{self.file}:{self.row or 0}:{self.column or '-'}"
        message, hint = self.message_in(lang), self.hint_in(lang)
        return f"{where}: {message} — {hint}" if hint else f"{where}: {message}"


@dataclass(frozen=True)
class Skipped:
    """A data row that is not stored and not an error: a breakdown or other indicator, a
    place without targets, a single-month figure, an estimate, or a row without a figure.
    `key` says why (a message key); `label` is the row's label as written."""

    row: int
    label: str
    key: str
    params: dict = field(default_factory=dict, hash=False)

    def reason_in(self, lang: str) -> str:
        return text(self.key, lang, **self.params)


class IngestError(DashboardError):
    """A file was refused. Its key is the headline ("refused"); its text, every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("refused")

    def __reduce__(self):
        """Rebuilt from its problems when it comes back from the parsing process."""
        return type(self), (self.problems,)

    def text(self, lang: str) -> str:
        return "\n".join(p.line(lang) for p in self.problems)


class CatalogueError(IngestError):
    pass


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (how Excel names the column a user will look at)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
