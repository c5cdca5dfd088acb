"""A work report's text -> proposed catalogue rows and last year's figures.

Deterministic rules only: the same text always gives the same rows. The steps, each in its
own module: clean the text and keep every character's place (text), find which part of the
report a sentence is in (sections), find the numbers with units (quantities), give each its
name, verb and comparator (mentions, phrasing), read due dates (dates) and dated events
(milestones), attach last year's figures (baselines), suggest a department (departments)
and score what had to be guessed (confidence).
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from dashboard.ingest.proposal import baselines as base
from dashboard.ingest.proposal import milestones as ms
from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal import phrasing as ph
from dashboard.ingest.proposal.confidence import score
from dashboard.ingest.proposal.dates import DueDate, find_due_date
from dashboard.ingest.proposal.departments import EMPTY, KeywordTable
from dashboard.ingest.proposal.mentions import Clause, Mention, read_sentence
from dashboard.ingest.proposal.records import Baseline, Proposal, ProposedTarget
from dashboard.ingest.proposal.sections import Paragraph, annotate, clause_eras
from dashboard.ingest.proposal.text import CleanText, Piece, clauses, clean, sentences

SHORT_NAME = 3
DATE_ONLY_CLAUSE = 3  # "今年6月底前，" opens a sentence whose targets it dates


@dataclass(frozen=True)
class Options:
    year: int
    keywords: KeywordTable = EMPTY
    undated_milestones: bool = False


def propose(
    text: str,
    year: int,
    keywords: KeywordTable = EMPTY,
    undated_milestones: bool = False,
) -> Proposal:
    options = Options(year, keywords, undated_milestones)
    cleaned = clean(text)
    targets: list[tuple[int, ProposedTarget]] = []
    baselines: list[Baseline] = []
    sentence_index = 0
    for paragraph in annotate(cleaned, year):
        if paragraph.era == "plan" or paragraph.heading:
            continue
        carry = "target"
        for number, sentence in enumerate(sentences(paragraph.piece)):
            found, past, state = _sentence(cleaned, paragraph, sentence, options, carry)
            # "一年来，我们…" / "2024年，面对…": a paragraph that opens with last year goes
            # on telling last year until a sentence speaks of this one.
            carry = state if number == 0 and state == "past" or carry == "past" else "target"
            sentence_index += 1
            targets += [(sentence_index, t) for t in found]
            baselines += past
    known = tuple(baselines)
    finished = [_finish(t, known, keywords) for t in _without_repeats(targets)]
    return Proposal(tuple(finished), known, text)


REPEAT_STEM = 4  # "整车产量" restated is one target; "完成投资" in two places is two


def _without_repeats(targets: list[tuple[int, ProposedTarget]]) -> list[ProposedTarget]:
    """A target the report states again in another sentence (summary and body) is proposed
    once, where first seen: same name, same numbers, and a name specific enough to tell."""
    kept: list[tuple[int, ProposedTarget]] = []
    for sentence, target in targets:
        if not any(s != sentence and _same_target(target, k) for s, k in kept):
            kept.append((sentence, target))
    return [t for _, t in kept]


def _same_target(a: ProposedTarget, b: ProposedTarget) -> bool:
    numbers = (a.target_value, a.target_low, a.target_high, a.unit, a.comparator, a.due_date)
    if numbers != (b.target_value, b.target_low, b.target_high, b.unit, b.comparator, b.due_date):
        return False
    return n.root(a.name_zh) == n.root(b.name_zh) and len(n.root(a.name_zh)) >= REPEAT_STEM


def _finish(target: ProposedTarget, baselines, keywords: KeywordTable) -> ProposedTarget:
    target = base.attach(target, baselines)
    return replace(target, department=keywords.suggest(target.name_zh, target.context))


@dataclass(frozen=True)
class _Sentence:
    cleaned: CleanText
    piece: Piece
    section: str
    eras: list[tuple[Piece, str]]
    dues: list[DueDate | None]


def _sentence(cleaned, paragraph: Paragraph, sentence: Piece, options: Options, carry: str):
    year = options.year
    if paragraph.era == "target":
        eras = clause_eras(sentence, year, carry)
    else:
        eras = [(c, "past") for c in clauses(sentence)]
    dues = [_due(c.text, year) for c, _ in eras]
    ctx = _Sentence(cleaned, sentence, paragraph.section, eras, dues)
    relative = [Clause(c.start - sentence.start, c.end - sentence.start) for c, _ in eras]
    mentions = read_sentence(sentence.text, relative)
    targets, baselines = [], []
    for mention in mentions:
        era = eras[mention.clause][1]
        if era == "past":
            baselines += _baselines(ctx, mention)
        elif era == "target":
            targets += _targets(ctx, mention, _mention_due(ctx, mention))
    targets = _dated_events(ctx, mentions, targets, options)
    return targets, baselines, eras[-1][1] if eras else carry


def _due(text: str, year: int) -> DueDate | None:
    due = find_due_date(text, year)
    return due if due is not None and due.when.year >= year else None


def _mention_due(ctx: _Sentence, mention: Mention) -> date | None:
    due = ctx.dues[mention.clause]
    if due is None and ctx.dues and ctx.dues[0] is not None and mention.clause > 0:
        opener = ctx.eras[0][0].text
        if len(opener.strip("，,：: ")) - (ctx.dues[0].end - ctx.dues[0].start) <= DATE_ONLY_CLAUSE:
            due = ctx.dues[0]
    return due.when if due is not None else None


def _span(ctx: _Sentence, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """Sentence-relative stretch -> (its clean text, its span in the original)."""
    absolute = ctx.piece.start + start, ctx.piece.start + end
    return ctx.cleaned.text[absolute[0] : absolute[1]], ctx.cleaned.span(*absolute)


def _targets(ctx: _Sentence, mention: Mention, due: date | None) -> list[ProposedTarget]:
    q = mention.quantity
    source, span = _span(ctx, *mention.span)
    rows = []
    for name in mention.names:
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
        notes.append("Chinese numeral read as a number")
    if len(name) < SHORT_NAME:
        notes.append("short name: check what is counted")
    if mention.quantity.dimension == "bare":
        notes.append("bare multiplier: unit not written")
    return notes


def _baselines(ctx: _Sentence, mention: Mention) -> list[Baseline]:
    q = mention.quantity
    if q.value is None:
        return []
    source, span = _span(ctx, *mention.span)
    return [Baseline(name, q.value, q.unit, q.dimension, span, source) for name in mention.names]


def _dated_events(ctx: _Sentence, mentions, targets, options: Options) -> list[ProposedTarget]:
    """Clauses with a date and no number: a milestone, or the date of the number before."""
    with_numbers = {m.clause for m in mentions}
    for index, (clause, era) in enumerate(ctx.eras):
        if era != "target" or index in with_numbers:
            continue
        due = ctx.dues[index]
        if due is None:
            if options.undated_milestones:
                targets += _undated(ctx, clause, options.year)
            continue
        rest = ms.without_date(clause.text, due)
        if len(rest) < 2:
            continue
        previous = [m for m in mentions if m.clause == index - 1]
        if previous and previous[-1].number_first and ms.is_short_event(rest):
            targets = _date_previous(targets, ctx, previous[-1], due)
            continue
        before = ctx.eras[index - 1][0].text if index else ""
        name = ms.dated_name(rest, before if index - 1 not in with_numbers else "")
        start = ctx.eras[index - 1][0].start if name != rest and index else clause.start
        targets.append(_milestone(ctx, name, start, clause.end, due.when, clause.text))
    return targets


def _date_previous(targets, ctx: _Sentence, mention: Mention, due: DueDate):
    source, _ = _span(ctx, *mention.span)
    note = "date attached from the next clause"
    return [
        replace(t, due_date=due.when, notes=(*t.notes, note), confidence=score((*t.notes, note)))
        if t.source_text == source and t.due_date is None
        else t
        for t in targets
    ]


def _milestone(ctx, name, start, end, due, clause_text, dated=True) -> ProposedTarget:
    notes = ["milestone: dated event" if dated else "milestone undated: due at the end of the year"]
    if not ms.event_verb(clause_text):
        notes.append("no event verb: check that this is a milestone")
    cleaned = ctx.cleaned
    span = cleaned.span(start, end)
    return ProposedTarget(
        name_zh=name,
        kind="milestone",
        comparator="milestone",
        direction="higher",
        target_value=None,
        target_low=None,
        target_high=None,
        unit="",
        frequency="event",
        measure="status",
        due_date=due,
        section=ctx.section,
        source_text=cleaned.text[start:end].strip("，。；：,;:"),
        span=span,
        confidence=score(tuple(notes)),
        notes=tuple(notes),
        context=ctx.piece.text,
    )


def _undated(ctx: _Sentence, clause: Piece, year: int) -> list[ProposedTarget]:
    if ms.COVERAGE in clause.text:
        return [_coverage(ctx, clause)]
    rows = []
    end_of_year = date(year, 12, 31)
    for name in ms.undated_names(clause.text):
        rows.append(
            _milestone(ctx, name, clause.start, clause.end, end_of_year, clause.text, False)
        )
    return rows


def _coverage(ctx: _Sentence, clause: Piece) -> ProposedTarget:
    """'推动市级未成年人救助保护机构全覆盖': a share of 100 %, held all year."""
    name = ms.coverage_name(clause.text)
    notes = ("全覆盖: read as 100 %", "undated: no date or number in the text")
    return ProposedTarget(
        name_zh=name,
        kind="share",
        comparator="maintain",
        direction="higher",
        target_value=Decimal(100),
        target_low=None,
        target_high=None,
        unit="%",
        frequency="quarterly",
        measure="level",
        due_date=None,
        section=ctx.section,
        source_text=clause.text.strip("，。；：,;:"),
        span=ctx.cleaned.span(clause.start, clause.end),
        confidence=score(notes),
        notes=notes,
        context=ctx.piece.text,
    )
