"""PNG of the gauge grid (vl-convert renders Vega-Lite without a browser)."""

import altair as alt

from dashboard.export.fonts import cjk_font

_REGISTERED: set[str] = set()


def _register_font() -> None:
    import vl_convert as vlc

    folder = str(cjk_font().parent)
    if folder not in _REGISTERED:
        vlc.register_font_directory(folder)
        _REGISTERED.add(folder)


def gauges_png(
    sections: list[tuple[str, alt.TopLevelMixin]], title: str, scale: float = 1.5
) -> bytes:
    """One image of the charts given, each under its section's name."""
    import vl_convert as vlc

    _register_font()
    charts = [chart.properties(title=section) for section, chart in sections]
    chart = (
        alt.vconcat(*[_unconfigured(c) for c in charts], title=title, spacing=24)
        .configure_view(stroke=None)
        .configure_title(fontSize=18, anchor="start", font="WenQuanYi Micro Hei")
    )
    return vlc.vegalite_to_png(chart.to_json(validate=False), scale=scale)


def _unconfigured(chart):
    chart = chart.copy()
    chart.config = alt.Undefined
    return chart
