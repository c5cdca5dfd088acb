"""PNG of the gauge grid (vl-convert renders Vega-Lite without a browser)."""

import altair as alt
import pandas as pd

from dashboard.export.fonts import cjk_font
from dashboard.present import charts

_REGISTERED: set[str] = set()


def _register_font() -> None:
    import vl_convert as vlc

    folder = str(cjk_font().parent)
    if folder not in _REGISTERED:
        vlc.register_font_directory(folder)
        _REGISTERED.add(folder)


def gauges_png(progress: pd.DataFrame, title: str, lang: str = "zh", scale: float = 1.5) -> bytes:
    import vl_convert as vlc

    _register_font()
    sections = [
        charts.gauges(part, lang).properties(title=section)
        for section, part in progress.groupby("section", sort=False)
    ]
    chart = (
        alt.vconcat(*[_unconfigured(c) for c in sections], title=title, spacing=24)
        .configure_view(stroke=None)
        .configure_title(fontSize=18, anchor="start", font="WenQuanYi Micro Hei")
    )
    return vlc.vegalite_to_png(chart.to_json(validate=False), scale=scale)


def _unconfigured(chart):
    chart = chart.copy()
    chart.config = alt.Undefined
    return chart
