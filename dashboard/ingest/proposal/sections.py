"""Which part of the report a sentence is in: last year's results, the five-year plan, or
this year's work.

A work report reviews last year ("一、2025年工作回顾"), often sets out the five-year plan
("二、“十五五”时期主要目标任务") and then this year's work ("三、2026年重点工作"). Numbers in
the review are last year's results (baselines), numbers in the plan are 2030 goals; only the
year's work holds targets. Inside this year's work a sentence can still quote last year
("去年…增长5.4%"), and the main-targets sentence can compare with it ("力争比去年…") without
being a result.
"""

import re
from dataclasses import dataclass

from dashboard.ingest.proposal.text import CleanText, Piece, clauses, paragraphs

TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
SHORT_HEADING = 32
PAST_HEADING = ("回顾", "总结")
PLAN_HEADING = ("十五五", "十六五", "十七五", "今后五年", "五年规划", "中长期")
PAST_MARKERS = re.compile(r"去年|上年|过去一年|一年来|过去五年|五年来|初步核算|刚刚过去的")
# "遴选了15个", "筛选出46件": an action already done, in whatever section it is told.
DONE = re.compile(
    r"(?<![为除])了(?=[\d一二三四五六七八九十百千])|[筛遴评选]出(?=[\d一二三四五六七八九十百千])"
)
NOT_PAST = re.compile(r"[比较于与超]$|同比$")
COMPARISON_AFTER = re.compile(r"^(同期|基础上|水平|的基础|的水平)")
PRESENT_MARKERS = re.compile(r"今年|力争|确保|预期目标|计划")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
PLAN_MARKERS = re.compile(r"到(20\d{2})年|(20\d{2})年前|十五五末|十五五期末|今后五年|年均")


@dataclass(frozen=True)
class Paragraph:
    piece: Piece
    era: str  # "target", "past" or "plan"
    section: str  # the heading it sits under, for the catalogue's section column
    heading: bool  # the paragraph is only a heading


def annotate(text: CleanText, year: int) -> list[Paragraph]:
    found, era, top, sub = [], "target", "", ""
    for piece in paragraphs(text.text):
        level = _heading_level(text, piece)
        if level == 1:
            era = _era_of_heading(piece.text, year, era)
            top, sub = _title(piece.text), ""
        elif level == 2:
            sub = _title(piece.text)
        heading = level > 0 and _only_heading(piece.text)
        found.append(Paragraph(piece, era, sub or top, heading))
    return found


def _heading_level(text: CleanText, piece: Piece) -> int:
    markdown = text.heading_levels.get(piece.start, 0)
    if markdown:
        return 1 if markdown <= 2 else 3
    if TOP_HEADING.match(piece.text) and _only_heading(piece.text):
        return 1
    if SUB_HEADING.match(piece.text):
        return 2
    return 3 if _only_heading(piece.text) else 0


def _only_heading(line: str) -> bool:
    """Short, and no sentence in it: a line ending with 。 is a sentence, however short."""
    if line.rstrip().endswith(("。", "！", "？", "；", ";")):
        return False
    body = line.rstrip("：: ")
    return len(body) <= SHORT_HEADING and not any(c in body for c in "。；，")


def _era_of_heading(heading: str, year: int, current: str) -> str:
    if any(w in heading for w in PAST_HEADING):
        return "past"
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", heading)]
    if year in years:
        return "target"
    if any(w in heading for w in PLAN_HEADING) or any(y > year for y in years):
        return "plan"
    if years and max(years) < year:
        return "past"
    return "target"


def _title(heading: str) -> str:
    text = TOP_HEADING.sub("", SUB_HEADING.sub("", heading))
    text = text.replace("关键词", "").strip("【】[] ")
    text = re.split(r"[。，；：\s]", text, maxsplit=1)[0]
    return text.strip("【】[]")


def clause_eras(sentence: Piece, year: int) -> list[tuple[Piece, str]]:
    """Each clause of a sentence in this year's work: 'target', 'past' or 'plan'.

    A past marker ("去年", "2025年", "初步核算") turns its clause and the rest of the sentence
    into last year's results until a present marker ("今年", "力争") turns it back.
    """
    state, found = "target", []
    for clause in clauses(sentence):
        state = _clause_state(clause.text, year, state)
        found.append((clause, state))
    return found


def _clause_state(text: str, year: int, state: str) -> str:
    if _plan(text, year):
        return "plan"
    if _past(text, year):
        return "past"
    if PRESENT_MARKERS.search(text) or str(year) in text:
        return "target"
    return "target" if state == "plan" else state


def _past(text: str, year: int) -> bool:
    for m in PAST_MARKERS.finditer(text):
        if not NOT_PAST.search(text[: m.start()]) and not COMPARISON_AFTER.match(text[m.end() :]):
            return True
    if DONE.search(text):
        return True
    for m in YEAR.finditer(text):
        if int(m.group(1)) < year and not NOT_PAST.search(text[: m.start()]):
            return True
    return False


def _plan(text: str, year: int) -> bool:
    for m in PLAN_MARKERS.finditer(text):
        horizon = m.group(1) or m.group(2)
        if horizon is None or int(horizon) > year + 1:
            return True
    return False
