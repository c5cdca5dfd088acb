"""The grid reader: the fast CSV split (pandas' C tokenizer) gives exactly what the csv
module gives; hostile files (wide, padded, far cells, forged sheets) are refused with
their numbers before the work they would cause is done."""

import io
import tracemalloc

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.problems import IngestError
from dashboard.ingest.grid import (
    MAX_CELLS,
    MAX_COLUMNS,
    UncachedFormula,
    _split_exact,
    _split_fast,
    read_grid,
)
from dashboard.ingest.sheet_extent import scan
from tests.files import xlsx_with_sheet

FIELD = st.text(alphabet=st.sampled_from(list('ab1,."\t;| 万\r\n')), max_size=6)
CSV_TEXT = st.lists(st.lists(FIELD, min_size=0, max_size=5), min_size=1, max_size=8).map(
    lambda rows: "\n".join(",".join(r) for r in rows)
)


@settings(max_examples=400, deadline=None)
@given(CSV_TEXT, st.sampled_from(["", "\n", "\r\n", "\n\n"]))
def test_fast_split_agrees_with_the_csv_module_or_steps_aside(text, ending):
    text += ending
    fast = _split_fast(text, ",", "f.csv")
    if fast is not None:
        assert fast == _split_exact(text, ",", "f.csv")


def test_plain_file_takes_the_fast_path_with_line_numbers():
    text = '标题\n指标,时期,数值\n"GDP增长",2026年3月,"1,234"\n\n注:x\n'
    columns, lines = _split_fast(text, ",", "f.csv")
    assert lines == [1, 2, 3, 4, 5]
    assert columns == [
        ["标题", "指标", "GDP增长", None, "注:x"],
        [None, "时期", "2026年3月", None, None],
        [None, "数值", "1,234", None, None],
    ]


def test_quoted_newline_goes_the_exact_way_and_keeps_line_numbers():
    text = '指标,数值\n"两行\n名称",5\nGDP,6\n'
    assert _split_fast(text, ",", "f.csv") is None
    grid = read_grid(text.encode(), "f.csv")
    assert grid.line_numbers == [1, 3, 4]
    assert grid.columns == [["指标", "两行\n名称", "GDP"], ["数值", "5", "6"]]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_a_quote_never_closed_is_refused_where_it_opens(ending):
    """Read leniently, the quote in line 3 swallowed lines 4 and 5 into one cell: their
    figures vanished and the file went in with one figure."""
    lines = ["指标,时期,累计值", "充电桩,2026年1-9月,2450", '跨境电商交易额,"2026年1-9月,1200',
             "计算机整机产量,2026年1-9月,300", "整车产量,2026年1-9月,50"]  # fmt: skip
    text = ending.join(lines) + ending
    assert refusal(text.encode()) == (
        "f.csv:3:B: the quote opened in line 3, column B is never closed: the 2 line(s) "
        "after it would all be read into that one cell — delete that quote, or add the "
        "closing one at the end of the cell"
    )


def test_a_quote_opened_in_the_last_line_hides_nothing_and_is_read():
    grid = read_grid('指标,数值\nGDP,"6\n'.encode(), "f.csv")
    assert grid.columns == [["指标", "GDP"], ["数值", "6\n"]]


# ------------------------------------------------------------- limits on the grid


def refusal(data: bytes, file: str = "f.csv") -> str:
    with pytest.raises(IngestError) as err:
        read_grid(data, file)
    assert len(err.value.problems) == 1
    return err.value.problems[0].line()


def peak_mib(work) -> float:
    """Peak memory Python allocated while `work()` ran (numpy and pandas included)."""
    tracemalloc.start()
    try:
        work()
    except IngestError:
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def test_a_wide_csv_is_refused_at_its_first_wide_line_before_splitting():
    data = b"a,b\n" + ",".join(["x"] * 100_000).encode() + b"\n"  # 200 KB
    assert refusal(data) == (
        "f.csv:2:-: 100,000 columns; the limit is 1,000 — "
        "delete the extra columns, or split the figures into several files"
    )
    assert peak_mib(lambda: read_grid(data, "f.csv")) < 5  # the text, not a 100,000-wide frame


def test_a_wide_quoted_csv_is_counted_without_its_quoted_parts():
    data = ('"a",' + ",".join(["xy"] * 400_000) + "\n").encode()  # 1.2 MB, quoted
    assert refusal(data).startswith("f.csv:1:-: 400,001 columns; the limit is 1,000")
    assert peak_mib(lambda: read_grid(data, "f.csv")) < 10  # no list of 400,000 fields
    quoted_commas = ('指标,"' + "，," * 3000 + '"\n').encode()  # one long quoted cell
    assert [len(c[0]) for c in read_grid(quoted_commas, "f.csv").columns] == [2, 6000]


def test_trailing_empty_fields_are_no_columns():
    """Excel writes commas out to the used range; 10 MB of them is an empty table."""
    padded = "指标,数值" + "," * 5000 + "\n充电桩,5" + "," * 5000 + "\n"
    grid = read_grid(padded.encode(), "f.csv")
    assert grid.columns == [["指标", "充电桩"], ["数值", "5"]]
    commas = b"," * 10_000_000
    empty = "f.csv:0:-: the file is empty — export the sheet again with its figures"
    assert refusal(commas) == empty
    assert peak_mib(lambda: read_grid(commas, "f.csv")) < 40  # text and lines, no fields
    assert refusal((b"," * 999 + b"\n") * 10_000) == empty


@pytest.mark.parametrize("quote", ["", '"'])
def test_reading_stops_at_the_cell_limit(quote):
    row = ",".join([f"{quote}1{quote}"] * MAX_COLUMNS) + "\n"
    data = (row * (MAX_CELLS // MAX_COLUMNS + 500)).encode()
    assert refusal(data) == (
        "f.csv:2001:-: the table exceeds the limit of 2,000,000 cells (2,001 rows × 1,000 "
        "columns by line 2,001) — split it into smaller files"
    )
    assert peak_mib(lambda: read_grid(data, "f.csv")) < 200


def test_one_wide_line_does_not_widen_every_row():
    data = b"," * 998 + b"x\n" + b"a\n" * 100_000  # 999 columns, then 100,000 of one
    assert refusal(data).startswith(
        "f.csv:2003:-: the table exceeds the limit of 2,000,000 cells (2,003 rows × 999 "
    )


def test_lines_are_counted_before_splitting():
    assert refusal(b"a\r" * 200_001) == (
        "f.csv:0:-: 200,001 rows; the limit is 200,000 — split it into smaller files"
    )


# ------------------------------------------------------------- far cells in a workbook


def workbook(cells: dict[str, object]) -> bytes:
    book = openpyxl.Workbook()
    for ref, value in cells.items():
        book.active[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_cell_at_xfd1048576_is_refused_before_the_sheet_is_built():
    """calamine would allocate 1,048,576 × 16,384 cells (549 GB) and abort the process."""
    data = workbook({"A1": "指标", "B1": "数值", "XFD1048576": 1})
    assert len(data) < 6000
    assert refusal(data, "far.xlsx") == (
        "far.xlsx:0:-: sheet 'Sheet' is used as far as XFD1048576 (1,048,576 rows × 16,384 "
        "columns), beyond the limits (1,000 columns, 2,000,000 cells) — delete the cells "
        "outside the table (Ctrl+End in Excel or WPS finds the last one), save and upload again"
    )
    alone = workbook({"XFD1048576": 1})  # Excel's columns are kept: column XFD is 16,384th
    assert "(1 rows × 16,384 columns)" in refusal(alone, "far.xlsx")


def test_only_the_used_rows_are_read_with_their_sheet_row_numbers():
    data = workbook({"C5": "指标", "D5": "数值", "C6": "充电桩", "D6": 5, "E300000": "x"})
    grid = read_grid(data, "f.xlsx")
    assert grid.line_numbers == [5, 6, 300000]
    assert grid.columns == [
        [None, None, None],
        [None, None, None],
        ["指标", "充电桩", None],
        ["数值", 5.0, None],
        [None, None, "x"],
    ]


@pytest.mark.parametrize(
    "sheet_data, message",
    [
        # a reference hidden in another attribute's value: the real one is far away
        (
            '<row r="1"><c r="A1"><v>1</v></c><c foo=\' r="B1"\' r="XFD1048576"><v>2</v></c></row>',
            "used as far as XFD1048576",
        ),
        # a line break where the plain form has a space
        ('<row r="1"><c r="A1"><v>1</v></c><c\nr="XFD1"><v>2</v></c></row>', "as far as XFD1 "),
        # prefixed elements (calamine reads local names)
        (
            '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="XFD1"><x:v>2</x:v></x:c></x:row>',
            "as far as XFD1 ",
        ),
        # rows out of order: calamine takes the first and last cells as the block's rows
        (
            '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
            '<row r="1"><c r="A1"><v>2</v></c></row>',
            "damaged Excel file (rows out of order)",
        ),
    ],
)
def test_forged_positions_are_found_as_calamine_would_place_them(sheet_data, message):
    assert message in refusal(xlsx_with_sheet(sheet_data), "forged.xlsx")


def test_cells_without_references_follow_the_one_before():
    sheet_data = (
        '<row r="2"><c t="inlineStr"><is><t>指标</t></is></c><c t="inlineStr"><is><t>数值</t>'
        "</is></c></row><row><c><v>7</v></c><c/><c><v>8</v></c></row>"
        '<!-- <c r="XFD9"><v>1</v></c> -->'
    )
    extent = scan(sheet_data.encode())
    assert (extent.rows(), extent.columns()) == ((1, 2), 3)
    grid = read_grid(xlsx_with_sheet(sheet_data), "f.xlsx")
    assert grid.line_numbers == [2, 3]
    assert grid.columns == [["指标", 7.0], ["数值", None], [None, 8.0]]


def test_formula_cells_without_a_saved_result_are_kept_as_such():
    sheet_data = (
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>SUM(A1:A9)</f><v/></c>'
        '<c r="C1" t="str"><f>IF(1,"")</f><v></v></c><c r="D1"><f>A1&amp;"x"</f></c></row>'
    )
    grid = read_grid(xlsx_with_sheet(sheet_data), "f.xlsx")
    assert grid.row(0) == [2.0, "=SUM(A1:A9)", None, '=A1&"x"']
    assert [type(c) for c in grid.row(0)] == [float, UncachedFormula, type(None), UncachedFormula]
