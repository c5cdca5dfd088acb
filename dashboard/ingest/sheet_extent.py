"""What an .xlsx worksheet holds, read from its XML before calamine builds it.

calamine turns a sheet into one dense block from its first to its last cell: a cell at A1
and one at XFD1048576 ask for 549 GB, and Rust aborts the whole process on a failed
allocation (no exception reaches Python). So the cell positions are read here first,
with regular expressions over the inflated bytes (no XML parser, no entity expansion),
and the reader refuses a sheet whose block would be too large before calamine sees it.

The same pass finds formula cells without a saved result (files written by programs that
do not calculate): calamine reads them as empty, which would drop a figure silently.
"""

import html
import re
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter

from dashboard.core.errors import DashboardError

# Excel, WPS, openpyxl and xlsxwriter write every cell as `<c r="B7" ...>`: the
# reference first. When every cell start tag has that form, one findall gives all
# positions; anything else (prefixed tags, r elsewhere, no r) takes the exact walk.
# Self-closing cells are empty: calamine skips them, and so does the count.
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>')
_CLOSED_CELL = re.compile(rb"<c [^>]*/>")
_ODD_CELL_TAG = re.compile(rb"<c[\t\r\n>/]")
_PREFIXED_CELL_TAG = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
_TAGS = re.compile(rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_ATTR = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")
_HIDDEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.S)  # not read by calamine
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>]")
_CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c>")
_FORMULA_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f(?:\s[^>]*)?>(.*?)</", re.S)
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>\s*[^<\s]")
MAX_ROW = 1_048_576  # what Excel itself can address


class BadSheet(DashboardError, ValueError):
    """The sheet's XML cannot be read as calamine would read it (damaged or forged)."""

    def __init__(self, reason: str):
        super().__init__("file.damaged_excel", reason=reason)


@dataclass
class Extent:
    """Cell positions as calamine will place them, 0-based (row, column)."""

    first_row: int = -1  # the first and last cells' rows: calamine's block spans these
    last_row: int = -1
    min_row: int = MAX_ROW
    max_row: int = -1
    max_column: int = -1
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # without a result

    @property
    def empty(self) -> bool:
        return self.max_row < 0 and not self.formulas

    def rows(self) -> tuple[int, int]:
        """First and last row with a value or a formula (calamine's cells and ours)."""
        rows = [r for r, _ in self.formulas]
        return min([self.min_row, *rows]), max([self.max_row, *rows])

    def columns(self) -> int:
        """Columns from A to the last one used: the grid keeps Excel's column letters."""
        return max([self.max_column, *(c for _, c in self.formulas)]) + 1

    @property
    def ordered(self) -> bool:
        """calamine takes the first and last cells as the block's rows (it assumes sorted
        rows); a cell above the first or below the last would fall outside the block.
        An empty sheet (Excel writes `<sheetData/>`) has no order to break."""
        return self.max_row < 0 or self.first_row == self.min_row and self.last_row == self.max_row

    def add(self, row: int, column: int) -> None:
        if self.first_row < 0:
            self.first_row = row
        self.last_row = row
        self.min_row, self.max_row = min(self.min_row, row), max(self.max_row, row)
        self.max_column = max(self.max_column, column)


def sheet_paths(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member holding its XML, as calamine resolves it."""
    rels = {}
    for attrs in _elements(zf, "xl/_rels/workbook.xml.rels", b"Relationship"):
        if b"Id" in attrs and b"Target" in attrs:
            rels[attrs[b"Id"]] = attrs[b"Target"].decode("utf-8", "replace")
    members = {n.lower(): n for n in zf.namelist()}
    paths = {}
    for attrs in _elements(zf, "xl/workbook.xml", b"sheet"):
        rid = attrs.get(b"r:id") or attrs.get(b"relationships:id")
        target = rels.get(rid, "")
        path = target[1:] if target.startswith("/xl/") else target
        path = path if path.startswith("xl/") else f"xl/{path}"
        name = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        if path.lower() in members:
            paths[name] = members[path.lower()]
    return paths


def _elements(zf: zipfile.ZipFile, member: str, tag: bytes) -> list[dict[bytes, bytes]]:
    try:
        xml = _HIDDEN.sub(b"", zf.read(member))
    except KeyError:
        return []
    pattern = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?" + tag + rb"(?=[\s/>])([^>]*)>")
    return [_attributes(m.group(1)) for m in pattern.finditer(xml)]


def _attributes(text: bytes) -> dict[bytes, bytes]:
    found: dict[bytes, bytes] = {}
    for name, double, single in _ATTR.findall(text):
        found.setdefault(name, double if double or not single else single)
    return found


def scan(xml: bytes) -> Extent:
    """Where calamine will put the cells of this worksheet XML; raises BadSheet."""
    if b"<!" in xml:
        xml = _HIDDEN.sub(b"", xml)
    plain = _PLAIN_CELL.findall(xml)
    extent = _plain(plain) if _all_plain(xml, len(plain)) else _walk(xml)
    if (b"<f" in xml or b":f" in xml) and _FORMULA.search(xml):
        extent.formulas = _uncached_formulas(xml)
    return extent


def _all_plain(xml: bytes, plain: int) -> bool:
    """Is every cell start tag `<c r="..." ...>` or self-closing (bytes counts, no walk)?"""
    if _ODD_CELL_TAG.search(xml) or (b":c" in xml and _PREFIXED_CELL_TAG.search(xml)):
        return False
    return plain + len(_CLOSED_CELL.findall(xml)) == xml.count(b"<c ")


def _plain(refs: list[tuple[bytes, bytes]]) -> Extent:
    extent = Extent()
    if not refs:
        return extent
    rows = list(map(int, map(itemgetter(1), refs)))
    if min(rows) < 1:
        raise BadSheet("row 0")
    extent.first_row, extent.last_row = rows[0] - 1, rows[-1] - 1
    extent.min_row, extent.max_row = min(rows) - 1, max(rows) - 1
    extent.max_column = max(map(_column, set(map(itemgetter(0), refs))))
    return extent


def _walk(xml: bytes) -> Extent:
    """calamine's own rule, tag by tag: a row or cell without `r` follows the one before;
    self-closing cells are empty and skipped (but still move the column on)."""
    extent, row, column = Extent(), 0, 0
    for m in _TAGS.finditer(xml):
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        closed = attrs.endswith(b"/")
        if tag == b"row":
            if not closing:
                ref = _attributes(attrs).get(b"r")
                row = _row_number(ref) if ref is not None else row
            if closing or closed:
                row, column = row + 1, 0
            continue
        if closing:
            continue
        ref = _attributes(attrs).get(b"r")
        if ref is not None:
            row, column = _position(ref)
        if not closed:
            extent.add(row, column)
        column += 1
    return extent


def _uncached_formulas(xml: bytes) -> dict[tuple[int, int], str]:
    """Formula cells with no saved value: `<c r="C2"><f>B2*2</f><v/></c>`. A text result
    (t="str") may legitimately be empty, so only those without any <v> count there."""
    found = {}
    for m in _FORMULA.finditer(xml):
        start = _last_cell_start(xml, m.start())
        end = _CELL_END.search(xml, m.end())
        if start is None or end is None:
            continue
        tag_end = xml.find(b">", start)
        attrs = _attributes(xml[start:tag_end])
        body = xml[tag_end + 1 : end.start()]
        text_result = attrs.get(b"t") == b"str" and b"<v" in body
        if b"r" not in attrs or _VALUE.search(body) or text_result:
            continue
        formula = _FORMULA_TEXT.search(body)
        written = html.unescape(formula.group(1).decode("utf-8", "replace")) if formula else ""
        found[_position(attrs[b"r"])] = f"={written}" if written else "=…"
    return found


def _last_cell_start(xml: bytes, before: int) -> int | None:
    window = max(0, before - 4096)  # a cell's start tag is near its formula
    starts = [m.start() for m in _CELL_START.finditer(xml, window, before)]
    return starts[-1] if starts else None


def _position(ref: bytes) -> tuple[int, int]:
    m = _REF.fullmatch(ref)
    if m is None:
        raise BadSheet(f"cell reference {ref[:20].decode('latin-1')}")
    return _row_number(m.group(2)), _column(m.group(1))


def _row_number(ref: bytes) -> int:
    if not ref.isdigit() or len(ref) > 7 or int(ref) < 1:
        raise BadSheet(f"row {ref[:20].decode('latin-1')}")
    return int(ref) - 1


def _column(letters: bytes) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ch - 64
    return index - 1
