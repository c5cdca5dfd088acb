"""A report file -> its text: .txt and .md (UTF-8 or GBK), .docx (Word's XML, read here).

A .docx is a zip whose word/document.xml holds paragraphs (w:p) of runs (w:t); tabs and
line breaks are kept as such. Tables are read row by row, cells separated by tabs. Old
binary .doc files are refused with a hint: Word or WPS saves them as .docx.
"""

import codecs
import io
import re
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_BYTES = 20 * 1024 * 1024
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd]")


class ReportFileError(ValueError):
    """A report file that cannot be read, with a hint for the person who sent it."""

    def __init__(self, file: str, message: str, hint: str):
        super().__init__(f"{file}: {message} — {hint}")
        self.file, self.message, self.hint = file, message, hint


def read_report(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > MAX_BYTES:
        raise ReportFileError(filename, "file larger than 20 MB", "send the report text only")
    if suffix == ".docx":
        return _docx_text(data, filename)
    if suffix in TEXT_SUFFIXES:
        return _decode(data, filename)
    if suffix == ".doc":
        raise ReportFileError(filename, "old Word .doc file", "save it as .docx or .txt")
    raise ReportFileError(filename, f"unknown file type {suffix!r}", "use .txt, .md or .docx")


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReportFileError(filename, f"broken {encoding} text", "save it again") from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not SUSPICIOUS.search(text):
            return text
    raise ReportFileError(filename, "cannot tell the text encoding", "save it as UTF-8 text")


def _docx_text(data: bytes, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise ReportFileError(filename, "not a readable .docx", "save it again from Word") from exc
    body = root.find(f"{W}body")
    if body is None:
        return ""
    return "\n".join(_block_lines(body))


def _block_lines(body) -> list[str]:
    lines = []
    for block in body:
        if block.tag == f"{W}p":
            lines.append(_paragraph(block))
        elif block.tag == f"{W}tbl":
            for row in block.iter(f"{W}tr"):
                cells = ["".join(_paragraph(p) for p in c.iter(f"{W}p")) for c in row]
                lines.append("\t".join(cells))
    return lines


def _paragraph(paragraph) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    return "".join(parts)
