"""Find the numbers with units in a sentence that can be targets.

Everything that only looks like a number is left out here, each for a reason a reader of
work reports knows: ordinals (第三届), years and dates (2026年, 10月底), phases and lines
(二期, 12号线), grades and classes of size (千亿级, 5A级, 亿元以上项目, 世界500强), codes and
slogans in quotes (“13445工程”, “1+7+N”), names with letters (PM2.5, 5G, G310), project
capacities (年产50万吨), prices (元/吨) and time spans that are policy parameters (240小时,
15分钟健身圈).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from dashboard.ingest.proposal import units as u
from dashboard.ingest.proposal.lexicon import FIRM_VERBS
from dashboard.ingest.proposal.numerals import (
    CHINESE_CHARS,
    NotANumber,
    parse_arabic,
    parse_chinese,
    parse_roman,
    split_multiplier,
)
from dashboard.ingest.proposal.text import QUOTES, enclosed

ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
CHINESE = re.compile(f"[{CHINESE_CHARS}]+")
ROMAN = re.compile(r"[ⅠⅡⅢⅣⅤ]|(?<![A-Za-z])(?:III|II|IV|I|V)(?=类)")
RANGE_SEPARATORS = "-~～—–－至到"
# Words right after the unit: the comparator the report attaches to the number.
SUFFIXES = (
    ("及以上", "at_least"),
    ("及以下", "at_most"),
    ("以上", "at_least"),
    ("左右", "about"),
    ("上下", "about"),
    ("以内", "at_most"),
    ("之内", "at_most"),
    ("以下", "at_most"),
)
# After the unit these make the number part of a name or a class, not an amount.
NAME_FOLLOWERS = (
    "级",
    "期",
    "号",
    "届",
    "强",
    "英寸",
    "代",
    "型",
    "寸",
    "线",
    "/",
    "／",
    "后",
    "内",
)
CAPACITY_PREFIXES = ("年产", "年处理", "日处理", "年吞吐", "年加工", "年设计", "设计产能")
# "十一届九次、十次全会": with Chinese numerals these count sessions, not things done.
ORDINAL_UNITS = ("次", "届")
RANK_WORDS = ("排名", "位次", "前进", "跃升", "上升", "居全国", "居全省", "位居", "第")
# Money before these nouns is how much of them ("提供9000万元养老服务消费券"), not a size
# class of the noun ("亿元以上项目").
MONEY_NOUNS = ("消费券", "资金", "补贴", "奖补", "贷款", "债券", "专项债", "基金")
# "每孩每年发放育儿补贴3600元": an amount per head is a policy parameter. A bare period
# is not a head: "每月发放稳岗补贴2000万元" is a sum to pay. Not 人均 either: "人均可支配
# 收入达到5万元" is an average to reach.
PER_HEAD = re.compile(r"每(?:人|户|孩|名|位|生|个家庭)")
# "西安还有1370个乡村": what there still is, said of the place, not a figure to reach.
STILL_THERE = "还有"


@dataclass(frozen=True)
class Quantity:
    start: int  # sentence-relative: first digit
    number_end: int  # end of the number(s), where the unit starts
    end: int  # end of unit and comparator suffix
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str
    dimension: str
    suffix_comparator: str  # from 以上/左右/以内..., or ""
    more: bool  # 余/多: more than the number
    chinese: bool

    @property
    def is_range(self) -> bool:
        return self.low is not None


def find_quantities(sentence: str) -> list[Quantity]:
    quoted = enclosed(sentence, QUOTES)
    found = [*_arabic(sentence), *_chinese(sentence), *_roman(sentence)]
    found = [q for q in found if not quoted[q.start]]
    return sorted(found, key=lambda q: q.start)


def _arabic(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    skip_to = 0
    for m in ARABIC.finditer(text):
        if m.start() < skip_to or _named(text, m.start()):
            continue
        quantity = _arabic_at(text, m)
        if quantity is not None:
            found.append(quantity)
            skip_to = quantity.end
    return found


def _named(text: str, start: int) -> bool:
    """A number glued to letters or after 第 is a name or an ordinal (PM2.5, G310, 第3届)."""
    before = text[start - 1] if start else ""
    return (before.isascii() and (before.isalpha() or before in ".-")) or before == "第"


def _arabic_at(text: str, m: re.Match) -> Quantity | None:
    value = parse_arabic(m.group())
    pos = m.end()
    low = high = None
    ranged = _range_tail(text, pos)
    if ranged is not None:
        high_match, pos = ranged
        low, high, value = value, parse_arabic(high_match.group()), None
    return _with_unit(text, m.start(), pos, value, low, high, chinese=False)


def _range_tail(text: str, pos: int) -> tuple[re.Match, int] | None:
    """'5-8条', '1—2个', '5%—8%': the upper number and where its unit starts."""
    unit_first = u.match_unit(text, pos)
    after_unit = pos + unit_first.length if unit_first and unit_first.dimension != "bare" else pos
    for start in dict.fromkeys((pos, after_unit)):
        if start < len(text) and text[start] in RANGE_SEPARATORS:
            high = ARABIC.match(text, start + 1)
            if high and (start == pos or text.startswith(unit_first.text, high.end())):
                return high, high.end()
    return None


def _with_unit(text, start, pos, value, low, high, chinese) -> Quantity | None:
    if u.time_unit_at(text, pos) and "天数" not in text[max(0, start - 8) : start]:
        return None
    unit = u.match_unit(text, pos, arabic=not chinese)
    if unit is None or unit.dimension == "bare" and chinese:
        return None
    end = pos + unit.length
    if _is_name_or_class(text, start, end, unit):
        return None
    suffix_comparator = ""
    for word, comparator in SUFFIXES:
        if text.startswith(word, end):
            suffix_comparator, end = comparator, end + len(word)
            break
    if (
        _size_class(unit.dimension, suffix_comparator)
        and _describes_noun(text, end)
        and not _money_of(text, end, unit.dimension, suffix_comparator)
    ):
        return None  # 亿元以上项目, 10万千瓦及以下燃煤机组, 总投资3791.7亿元的367个项目
    if text[max(0, start - len(STILL_THERE)) : start] == STILL_THERE:
        return None
    if unit.dimension == "money" and PER_HEAD.search(_clause_before(text, start)):
        return None
    return Quantity(
        start,
        pos,
        end,
        value,
        low,
        high,
        unit.text,
        unit.dimension,
        suffix_comparator,
        unit.more,
        chinese,
    )


def _money_of(text: str, end: int, dimension: str, suffix_comparator: str) -> bool:
    """'9000万元养老服务消费券': a sum of vouchers, funds or subsidies, not a size class."""
    if dimension != "money" or suffix_comparator:
        return False
    noun = re.match(r"[\u4e00-\u9fff“”]{1,10}", text[end:])
    return bool(noun) and any(word in noun.group() for word in MONEY_NOUNS)


def _clause_before(text: str, start: int) -> str:
    cut = max(text.rfind(mark, 0, start) for mark in "，。；：,;:")
    return text[cut + 1 : start]


def _is_name_or_class(text: str, start: int, end: int, unit: u.UnitMatch) -> bool:
    if any(text.startswith(w, end) for w in NAME_FOLLOWERS):
        return True
    before = text[max(0, start - 5) : start]
    if any(before.endswith(p) for p in CAPACITY_PREFIXES):
        return True
    return unit.text in ("位", "名") and any(w in before for w in RANK_WORDS)


def _size_class(dimension: str, suffix_comparator: str) -> bool:
    """Which numbers describe the noun after them instead of counting it.

    Money always ("亿元以上项目"); other measures with 以上/以下 ("年运量150万吨以上的物流园区");
    anything with 以下. Counts and shares with 以上 are targets ("1000个以上省重点项目",
    "60%以上的县级特困供养机构").
    """
    if dimension == "money" or suffix_comparator == "at_most":
        return True
    return bool(suffix_comparator) and dimension not in ("count", "percent", "permille")


def _describes_noun(text: str, end: int) -> bool:
    rest = text[end:]
    if rest.startswith("的"):
        return len(rest) > 1 and rest[1] not in "，。；：、,;:"
    return bool(rest) and "\u4e00" <= rest[0] <= "\u9fff" and not rest.startswith(("、", "和"))


def _chinese(text: str) -> list[Quantity]:
    """'三千个', '一百一十万人', '创作百部': Chinese numerals with a unit.

    Before its noun a Chinese numeral counts only right after a committing verb ("创作百部",
    not "做好以下十一个方面工作"). Words made of numerals are not numbers: 一个/两个 (below
    ten without a multiplier), 千家万户 (a bare 千/万; a bare 千 with 以上/左右 after its unit
    is a count: 活动千场以上), 百亿斤粮食产能提升工程 and 千亿级
    (one numeral character with a multiplier: a programme's name or a class), 第十 and 前十.
    """
    found = []
    for m in CHINESE.finditer(text):
        numeral, multiplier = split_multiplier(m.group())
        if text[max(0, m.start() - 1) : m.start()] in ("第", "前"):
            continue
        bare_thousand = numeral == "千" and not multiplier
        if not bare_thousand and not _numeral_word(numeral, multiplier):
            continue
        try:
            value = parse_chinese(numeral)
        except NotANumber:
            continue
        if value < 10 and not multiplier:
            continue
        quantity = _with_unit(
            text, m.start(), m.start() + len(numeral), value, None, None, chinese=True
        )
        if bare_thousand and (quantity is None or not quantity.suffix_comparator):
            continue  # "活动千场以上" is a count; "千家万户" (no 以上/左右) is a phrase
        if quantity is not None and quantity.unit not in ORDINAL_UNITS:
            if _closes_clause(text, quantity.end) or text[: m.start()].endswith(FIRM_VERBS):
                found.append(quantity)
    return found


def _closes_clause(text: str, end: int) -> bool:
    """'新建充电桩三千个。': the numeral ends its clause, after the name it counts."""
    return end >= len(text) or text[end] in "，。；：、,;:！？"


def _numeral_word(numeral: str, multiplier: str) -> bool:
    if numeral[0] in "万亿" or numeral in ("千", "万", "亿"):
        return False  # "200万千伏安": 万千 follows a number, it does not start one
    return not (len(numeral) == 1 and numeral in "十百千" and multiplier)


def _roman(text: str) -> list[Quantity]:
    """Water classes: '保持Ⅱ类以上' is class 2 or better."""
    found = []
    for m in ROMAN.finditer(text):
        if not text.startswith(u.CLASS_UNIT, m.end()) or text[m.start() - 1 : m.start()] == "劣":
            continue  # "消除劣V类": worse than class V is what is removed, not a class to keep
        end = m.end() + 1
        suffix = ""
        for word, comparator in SUFFIXES:
            if text.startswith(word, end):
                suffix, end = comparator, end + len(word)
                break
        found.append(
            Quantity(
                m.start(),
                m.end(),
                end,
                parse_roman(m.group()),
                None,
                None,
                u.CLASS_UNIT,
                "class",
                suffix,
                False,
                False,
            )
        )
    return found
