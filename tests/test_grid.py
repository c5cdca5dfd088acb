"""The fast CSV split (pandas' C tokenizer) must give exactly what the csv module gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ingest.grid import _split_exact, _split_fast, read_grid

FIELD = st.text(alphabet=st.sampled_from(list('ab1,."\t;| 万\r\n')), max_size=6)
CSV_TEXT = st.lists(st.lists(FIELD, min_size=0, max_size=5), min_size=1, max_size=8).map(
    lambda rows: "\n".join(",".join(r) for r in rows)
)


@settings(max_examples=400, deadline=None)
@given(CSV_TEXT, st.sampled_from(["", "\n", "\r\n", "\n\n"]))
def test_fast_split_agrees_with_the_csv_module_or_steps_aside(text, ending):
    text += ending
    fast = _split_fast(text, ",")
    if fast is not None:
        assert fast == _split_exact(text, ",", "f.csv")


def test_plain_file_takes_the_fast_path_with_line_numbers():
    text = '标题\n指标,时期,数值\n"GDP增长",2026年3月,"1,234"\n\n注:x\n'
    columns, lines = _split_fast(text, ",")
    assert lines == [1, 2, 3, 4, 5]
    assert columns == [
        ["标题", "指标", "GDP增长", None, "注:x"],
        [None, "时期", "2026年3月", None, None],
        [None, "数值", "1,234", None, None],
    ]


def test_quoted_newline_goes_the_exact_way_and_keeps_line_numbers():
    text = '指标,数值\n"两行\n名称",5\nGDP,6\n'
    assert _split_fast(text, ",") is None
    grid = read_grid(text.encode(), "f.csv")
    assert grid.line_numbers == [1, 3, 4]
    assert grid.columns == [["指标", "两行\n名称", "GDP"], ["数值", "5", "6"]]
