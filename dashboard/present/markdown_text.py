"""Text a person typed, placed in Markdown that Streamlit renders: shown as typed.

Titles, captions, notices, labels and st.markdown all render Markdown. A comment written
as `[重新登录](https://…)` became a live link and `![](https://…)` an image fetched from
an outside address by every visitor's browser; a file name can do the same in a notice.
CommonMark lets any ASCII punctuation be escaped with a backslash, so escaping all of it
leaves no link, image, heading, list, emphasis, table, maths ($) or Streamlit directive
(:red[…], :material/…:). Bare addresses are linked after parsing, from the text itself
(GitHub's autolink literals: http://, https://, www., e-mail), so an invisible word
joiner goes after "https", "www" and "@": the text reads the same, nothing is linked.
"""

import re

from dashboard.core.errors import DashboardError
from dashboard.core.messages import text
from dashboard.core.problems import IngestError

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_AUTOLINKED = re.compile(r"(?i)(?:https?|www|mailto|xmpp)(?=[:.])|@")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
WORD_JOINER = "\u2060"


def literal(text: str, inline: bool = False) -> str:
    """`text` escaped for Markdown; `inline`: on one line (in a title or bold span)."""
    text = _LINE_BREAKS.sub(" ", text) if inline else text.replace("\r", "")
    text = _AUTOLINKED.sub(lambda m: m.group() + WORD_JOINER, text)
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    return escaped if inline else escaped.replace("\n", "  \n")  # a line break stays one


def error_text(err: DashboardError, lang: str) -> str:
    """An error for Markdown: the table's wording as written (it may use Markdown, such as
    a `command` to run) with every text it was given (a name, a file name) escaped."""
    if isinstance(err, IngestError):  # its problems, line by line: all of it is theirs
        return literal(err.text(lang))
    params = {
        k: literal(v, inline=True) if isinstance(v, str) else v for k, v in err.params.items()
    }
    return text(err.key, lang, **params)
