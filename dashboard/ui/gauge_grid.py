"""The overview's gauges: cards that wrap to the screen's width, each opening its detail.

Each card is a fixed-width container in a wrapping row: the target's name is a page link
(no reload, the session stays) stretched over the card by CSS (ui/style.py), the gauge
and its words are server-drawn SVG and HTML (present/gauge_svg.py).
"""

import streamlit as st

CARD_WIDTH = 164  # two cards (and the 16 px gap) fit a 390 px phone; seven a desktop
DETAIL = "ui/detail.py"


def gauge_grid(cards: tuple[tuple[str, str, str, str], ...], key: str) -> None:
    """`cards`: (target id, full name, card HTML, element key), built once for everyone
    (ui/common.gauge_cards)."""
    with st.container(horizontal=True, gap="small", key=f"grid_{key}"):
        for target, name, html, card in cards:
            with st.container(width=CARD_WIDTH, gap=None, key=f"gauge_{card}"):
                st.page_link(DETAIL, label=name, query_params={"id": target}, width="stretch")
                st.markdown(html, unsafe_allow_html=True)
