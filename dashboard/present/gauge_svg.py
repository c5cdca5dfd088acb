"""A gauge as a small inline SVG with its words under it, for the overview's card grid.

Drawn on the server as text: no chart library in the browser, a fixed size that a CSS
grid wraps to any screen width. The card says in words what the colour says (status,
gap, which month the figure is for); the SVG's <title> is the tooltip.
"""

import math
from html import escape

from dashboard.core.explain import missing
from dashboard.core.palette import GAUGE_MAX, text_color

WIDTH, HEIGHT = 150, 84
CX, CY, OUTER, INNER = 75, 76, 66, 44
TRACK, TICK = "#eaeef2", "#24292f"


def _point(share: float, radius: float, scale: float = GAUGE_MAX) -> tuple[float, float]:
    """Where `share` (% of the bar) sits on the half circle: 0 left, `scale` right."""
    angle = math.pi * (1 - min(max(share, 0.0), scale) / scale)
    return CX + radius * math.cos(angle), CY - radius * math.sin(angle)


def _band(start: float, end: float, color: str, scale: float = GAUGE_MAX) -> str:
    """The ring between INNER and OUTER from share `start` to share `end`."""
    (x1, y1), (x2, y2) = _point(start, OUTER, scale), _point(end, OUTER, scale)
    (x3, y3), (x4, y4) = _point(end, INNER, scale), _point(start, INNER, scale)
    return (
        f'<path d="M{x1:.1f},{y1:.1f} A{OUTER},{OUTER} 0 0 1 {x2:.1f},{y2:.1f} '
        f'L{x3:.1f},{y3:.1f} A{INNER},{INNER} 0 0 0 {x4:.1f},{y4:.1f} Z" fill="{color}"/>'
    )


def _tick(share: float, scale: float) -> str:
    (x1, y1), (x2, y2) = _point(share, INNER - 3, scale), _point(share, OUTER + 4, scale)
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{TICK}" stroke-width="3"/>'
    )


def gauge_svg(cell: dict) -> str:
    """The arc, the time-share tick and the big number of one gauge cell
    (present/gauges.gauge_cell)."""
    scale = cell["scale"]
    parts = [_band(0, scale, TRACK, scale)]
    if cell["share"] > 0:
        parts.append(_band(0, cell["share"], cell["fill"], scale))
    if not missing(cell["tick"]):
        parts.append(_tick(float(cell["tick"]), scale))
    parts.append(
        f'<text x="{CX}" y="{CY - 6}" text-anchor="middle" '
        f'font-size="{19 * cell.get("headline_fit", 1.0):g}" font-weight="700" '
        f'fill="#1f2328">{escape(cell["headline"])}</text>'
    )
    return (
        f'<svg class="gauge-arc" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(cell["tooltip"])}">'
        f"<title>{escape(cell['tooltip'])}</title>{''.join(parts)}</svg>"
    )


def gauge_card(cell: dict) -> str:
    """The SVG and the lines under it: actual/target, gap, status, the figure's month."""
    lines = [
        f'<div class="gauge-line">{escape(cell["caption"])}</div>',
        f'<div class="gauge-gap">{escape(cell["gap"])}</div>' if cell["gap"] else "",
        f'<div class="gauge-status" style="color:{text_color(cell["fill"])}">'
        f"{escape(cell['icon'])} {escape(cell['status_text'])}</div>",
        f'<div class="gauge-note">{escape(cell["note"])}</div>' if cell["note"] else "",
    ]
    return f'<div class="gauge-card">{gauge_svg(cell)}{"".join(lines)}</div>'
