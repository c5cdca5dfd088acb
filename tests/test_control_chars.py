"""Text a person typed, shown inert: in a terminal, in JSON, in an .xlsx, in Markdown."""

import json

import pytest

from dashboard.core.control_chars import json_escaped, visible, xml_safe
from dashboard.present.markdown_text import WORD_JOINER, literal


@pytest.mark.parametrize(
    "text, shown, one_line",
    [
        ("王\x1b]0;title\x07", "王\\x1b]0;title\\x07", "王\\x1b]0;title\\x07"),
        ("a\rb", "a\\x0db", "a\\x0db"),
        ("\u202etxt.exe", "\\u202etxt.exe", "\\u202etxt.exe"),
        ("\x9b31m", "\\x9b31m", "\\x9b31m"),
        ("两行\n\t缩进", "两行\n\t缩进", "两行\\x0a\\x09缩进"),
        ("正常 text", "正常 text", "正常 text"),
    ],
)
def test_acting_characters_are_written_out(text, shown, one_line):
    assert visible(text) == shown and visible(text, one_line=True) == one_line


def test_json_keeps_the_value_and_loses_the_raw_characters():
    raw = json.dumps({"name": "王\x1b[31m\x9b\u202e"}, ensure_ascii=False)
    escaped = json_escaped(raw)
    assert json.loads(escaped) == {"name": "王\x1b[31m\x9b\u202e"}
    assert "\x9b" not in escaped and "\u202e" not in escaped


def test_xml_safe_drops_what_an_xlsx_cannot_hold():
    assert xml_safe("a\x00b\x0bc\x1b\td\ne\ufffe") == "abc\td\ne"


@pytest.mark.parametrize(
    "text, inline, escaped",
    [
        ("[重新登录](x)", True, "\\[重新登录\\]\\(x\\)"),
        ("![图](p.png)", True, "\\!\\[图\\]\\(p\\.png\\)"),
        (":red[警告] :material/home:", True, "\\:red\\[警告\\] \\:material\\/home\\:"),
        ("# 标题\n- 项\n1. 一", False, "\\# 标题  \n\\- 项  \n1\\. 一"),
        ("# 标题\n- 项", True, "\\# 标题 \\- 项"),
        ("$x$ <b>粗</b> *斜*", True, "\\$x\\$ \\<b\\>粗\\<\\/b\\> \\*斜\\*"),
        ("https://a.b", True, f"https{WORD_JOINER}\\:\\/\\/a\\.b"),
        ("www.a.b wang@a.b", True, f"www{WORD_JOINER}\\.a\\.b wang\\@{WORD_JOINER}a\\.b"),
        ("增长5.2%（1—10月）", True, "增长5\\.2\\%（1—10月）"),
    ],
)
def test_markdown_literal(text, inline, escaped):
    assert literal(text, inline=inline) == escaped


def test_an_error_keeps_its_wording_and_escapes_what_it_was_given():
    from dashboard.core.errors import DashboardError
    from dashboard.core.problems import IngestError, Problem
    from dashboard.present.markdown_text import error_text

    err = DashboardError("cli.error", message="[点我](https://evil.example)")
    assert error_text(err, "en") == (
        f"error: \\[点我\\]\\(https{WORD_JOINER}\\:\\/\\/evil\\.example\\)"
    )
    refused = IngestError([Problem("![x](y).csv", 2, "A", "cell.not_number", "", {"text": "x"})])
    assert error_text(refused, "en").startswith("\\!\\[x\\]\\(y\\)\\.csv\\:2\\:A\\:")
