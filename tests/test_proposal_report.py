"""The proposal engine on a whole report: Zhengzhou 2026 against the hand-typed catalogue."""

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dashboard.core.problems import CatalogueError, IngestError
from dashboard.core.vocab import TARGET_COLUMNS
from dashboard.ingest.proposal import propose
from dashboard.ingest.proposal.departments import load_keyword_table, parse_keyword_table
from dashboard.ingest.proposal.documents import read_report
from dashboard.ingest.proposal.names import containment, similarity
from dashboard.ingest.proposal.rows import CATALOGUE_COLUMNS, proposal_rows, rows_to_csv
from dashboard.ingest.proposal.rows import COLUMNS as PROPOSAL_COLUMNS
from dashboard.ingest.targets_csv import parse_catalogue
from tests.conftest import DATA

REPORT = Path(__file__).parent / "data" / "reports" / "zhengzhou_2026.md"
KEYWORDS = DATA / "department_keywords.csv"


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text("utf-8")


@pytest.fixture(scope="module")
def catalogue_rows() -> list[dict]:
    return list(csv.DictReader((DATA / "targets.csv").open(encoding="utf-8")))


def number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def reproduced(row: dict, proposals) -> bool:
    """Name alike, and value, unit, comparator and due date (a year-end default) equal."""
    due = date.fromisoformat(row["due_date"]) if row["due_date"] else date(2026, 12, 31)
    for t in proposals:
        alike = max(similarity(row["name_zh"], t.name_zh), containment(row["name_zh"], t.name_zh))
        value = t.target_value if t.target_value is not None else t.target_low
        if (
            alike >= 0.5
            and value == number(row["target_value"] or row["target_low"])
            and t.target_high == number(row["target_high"])
            and t.unit == row["unit"]
            and t.comparator == row["comparator"]
            and (t.due_date or date(2026, 12, 31)) == due
        ):
            return True
    return False


def text_dated(row: dict) -> bool:
    return bool(row["due_date"]) and not row["due_date"].endswith("-12-31")


# Rows issue 15 added to the catalogue that the rules do not propose: a coverage aim (全覆盖,
# proposed only on request, counted below) and events whose verbs the lexicon does not know
# (申建, 建立, 编制): a follow-up for the proposal rules, listed here rather than hidden.
NOT_PROPOSED = {"离校未就业高校毕业生跟踪服务全覆盖"}
UNKNOWN_VERBS = {"申建自贸区空港新片区", "建立文化遗产保护督察制度", "编制低空经济发展规划"}


def test_reproduces_the_catalogues_numeric_and_dated_rows(text, catalogue_rows):
    wanted = [
        r
        for r in catalogue_rows
        if (r["target_value"] or r["target_low"] or text_dated(r))
        and r["name_zh"] not in NOT_PROPOSED
    ]
    proposals = propose(text, 2026).targets
    missed = [r["name_zh"] for r in wanted if not reproduced(r, proposals)]
    assert len(wanted) == 65
    # Missed, each for a reason: no number in the text (国、省控河流断面水质达标率,
    # 零就业家庭动态清零); the labelling rules read 达到 as exactly and 稳定在/保持在 as
    # maintain where the catalogue typed at_least (机场货邮吞吐量, 基本医保参保, 粮食种植面积,
    # 粮食产量).
    assert len(missed) == 6, missed
    assert (len(wanted) - len(missed)) / len(wanted) >= 0.9


def test_with_undated_milestones_reproduces_every_kind_of_row(text, catalogue_rows):
    rows = [r for r in catalogue_rows if r["kind"] != "qualitative"]
    proposals = propose(text, 2026, undated_milestones=True).targets
    assert not any(reproduced(r, proposals) for r in rows if r["name_zh"] in UNKNOWN_VERBS)
    wanted = [r for r in rows if r["name_zh"] not in UNKNOWN_VERBS]
    hits = sum(reproduced(r, proposals) for r in wanted)
    assert len(wanted) == 85 and hits >= 0.9 * 85, hits


def test_no_proposed_number_is_last_years_result(text):
    proposal = propose(text, 2026)
    last_year = {(b.value, b.unit) for b in proposal.baselines}
    assert {(Decimal("1.52"), "万亿元"), (Decimal("5.4"), "%"), (Decimal("2.3"), "%")} <= last_year
    assert {(Decimal(9), "%"), (Decimal(5), "%")} <= last_year
    for target in proposal.targets:
        assert not any(
            b.span[0] < target.span[1] and target.span[0] < b.span[1] for b in proposal.baselines
        ), target
        assert (target.target_value, target.unit) not in {
            (Decimal("1.52"), "万亿元"),
            (Decimal("5.4"), "%"),
            (Decimal("2.3"), "%"),
            (Decimal(9), "%"),
        }


def test_baselines_are_attached_to_the_matching_targets(text):
    by_name = {t.name_zh: t for t in propose(text, 2026).targets}
    gdp = by_name["地区生产总值增长"]
    assert (gdp.baseline_value, gdp.baseline_unit, gdp.baseline_growth_pct) == (
        Decimal("1.52"),
        "万亿元",
        Decimal("5.4"),
    )
    assert by_name["规模以上工业增加值增长"].baseline_growth_pct == 9
    assert by_name["一般公共预算收入增长"].baseline_growth_pct == Decimal("2.3")
    assert by_name["固定资产投资增长"].baseline_growth_pct is None


def test_rows_have_the_catalogue_columns_and_pass_its_validation(text):
    assert CATALOGUE_COLUMNS == tuple(TARGET_COLUMNS)
    assert PROPOSAL_COLUMNS[-4:] == ("confidence", "span_start", "span_end", "notes")
    proposal = propose(text, 2026, load_keyword_table(KEYWORDS))
    rows = proposal_rows(proposal, "郑州市", 2026)
    catalogue = parse_catalogue(rows_to_csv(rows))  # raises with every problem if any
    assert len(catalogue) == len(rows) == 65
    first = rows[0]
    assert first["id"] == "p001" and first["name_en"] == "GDP growth"
    assert first["department"] == "市统计局" and first["confidence"] == "0.95"
    assert text[int(first["span_start"]) : int(first["span_end"])] == "地区生产总值增长5%以上"


def test_department_suggestions_come_from_the_keyword_table(text):
    table = parse_keyword_table("keyword,department\n充电桩,市发展改革委\n货邮,航空港区管委会\n")
    by_name = {t.name_zh: t for t in propose(text, 2026, table).targets}
    assert by_name["新建电动汽车公共充电桩"].department == "市发展改革委"
    assert by_name["机场货邮吞吐量"].department == "航空港区管委会"
    assert by_name["新增学位"].department == ""
    with pytest.raises(CatalogueError) as err:
        parse_keyword_table("word,department\n充电桩,市发展改革委\n")
    assert [p.line() for p in err.value.problems] == [
        "department_keywords.csv:1:keyword: missing column — the header row is keyword,department"
    ]


def test_the_same_text_gives_the_same_rows(text):
    assert propose(text, 2026) == propose(text, 2026)


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def test_report_files_are_read_as_text():
    sentence = "新建电动汽车公共充电桩3000个。"
    assert read_report(docx_bytes(["三、2026年重点工作", sentence]), "r.docx") == (
        "三、2026年重点工作\n" + sentence
    )
    assert read_report(sentence.encode("gb18030"), "r.txt") == sentence
    assert read_report(("\ufeff" + sentence).encode("utf-8"), "r.md") == sentence
    for data, name, line in (
        (b"PK\x03\x04broken", "r.docx", "r.docx:0:-: not a readable .docx — save it again"),
        (b"\xd0\xcf\x11\xe0", "r.doc", "r.doc:0:-: old Word .doc file — save it as .docx"),
        (b"x", "r.pdf", "r.pdf:0:-: unknown file type '.pdf' — use .txt, .md or .docx"),
    ):
        with pytest.raises(IngestError) as err:
            read_report(data, name)
        assert err.value.problems[0].line().startswith(line)
