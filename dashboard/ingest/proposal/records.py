"""What the engine hands back: proposed target rows and last year's figures."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dashboard.core.messages import Msg


@dataclass(frozen=True)
class Baseline:
    """A result the report quotes for an earlier year ("2025年…增长5.4%"): never a target."""

    name: str
    value: Decimal
    unit: str
    dimension: str
    span: tuple[int, int]  # in the original text
    source_text: str


@dataclass(frozen=True)
class ProposedTarget:
    name_zh: str
    kind: str
    comparator: str
    direction: str
    target_value: Decimal | None
    target_low: Decimal | None
    target_high: Decimal | None
    unit: str
    frequency: str
    measure: str
    due_date: date | None
    section: str
    source_text: str  # the clause, verbatim
    span: tuple[int, int]  # the clause's characters in the original text
    confidence: float
    notes: tuple[Msg, ...] = field(default=())  # what the rules guessed, as message keys
    department: str = ""
    context: str = ""  # the whole sentence, for suggestions that need more than the clause
    baseline_value: Decimal | None = None
    baseline_unit: str = ""
    baseline_growth_pct: Decimal | None = None


@dataclass(frozen=True)
class Proposal:
    targets: tuple[ProposedTarget, ...]
    baselines: tuple[Baseline, ...]
    text: str  # the original text the spans refer to
