"""Problems found in an input file, and the exceptions that carry all of them.

IngestError            a file was refused; .problems lists every error found
  CatalogueError       targets.csv was refused
Problem                file, row, column, message, hint, severity (error | warning)
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str
    hint: str = ""
    severity: str = "error"

    def line(self) -> str:
        """`FILE:ROW:COLUMN: message (hint)` — the form editors and CI logs link."""
        where = f"{self.file}:{self.row or 0}:{self.column or '-'}"
        text = f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class IngestError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.line() for p in problems))


class CatalogueError(IngestError):
    pass


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "warning"]
