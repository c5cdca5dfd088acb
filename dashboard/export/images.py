"""PNG of the gauge grid (vl-convert renders Vega-Lite without a browser)."""

import altair as alt

from dashboard.export.fonts import cjk_font

_REGISTERED: set[str] = set()
FONT_NAME = "WenQuanYi Micro Hei"


def _register_font() -> None:
    import vl_convert as vlc

    folder = str(cjk_font().parent)
    if folder not in _REGISTERED:
        vlc.register_font_directory(folder)
        _REGISTERED.add(folder)


def gauges_png(
    sections: list[tuple[str, alt.TopLevelMixin]], title: str, subtitle: str, scale: float = 1.5
) -> bytes:
    """One image of the charts given, each under its section's name, below the title."""
    import vl_convert as vlc

    _register_font()
    charts = [
        chart.properties(title=alt.Title(section, fontSize=15, offset=10, anchor="start"))
        for section, chart in sections
    ]
    heading = alt.Title(
        title,
        subtitle=subtitle,
        fontSize=20,
        subtitleFontSize=12,
        subtitleColor="#57606a",
        anchor="start",
        offset=22,
        font=FONT_NAME,
        subtitleFont=FONT_NAME,
    )
    chart = (
        alt.vconcat(*[_unconfigured(c) for c in charts], title=heading, spacing=36)
        .configure_view(stroke=None)
        .configure(font=FONT_NAME, padding=20)
    )
    return vlc.vegalite_to_png(chart.to_json(validate=False), scale=scale)


def _unconfigured(chart):
    chart = chart.copy()
    chart.config = alt.Undefined
    return chart
