"""The look every page shares: readable captions, gauge cards, status tiles, the file
picker in the reader's language, phone widths, and a sidebar that closes after
navigating on a phone."""

import json

import streamlit as st

from dashboard.core.messages import text
from dashboard.core.palette import STATUS_COLORS

BASE = """
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {
  font-size: 0.92rem; color: #424a53; }
/* a gauge card: the whole card opens the detail (the name's link stretched over it) */
[class*="st-key-gauge_"] { position: relative; border-radius: 8px; padding: 4px 2px 10px; }
[class*="st-key-gauge_"]:hover { background: #f6f8fa; }
[class*="st-key-gauge_"] [data-testid="stPageLink"] a { padding: 0; justify-content: center; }
[class*="st-key-gauge_"] [data-testid="stPageLink"] a::after {
  content: ""; position: absolute; inset: 0; z-index: 1; }
[class*="st-key-gauge_"] [data-testid="stPageLink"] p {
  white-space: normal; text-align: center; font-size: 0.9rem; line-height: 1.25;
  font-weight: 600; color: #1f2328; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden; min-height: 2.5em; }
.gauge-card { text-align: center; line-height: 1.35; }
.gauge-card svg { display: block; margin: 0 auto; }
.gauge-line, .gauge-gap { font-size: 0.85rem; color: #424a53; }
.gauge-gap { font-weight: 600; }
.gauge-status { font-size: 0.88rem; font-weight: 700; }
.gauge-note { font-size: 0.8rem; color: #6e5600; background: #fff8c5; border-radius: 4px;
  display: inline-block; padding: 0 4px; margin-top: 2px; }
/* status tiles */
.st-key-tiles button { min-height: 0; padding: 4px 10px; justify-content: flex-start; }
.st-key-tiles button p { font-size: 0.95rem; }
@media (max-width: 640px) {
  h1 { font-size: 1.55rem !important; }
  h2, h3 { font-size: 1.2rem !important; }
  .st-key-tiles button { padding: 2px 8px; }
  .st-key-tiles button p { font-size: 0.85rem; }
}
"""

# On a phone the sidebar lies over the page; Streamlit leaves it open after a click on a
# page in it, and after logging in, so the page stays hidden. Close it then (once per tab;
# a failed login keeps it open, with its message).
CLOSE_SIDEBAR = """<script>
if (!window.__closeSidebarOnNavigation) {
  window.__closeSidebarOnNavigation = true;
  const close = () => {
    const button = document.querySelector(
      '[data-testid="stSidebar"] [data-testid="stSidebarCollapseButton"] button');
    if (button) button.click();
  };
  document.addEventListener("click", (event) => {
    if (window.innerWidth >= 768) return;
    if (event.target.closest('[data-testid="stSidebarNav"] a')) {
      setTimeout(close, 50);
    } else if (event.target.closest('[data-testid="stSidebar"] [data-testid="stForm"] button')) {
      let tries = 0;
      const loggedIn = setInterval(() => {
        if (document.querySelector('[data-testid="stSidebar"] .st-key-logout')) {
          clearInterval(loggedIn);
          close();
        } else if (++tries > 50) {
          clearInterval(loggedIn);
        }
      }, 200);
    }
  }, true);
}
</script>"""


def _tiles() -> str:
    """A coloured edge per status tile, from the palette (a new status needs no CSS)."""
    return "".join(
        f".st-key-tile_{status} button {{ border-left: 6px solid {color}; }}\n"
        for status, color in STATUS_COLORS.items()
    )


def _file_picker(lang: str) -> str:
    """Streamlit writes every file picker's button and size limit in English: say them in
    the reader's language (the words come from the message table; the file types are in
    each picker's label)."""
    button = json.dumps(text("file_picker.button", lang), ensure_ascii=False)
    megabytes = st.get_option("server.maxUploadSize")
    limits = json.dumps(text("file_picker.limits", lang, mb=megabytes), ensure_ascii=False)
    return f"""
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {button}; font-size: 0.9rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {limits}; font-size: 0.85rem; }}
"""


def apply(lang: str) -> None:
    st.html(f"<style>{BASE}{_tiles()}{_file_picker(lang)}</style>")
    with st.sidebar:
        st.html(CLOSE_SIDEBAR, unsafe_allow_javascript=True)
