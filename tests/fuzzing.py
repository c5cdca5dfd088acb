"""Generated and mutated upload files, and a runner that checks what each one did.

Used by tests/test_robustness.py (a bounded run) and scripts/fuzz_uploads.py (a large one).
"""

import io
import random
import traceback
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import openpyxl

from dashboard.core.problems import IngestError
from dashboard.services.uploading import catalogue_index, preview, store_preview
from dashboard.store.connection import connect

SPECIAL_CELLS = [
    "=1+1",
    '=HYPERLINK("http://x")',
    "1e300",
    "NaN",
    "inf",
    "-0",
    "１２３",
    "—",
    "",
    "x" * 100_000,
    "\x00",
    "下降",
    "1,2,3",
    "12月",
    "2027年1月",
    "@SUM(A1)",
    "+1",
    "1e-400",
    "9" * 400,
    "Ⅱ类",
    "已完成",
    "\ufeff",
    "\r",
    '"',
    "…",
]
ENCODINGS = ["latin-1", "shift_jis", "utf-16-be", "cp1252", "utf-32", "big5"]


def seeds(actuals_dir: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for p in actuals_dir.glob("synthetic_sample_*"))
    return [(p.name, p.read_bytes()) for p in files]


def _text_of(data: bytes) -> str | None:
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def mutate(rng: random.Random, name: str, data: bytes) -> tuple[str, bytes, str]:
    """(file name, bytes, what was done)."""
    op = rng.choice(
        [
            "truncate",
            "flip",
            "junk",
            "cell",
            "cell",
            "encoding",
            "separators",
            "lines",
            "empty",
            "header_only",
            "binary",
            "zip_bomb",
            "xlsx_cell",
            "xlsx_xml",
            "huge_row",
        ]
    )
    if op == "truncate":
        return name, data[: rng.randrange(0, max(1, len(data)))], op
    if op == "flip":
        b = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        return name, bytes(b), op
    if op == "junk":
        pos = rng.randrange(0, len(data) + 1)
        return name, data[:pos] + rng.randbytes(rng.randint(1, 200)) + data[pos:], op
    if op == "binary":
        return "upload.csv", rng.randbytes(rng.randint(1, 5000)), op
    if op == "empty":
        return name, rng.choice([b"", b"\xef\xbb\xbf", b"\n\n", b" "]), op
    if op == "zip_bomb":
        return "bomb.xlsx", _zip_bomb(), op
    if op in ("xlsx_cell", "xlsx_xml"):
        return "fuzz.xlsx", _xlsx_mutation(rng, op), op
    text = _text_of(data)
    if text is None:
        return name, data[::-1], "reversed"
    lines = text.splitlines()
    if op == "header_only":
        head = next((i for i, line in enumerate(lines) if "指标" in line or "indicator" in line), 0)
        return name, "\n".join(lines[: head + 1]).encode("utf-8"), op
    if op == "cell":
        i = rng.randrange(len(lines)) if lines else 0
        cells = lines[i].split(",") if lines else [""]
        cells[rng.randrange(len(cells))] = rng.choice(SPECIAL_CELLS)
        if lines:
            lines[i] = ",".join(cells)
        return name, "\n".join(lines).encode("utf-8"), op
    if op == "encoding":
        return name, text.encode(rng.choice(ENCODINGS), errors="replace"), op
    if op == "separators":
        sep = rng.choice(["\t", ";", "|"])
        return (
            name,
            "\n".join(line.replace(",", sep, rng.randint(0, 3)) for line in lines).encode("utf-8"),
            op,
        )
    if op == "huge_row":
        return name, (text + "\n" + ",".join(["9"] * 20_000)).encode("utf-8"), op
    rng.shuffle(lines)
    return name, "\n".join(lines[: rng.randint(0, len(lines))]).encode("utf-8"), "lines"


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * 20_000_000)
    return out.getvalue()


def _xlsx_mutation(rng: random.Random, op: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标", "时期", "数值", "单位"])
    for m in range(1, 6):
        sheet.append(["新建电动汽车公共充电桩", f"2026年{m}月", 250 * m, "个"])
    cell = sheet.cell(row=rng.randint(1, 6), column=rng.randint(1, 4))
    cell.value = rng.choice(SPECIAL_CELLS[:9] + [datetime(2026, 1, 2), 3.5e300, True, -5])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if op == "xlsx_cell":
        return data
    zin = zipfile.ZipFile(io.BytesIO(data))
    dest = io.BytesIO()
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                cut = rng.randrange(len(body))
                body = (
                    body[:cut]
                    + rng.choice([b"<c><v>", b"</row>", b"&#0;", b""])
                    + body[cut + rng.randint(0, 50) :]
                )
            zout.writestr(item, body)
    return dest.getvalue()


def fingerprint(con) -> tuple:
    """Figures are only ever added: any change shows in their count, sum or last upload
    (one SQL text for both engines)."""
    return (
        con.execute(
            "SELECT count(*), coalesce(sum(value), 0), coalesce(max(upload_id), 0) FROM figures"
        ).fetchone(),
        con.execute("SELECT count(*) FROM uploads").fetchone()[0],
    )


def run(ws, count: int, seed: int, today=(2026, 11)) -> tuple[Counter, list[str]]:
    """Feed `count` mutated files through the upload path; tally what happened."""
    rng = random.Random(seed)
    sources = seeds(ws.actuals_dir)
    tally, crashes = Counter(), []
    with connect(ws.db_path) as con:
        index = catalogue_index(con)
        for n in range(count):
            name, data, op = mutate(rng, *rng.choice(sources))
            before = fingerprint(con)
            try:
                outcome = _one(con, ws, index, name, data, today)
            except Exception:  # noqa: BLE001 - the point is to find any that escape
                tally["crash"] += 1
                crashes.append(f"#{n} {op} {name}: {traceback.format_exc(limit=3)}")
                continue
            tally[outcome] += 1
            if outcome != "accepted" and fingerprint(con) != before:
                tally["changed_on_refusal"] += 1
                crashes.append(f"#{n} {op}: stored figures changed although refused")
    return tally, crashes


def _one(con, ws, index, name: str, data: bytes, today) -> str:
    try:
        pv = preview(con, data, name, today, index)
    except IngestError:
        return "refused_unreadable"
    if pv.duplicate_of:
        return "duplicate"
    if not pv.ok:
        try:
            store_preview(con, ws, pv, data, "fuzz", datetime(2026, 11, 20))
        except IngestError:
            return "refused_rows"
        return "stored_despite_errors"
    store_preview(con, ws, pv, data, "fuzz", datetime(2026, 11, 20))
    return "accepted"
