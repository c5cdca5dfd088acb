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
from dataclasses import dataclass, replace

from dashboard.ingest.proposal.text import CleanText, Piece, clauses, paragraphs

TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
SHORT_HEADING = 32
PAST_HEADING = ("回顾", "总结", "工作情况")
PLAN_HEADING = ("十五五", "十六五", "十七五", "今后五年", "五年规划", "中长期")
THIS_YEAR_HEADING = (
    "开局",
    "开好局",
    "起好步",
    "收官",
    "今年",
    "工作安排",
    "重点工作",
    "重点任务",
    "工作任务",
    "工作部署",
    "各项工作",
    "民生实事",
)
LONG_TOP_HEADING = 90
NOTES_HEADING = ("名词解释", "名词注释", "注释")
DATELINE = ("代表大会", "会议上", "title:")
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
    pieces = paragraphs(text.text)
    levels = [_heading_level(text, p) for p in pieces]
    found, era, top, sub = [], "target", "", ""
    explicit_seen = False
    for index, (piece, level) in enumerate(zip(pieces, levels, strict=True)):
        said = None
        if level == 1:
            said = _era_of_heading(piece.text, year)
            if said is None and TOP_HEADING.match(piece.text):
                said = _era_of_body(pieces, levels, index, year)
            if said is not None and not explicit_seen and said != "past":
                found = _review_before(found)
        elif level == 3:
            said = _era_of_heading(piece.text, year)
        explicit_seen = explicit_seen or said is not None
        era = said or era
        if level == 1:
            top, sub = _title(piece.text), ""
        elif level == 2:
            sub = _title(piece.text)
        heading = level > 0 and (_only_heading(piece.text) or level == 1)
        found.append(Paragraph(piece, era, sub or top, heading))
    return found


BODY_VOTE = 5  # paragraphs read after a heading that does not say what part it opens


def _era_of_body(pieces: list[Piece], levels: list[int], index: int, year: int) -> str | None:
    """'二、牢记历史使命，在中国式现代化建设中奋勇争先': the first paragraphs under it tell
    whether it reviews last year ("一年来", "2024年") or plans this one ("今年", "2025年")."""
    body = []
    for piece, level in zip(pieces[index + 1 :], levels[index + 1 :], strict=True):
        if level == 1 or len(body) == BODY_VOTE:
            break
        body.append(piece.text)
    text = "".join(body)
    present = len(PRESENT_MARKERS.findall(text)) + text.count(f"{year}年")
    past = len(PAST_MARKERS.findall(text)) + text.count(f"{year - 1}年")
    if present == past:
        return None
    return "target" if present > past else "past"


def _review_before(found: list[Paragraph]) -> list[Paragraph]:
    """A report that opens with its review under headings that do not say so ("一、奋力拼搏…",
    or none) and then names this year's part: what came before was last year's review, when
    it speaks of last year."""
    if not any(PAST_MARKERS.search(p.piece.text) for p in found):
        return found
    return [replace(p, era="past") for p in found]


def _heading_level(text: CleanText, piece: Piece) -> int:
    markdown = text.heading_levels.get(piece.start, 0)
    if markdown:
        return 1 if markdown <= 2 else 3
    if TOP_HEADING.match(piece.text) and _top_heading(piece.text):
        return 1
    if SUB_HEADING.match(piece.text):
        return 2
    return 3 if _only_heading(piece.text) else 0


def _top_heading(line: str) -> bool:
    """'二、奋勇争先、再上台阶，全力做好2025年各项工作': a numbered line without a full stop."""
    body = line.rstrip("。：: ")
    return len(body) <= LONG_TOP_HEADING and not any(c in body for c in "。；！？")


def _only_heading(line: str) -> bool:
    """Short, and no sentence in it: a line ending with 。 is a sentence, however short."""
    if line.rstrip().endswith(("。", "！", "？", "；", ";")):
        return False
    body = line.rstrip("：: ")
    return len(body) <= SHORT_HEADING and not any(c in body for c in "。；")


def _era_of_heading(heading: str, year: int) -> str | None:
    """The part of the report a heading opens, or None when it does not say."""
    if any(w in heading for w in DATELINE):
        return None  # "——2024年12月28日在…代表大会…上": when the report was read
    if any(w in heading for w in NOTES_HEADING):
        return "plan"  # 名词解释: definitions of the report's terms, no targets
    if any(w in heading for w in PAST_HEADING) or PAST_MARKERS.search(heading):
        return "past"
    years = _years(heading)
    if year in years or any(w in heading for w in THIS_YEAR_HEADING):
        return "target"
    if any(w in heading for w in PLAN_HEADING) or any(y > year for y in years):
        return "plan"
    if years and max(years) < year:
        return "past"
    return None


def _years(text: str) -> list[int]:
    """Years written '2025' or '二〇二五'."""
    found = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text)]
    for chinese in re.findall(r"[一二][〇零九][〇零一二三四五六七八九]{2}", text):
        found.append(
            int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in chinese))
        )
    return found


def _title(heading: str) -> str:
    text = TOP_HEADING.sub("", SUB_HEADING.sub("", heading))
    text = text.replace("关键词", "").strip("【】[] ")
    text = re.split(r"[。，；：\s]", text, maxsplit=1)[0]
    return text.strip("【】[]")


def clause_eras(sentence: Piece, year: int, state: str = "target") -> list[tuple[Piece, str]]:
    """Each clause of a sentence in this year's work: 'target', 'past' or 'plan'.

    A past marker ("去年", "2025年", "初步核算") turns its clause and the rest of the sentence
    into last year's results until a present marker ("今年", "力争") turns it back. `state`
    is where the previous sentence left off, for a paragraph that opens with last year.
    """
    found = []
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
