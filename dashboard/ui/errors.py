"""Where a refused operation becomes words on a page, in the reader's language: once.

A damaged database file comes with a button that rebuilds it from the journal (loses
nothing, so anyone who sees the message may press it). Anything unexpected is left to
Streamlit, which app.py tells to show no details (client.showErrorDetails = "none"): the
traceback goes to the server log, never a source path to a visitor.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.core.errors import DashboardError
from dashboard.core.messages import text
from dashboard.present.markdown_text import error_text
from dashboard.services.database import DatabaseDamaged, rebuild, summary
from dashboard.services.database import open_store as _open_store
from dashboard.ui.common import clear_caches, ws


def show(err: DashboardError, lang: str, where=st) -> None:
    where.error(error_text(err, lang))  # names and file names in it are shown as typed


@contextmanager
def reported(lang: str) -> Iterator[None]:
    """Run a page; a DashboardError raised anywhere in it ends the page with its message."""
    try:
        yield
    except DatabaseDamaged as err:
        show(err, lang)
        offer_rebuild(lang)
        st.stop()
    except DashboardError as err:
        show(err, lang)
        st.stop()


def offer_rebuild(lang: str) -> None:
    if not st.button(text("storage.rebuild_now", lang), type="primary", key="rebuild_now"):
        return
    w = ws()
    rebuild(w)
    clear_caches()
    with _open_store(w) as con:
        st.session_state["rebuilt"] = summary(con)
    st.rerun()


def rebuilt_notice(lang: str) -> None:
    """After a rebuild from the page: what it brought back (once)."""
    held = st.session_state.pop("rebuilt", None)
    if held:
        st.success(text("storage.rebuilt", lang, **held))
