"""`python -m dashboard propose REPORT --year --entity [--out]`, as a user runs it."""

import csv
import io
import shutil

from dashboard.core.vocab import TARGET_COLUMNS
from tests.conftest import DATA, ROOT
from tests.test_cli import run
from tests.test_proposal_report import docx_bytes

REPORT = ROOT / "tests" / "data" / "reports" / "zhengzhou_2026.md"


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_propose_writes_the_catalogue_columns_to_a_file(empty_ws, tmp_path):
    shutil.copy(DATA / "department_keywords.csv", empty_ws.data_dir)
    out = tmp_path / "proposed.csv"
    done = run(
        empty_ws, "propose", str(REPORT), "--year", "2026", "--entity", "郑州市", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        "65 targets proposed from zhengzhou_2026.md (1 to check: confidence below 0.7); "
        "6 figures of earlier years\n"
    )
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel and WPS read it as UTF-8
    rows = rows_of(data.decode("utf-8"))
    assert list(rows[0])[: len(TARGET_COLUMNS)] == TARGET_COLUMNS
    assert list(rows[0])[len(TARGET_COLUMNS) :] == ["confidence", "span_start", "span_end", "notes"]
    chargers = next(r for r in rows if r["name_zh"] == "新建电动汽车公共充电桩")
    assert {k: chargers[k] for k in ("entity", "year", "target_value", "unit", "comparator")} == {
        "entity": "郑州市",
        "year": "2026",
        "target_value": "3000",
        "unit": "个",
        "comparator": "exactly",
    }
    assert (chargers["department"], chargers["confidence"]) == ("市发展改革委", "0.95")
    bonded = next(r for r in rows if r["kind"] == "milestone")
    assert (bonded["name_zh"], bonded["due_date"]) == ("新郑综保区扩区提质启动运行", "2026-10-31")


def test_propose_to_standard_output_from_a_docx_for_another_city(empty_ws, tmp_path):
    report = tmp_path / "洛阳市2027年政府工作报告.docx"
    report.write_bytes(
        docx_bytes(
            [
                "一、2026年工作回顾",
                "地区生产总值增长5.2%。",
                "二、2027年工作安排",
                "地区生产总值增长5.5%左右，新建5G基站3000个，年底前建成洛阳博物馆新馆。",
            ]
        )
    )
    done = run(empty_ws, "propose", str(report), "--year", "2027", "--entity", "洛阳市")
    assert done.returncode == 0, done.stderr
    rows = rows_of(done.stdout)
    assert [
        (r["name_zh"], r["target_value"], r["due_date"], r["baseline_growth_pct"]) for r in rows
    ] == [
        ("地区生产总值增长", "5.5", "", "5.2"),
        ("新建5G基站", "3000", "", ""),
        ("建成洛阳博物馆新馆", "", "2027-12-31", ""),
    ]
    assert {r["entity"] for r in rows} == {"洛阳市"} and rows[0]["department"] == ""


def test_propose_options_and_refusals(empty_ws, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("推动北理工郑研院建成投用。新增学位9870个。", "gb18030")
    plain = rows_of(
        run(empty_ws, "propose", str(report), "--year", "2026", "--entity", "郑州市").stdout
    )
    more = run(
        empty_ws,
        "propose",
        str(report),
        "--year",
        "2026",
        "--entity",
        "郑州市",
        "--undated-milestones",
    )
    assert [r["name_zh"] for r in plain] == ["新增学位"]
    assert [r["name_zh"] for r in rows_of(more.stdout)] == ["北理工郑研院建成投用", "新增学位"]

    missing = run(
        empty_ws, "propose", str(tmp_path / "none.txt"), "--year", "2026", "--entity", "x"
    )
    assert missing.returncode == 2 and "no such file" in missing.stderr
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    refused = run(empty_ws, "propose", str(pdf), "--year", "2026", "--entity", "x")
    assert refused.returncode == 1
    assert refused.stderr == "r.pdf:0:-: unknown file type '.pdf' — use .txt, .md or .docx\n"
    no_year = run(empty_ws, "propose", str(report), "--entity", "x")
    assert no_year.returncode == 2 and "--year" in no_year.stderr
