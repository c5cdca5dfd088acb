"""Bytes -> text, safely: BOM, strict UTF-8, UTF-16 without BOM, then GB18030.

Trying GB18030 first would silently garble UTF-8; and GB18030 accepts almost any byte
string, so its result is checked for characters no office file contains.
"""

import codecs
import re
import unicodedata

from dashboard.core.problems import IngestError, Problem, column_letter

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Control characters other than tab/newline, private-use and unassigned code points.
SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(data: bytes, file: str) -> tuple[str, str]:
    """(text, encoding name) or IngestError naming the file."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _strict(data, name, file)
            if found := CONTROL.search(text):  # as refused in a file without a BOM
                raise IngestError([_control(text, found, file)])
            return text, name
    for name in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        if name.startswith("utf-16") and not _looks_utf16(data, little=name.endswith("le")):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, ("gbk/gb18030" if name == "gb18030" else name)
    raise IngestError([_diagnosis(data, file)])


def _diagnosis(data: bytes, file: str) -> Problem:
    """Why no encoding fits, where that can be pointed at: lines of UTF-8 beside lines
    of another encoding (rows pasted from two exports), or text that decodes but holds a
    control character (a NUL byte); else the file's encoding is unknown."""
    mixed = _mixed_lines(data)
    if mixed is not None:
        line, utf8_line = mixed
        return Problem(file, line, None, "file.mixed_encoding", "hint.one_encoding",
                       {"line": line, "utf8_line": utf8_line})  # fmt: skip
    for name in ("utf-8", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        found = CONTROL.search(text)
        if found and _plausible(CONTROL.sub("", text)):
            return _control(text, found, file)
    return Problem(file, None, None, "file.unknown_encoding", "hint.save_utf8_or_xlsx")


def _control(text: str, found: re.Match, file: str) -> Problem:
    line, column = _place(text, found.start())
    params = {"code": f"U+{ord(found.group()):04X}", "line": line, "column": column}
    return Problem(file, line, column, "file.control_character", "hint.delete_control", params)


def _mixed_lines(data: bytes) -> tuple[int, int] | None:
    """(first line of GBK, a line of UTF-8 Chinese) when the file holds both."""
    bad = good = None
    for number, line in enumerate(data.splitlines(), start=1):
        if line.isascii():
            continue
        if _reads_as(line, "utf-8"):
            good = good or number
        elif _reads_as(line, "gb18030"):
            bad = bad or number
        if bad and good:
            return bad, good
    return None


def _reads_as(line: bytes, name: str) -> bool:
    try:
        return _plausible(line.decode(name))
    except UnicodeDecodeError:
        return False


def _place(text: str, at: int) -> tuple[int, str]:
    """The line and the column letter (by the separators before it) of character `at`."""
    start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    line = len(re.findall(r"\r\n?|\n", text[:start])) + 1
    before = text[start:at]
    separators = max(before.count(d) for d in (",", "\t", ";", "|"))
    return line, column_letter(separators)


def _strict(data: bytes, name: str, file: str) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        # utf-8-sig counts from after its BOM, utf-16 from the file's first byte
        at = err.start + (len(codecs.BOM_UTF8) if name == "utf-8-sig" else 0)
        line = data[:at].decode(name, errors="replace").count("\n") + 1
        params = {"encoding": "UTF-8" if name == "utf-8-sig" else "UTF-16", "at": at, "line": line}
        raise IngestError(
            [Problem(file, line, None, "file.broken_text", "hint.save_utf8", params)]
        ) from err
    return text


def _looks_utf16(data: bytes, little: bool) -> bool:
    sample = data[:2000]
    zeros = sample[1::2] if little else sample[0::2]
    return len(sample) >= 4 and zeros.count(0) > len(zeros) * 0.3


def _plausible(text: str) -> bool:
    if SUSPICIOUS.search(text):
        return False
    unassigned = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cn")
    return unassigned == 0
