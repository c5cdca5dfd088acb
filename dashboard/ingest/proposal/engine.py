"""A work report's text -> proposed catalogue rows and last year's figures.

Deterministic rules only: the same text always gives the same rows. The steps, each in its
own module: clean the text and keep every character's place (text), find which part of the
report a sentence is in (sections), read each sentence (reading): the numbers with units
(quantities), each with its name, verb and comparator (mentions, names, lexicon, phrasing),
due dates (dates) and dated events (events, milestones); then attach last year's figures
(baselines), suggest a department (departments) and score what had to be guessed
(confidence).
"""

from dataclasses import replace

from dashboard.ingest.proposal import baselines as base
from dashboard.ingest.proposal import names as n
from dashboard.ingest.proposal import reading
from dashboard.ingest.proposal.departments import EMPTY, KeywordTable
from dashboard.ingest.proposal.records import Baseline, Proposal, ProposedTarget
from dashboard.ingest.proposal.sections import annotate
from dashboard.ingest.proposal.text import clean, sentences


def propose(
    text: str,
    year: int,
    keywords: KeywordTable = EMPTY,
    undated_milestones: bool = False,
) -> Proposal:
    cleaned = clean(text)
    targets: list[tuple[int, ProposedTarget]] = []
    baselines: list[Baseline] = []
    sentence_index = 0
    for paragraph in annotate(cleaned, year):
        if paragraph.era == "plan" or paragraph.heading:
            continue
        carry = "target"
        for number, sentence in enumerate(sentences(paragraph.piece)):
            found, past, state = reading.read(
                cleaned, paragraph, sentence, year, carry, undated_milestones
            )
            # "一年来，我们…" / "2024年，面对…": a paragraph that opens with last year goes
            # on telling last year until a sentence speaks of this one.
            opens_past = number == 0 and state == "past"
            carry = state if opens_past or carry == "past" else "target"
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
