"""Numbers with their units as a reader of each language writes them.

Chinese keeps the catalogue's unit as written: '2.6万个', '1,800亿元', '83.51万吨'.
English has no 万 or 亿, so the multiplier goes into the figure and the figure takes an
English magnitude: 2.6万个 -> '26,000 parking spaces', 1,800亿元 -> '180 billion yuan',
83.51万吨 -> '835,100 t', 150万人 -> '1.5 million people'. The scaling is exact (Decimal)
and starts from the digits Chinese shows, so English has the same significant digits:
no digit is invented and none is dropped. Figures read together (actual / target) share
one magnitude, so '0.8351 / 1.1 million t' compares like with like.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from dashboard.core.messages import TABLE, Worded, text
from dashboard.core.units import MULTIPLIERS, unit_word

# English magnitudes, largest first; below a million a figure is written out (26,000).
MAGNITUDES = (
    (Decimal(10) ** 12, "magnitude.trillion"),
    (Decimal(10) ** 9, "magnitude.billion"),
    (Decimal(10) ** 6, "magnitude.million"),
)


def missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def _decimal(x: float, places: int) -> Decimal:
    """Half up in decimal, from the shortest text of the float: 13.245 -> 13.25."""
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def shown(x: float) -> Decimal:
    """The figure as it is shown: at most 2 decimals (4 where the core kept them to show
    which side of a bar a figure is on)."""
    d = _decimal(x, 4)
    return d if d != _decimal(x, 2) else _decimal(x, 2)


def grouped(d: Decimal) -> str:
    """Decimal -> '26,000', '0.8351', '15.52981': thousands grouped, no trailing zeros."""
    out = f"{d:,f}"
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def num(x: float) -> str:
    """2450 -> '2,450'; 93.456 -> '93.46'; keeps what the figure has, at most 2 decimals
    (4 where the core kept them to show which side of a bar a figure is on)."""
    return "—" if missing(x) else grouped(shown(x))


@dataclass(frozen=True)
class Scale:
    """How figures in a catalogue unit are written for one reader: multiply by `factor`
    and write `word` after (or, in Chinese, the unit itself right after the figure)."""

    factor: Decimal
    word: str
    magnitude: str = ""  # 'magnitude.million' ... ('' for figures written out)
    spaced: bool = True  # '26,000 parking spaces' | '2.6万个'

    def figure(self, x: float) -> str:
        if missing(x):
            return "—"
        return grouped((shown(x) * self.factor).normalize() + 0)

    def with_word(self, x: float) -> str:
        """The figure and the unit: '26,000 parking spaces', '2.6万个', '4.8%'."""
        if not self.word:
            return self.figure(x)
        return f"{self.figure(x)}{' ' if self.spaced else ''}{self.word}"

    def value(self, x: float) -> float:
        """The figure as a number in this scale (for charts and exported columns)."""
        return float(Decimal(repr(float(x))) * self.factor)


def _split(unit: str) -> tuple[str, str] | None:
    """'万吨' -> ('万', '吨') when English has a word for 吨; None otherwise."""
    for prefix in MULTIPLIERS:
        base = unit[len(prefix) :]
        if unit.startswith(prefix) and base and f"glossary.unit.{base}" in TABLE:
            return prefix, base
    return None


def scale(unit: str | None, lang: str, values=(), target: str | None = None) -> Scale:
    """The scale for `values` (figures in `unit`) read together: in English the multiplier
    of a Chinese unit becomes the magnitude of the largest of them."""
    unit = unit or ""
    split = None if lang == "zh" else _split(unit)
    if split is None:
        values = list(values)
        word = unit_word(unit, lang, values[0] if len(values) == 1 else None, target)
        return Scale(Decimal(1), word, spaced=lang != "zh" and unit not in ("", "%"))
    prefix, base = split
    mult = MULTIPLIERS[prefix]
    biggest = max((abs(shown(v)) * mult for v in values if not missing(v)), default=mult)
    base_word = unit_word(base, lang, None, target)
    for size, key in MAGNITUDES:
        if biggest >= size:
            return Scale(mult / size, f"{text(key, lang)} {base_word}", key)
    return Scale(mult, base_word)


def figures(
    values, unit: str | None, lang: str, target: str | None = None
) -> tuple[list[str], str]:
    """Figures read together and their one unit: ([2.6, 3], '万个', 'en') ->
    (['26,000', '30,000'], 'parking spaces')."""
    s = scale(unit, lang, values, target)
    return [s.figure(v) for v in values], s.word


def with_unit(x: float, unit: str | None, lang: str, target: str | None = None) -> str:
    """'2.6万个' | '26,000 parking spaces', '1,800亿元' | '180 billion yuan', '4.8%'."""
    return scale(unit, lang, [x], target).with_word(x)


@dataclass(frozen=True)
class Amount(Worded):
    """A figure with its unit as a message parameter: {value} -> '17,900亿元' |
    '1.79 trillion yuan', whichever language the message is read in. `together`: the
    figures the message compares it with, so that English writes them all in one
    magnitude ('1.79 trillion yuan' against '0.179 trillion yuan', not '179 billion')."""

    value: float
    unit: str
    target: str | None = None
    together: tuple[float, ...] = ()

    def words(self, lang: str) -> str:
        s = scale(self.unit, lang, (self.value, *self.together), self.target)
        return s.with_word(self.value)


def compared(figures: dict[str, float], unit: str, target: str | None = None) -> dict[str, Amount]:
    """Figures a message compares, each with its unit and all in one English magnitude:
    {'value': 17900, 'old': 1790} in 亿元 -> '1.79 trillion yuan', '0.179 trillion yuan'."""
    together = tuple(float(x) for x in figures.values())
    return {name: Amount(float(x), unit, target, together) for name, x in figures.items()}
