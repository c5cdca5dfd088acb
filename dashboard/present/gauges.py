"""What a gauge shows for each target: the share of its bar reached, the time-share tick,
the status colour and the words under it. Charts, the PDF bulletin and the PNG share it."""

import unicodedata

import pandas as pd

from dashboard.core.explain import missing
from dashboard.core.messages import joined, text
from dashboard.core.palette import GAUGE_MAX, STATUS_COLORS, STATUS_ICONS, tile
from dashboard.core.progress_row import ProgressRow
from dashboard.core.vocab import signed_bar
from dashboard.present.labels import (
    gap_text,
    headline,
    name_of,
    progress_line,
    section_word,
    short_name,
    stale_note,
    status_word,
)

TICKED = ("flow", "rate", "maintain")  # families whose gauge carries a tick


def gauge_share(r: ProgressRow) -> float:
    """How far along the gauge a target is, in % of its bar."""
    if r["family"] == "flow":
        return 0.0 if missing(r["completion_pct"]) else float(r["completion_pct"])
    if r["family"] == "milestone":
        return {"done": 100.0, "in_progress": 50.0}.get(r["milestone_state"], 0.0)
    if missing(r["actual"]) or missing(r["target"]):
        return 0.0
    actual = float(r["actual"])
    decrease = r["comparator"] == "decrease"
    bar = float(signed_bar(float(r["target"]), decrease))
    if decrease:  # both negative: the share of the required fall that has happened
        return max(0.0, 100 * actual / bar) if bar else 0.0
    if r["direction"] == "lower":
        return 100.0 if actual <= bar else max(0.0, 100 * bar / actual) if actual else 0.0
    return 100 * actual / bar if bar > 0 else (100.0 if actual >= bar else 0.0)


def gauge_scale(r: ProgressRow) -> float:
    """The share at which the arc is full: GAUGE_MAX (120%) so that exceeding shows, but
    100% for what cannot be exceeded and is complete (a done milestone, a level kept),
    which would otherwise read five sixths full."""
    kept = r["family"] == "maintain" and r.get("status") in ("on_track", "achieved")
    done = r["family"] == "milestone" and r["milestone_state"] == "done"
    return 100.0 if kept or done else GAUGE_MAX


# The big number sits in the ring's hollow, about 4.6 times its full font size wide (88 of
# the card's 19 px, 84 of the PNG's 15 px… in proportion); longer words ("0 households",
# "Class III") ran over the ring. Widths in ems of a bold sans: CJK full width, Latin about
# a little over half (measured on the cards: "0 households" 5.8 em).
HOLLOW_EMS = 4.6


def _ems(words: str) -> float:
    def width(ch: str) -> float:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            return 1.0
        return 0.22 if ch == " " else 0.3 if ch in "Iil.,:;|'" else 0.55

    return sum(width(ch) for ch in words)


def headline_fit(words: str) -> float:
    """The share of its full size the gauge's big number is drawn at (1.0 when it fits)."""
    ems = _ems(words)
    return 1.0 if ems <= HOLLOW_EMS else round(HOLLOW_EMS / ems, 2)


def tick(r: ProgressRow) -> float | None:
    """Where the gauge's tick sits: the time share for amounts, the bar (100%) for rates
    and maintained levels; None when there is nothing to mark."""
    mark = r["time_share_pct"] if r["family"] == "flow" else 100.0
    return None if r["family"] not in TICKED or missing(mark) else float(mark)


def gauge_cells(
    progress: pd.DataFrame,
    lang: str,
    name_limit: int = 13,
    supervised: dict[tuple[str, str], list[int]] | None = None,
) -> pd.DataFrame:
    """One row per target, in catalogue order: everything its gauge shows, in `lang`.
    `supervised`: open supervision items (督办) by (entity, target id), named on the card."""
    supervised = supervised or {}
    return pd.DataFrame(
        [
            gauge_cell(r, lang, name_limit, supervised.get((r["entity"], r["id"]), []))
            for r in progress.to_dict("records")
        ],
        columns=CELL_COLUMNS,
    )


def gauge_cell(r: ProgressRow, lang: str, name_limit: int = 13, items: list[int] = ()) -> dict:
    cell = {
        "id": r["id"],
        "section": section_word(r["section"], lang),
        "name": short_name(r, lang, name_limit),
        "full_name": name_of(r, lang),
        "share": gauge_share(r),
        "scale": gauge_scale(r),
        "tick": tick(r),
        "fill": STATUS_COLORS[r["status"]],
        "icon": STATUS_ICONS[tile(r["status"], r.get("time_position"))],  # as on its tile
        "headline": headline(r, lang),
        "headline_fit": 1.0,
        "caption": progress_line(r, lang),
        "gap": gap_text(r, lang),
        "note": stale_note(r, lang),
        "status_text": status_word(r, lang),
    }
    cell["headline_fit"] = headline_fit(cell["headline"])
    words = [cell["full_name"], f"{cell['icon']} {cell['status_text']}", cell["caption"]]
    if items:  # open supervision items (督办) show on the gauge
        marked = text("supervision.on_gauge", lang, ids=joined((f"#{i}" for i in items), lang))
        cell["note"] = " · ".join(w for w in [cell["note"], marked] if w)
    cell["tooltip"] = " · ".join(w for w in [*words, cell["gap"], cell["note"]] if w)
    return cell


CELL_COLUMNS = [
    "id",
    "section",
    "name",
    "full_name",
    "share",
    "scale",
    "tick",
    "fill",
    "icon",
    "headline",
    "headline_fit",
    "caption",
    "gap",
    "note",
    "status_text",
    "tooltip",
]
