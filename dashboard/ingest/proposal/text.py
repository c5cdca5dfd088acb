"""A report's text made readable for the rules, with every character traced to the original.

Reports arrive as Markdown, plain text or Word paragraphs copied from a web page or a
newspaper: emphasis marks, HTML comments, spaces inside names ("何 雄") and paragraphs cut in
the middle of a word ("培育龙\\n\\n头企业5家以上") by the page layout. The clean text drops
those; `offsets[i]` is the position in the original of clean character i, so a span found in
the clean text highlights the right words in what the person pasted.
"""

import re
from dataclasses import dataclass

from dashboard.ingest.proposal.numerals import FULL_WIDTH

CJK = re.compile(r"[\u3400-\u9fff]")
SENTENCE_END = "。！？；!?;"
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
# A line this long that stops without punctuation was cut by the layout, not ended.
CUT_LINE_MIN = 40
MARKUP = re.compile(r"<!--.*?-->|\*\*|__|^#+\s*|^>\s*|^---+\s*$", re.S | re.M)
# Markdown front matter ("---\ntitle: …\n---") says when and where, not what is planned.
FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---\s*\n", re.S)


@dataclass(frozen=True)
class CleanText:
    text: str
    offsets: tuple[int, ...]
    original: str
    heading_levels: dict[int, int]  # clean start of a Markdown heading line -> its level

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Clean [start, end) -> original [start, end)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(original: str) -> CleanText:
    original = original.replace("\r\n", "\n").replace("\r", "\n")
    masked = _mask_markup(original)
    chars: list[str] = []
    offsets: list[int] = []
    lines = _lines(masked)
    levels: dict[int, int] = {}
    for index, (start, line) in enumerate(lines):
        hashes = len(original[start:]) - len(original[start:].lstrip("#"))
        if hashes and (not chars or chars[-1] == "\n"):
            levels[len(chars)] = hashes
        for i, char in enumerate(line):
            if char in " \t\u3000\u00a0" and _between_cjk(line, i):
                continue
            if char == "\x00":
                continue
            chars.append(char.translate(FULL_WIDTH) if char in "０１２３４５６７８９" else char)
            offsets.append(start + i)
        if index + 1 < len(lines) and not _continues(line, lines[index + 1][1]):
            chars.append("\n")
            offsets.append(start + len(line))
    return CleanText("".join(chars), tuple(offsets), original, levels)


def _mask_markup(text: str) -> str:
    """Markup replaced by NUL characters: same length, so positions stay those of the input."""
    text = FRONT_MATTER.sub(lambda m: re.sub(r"[^\n]", "\x00", m.group()), text)
    return MARKUP.sub(lambda m: "\x00" * len(m.group()), text)


def _lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their start offset, trailing blanks dropped (a line that ended
    in markup, "**…**", keeps one NUL: it was set apart, not cut)."""
    found, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.rstrip(" \t\u3000")
        body = stripped.rstrip("\x00")
        if body.strip(" \t\u3000\x00"):
            found.append((pos, body + ("\x00" if body != stripped else "")))
        pos += len(raw) + 1
    return found


def _between_cjk(line: str, i: int) -> bool:
    before = line[:i].rstrip(" \t\u3000\u00a0\x00")
    after = line[i:].lstrip(" \t\u3000\u00a0\x00")
    return bool(before and after and CJK.match(before[-1]) and CJK.match(after[0]))


def _continues(line: str, following: str) -> bool:
    """A long line ending inside a word goes on in the next line; a numbered or emphasised
    heading does not, however long."""
    body = line.replace("\x00", "").strip()
    nxt = following.replace("\x00", "").strip()
    return (
        not line.endswith("\x00")
        and not NUMBERED.match(body)
        and len(body) >= CUT_LINE_MIN
        and bool(CJK.match(body[-1]))
        and bool(nxt)
        and bool(CJK.match(nxt[0]))
    )


@dataclass(frozen=True)
class Piece:
    """A stretch of the clean text: paragraph, sentence or clause."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Piece]:
    found, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            found.append(Piece(pos, pos + len(line), line))
        pos += len(line) + 1
    return found


def sentences(paragraph: Piece) -> list[Piece]:
    """Split at 。！？； outside brackets and quotes."""
    return _split(paragraph, SENTENCE_END)


def clauses(sentence: Piece) -> list[Piece]:
    """Split at ，：, outside brackets and quotes (、 stays: it joins list items)."""
    return _split(sentence, "，,：:" + SENTENCE_END)


PAIRS = {"（": "）", "(": ")", "“": "”", "‘": "’", "《": "》", "【": "】", "「": "」"}
QUOTES = "“‘《「"
# An opener without its closer this close by is a typo, not a quotation.
MAX_PAIRED = 80


def enclosed(text: str, kinds: str = "".join(PAIRS)) -> list[bool]:
    """For each character: is it inside a matched pair of brackets or quotes of `kinds`?"""
    inside = [False] * len(text)
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in PAIRS and char in kinds:
            stack.append((char, i))
        elif stack and char in PAIRS.values():
            for depth in range(len(stack) - 1, -1, -1):
                opener, pos = stack[depth]
                if PAIRS[opener] == char:
                    if i - pos <= MAX_PAIRED:
                        inside[pos + 1 : i] = [True] * (i - pos - 1)
                    del stack[depth:]
                    break
    return inside


def _split(piece: Piece, marks: str) -> list[Piece]:
    found, begin = [], 0
    text = piece.text
    inside = enclosed(text)
    for i, char in enumerate(text):
        if char in marks and not inside[i]:
            found.append(Piece(piece.start + begin, piece.start + i + 1, text[begin : i + 1]))
            begin = i + 1
    if begin < len(text):
        found.append(Piece(piece.start + begin, piece.end, text[begin:]))
    return [p for p in found if p.text.strip(marks + " ")]
