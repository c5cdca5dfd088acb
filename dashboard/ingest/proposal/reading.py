"""One sentence -> its proposed targets and last year's figures.

The sentence's clauses each have an era (this year's target, last year's result, a later
plan) and maybe a due date; its numbers become targets or baselines by the era of their
clause, and clauses with a date and no number become milestones (events).
"""

from dataclasses import dataclass
from datetime import date

from dashboard.core.messages import Msg
from dashboard.ingest.proposal import events
from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal import phrasing as ph
from dashboard.ingest.proposal.confidence import score
from dashboard.ingest.proposal.dates import DueDate, find_due_date
from dashboard.ingest.proposal.mentions import Clause, Mention, read_sentence
from dashboard.ingest.proposal.records import Baseline, ProposedTarget
from dashboard.ingest.proposal.sections import Paragraph, clause_eras
from dashboard.ingest.proposal.text import CleanText, Piece, clauses

SHORT_NAME = 3
DATE_ONLY_CLAUSE = 3  # "今年6月底前，" opens a sentence whose targets it dates


@dataclass(frozen=True)
class SentenceContext:
    cleaned: CleanText
    piece: Piece
    section: str
    eras: list[tuple[Piece, str]]
    dues: list[DueDate | None]
    year: int

    def numeric_due(self, due: DueDate | None) -> date | None:
        """A number's due date; the end of the report's year is every annual target's due
        date, so a number due then ("年内新增…") is written without one, as the catalogue does."""
        if due is None or due.when == date(self.year, 12, 31):
            return None
        return due.when

    def span(self, start: int, end: int) -> tuple[str, tuple[int, int]]:
        """Sentence-relative stretch -> (its clean text, its span in the original)."""
        absolute = self.piece.start + start, self.piece.start + end
        return self.cleaned.text[absolute[0] : absolute[1]], self.cleaned.span(*absolute)


def read(
    cleaned: CleanText,
    paragraph: Paragraph,
    sentence: Piece,
    year: int,
    carry: str,
    undated: bool,
) -> tuple[list[ProposedTarget], list[Baseline], str]:
    """(targets, baselines, the era the sentence ends in)."""
    if paragraph.era == "target":
        eras = clause_eras(sentence, year, carry)
    else:
        eras = [(c, "past") for c in clauses(sentence)]
    dues = [_due(c.text, year) for c, _ in eras]
    ctx = SentenceContext(cleaned, sentence, paragraph.section, eras, dues, year)
    relative = [Clause(c.start - sentence.start, c.end - sentence.start) for c, _ in eras]
    mentions = read_sentence(sentence.text, relative)
    targets, baselines = [], []
    for mention in mentions:
        era = eras[mention.clause][1]
        if era == "past":
            baselines += _baselines(ctx, mention)
        elif era == "target":
            targets += _targets(ctx, mention, _mention_due(ctx, mention))
    targets = events.dated_and_undated(ctx, mentions, targets, year, undated)
    return targets, baselines, eras[-1][1] if eras else carry


def _due(text: str, year: int) -> DueDate | None:
    due = find_due_date(text, year)
    return due if due is not None and due.when.year >= year else None


def _mention_due(ctx: SentenceContext, mention: Mention) -> date | None:
    due = ctx.dues[mention.clause]
    if due is None and ctx.dues and ctx.dues[0] is not None and mention.clause > 0:
        opener = ctx.eras[0][0].text
        if len(opener.strip("，,：: ")) - (ctx.dues[0].end - ctx.dues[0].start) <= DATE_ONLY_CLAUSE:
            due = ctx.dues[0]
    return ctx.numeric_due(due)


def _targets(ctx: SentenceContext, mention: Mention, due: date | None) -> list[ProposedTarget]:
    q = mention.quantity
    source, span = ctx.span(*mention.span)
    rows = []
    for name in (n.with_topic(m, ctx.piece.text) for m in mention.names):
        kind = ph.kind(name, q)
        notes = [*mention.notes, *_quantity_notes(mention, name)]
        measure, frequency = ph.measure_and_frequency(name, kind, mention.comparator)
        rows.append(
            ProposedTarget(
                name_zh=name,
                kind=kind,
                comparator=mention.comparator,
                direction=ph.direction(name, mention.comparator, q),
                target_value=q.value,
                target_low=q.low,
                target_high=q.high,
                unit=q.unit,
                frequency=frequency,
                measure=measure,
                due_date=due,
                section=ctx.section,
                source_text=source,
                span=span,
                confidence=score(tuple(notes)),
                notes=tuple(notes),
                context=ctx.piece.text,
            )
        )
    return rows


def _quantity_notes(mention: Mention, name: str) -> list[str]:
    notes = []
    if mention.quantity.chinese:
        notes.append(Msg.of("proposal.note.chinese_numeral"))
    if len(name) < SHORT_NAME:
        notes.append(Msg.of("proposal.note.short_name"))
    if mention.quantity.dimension == "bare":
        notes.append(Msg.of("proposal.note.bare_multiplier"))
    return notes


def _baselines(ctx: SentenceContext, mention: Mention) -> list[Baseline]:
    q = mention.quantity
    if q.value is None:
        return []
    source, span = ctx.span(*mention.span)
    return [Baseline(name, q.value, q.unit, q.dimension, span, source) for name in mention.names]
