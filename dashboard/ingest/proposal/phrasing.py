"""How a report phrases a target -> the catalogue's comparator, kind, direction, measure.

The rules follow the labelling rules the office uses (reports/README.md) and the catalogue:

- 以上 / 超 / 超过 / 突破 / 不少于 / 不低于 / 余 / 多 -> at_least; 左右 / 上下 / 约 / 近 -> about;
  以内 / 以下 / 控制在 / 不超过 / 降至 -> at_most; a bare number, a bare growth rate included,
  -> exactly (a bar to reach; 达到 and 力争 change nothing); "5-8条" -> range;
- 稳定在 / 保持在 / 保持 X(以上) -> maintain, every period must hold;
- 下降 / 降低 / 减少 N% -> decrease (the catalogue stores the size of the fall);
- % with 增长 / 增速 / 涨幅 -> growth; 率 / 占比 / 比重 -> share; 失业率, classes and
  concentrations -> level; money, tonnes, area, length -> amount; 个 / 家 / 人 -> count.
"""

from dashboard.ingest.proposal.quantities import Quantity

MAINTAIN = ("稳定保持在", "稳定保持", "稳定在", "保持在", "保持", "维持在", "稳定")
AT_MOST = ("控制在", "不高于", "不超过", "低于", "降至", "降到", "下降到", "压减至", "压降至")
AT_LEAST = ("超过", "突破", "多于", "高于", "超")
NOT_BELOW = ("不低于", "不少于")  # before 低于 is read as at_most
ABOUT = ("大约", "约", "近", "接近")
DECREASE = ("下降", "降低", "减少", "压减", "压降")
GROWTH_WORDS = ("增长", "增速", "增幅", "涨幅", "上涨", "提高", "提升", "增加", *DECREASE)
SHARE_WORDS = ("率", "占比", "比重", "比例", "覆盖", "达标", "合格", "优良")
LEVEL_RATES = ("失业率",)
LOWER_IS_BETTER = (
    "失业率",
    "能耗",
    "排放",
    "浓度",
    "PM",
    "价格涨幅",
    "物价",
    "事故",
    "死亡率",
    "发病率",
    "负债率",
    "清零",
    "重污染天数",
)
AMOUNT_DIMENSIONS = (
    "money",
    "mass",
    "area",
    "length",
    "volume",
    "energy",
    "power",
    "compute",
    "bare",
)
# Frequency suggestions: bureau indicators come for 1-2月 together, GDP and income by quarter,
# energy intensity and grain once a year (domain notes §1).
QUARTERLY = ("生产总值", "GDP", "经济增长", "居民收入", "可支配收入", "服务业增加值")
ANNUAL = ("能耗", "碳排放", "粮食", "种植面积", "播种面积", "森林覆盖率", "城镇化率", "营造林")
FROM_FEBRUARY = (
    "工业增加值",
    "固定资产投资",
    "工业投资",
    "社会消费品零售",
    "一般公共预算",
    "整车",
    "计算机",
    "产量",
    "电子信息",
    "规上",
)
STOCK_WORDS = ("总数", "总量", "保有量", "参保", "存量", "余额", "种植面积", "企业数量")


def comparator(before: str, quantity: Quantity) -> str:
    """Comparator from the words right before the number and the suffix after the unit."""
    link = before[-6:]
    if quantity.dimension == "class" or link.endswith(MAINTAIN) or _maintain_word(link):
        return "maintain"
    if link.endswith(DECREASE) and quantity.dimension in ("percent", "points"):
        return "decrease"
    if quantity.is_range:
        return "range"
    if quantity.suffix_comparator:
        return quantity.suffix_comparator
    if link.endswith(NOT_BELOW):
        return "at_least"
    if link.endswith(AT_MOST):
        return "at_most"
    if link.endswith(ABOUT):
        return "about"
    if link.endswith(AT_LEAST) or quantity.more:
        return "at_least"
    return "exactly"


def _maintain_word(link: str) -> bool:
    """'稳定在446万亩', '保持在29亿斤以上': the linking verb sits right before the number."""
    return any(link.endswith(w) for w in MAINTAIN)


def kind(name: str, quantity: Quantity) -> str:
    dimension = quantity.dimension
    if dimension in ("percent", "permille"):
        if any(w in name for w in LEVEL_RATES):
            return "level"
        if any(name.endswith(w) or w in name[-4:] for w in GROWTH_WORDS):
            return "growth"
        if any(w in name for w in SHARE_WORDS):
            return "share"
        return "growth" if any(w in name for w in GROWTH_WORDS) else "share"
    if dimension in ("points", "class", "concentration", "times"):
        return "level"
    if dimension in AMOUNT_DIMENSIONS:
        return "amount"
    return "count"


def direction(name: str, comparator_: str, quantity: Quantity | None) -> str:
    if comparator_ in ("at_most", "decrease"):
        return "lower"
    if quantity is not None and quantity.dimension in ("class", "concentration"):
        return "lower"
    return "lower" if any(w in name for w in LOWER_IS_BETTER) else "higher"


def measure_and_frequency(name: str, kind_: str, comparator_: str) -> tuple[str, str]:
    """Suggested (measure, frequency) in the catalogue's words, for a person to confirm."""
    if kind_ == "milestone":
        return "status", "event"
    if kind_ == "growth" and comparator_ != "decrease":
        return "ytd_growth", _frequency(name, "monthly_from_feb")
    if kind_ in ("share", "level") or comparator_ in ("maintain", "decrease"):
        return "level", _frequency(name, "monthly")
    measure = "level" if any(w in name for w in STOCK_WORDS) else "ytd"
    return measure, _frequency(name, "monthly")


def _frequency(name: str, default: str) -> str:
    if any(w in name for w in ANNUAL):
        return "annual"
    if any(w in name for w in QUARTERLY):
        return "quarterly"
    if any(w in name for w in FROM_FEBRUARY):
        return "monthly_from_feb"
    return default
