"""Numbers as reports write them: 1,552.5 / 三千 / 一百一十 / 百 / Ⅱ.

Multipliers 万 and 亿 are left to the unit ("3万个" is 3 in 万个, as the report writes it),
so a Chinese numeral stops before a trailing 万/亿 that is followed by a base unit; the
caller decides that (see `split_multiplier`).
"""

from decimal import Decimal, InvalidOperation

from dashboard.core.errors import DashboardError

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
CHINESE_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
# Full-width digits and the full-width point read as ASCII (same length, so spans hold).
FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


class NotANumber(DashboardError, ValueError):
    """Text that is not a number in any form this module reads (the rules skip it)."""

    def __init__(self, text: str):
        super().__init__("cell.not_number", text=text)


def parse_arabic(text: str) -> Decimal:
    """'1,552.5' -> Decimal('1552.5')."""
    try:
        return Decimal(text.translate(FULL_WIDTH).replace(",", ""))
    except InvalidOperation as exc:
        raise NotANumber(text) from exc


def parse_chinese(text: str) -> Decimal:
    """'一百一十' -> 110, '三千' -> 3000, '百' -> 100, '二〇二六' -> 2026, '十五' -> 15.

    '三四' (three or four) is not a number.
    """
    if not text or any(c not in CHINESE_CHARS for c in text):
        raise NotANumber(text)
    if all(c in DIGITS for c in text) and ("〇" in text or len(text) >= 4):
        return Decimal("".join(str(DIGITS[c]) for c in text))  # 二〇二六: digit by digit
    total, section, digit = 0, 0, None
    for char in text:
        if char in DIGITS:
            if digit is not None and DIGITS[char] != 0:
                raise NotANumber(text)  # 三四 is not a number
            digit = DIGITS[char] if DIGITS[char] else None
        elif char in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        else:
            section += digit or 0
            total = (total + (section or 1)) * BIG_UNITS[char]
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))


def split_multiplier(text: str) -> tuple[str, str]:
    """'一百一十万' -> ('一百一十', '万'): the trailing multiplier belongs to the unit."""
    for suffix in ("万亿", "亿", "万"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)], suffix
    return text, ""


def parse_roman(text: str) -> Decimal:
    """Water classes: 'Ⅱ' or 'II' -> 2."""
    try:
        return Decimal(ROMAN[text])
    except KeyError as exc:
        raise NotANumber(text) from exc


def plain(value: Decimal) -> str:
    """Decimal as catalogue text without exponent or trailing zeros: 1.50 -> '1.5'."""
    text = format(value.normalize(), "f")
    return text
