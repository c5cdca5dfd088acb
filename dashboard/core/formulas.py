"""Formula injection: a text cell that a spreadsheet would run as a formula (=, +, -, @)
is written with a leading ' so that Excel and WPS show it as text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
