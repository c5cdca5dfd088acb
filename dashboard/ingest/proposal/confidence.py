"""How sure the rules are about a proposed row, 0..1, from what they had to guess.

A clear "name + number + unit + 以上/左右" with a committing verb is near certain; every
guess (a verb carried over, a name completed from the previous figure, a Chinese numeral, a
comparator spread over a list, a scope verb that may not commit to anything) costs a share.
The figure orders the review; it is not a probability.
"""

START = 0.95
COSTS = (
    # (substring of a note, cost)
    ("scope:", 0.35),
    ("ambiguous", 0.2),
    ("Chinese numeral", 0.15),
    ("name completed", 0.1),
    ("verb carried over", 0.05),
    ("各:", 0.1),
    ("分别:", 0.05),
    ("milestone", 0.2),
    ("short name", 0.25),
    ("bare multiplier", 0.15),
    ("date attached", 0.1),
    ("no event verb", 0.2),
    ("undated", 0.2),
)


def score(notes: tuple[str, ...]) -> float:
    value = START
    for note in notes:
        value -= sum(cost for key, cost in COSTS if key in note)
    return round(min(max(value, 0.05), 0.99), 2)
