"""The overview's gauges: cards that wrap to the screen's width, each opening its detail.

Each card is a fixed-width container in a wrapping row: the target's name is a page link
(no reload, the session stays) stretched over the card by CSS (ui/style.py), the gauge
and its words are server-drawn SVG and HTML (present/gauge_svg.py).
"""

import pandas as pd
import streamlit as st

from dashboard.present.gauge_svg import gauge_card

CARD_WIDTH = 164  # two cards (and the 16 px gap) fit a 390 px phone; seven a desktop
DETAIL = "ui/detail.py"


def gauge_grid(cells: pd.DataFrame, key: str) -> None:
    with st.container(horizontal=True, gap="small", key=f"grid_{key}"):
        for c in cells.to_dict("records"):
            with st.container(width=CARD_WIDTH, gap=None, key=f"gauge_{c['id']}"):
                st.page_link(
                    DETAIL, label=c["full_name"], query_params={"id": c["id"]}, width="stretch"
                )
                st.markdown(gauge_card(c), unsafe_allow_html=True)
