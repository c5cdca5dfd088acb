"""Bytes -> text, safely: BOM, strict UTF-8, UTF-16 without BOM, then GB18030.

Trying GB18030 first would silently garble UTF-8; and GB18030 accepts almost any byte
string, so its result is checked for characters no office file contains.
"""

import codecs
import re
import unicodedata

from dashboard.core.problems import IngestError, Problem

BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Control characters other than tab/newline, private-use and unassigned code points.
SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def decode_text(data: bytes, file: str) -> tuple[str, str]:
    """(text, encoding name) or IngestError naming the file."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data, name, file), name
    for name in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        if name.startswith("utf-16") and not _looks_utf16(data, little=name.endswith("le")):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, ("gbk/gb18030" if name == "gb18030" else name)
    raise IngestError(
        [Problem(file, None, None, "file.unknown_encoding", "hint.save_utf8_or_xlsx")]
    )


def _strict(data: bytes, name: str, file: str) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as err:
        raise IngestError(
            [
                Problem(
                    file,
                    None,
                    None,
                    "file.broken_text",
                    "hint.save_utf8",
                    {"encoding": name, "at": err.start},
                )
            ]
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
