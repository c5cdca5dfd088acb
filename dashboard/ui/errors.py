"""Where a refused operation becomes words on a page, in the reader's language: once."""

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.core.errors import DashboardError


def show(err: DashboardError, lang: str, where=st) -> None:
    where.error(err.text(lang))


@contextmanager
def reported(lang: str) -> Iterator[None]:
    """Run a page; a DashboardError raised anywhere in it ends the page with its message."""
    try:
        yield
    except DashboardError as err:
        show(err, lang)
        st.stop()
