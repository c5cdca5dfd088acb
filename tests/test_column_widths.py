"""Table column widths: a phone shows a row's name and its numbers; no entry is clipped."""

import pandas as pd

from dashboard.present.column_widths import MAX_WIDTH, NAME_WIDTH, fitted, text_px, widths
from dashboard.present.overview_tables import department_counts


def test_a_width_fits_the_longest_entry_not_the_first():
    # the grid sized 实际 from the rows it drew first ('—') and cut '83.51万吨' further down
    assert text_px("83.51万吨") == 5 * 7.6 + 2 * 14
    assert fitted(["—", "—", "83.51万吨"], "实际") == int(5 * 7.6 + 2 * 14 + 20)
    assert fitted(["x" * 200], "h") == MAX_WIDTH
    assert fitted([None, float("nan")], "实际") == 48  # the header alone; at least 48 px


def test_the_names_column_leaves_a_phone_room_for_numbers():
    progress = pd.DataFrame(
        {
            "department": ["市工业和信息化局", "郑州航空港经济综合实验区管委会"],
            "status": ["achieved", "off_track"],
        }
    )
    table = department_counts(progress, "en")
    assert table.columns[0] == "Department"
    # 'Airport Economy Zone Administration' would take 286 px of a 358 px table
    assert widths(table, "Department") == {"Department": NAME_WIDTH}
    assert NAME_WIDTH <= 358 - 2 * 75  # two number columns beside it on a 390 px phone
    assert widths(department_counts(progress, "zh"), "责任单位") == {"责任单位": NAME_WIDTH}
    short = department_counts(progress.iloc[:1].assign(department="市统计局"), "zh")
    assert widths(short, "责任单位") == {"责任单位": 4 * 14 + 20}  # no wider than it needs
