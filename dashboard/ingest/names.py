"""Indicator names as tables write them -> the words a catalogue name is matched on.

Statistics tables decorate a name in a handful of ways, and each carries meaning:

- a breakdown marker: '#', '其中：', '内：', or indentation (leading spaces, usually the
  full-width '　') -- the row is a part of the row above, never the headline figure;
- a note mark: '①', '*', '※' -- a footnote, not part of the name;
- an outline number: '一、', '1、', '（二）', '3.' -- the table's numbering;
- brackets: a unit ('(亿元)', '(%)') or a qualifier ('（GDP）', '(不含农户)',
  '(上年同期=100)');
- a measure suffix: '累计增长', '_同比增长', '累计值', '当期值', '增速' -- which figure
  of the indicator this is (growth or level; year-to-date or single month);
- a place prefix: '全市', '全省', '本地' ('本地生产总值'), or the entity's own name
  ('郑州市固定资产投资');
- short forms: '规上' and '规模工业' for '规模以上工业'.

`read_label` takes a label apart; `match_keys` lists the keys to look a label up by, most
specific first, in the same normalised form as `canonical` gives catalogue names.

Where a near miss stays an error (see `near_misses`): a name that is not a breakdown row
and says the same as a catalogue name or alias with another verb in front ('新建公共充电桩',
'新增公共充电桩' for the alias '公共充电桩' of '新建电动汽车公共充电桩'; '新增绿地面积' for
'绿地面积'), differs from one by a single character ('社会消费品零售总值'), or is one cut
short by one or two characters ('新建电动汽车公共充电'). Such a name
almost certainly means the catalogue indicator; storing nothing for it would lose the
figure without a word, and guessing could store it under the wrong target. Any other
unknown name is another indicator and its row is skipped and listed, never an error:
'轻工业增加值' and '规模以上制造业增加值' are parts or neighbours of catalogue indicators,
not spellings of them, however many characters they share.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dashboard.core.units import UnknownUnit, parse_unit

# Circled and parenthesised numbers become digits under NFKC ('①' -> '1'), so note marks
# are removed from the raw text first: '9.3①' must not become 9.31.
NOTE_MARKS = re.compile(r"[\u2460-\u24ff\u2776-\u2793*＊※]+")
INDENT = (" ", "\u3000", "\t", "\xa0")
BREAKDOWN = re.compile(r"^(?:[#＃]+|其中\s*[:：]?|内\s*[:：]|中\s*[:：])\s*")
# An outline number in front of a name ('一、社会消费品零售总额', '1、批发零售贸易业',
# '（二）', '3.'): the table's numbering, never part of the name. Not '1.5', '1. 5万吨'
# or '2011年'; not the '二、' of '二、三产业' or the '一、' of '一、二、三产业' (numerals
# listed before 产业 name the industries).
OUTLINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*、(?![一二三四五六七八九十]+\s*(?:、|产业))"
    r"|\d{1,2}\s*[、.](?!\s*\d)"
    r"|\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\))\s*"
)
BRACKETS = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")
QUOTES = re.compile(r"[“”\"'‘’「」《》\s]")
DASHES = re.compile(r"[～~—–－―〜]")
# Not 全国: "全国规模以上工业增加值" in a city's table is the nation's figure, never the city's.
PLACE_WORDS = ("全市", "全省", "全区", "全县", "本市", "本地")  # 本地生产总值 (GDP)
# Verbs that open a task's name; the same object with another verb is a near miss.
VERBS = (
    "新建",
    "新增",
    "完成",
    "建设",
    "建成",
    "打造",
    "开展",
    "培育",
    "组织",
    "发布",
    "改造",
    "新发展",
)
SHORT_FORMS = (("规模工业", "规模以上工业"), ("规上", "规模以上"))

# (suffix, growth?, basis): basis 'ytd' or 'month' when the words say so, None otherwise.
# '同比' in a row label of a monthly series is the single month against the same month a
# year earlier (the portal's '工业增加值_同比增长' beside '工业增加值_累计增长'); under a
# cumulative column ('1—10月') the column's period decides, see layout.
SUFFIXES = (
    ("累计同比增长", True, "ytd"),
    ("累计增长率", True, "ytd"),
    ("累计增长", True, "ytd"),
    ("累计增速", True, "ytd"),
    ("累计同比", True, "ytd"),
    ("当月同比增长", True, "month"),
    ("当月增长", True, "month"),
    ("当月增速", True, "month"),
    ("当月同比", True, "month"),
    ("比上年同期增长", True, None),
    ("比上年增长", True, None),
    ("同比增长率", True, "month"),
    ("同比增长", True, "month"),
    ("同比增速", True, "month"),
    ("同比", True, "month"),
    ("增长率", True, None),
    ("增长速度", True, None),
    ("增长", True, None),
    ("增速", True, None),
    ("增幅", True, None),
    ("累计完成", False, "ytd"),
    ("完成额", False, None),
    ("完成值", False, None),
    ("完成数", False, None),
    ("累计值", False, "ytd"),
    ("累计数", False, "ytd"),
    ("累计", False, "ytd"),
    ("当期值", False, "month"),
    ("当月值", False, "month"),
    ("当期", False, "month"),
    ("当月", False, "month"),
    ("本月", False, "month"),
)


@dataclass(frozen=True)
class Label:
    """A row label (or column header) taken apart."""

    text: str  # as written, without surrounding space
    name: str  # without breakdown marker, note marks and brackets; suffix still on
    core: str  # `name` without the measure suffix ('' suffix: same as name)
    unit: str  # unit in brackets, '' if none
    breakdown: bool  # '#', '其中', '内：' or indentation
    growth: bool | None  # the suffix says growth (True) or a level (False); None: silent
    basis: str | None  # 'ytd' or 'month' when the suffix says so


def _fold(text: str) -> str:
    """NFKC (full-width digits and brackets) with every dash and tilde as '-'."""
    return DASHES.sub("-", unicodedata.normalize("NFKC", text))


def _is_unit(text: str) -> bool:
    try:
        parse_unit(text)
    except UnknownUnit:
        return False
    return True


def _split_brackets(text: str) -> tuple[str, str]:
    """('社会消费品零售总额(亿元)') -> ('社会消费品零售总额', '亿元'); a bracket that is
    not a unit ('(GDP)', '(不含农户)') is a qualifier and is dropped."""
    unit = ""
    for inside in BRACKETS.findall(text):
        if not unit and _is_unit(inside.strip()):
            unit = inside.strip()
    return BRACKETS.sub("", text).strip(), unit


def _measure_suffix(name: str) -> tuple[str, bool | None, str | None]:
    head, sep, tail = name.rpartition("_")
    if sep and head:  # the portal's '工业增加值_同比增长'
        for suffix, growth, basis in SUFFIXES:
            if tail == suffix:
                return head, growth, basis
    for suffix, growth, basis in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)].rstrip("_"), growth, basis
    return name, None, None


@lru_cache(maxsize=65536)
def read_label(text: str) -> Label:
    raw = NOTE_MARKS.sub("", str(text))
    indented = raw.startswith(INDENT) and bool(raw.strip())
    s = _fold(raw).strip()
    s = OUTLINE.sub("", s, count=1)
    marked = bool(BREAKDOWN.match(s))
    while BREAKDOWN.match(s):
        s = BREAKDOWN.sub("", s, count=1).strip()
    name, unit = _split_brackets(s)
    name = name.rstrip(":：").strip()
    core, growth, basis = _measure_suffix(name)
    return Label(str(text).strip(), name, core, unit, indented or marked, growth, basis)


MEASURE_ONLY = re.compile(
    r"^(?:比(?:上年|去年)(?:同期|同月)?|同比|累计|当月|本月|本年)?"
    r"(?:增长|增速|增幅|增减|增长率|增长速度|±|绝对量|绝对额|绝对值|总量|数值|金额)?%?$"
)


def measure_only(text: str) -> bool:
    """A header that names a measure and no indicator: '增长速度（%）', '比上年同月(%)'."""
    name = read_label(text).name.replace(" ", "")
    return bool(name) and bool(MEASURE_ONLY.match(name))


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """The form names are compared in: folded, no quotes or spaces, lower case, short
    forms expanded (规上 -> 规模以上)."""
    s = QUOTES.sub("", _fold(str(text))).lower()
    for short, full in SHORT_FORMS:
        if short in s and full not in s:
            s = s.replace(short, full)
    return s


def match_keys(label: Label, places: tuple[str, ...] = ()) -> list[str]:
    """Keys to look `label` up by, most specific first: the name as written, without its
    measure suffix, without a place prefix, without a trailing 额 (投资额 = 投资), and with
    产量 added (a product row names the product only)."""
    prefixes = _prefixes(PLACE_WORDS + places)
    found: list[str] = []
    for text in (label.name, label.core):
        key = canonical(text)
        variants = [key] + [key[n:] for n in prefixes[0] if key[:n] in prefixes[1]]
        for v in variants:
            found.append(v)
            if v.endswith("额") and not v.endswith("总额"):
                found.append(v[:-1])
            found.append(v + "产量")  # a product row: '微型计算机设备(万台)'
    return [k for k in dict.fromkeys(found) if k and k != "产量"]


@lru_cache(maxsize=64)
def _prefixes(places: tuple[str, ...]) -> tuple[tuple[int, ...], frozenset[str]]:
    """Place prefixes by length (a catalogue of 2,000 districts is 2,000 prefixes: looked
    up by slicing, not tried one by one)."""
    keys = frozenset(canonical(p) for p in places if p)
    return tuple(sorted({len(k) for k in keys})), keys


def _without_verb(key: str) -> str:
    for verb in VERBS:
        if key.startswith(verb) and len(key) > len(verb) + 1:
            return key[len(verb) :]
    return key


def near_misses(key: str, names: dict[str, str], limit: int = 3) -> list[str]:
    """Catalogue names (`names`: canonical key -> name to show) that `key` names with
    another verb or misspells by one character; [] when it is another indicator."""
    return NearMisses(names).find(key, limit)


class NearMisses:
    """near_misses with the catalogue indexed once. A near miss names a catalogue name
    (3+ characters) with another verb (the same name once verbs are dropped), with one
    character changed (both 4+ long), or with its last one or two characters lost
    ('新建电动汽车公共充电', 5+ left). Each is a key looked up here: comparing an unknown
    name with every catalogue name cost a pass over the catalogue per unknown name, and a
    file may hold 100,000 of them."""

    def __init__(self, names: dict[str, str]):
        self.names = names
        self.order = {k: i for i, k in enumerate(names)}
        self.by_bare: dict[str, list[str]] = {}
        self.by_hole: dict[str, list[str]] = {}
        self.by_prefix: dict[str, list[str]] = {}
        for k in names:
            if len(k) < 3:
                continue
            self.by_bare.setdefault(_without_verb(k), []).append(k)
            if len(k) >= 4:
                for hole in _holes(k):
                    self.by_hole.setdefault(hole, []).append(k)
            for cut in (1, 2):
                if len(k) - cut >= 5:
                    self.by_prefix.setdefault(k[:-cut], []).append(k)

    def find(self, key: str, limit: int = 3) -> list[str]:
        if len(key) < 3:
            return []
        bare = _without_verb(key)
        found = set(self.by_bare.get(bare, ())) if bare != key else set()
        if len(key) >= 4:
            for hole in _holes(key):
                found.update(self.by_hole.get(hole, ()))
        if len(key) >= 5:
            found.update(self.by_prefix.get(key, ()))
        found.discard(key)
        hits = [self.names[k] for k in sorted(found, key=self.order.__getitem__)]
        return list(dict.fromkeys(hits))[:limit]


def _holes(key: str) -> list[str]:
    """`key` with each character in turn replaced by a mark: two keys of one length that
    share a hole differ in that one character."""
    return [f"{key[:i]}\0{key[i + 1 :]}" for i in range(len(key))]
