"""The printable bulletin: title, status counts, gauges by section, the lagging indicators.

Gauges are drawn as vector shapes (fast, crisp in print); text uses a CJK font found on
the machine (see fonts.py), embedded as a subset.
"""

from collections.abc import Callable

import pandas as pd
from fpdf import FPDF

from dashboard.core.control_chars import visible
from dashboard.core.entity_ranking import entity_board, rankings, shared_ids
from dashboard.core.explain import shown_status, value_with_unit
from dashboard.core.messages import Glossed, glossary, in_lang, joined, text
from dashboard.core.milestones import state_word
from dashboard.core.palette import (
    STATUS_COLORS,
    TILE_ORDER,
    text_color,
    tile_key,
    tiles,
)
from dashboard.core.scoreboard import CATEGORIES, scoreboard
from dashboard.export.fonts import cjk_font
from dashboard.export.heading import Heading

FONT = "cjk"
PER_ROW, CELL_W, CELL_H = 5, 37.0, 44.0
NAME_LINES = 2  # a gauge's name wraps onto at most two lines under the one beside it
# 滞后及未报送: behind, and due but unreported (an older figure there or none at all)
LAGGING = ("off_track", "at_risk", "overdue_report", "no_data")
LAGGING_WIDTHS, LINE_H = (34, 14, 80, 58), 4.2
# fpdf2 justifies a table's text by default: narrow English columns read "Gas   pipes   built"
ALIGN = "LEFT"
Stage = Callable[[float, str], None]  # (fraction done, stage message key)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Bulletin(FPDF):
    def __init__(self, heading: Heading):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.heading = heading
        font = cjk_font()
        self.add_font(FONT, "", str(font))
        self.set_auto_page_break(auto=True, margin=14)
        self.set_margins(12, 12, 12)

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=8)
        self.set_text_color(110, 118, 129)
        self.cell(0, 5, f"{self.heading.title} · {self.page_no()}", align="C")

    def normalize_text(self, text: str) -> str:
        # Every string drawn passes here. A control character or bidirectional override
        # typed into a comment or a target name has no glyph in the font (a missing-glyph
        # box, and fpdf2 warns per page); written out as \x1b it reads as the other
        # outputs (terminal, table) show it.
        return super().normalize_text(visible(text))


def bulletin_pdf(
    progress: pd.DataFrame,
    heading: Heading,
    gauges: pd.DataFrame,
    lang: str = "zh",
    stage: Stage = lambda done, key: None,
    supervision: list[str] = (),
    supervised: frozenset[tuple[str, str]] = frozenset(),
) -> bytes:
    """`gauges`: what each target's gauge shows, one row per target (see
    present/gauges.gauge_cells: section, name, share, tick, fill, headline, caption, gap,
    status_text). `stage` hears how far the drawing is, section by section. `supervision`:
    the open supervision items (督办), one sentence each, listed after the lagging ones;
    `supervised`: (entity, id) of targets with one (the scoreboard's 督办中)."""
    pdf = Bulletin(heading)
    pdf.add_page()
    _title(pdf, heading)
    _counts(pdf, progress, lang)
    sections = list(gauges.groupby("section", sort=False))
    for n, (section, part) in enumerate(sections):
        stage(0.1 + 0.7 * n / len(sections), "export.stage.gauges")
        _section(pdf, section, part)
    stage(0.8, "export.stage.table")
    _lagging(pdf, progress, lang)
    _scoreboard(pdf, progress, supervised, lang)
    if supervision:
        _supervision(pdf, supervision, lang)
    stage(0.95, "export.stage.write")
    return bytes(pdf.output())


def _title(pdf: Bulletin, heading: Heading) -> None:
    pdf.set_font(FONT, size=18)
    pdf.set_text_color(36, 41, 47)
    pdf.cell(0, 10, heading.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    pdf.set_text_color(87, 96, 106)
    pdf.multi_cell(0, 6, heading.subtitle, new_x="LMARGIN", new_y="NEXT")  # a snapshot's note
    pdf.ln(2)


def _counts(pdf: Bulletin, progress: pd.DataFrame, lang: str) -> None:
    counts = tiles(progress).value_counts()
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / len(TILE_ORDER)
    y = pdf.get_y()
    for i, status in enumerate(TILE_ORDER):
        x = pdf.l_margin + i * width
        pdf.set_fill_color(*_rgb(STATUS_COLORS[status]))
        pdf.rect(x, y, 1.6, 13, style="F")
        pdf.set_xy(x + 3, y)
        pdf.set_font(FONT, size=8)
        pdf.set_text_color(87, 96, 106)
        pdf.cell(width - 3, 5, text(tile_key(status), lang))
        pdf.set_xy(x + 3, y + 5)
        pdf.set_font(FONT, size=15)
        pdf.set_text_color(36, 41, 47)
        pdf.cell(width - 3, 8, str(int(counts.get(status, 0))))
    pdf.set_y(y + 17)


def _section(pdf: Bulletin, section: str, part: pd.DataFrame) -> None:
    rows = (len(part) + PER_ROW - 1) // PER_ROW
    if pdf.get_y() + 9 + CELL_H > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.set_font(FONT, size=12)
    pdf.set_text_color(36, 41, 47)
    pdf.cell(0, 8, section, new_x="LMARGIN", new_y="NEXT")
    records = part.to_dict("records")
    for row in range(rows):
        if pdf.get_y() + CELL_H > pdf.h - pdf.b_margin:
            pdf.add_page()
        y = pdf.get_y()
        for col, r in enumerate(records[row * PER_ROW : (row + 1) * PER_ROW]):
            _gauge(pdf, pdf.l_margin + col * CELL_W, y, r)
        pdf.set_y(y + CELL_H)


def _gauge(pdf: Bulletin, x: float, y: float, cell: dict) -> None:
    pdf.set_font(FONT, size=7.5)
    pdf.set_text_color(36, 41, 47)
    for n, line in enumerate(_name_lines(pdf, cell["name"], CELL_W - 2)):
        pdf.set_xy(x, y + n * 3.4)
        pdf.cell(CELL_W - 1, 3.4, line, align="C")
    cx, cy, radius, inner = x + CELL_W / 2, y + 22, 12.0, 8.0
    scale = cell["scale"]  # 100% where complete, else GAUGE_MAX (present/gauges.py)
    share = min(max(cell["share"], 0.0), scale)
    _wedge(pdf, cx, cy, radius, 180, 360, "#eaeef2")
    if share > 0:
        _wedge(pdf, cx, cy, radius, 180, 180 + 180 * share / scale, cell["fill"])
    if not pd.isna(cell["tick"]):
        angle = 180 + 180 * min(cell["tick"], scale) / scale
        _wedge(pdf, cx, cy, radius + 0.8, angle - 1.5, angle + 1.5, "#24292f")
    _wedge(pdf, cx, cy, inner, 179, 361, "#ffffff")
    pdf.set_text_color(36, 41, 47)
    pdf.set_font(FONT, size=9 * cell.get("headline_fit", 1.0))
    pdf.set_xy(x, cy - 5)
    pdf.cell(CELL_W - 1, 5, cell["headline"], align="C")
    pdf.set_font(FONT, size=6.5)
    pdf.set_text_color(66, 74, 83)
    for n, words in enumerate((cell["caption"], cell["gap"])):
        pdf.set_xy(x, cy + 1 + n * 3.4)
        pdf.cell(CELL_W - 1, 3.4, words, align="C")
    pdf.set_text_color(*_rgb(text_color(cell["fill"])))
    pdf.set_xy(x, cy + 7.8)
    pdf.cell(CELL_W - 1, 3.6, cell["status_text"], align="C")
    if cell.get("note"):
        # the month of a figure older than the bulletin's (数据：前三季度, a milestone's
        # last report) and open supervision items, as the overview's cards say them
        pdf.set_font(FONT, size=6)
        pdf.set_text_color(110, 86, 0)
        pdf.set_xy(x, cy + 11.6)
        pdf.cell(CELL_W - 1, 3.2, cell["note"], align="C")


def _name_lines(pdf: Bulletin, name: str, width: float) -> list[str]:
    """The name wrapped to the cell's width, at most NAME_LINES lines (then "…")."""
    lines = pdf.multi_cell(width, 3.4, name, dry_run=True, output="LINES")
    if len(lines) > NAME_LINES:
        last = lines[NAME_LINES - 1]
        while last and pdf.get_string_width(last + "…") > width:
            last = last[:-1]
        lines = lines[: NAME_LINES - 1] + [last + "…"]
    return lines


def _wedge(
    pdf: Bulletin, cx: float, cy: float, radius: float, start: float, end: float, color: str
) -> None:
    """A filled pie slice. fpdf2 measures angles with y pointing down, so 180..360 is the
    upper half: the gauge runs from the left (180) over the top to the right (360)."""
    pdf.set_fill_color(*_rgb(color))
    pdf.set_draw_color(*_rgb(color))
    pdf.solid_arc(cx - radius, cy - radius, 2 * radius, start, end, style="F")


def _lagging(pdf: Bulletin, progress: pd.DataFrame, lang: str) -> None:
    # most behind first: that is what a meeting reads the list for
    lagging = progress[progress["status"].isin(LAGGING)].sort_values(
        "gap_pp", na_position="last", kind="stable"
    )
    pdf.add_page()
    pdf.set_font(FONT, size=13)
    pdf.set_text_color(36, 41, 47)
    title = text("export.lagging", lang, count=len(lagging))
    pdf.cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    if lagging.empty:
        return
    pdf.set_font(FONT, size=8)
    pdf.set_text_color(36, 41, 47)
    head = [
        text(f"export.lagging.{part}", lang)
        for part in ("indicator", "status", "explanation", "notes")
    ]
    with pdf.table(
        col_widths=LAGGING_WIDTHS,
        line_height=LINE_H,
        headings_style=_heading_style(),
        text_align=ALIGN,
    ) as table:
        table.row(head)
        for r in lagging.to_dict("records"):
            note = " / ".join(
                v for v in (r.get("reason"), r.get("measures")) if isinstance(v, str) and v
            )
            cells = [
                r[in_lang("name", lang)],
                shown_status(r, lang),
                r[in_lang("explanation", lang)] + _last_year(r, lang),
                note or "—",
            ]
            for piece in _page_sized(pdf, cells, lang):
                table.row(piece)


def _scoreboard(pdf: Bulletin, progress: pd.DataFrame, supervised, lang: str) -> None:
    """Department × category counts (超序时, 达序时, 欠序时, 已完成, 未报送, 其他, 督办中);
    where the catalogue sets targets for several areas, the areas counted alike on the
    indicators they share."""
    _board(
        pdf,
        scoreboard(progress, supervised),
        text("scoreboard.in_bulletin", lang),
        text("department", lang),
        lambda d: glossary("department", d, lang),
        lang,
    )
    if shared_ids(progress):
        board = entity_board(progress, supervised).rename(columns={"entity": "department"})
        _board(
            pdf,
            board,
            text("ranking.board", lang),
            text("ranking.entity", lang),
            lambda e: glossary("entity", e, lang),
            lang,
        )
        _ranks(pdf, progress, lang)


def _ranks(pdf: Bulletin, progress: pd.DataFrame, lang: str) -> None:
    """One line per shared indicator: its areas in rank order, the unranked named after
    (the page's ranking, compact: the gaps and figures are on the page)."""
    pdf.ln(4)
    pdf.set_font(FONT, size=13)
    pdf.set_text_color(36, 41, 47)
    pdf.cell(0, 9, text("ranking.section", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8)
    head = [text("ranking.indicator", lang), text("ranking.places", lang)]
    with pdf.table(
        col_widths=(60, 126), line_height=LINE_H, headings_style=_heading_style(), text_align=ALIGN
    ) as t:
        t.row(head)
        for _, rows in rankings(progress).groupby("id", sort=False):
            t.row([rows[in_lang("name", lang)].iloc[0], _places(rows, lang)])


def _places(rows: pd.DataFrame, lang: str) -> str:
    ranked = rows[rows["rank"].notna()]
    places = [
        text("ranking.place", lang, rank=int(r), entity=glossary("entity", e, lang))
        for r, e in zip(ranked["rank"], ranked["entity"], strict=True)
    ]
    unranked = tuple(rows.loc[rows["rank"].isna(), "entity"])
    after = text("ranking.unranked_list", lang, entities=Glossed("entity", unranked))
    return joined(places, lang) + (after if unranked else "")


def _board(pdf: Bulletin, board: pd.DataFrame, title: str, first: str, name, lang: str) -> None:
    if board.empty:
        return
    pdf.ln(4)
    pdf.set_font(FONT, size=13)
    pdf.set_text_color(36, 41, 47)
    pdf.cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=8)
    columns = ["total", *CATEGORIES, "supervised"]
    head = [first, *(text(f"scoreboard.column.{c}", lang) for c in columns)]
    widths = (50, *([17.0] * len(columns)))  # 186 mm: the page between its margins
    with pdf.table(
        col_widths=widths, line_height=LINE_H, headings_style=_heading_style(), text_align=ALIGN
    ) as table:
        table.row(head)
        for r in board.to_dict("records"):
            table.row([name(r["department"]), *(str(r[c]) for c in columns)])


def _supervision(pdf: Bulletin, lines: list[str], lang: str) -> None:
    pdf.ln(4)
    pdf.set_font(FONT, size=13)
    pdf.set_text_color(36, 41, 47)
    pdf.cell(
        0, 9, text("supervision.in_bulletin", lang, count=len(lines)), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font(FONT, size=9)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")


def _page_sized(pdf: Bulletin, cells: list[str], lang: str) -> list[list[str]]:
    """A row as one or more table rows, each short enough for a page.

    fpdf2 cannot split a row across pages ("row ... too high"), and a 1,200-character
    comment is taller than one, which made the export (of a snapshot: for good) fail.
    Cells are wrapped as the table will wrap them (a little narrower, so that no line
    wraps again) and cut at line ends; a continued row names its indicator as such."""
    lines = [
        pdf.multi_cell(w - 2 * pdf.c_margin, LINE_H, c, dry_run=True, output="LINES")
        for w, c in zip(LAGGING_WIDTHS, cells, strict=True)
    ]
    per_page = int((pdf.h - pdf.t_margin - pdf.b_margin) / LINE_H) - 8  # heading, padding
    tallest = max(len(cell) for cell in lines)
    if tallest <= per_page:
        return [cells]
    pieces = []
    for start in range(0, tallest, per_page):
        piece = ["\n".join(cell[start : start + per_page]) for cell in lines]
        if start:
            piece[0] = text("export.lagging.continued", lang, name=cells[0])
            piece[1] = cells[1]
        pieces.append(piece)
    return pieces


def _last_year(r: dict, lang: str) -> str:
    """去年同期 beside the explanation, where last year's figure is stored."""
    before = r.get("last_year_actual")
    if before is None or before != before:
        return ""
    if r.get("comparator") == "milestone":  # a state code, not an amount
        return text("export.last_year", lang, value=state_word(before, lang))
    return text(
        "export.last_year", lang, value=value_with_unit(before, r["unit"] or "", lang, r["id"])
    )


def _heading_style():
    from fpdf.fonts import FontFace

    return FontFace(emphasis=None, fill_color=(234, 238, 242))
