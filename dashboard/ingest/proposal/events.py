"""Rows for events: a dated clause without a number is a milestone, or the due date of the
number just before it; undated events and 全覆盖 aims on request (see milestones)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from dashboard.core.messages import Msg
from dashboard.ingest.proposal import milestones as ms
from dashboard.ingest.proposal.confidence import score
from dashboard.ingest.proposal.dates import DueDate
from dashboard.ingest.proposal.mentions import Mention
from dashboard.ingest.proposal.records import ProposedTarget
from dashboard.ingest.proposal.text import Piece


def dated_and_undated(ctx, mentions, targets, year: int, undated: bool) -> list[ProposedTarget]:
    """Clauses with a date and no number: a milestone, or the date of the number before."""
    with_numbers = {m.clause for m in mentions}
    for index, (clause, era) in enumerate(ctx.eras):
        if era != "target" or index in with_numbers:
            continue
        due = ctx.dues[index]
        if due is None:
            if undated:
                targets += _undated(ctx, clause, year)
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


def _date_previous(targets, ctx, mention: Mention, due: DueDate):
    if ctx.numeric_due(due) is None:
        return targets  # "力争年内挂牌": the year's end, every annual target's due date
    source, _ = ctx.span(*mention.span)
    note = Msg.of("proposal.note.date_from_next")
    return [
        replace(t, due_date=due.when, notes=(*t.notes, note), confidence=score((*t.notes, note)))
        if t.source_text == source and t.due_date is None
        else t
        for t in targets
    ]


def _milestone(ctx, name, start, end, due, clause_text, dated=True) -> ProposedTarget:
    notes = [Msg.of("proposal.note.milestone" if dated else "proposal.note.milestone_undated")]
    if not ms.event_verb(clause_text):
        notes.append(Msg.of("proposal.note.no_event_verb"))
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


def _undated(ctx, clause: Piece, year: int) -> list[ProposedTarget]:
    if ms.COVERAGE in clause.text:
        return [_coverage(ctx, clause)]
    rows = []
    end_of_year = date(year, 12, 31)
    for name in ms.undated_names(clause.text):
        rows.append(
            _milestone(ctx, name, clause.start, clause.end, end_of_year, clause.text, False)
        )
    return rows


def _coverage(ctx, clause: Piece) -> ProposedTarget:
    """'推动市级未成年人救助保护机构全覆盖': a share of 100 %, held all year."""
    name = ms.coverage_name(clause.text)
    notes = (Msg.of("proposal.note.coverage"),)
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
