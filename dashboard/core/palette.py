"""How results look wherever they are drawn: status order, colour and icon; the gauge's range.

Pages, charts and exports draw the same status the same way; the colour is never the only
sign (words and icons go with it).
"""

STATUS_ORDER = ("off_track", "at_risk", "on_track", "achieved", "no_data", "not_assessable")
STATUS_COLORS = {
    "achieved": "#1a7f37",
    "on_track": "#4ac26b",
    "at_risk": "#d4a72c",
    "off_track": "#cf222e",
    "no_data": "#8c959f",
    "not_assessable": "#c9d1d9",
}
STATUS_ICONS = {
    "achieved": "✔",
    "on_track": "●",
    "at_risk": "▲",
    "off_track": "✖",
    "no_data": "?",
    "not_assessable": "…",
}

# A gauge's arc runs to 120% of the bar, so that "exceeded" is visible.
GAUGE_MAX = 120.0
