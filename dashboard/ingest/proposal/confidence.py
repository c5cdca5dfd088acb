"""How sure the rules are about a proposed row, 0..1, from what they had to guess.

A clear "name + number + unit + 以上/左右" with a committing verb is near certain; every
guess (a verb carried over, a name completed from the previous figure, a Chinese numeral, a
comparator spread over a list, a scope verb that may not commit to anything) costs a share.
The figure orders the review; it is not a probability.
"""

from dashboard.core.messages import Msg

START = 0.95
COSTS = {  # note key -> cost
    "proposal.note.scope": 0.35,
    "proposal.note.list_comparator": 0.2,
    "proposal.note.chinese_numeral": 0.15,
    "proposal.note.name_completed": 0.1,
    "proposal.note.verb_carried": 0.05,
    "proposal.note.each": 0.1,
    "proposal.note.respectively": 0.05,
    "proposal.note.milestone": 0.2,
    "proposal.note.milestone_undated": 0.4,
    "proposal.note.coverage": 0.25,
    "proposal.note.short_name": 0.25,
    "proposal.note.bare_multiplier": 0.15,
    "proposal.note.date_from_next": 0.1,
    "proposal.note.no_event_verb": 0.2,
}


def score(notes: tuple[Msg, ...]) -> float:
    value = START - sum(COSTS.get(note.key, 0) for note in notes)
    return round(min(max(value, 0.05), 0.99), 2)
