"""Characters that act instead of showing: terminal escapes, bidirectional overrides, and
the controls XML (hence .xlsx) forbids.

A user name or a comment is text to show. Printed raw, ESC [ ... rewrites a terminal
(colours, cursor, window title, in some terminals a clipboard write), a carriage return
overwrites what the line said, and a right-to-left override reverses it. So text a person
typed is shown with such characters written out as escapes (\\x1b, \\u202e).
"""

import re

# C0 controls except tab and newline, DEL, C1 controls (\x9b is a one-byte CSI), the
# bidirectional marks, embeddings, overrides and isolates.
_ACTING = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
ACTING = re.compile(f"[{_ACTING}]")
ACTING_OR_LAYOUT = re.compile(f"[{_ACTING}\t\n]")  # in a one-line cell, also tab and newline
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, one_line: bool = False) -> str:
    """`text` with acting characters written out: '\\x1b[31m' for ESC [31m."""
    return (ACTING_OR_LAYOUT if one_line else ACTING).sub(_escape, text)


def json_escaped(text: str) -> str:
    """JSON text with the acting characters json.dumps leaves raw (C1, bidirectional)
    as \\u escapes, so the value stays the same for a program and inert for a terminal."""
    return ACTING.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def xml_safe(text: str) -> str:
    """Without the characters an .xlsx cannot hold (openpyxl refuses the whole file)."""
    return XML_FORBIDDEN.sub("", text)
