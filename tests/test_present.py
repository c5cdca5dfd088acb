"""Words and gauges for a progress row, in both languages (no Streamlit, no database)."""

import math

import pytest

from dashboard.present.gauges import gauge_share, tick
from dashboard.present.labels import caption, headline, target_text

NAN = math.nan


def row(**kw) -> dict:
    base = {
        "family": "rate",
        "comparator": "at_least",
        "direction": "higher",
        "unit": "%",
        "target": 5.0,
        "target_low": NAN,
        "target_high": NAN,
        "actual": 4.0,
        "completion_pct": NAN,
        "time_share_pct": NAN,
        "milestone_state": None,
        "due_date": None,
    }
    return base | kw


@pytest.mark.parametrize(
    ("actual", "share"),
    [(-4.5, 112.5), (-4.0, 100.0), (-3.0, 75.0), (1.0, 0.0)],
)
def test_a_decrease_target_fills_its_gauge_as_the_fall_grows(actual, share):
    # 能耗强度下降4%以上: stored as the signed change, the bar is −4
    r = row(comparator="decrease", direction="lower", target=4.0, actual=actual)
    assert gauge_share(r) == pytest.approx(share)


def test_gauges_of_other_rates_and_their_ticks():
    assert gauge_share(row(actual=4.0)) == pytest.approx(80.0)
    assert gauge_share(row(comparator="at_most", direction="lower", actual=4.0)) == 100.0
    assert gauge_share(row(comparator="at_most", direction="lower", actual=8.0)) == 62.5
    assert tick(row()) == 100.0 and tick(row(family="milestone")) is None
    assert tick(row(family="flow", time_share_pct=83.3)) == 83.3


def test_target_and_caption_in_the_page_language():
    kept = row(family="maintain", comparator="maintain", target=100.0, actual=100.0)
    assert [target_text(kept, lang) for lang in ("zh", "en")] == ["保持100%", "kept at 100%"]
    assert [caption(kept, lang) for lang in ("zh", "en")] == [
        "目标 保持100%",
        "Target kept at 100%",
    ]
    flow = row(family="flow", unit="个", target=3000.0, actual=2450.0, time_share_pct=83.3)
    assert caption(flow, "en") == "2,450个 · time share 83.3%"
    done = row(family="milestone", comparator="milestone", milestone_state="in_progress")
    assert [headline(done, lang) for lang in ("zh", "en")] == ["推进中", "In progress"]
    due = done | {"due_date": "2026-10-31"}
    assert [caption(due, lang) for lang in ("zh", "en")] == ["10月底", "due end Oct"]
