"""A report file -> its text: .txt and .md (UTF-8 or GBK), .docx (Word's XML, read here).

A .docx is a zip whose word/document.xml holds paragraphs (w:p) of runs (w:t); tabs and
line breaks are kept as such. Tables are read row by row, cells separated by tabs. Old
binary .doc files are refused with a hint: Word or WPS saves them as .docx. A file that
cannot be read raises IngestError with the problem and its hint, as an upload would.
"""

import codecs
import io
import re
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

from dashboard.core.problems import IngestError, Problem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MAX_BYTES = 20 * 2**20
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SUSPICIOUS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd]")


def _refuse(filename: str, key: str, hint_key: str, **params) -> IngestError:
    return IngestError([Problem(filename, None, None, key, hint_key, params)])


def read_report(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > MAX_BYTES:
        size, limit = len(data) / 2**20, MAX_BYTES / 2**20
        raise _refuse(filename, "file.too_big", "hint.report_text_only", size=size, limit=limit)
    if suffix == ".docx":
        return _docx_text(data, filename)
    if suffix in TEXT_SUFFIXES:
        return _decode(data, filename)
    if suffix == ".doc":
        raise _refuse(filename, "report.old_doc", "hint.save_docx_or_txt")
    raise _refuse(filename, "report.unknown_type", "hint.report_types", suffix=suffix)


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _refuse(
                    filename, "file.broken_text", "hint.save_utf8", encoding=encoding, at=exc.start
                ) from exc
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not SUSPICIOUS.search(text):
            return text
    raise _refuse(filename, "file.unknown_encoding", "hint.save_utf8")


def _docx_text(data: bytes, filename: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise _refuse(filename, "report.bad_docx", "hint.save_docx_again") from exc
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
