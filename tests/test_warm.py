"""The server warms its caches as it starts (dashboard/server.py → ui/common.warm): the
database made from a fresh data folder, and the overview's first screen built for the
default month in both languages — the very cards a first visitor is then shown."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def test_warm_readies_the_database_and_builds_the_cards_a_visitor_sees(sample_ws, monkeypatch):
    from dashboard.ui import common

    monkeypatch.setenv("DASHBOARD_DB", str(sample_ws.db_path))
    monkeypatch.setenv("DASHBOARD_DATA", str(sample_ws.data_dir))
    monkeypatch.setenv("DASHBOARD_TODAY", "2026-11-26")
    common.clear_caches()
    assert not sample_ws.db_path.exists()
    common.warm()
    assert sample_ws.db_path.exists()

    w = common.ws()
    progress = common.load_progress(str(w.db_path), 2026, 10, common.version(w))
    built = {
        lang: common.gauge_cards(
            str(w.db_path), 2026, 10, common.version(w), lang, tuple(progress.index), True
        )
        for lang in ("zh", "en")
    }
    assert [section for section, _ in built["zh"]][:2] == ["稳中求进", "全国统一大市场"]
    assert built["en"][0][0] == "Steady progress"
    html = [card[2] for _, cards in built["zh"] for card in cards]
    assert len(html) == len(progress) and all('class="gauge-card"' in h for h in html)

    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [m.value for m in at.markdown if 'class="gauge-card"' in m.value]
    assert shown == html
