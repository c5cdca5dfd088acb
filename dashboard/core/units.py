"""Units as the report writes them ("万吨", "亿元", "万平方米") and exact conversion.

A unit is a base unit times a Chinese multiplier. Conversion uses Decimal so that
"1,552,981 万元" becomes exactly 155.2981 亿元.
"""

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from dashboard.core.errors import DashboardError
from dashboard.core.messages import TABLE, text

MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(1000),
    "百": Decimal(100),
}

# base unit -> (dimension, factor to the dimension's reference unit)
BASES: dict[str, tuple[str, Decimal]] = {
    "元": ("money", Decimal(1)),
    "yuan": ("money", Decimal(1)),
    "吨": ("mass", Decimal(1)),
    "t": ("mass", Decimal(1)),
    "tonnes": ("mass", Decimal(1)),
    "公斤": ("mass", Decimal("0.001")),
    "千克": ("mass", Decimal("0.001")),
    "kg": ("mass", Decimal("0.001")),
    "斤": ("mass", Decimal("0.0005")),
    "公里": ("length", Decimal(1000)),
    "千米": ("length", Decimal(1000)),
    "km": ("length", Decimal(1000)),
    "米": ("length", Decimal(1)),
    "m": ("length", Decimal(1)),
    "平方米": ("area", Decimal(1)),
    "㎡": ("area", Decimal(1)),
    "m2": ("area", Decimal(1)),
    "亩": ("area", Decimal(2000) / Decimal(3)),
    "公顷": ("area", Decimal(10000)),
    "%": ("percent", Decimal(1)),
    "％": ("percent", Decimal(1)),
    "类": ("water_class", Decimal(1)),
    # what work reports also write (each its own dimension unless it truly converts)
    "美元": ("money_usd", Decimal(1)),
    "欧元": ("money_eur", Decimal(1)),
    "平方公里": ("area", Decimal(10) ** 6),
    "立方米": ("volume", Decimal(1)),
    "千瓦": ("power", Decimal(1)),
    "兆瓦": ("power", Decimal(1000)),
    "千瓦时": ("energy", Decimal(1)),
    "千伏安": ("apparent_power", Decimal(1)),
    "个百分点": ("points", Decimal(1)),
    "百分点": ("points", Decimal(1)),
    "‰": ("permille", Decimal(1)),
    "倍": ("times", Decimal(1)),
    "微克/立方米": ("concentration", Decimal(1)),
    "P": ("compute", Decimal(1)),
    "PFLOPS": ("compute", Decimal(1)),
    "吨标准煤": ("coal_equivalent", Decimal(1)),
}
# Things that are counted: each is its own dimension, so 个 never converts to 家.
COUNTED = (
    "个",
    "家",
    "台",
    "辆",
    "条",
    "场",
    "项",
    "人",
    "人次",
    "户",
    "所",
    "处",
    "座",
    "次",
    "架次",
    "标箱",
    "列",
    # more things reports count ("新增养老床位5000张", "开行班列3630班", "壮大6大产业集群")
    "套",
    "间",
    "张",
    "只",
    "部",
    "片",
    "件",
    "名",
    "位",
    "床",
    "班",
    "班次",
    "场次",
    "户次",
    "家次",
    "艘",
    "株",
    "头",
    "栋",
    "幢",
    "宗",
    "笔",
    "块",
    "款",
    "趟",
    "批次",
    "例",
    "天",
    "大",
    "支",
    "单",
    "门",
    "对",
    "组",
    "本",
    "篇",
    "棵",
)
for _name in COUNTED:
    BASES[_name] = ("count:" + _name, Decimal(1))


class UnknownUnit(DashboardError, ValueError):
    """A unit text that is not a known base unit with an optional multiplier."""

    def __init__(self, unit: str):
        super().__init__("unit.unknown", unit=unit)


class IncompatibleUnits(DashboardError, ValueError):
    """Two units of different dimensions (亿元 vs 万吨)."""

    def __init__(self, source: str, target: str):
        super().__init__("unit.incompatible", source=source, target=target)


@dataclass(frozen=True)
class Unit:
    text: str
    dimension: str
    factor: Decimal


def normalize_unit_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip()
    return text.strip("()（）[]【】 ").replace(" ", "")


@lru_cache(maxsize=1024)
def parse_unit(text: str) -> Unit:
    """'万吨' -> Unit(mass, 1e4); '万套（间）' -> 万套 (the bracket names what else is counted
    alike); raises UnknownUnit."""
    clean = normalize_unit_text(text)
    if "(" in clean and clean.split("(")[0]:
        clean = clean.split("(")[0]
    if clean in BASES:
        dim, factor = BASES[clean]
        return Unit(clean, dim, factor)
    for prefix, mult in MULTIPLIERS.items():
        if clean.startswith(prefix) and clean[len(prefix) :] in BASES:
            dim, factor = BASES[clean[len(prefix) :]]
            return Unit(clean, dim, factor * mult)
    raise UnknownUnit(text)


def is_known_unit(text: str) -> bool:
    try:
        parse_unit(text)
    except UnknownUnit:
        return False
    return True


@lru_cache(maxsize=1024)
def conversion_factor(from_unit: str, to_unit: str) -> Decimal:
    """Multiply a value in `from_unit` by this to express it in `to_unit`."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.dimension != dst.dimension:
        raise IncompatibleUnits(from_unit, to_unit)
    return src.factor / dst.factor


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    return value * conversion_factor(from_unit, to_unit)


def unit_word(
    unit: str | None, lang: str, value: float | None = None, target: str | None = None
) -> str:
    """The unit as a reader of `lang` writes it: '万吨' -> '万吨' | '×10,000 t', '个' -> 'units'
    (with a figure, core/amounts puts the multiplier into the figure: '835,100 t').
    English names what `target` counts where the glossary says (条 of air routes: 'routes')
    and uses the singular for exactly one ('1 unit'). Parts the glossary lacks stay as the
    catalogue writes them."""
    unit = unit or ""
    if lang == "zh" or unit in ("", "%"):
        return unit
    for prefix in ("", *MULTIPLIERS):
        base = unit[len(prefix) :]
        if unit.startswith(prefix) and f"glossary.unit.{base}" in TABLE:
            word = _counted_as(target, base) or text(f"glossary.unit.{base}", lang)
            if prefix:
                return f"{text(f'glossary.multiplier.{prefix}', lang)} {word}"
            return singular(word) if value == 1 else word
    return unit


def _counted_as(target: str | None, base: str) -> str | None:
    """The glossary's English for what `target` counts, if it counts in `base` still."""
    key = f"glossary.counted.{target}"
    if target is None or key not in TABLE or TABLE[key][0] != base:
        return None
    return TABLE[key][1]


def singular(word: str) -> str:
    """'units' -> 'unit', 'charging piles' -> 'charging pile', 'people' -> 'person';
    a word that is not an English plural stays ('t', 'class', 'TEU')."""
    head, _, last = word.rpartition(" ")
    if last in IRREGULAR_PLURALS:
        last = IRREGULAR_PLURALS[last]
    elif last.endswith(("ches", "shes", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and last.islower():
        last = last[:-1]
    return f"{head} {last}" if head else last


IRREGULAR_PLURALS = {"people": "person"}
