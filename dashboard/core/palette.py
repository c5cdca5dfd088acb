"""How results look wherever they are drawn: status order, colour and icon; the gauge's range.

Pages, charts and exports draw the same status the same way; the colour is never the only
sign (words and icons go with it).
"""

import pandas as pd

STATUS_ORDER = (
    "off_track",
    "at_risk",
    "on_track",
    "achieved",
    "overdue_report",
    "no_data",
    "not_assessable",
)
# The overview counts on_track apart as 超序时 (ahead) and 达序时 (level or on schedule), as
# bulletins count 超进度 and 达进度 apart (金寨, docs/judgement-rules.md S2).
TILE_ORDER = (
    "off_track",
    "at_risk",
    "ahead",
    "level",
    "achieved",
    "overdue_report",
    "no_data",
    "not_assessable",
)
STATUS_COLORS = {
    "achieved": "#1a7f37",
    "on_track": "#4ac26b",
    "ahead": "#2da44e",
    "level": "#4ac26b",
    "at_risk": "#d4a72c",
    "off_track": "#cf222e",
    "overdue_report": "#8250df",
    "no_data": "#8c959f",
    "not_assessable": "#c9d1d9",
}
STATUS_ICONS = {
    "achieved": "✔",
    "on_track": "●",
    "ahead": "↑",
    "level": "●",
    "at_risk": "▲",
    "off_track": "✖",
    "overdue_report": "!",
    "no_data": "?",
    "not_assessable": "…",
}


def tile(status: str, time_position) -> str:
    """The overview tile a row counts under: on_track splits into ahead and level."""
    if status == "on_track":
        return "ahead" if time_position == "ahead" else "level"
    return status


def tiles(progress: pd.DataFrame) -> pd.Series:
    position = progress["time_position"] if "time_position" in progress else None
    if position is None:
        return progress["status"].map(lambda s: tile(s, None))
    return pd.Series(
        [tile(s, p) for s, p in zip(progress["status"], position, strict=True)],
        index=progress.index,
    )


def tile_key(name: str) -> str:
    """The message key of a tile's words."""
    own = ("ahead", "level", "overdue_report", "no_data")
    return f"tile.{name}" if name in own else f"status.{name}"


# A gauge's arc runs to 120% of the bar, so that "exceeded" is visible.
GAUGE_MAX = 120.0


def _luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_color(fill: str) -> str:
    """A status colour dark enough to write words in on white (contrast 4.5:1, WCAG AA):
    the light greens, yellows and greys are darkened, the others kept."""
    rgb = [int(fill.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    while 1.05 / (_luminance(rgb) + 0.05) < 4.5:
        rgb = [c * 0.9 for c in rgb]
    return "#" + "".join(f"{round(c):02x}" for c in rgb)
