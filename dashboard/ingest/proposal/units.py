"""The unit written right after a number: multiplier + base unit, as the report spells it.

Reports write "110万吨", "5.6万套（间）", "2500P", "5.5％", "34微克／立方米". The unit is kept
as written (full-width ％ stays ％) so that a person finds it in the text; the dimension says
what kind of target the number can be (an amount, a count, a rate).
"""

from dataclasses import dataclass

MULTIPLIERS = ("万亿", "千万", "百万", "亿", "万", "千", "百")

# base unit -> dimension; longest spellings are tried first.
MEASURED = {
    "元": "money",
    "美元": "money",
    "欧元": "money",
    "吨标准煤": "mass",
    "吨": "mass",
    "公斤": "mass",
    "千克": "mass",
    "斤": "mass",
    "平方公里": "area",
    "平方米": "area",
    "亩": "area",
    "公顷": "area",
    "公里": "length",
    "千米": "length",
    "延米": "length",
    "米": "length",
    "立方米": "volume",
    "千瓦时": "energy",
    "千瓦": "power",
    "兆瓦": "power",
    "千伏安": "power",
    "伏安": "power",
    "标箱": "count",
    "标准箱": "count",
    "TEU": "count",
    "P": "compute",
    "PFLOPS": "compute",
    "EFLOPS": "compute",
    "E": "compute",
    "%": "percent",
    "％": "percent",
    "‰": "permille",
    "个百分点": "points",
    "百分点": "points",
    "倍": "times",
    "微克/立方米": "concentration",
    "微克／立方米": "concentration",
    "毫克/升": "concentration",
    "毫克／升": "concentration",
}
COUNTED = (
    "个 家 人次 人 户次 户 项 条 场次 场 所 处 座 架次 车次 件次 艘次 次 列 班次 班 辆 台 套 间 "
    "张 只 部 片 件 名 位 "
    "床 艘 株 棵 头 栋 幢 宗 笔 篇 本 门 支 块 款 家次 公顷次 趟 批次 单 例 对 组 期次 天 剂次 剂"
).split()
# Only after Arabic digits: "6大特色产业集群" counts six clusters; "三大攻坚战" is a name.
ARABIC_ONLY = {"大": "count"}
# Water quality classes: "保持Ⅱ类以上".
CLASS_UNIT = "类"
# Time spans are policy parameters ("240小时过境免签", "15分钟健身圈"), never targets; 天 is
# allowed only where the name counts days ("优良天数达到260天").
TIME_UNITS = ("小时", "分钟", "工作日", "个工作日", "天", "日", "周", "个月", "年", "秒", "岁")

BASES = dict(MEASURED) | {u: "count" for u in COUNTED}
BASE_ORDER = sorted(BASES, key=len, reverse=True)


@dataclass(frozen=True)
class UnitMatch:
    text: str  # as written without 余/多, e.g. "万套（间）"
    dimension: str  # money, mass, area, length, count, percent, ...
    multiplier: str  # "万", "亿", "" ...
    length: int  # characters taken from the text, 余/多 included
    more: bool = False  # "1.2万余人", "100多个": more than the number


def match_unit(text: str, pos: int, arabic: bool = True) -> UnitMatch | None:
    """The unit starting at text[pos], or None ("5G", "12号线" have none)."""
    for multiplier in (*(m for m in MULTIPLIERS if text.startswith(m, pos)), ""):
        start = pos + len(multiplier)
        more = text[start : start + 1] in ("余", "多")
        base = _base_at(text, start + more, arabic)
        if base is not None:
            end = start + more + len(base)
            end += _parenthesised_unit(text, end)
            written = multiplier + text[start + more : end]
            dimension = BASES.get(base, ARABIC_ONLY.get(base, "count"))
            return UnitMatch(written, dimension, multiplier, end - pos, more)
        if multiplier and not more and _next_is_boundary(text, start):
            return UnitMatch(multiplier, "bare", multiplier, len(multiplier))  # "1万亿" alone
    return None


def _base_at(text: str, start: int, arabic: bool) -> str | None:
    for base in BASE_ORDER:
        if text.startswith(base, start):
            if base.isascii() and base.isalpha() and _letter_follows(text, start + len(base)):
                return None  # "5G-A", "2500Pa" are not P
            return base
    if arabic and text.startswith("大", start):
        return "大"
    return None


def _letter_follows(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isascii() and text[pos].isalpha()


def _next_is_boundary(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in "，。；、：,;:！？）)\n" or text.startswith("以上", pos)


def _parenthesised_unit(text: str, end: int) -> int:
    """'万套（间）': a one- or two-character unit in brackets belongs to the unit."""
    for open_, close in (("（", "）"), ("(", ")")):
        if text.startswith(open_, end):
            inner_end = text.find(close, end + 1)
            inner = text[end + 1 : inner_end] if inner_end > 0 else ""
            if inner and inner in COUNTED:
                return inner_end + 1 - end
    return 0


def time_unit_at(text: str, pos: int) -> str | None:
    """A time span unit at text[pos] ("小时", "个工作日"), or None."""
    return next((u for u in TIME_UNITS if text.startswith(u, pos)), None)


def is_percent(dimension: str) -> bool:
    return dimension in ("percent", "permille")
