"""Facts a table states once, in its title and metadata lines rather than in its cells.

    2026年1—10月郑州市主要经济指标          year 2026, period 1-10月 (cumulative)
    表1：2026年1-3季度…初步核算数据           year 2026, period 1-9月
    市发展改革委…推进情况表（截至10月底）      period 1-10月
    数据库：月度数据 / 地区：郑州市 / 时间：2026年 / 指标：工业增加值_同比增长(%)
    2026年全国规模以上工业增加值 / 数据来源：国家统计局    the nation's figures (place 全国)
    单位：亿元         one unit for every figure without its own
    单位：亿元、%      mixed: no default unit (rows and columns say theirs)

A line such as '填报时间：2026年11月5日' names when the table was filled in, not the
period of its figures, and is read for nothing.
"""

import re
import unicodedata
from dataclasses import dataclass, replace

from dashboard.ingest.cells import Period

DASHES = re.compile(r"[～~—–－―〜]")
CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
NUM = r"(\d{1,2}|十[一二]?|[一二两三四五六七八九])"
YEAR = re.compile(r"(20\d{2})\s*年")
# Who filled the table in and when: never the period of its figures.
FILLED_IN = re.compile(r"(?:填报|制表|报送|打印)(?:单位|时间|日期|人)")
# '2025年1月–2026年10月': a span of several years names no single period.
SPAN = re.compile(r"20\d{2}\s*年[^-至]*(?:-|至)\s*20\d{2}\s*年")
METADATA = re.compile(
    r"^(数据库|地区|时间|指标|单位|计量单位|数据来源|资料来源|来源)\s*[:：]\s*(.*)$"
)
SOURCE_KEYS = ("数据来源", "资料来源", "来源")
UNIT_SPLIT = re.compile(r"[、,，/;；\s]+")

# (pattern, period end from the match); each a cumulative period from January.
CUMULATIVE = (
    (re.compile(r"(?<!\d)1\s*(?:-|至|到)\s*" + NUM + r"\s*月"), lambda m: _n(m[1])),
    (re.compile(r"前\s*" + NUM + r"\s*个?\s*月"), lambda m: _n(m[1])),
    (re.compile(r"截(?:至|止)到?\s*(?:20\d{2}\s*年\s*)?" + NUM + r"\s*月"), lambda m: _n(m[1])),
    (re.compile(r"(?<!\d)" + NUM + r"\s*月\s*(?:底|末)?\s*止"), lambda m: _n(m[1])),
    (re.compile(r"(?<!\d)1\s*(?:-|至)\s*([1-4])\s*季度?"), lambda m: 3 * int(m[1])),
    (re.compile(r"前三季度|前3季度"), lambda m: 9),
    (re.compile(r"上半年"), lambda m: 6),
    (re.compile(r"(?:第?一|1)季度"), lambda m: 3),
    (re.compile(r"全年"), lambda m: 12),
)
SINGLE_MONTH = re.compile(r"(?:20\d{2}\s*年\s*)(\d{1,2})\s*月(?!\s*(?:底|末|止|\d))")


def _n(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (CN_DIGITS[text[1]] if len(text) > 1 else 0)
    return CN_DIGITS[text]


def fold(text: str) -> str:
    return DASHES.sub("-", unicodedata.normalize("NFKC", str(text))).strip()


def find_year(text: str) -> int | None:
    m = YEAR.search(fold(text))
    return int(m.group(1)) if m else None


def find_period(text: str) -> Period | None:
    """The period a title or header names, anywhere in its text; None if it names none.
    A bare 'YYYY年N月' is a single month; every other form is cumulative from January."""
    s = fold(text)
    year = find_year(s)
    for pattern, end in CUMULATIVE:
        m = pattern.search(s)
        if m and 1 <= (n := end(m)) <= 12:
            return Period(year, 1, n, True)
    m = SINGLE_MONTH.search(s)
    if m and 1 <= int(m[1]) <= 12:
        return Period(year, int(m[1]), int(m[1]), None)
    return None


@dataclass(frozen=True)
class TableContext:
    year: int | None = None
    period: Period | None = None  # for columns that carry no period of their own
    entity: str | None = None  # 地区：郑州市
    indicator: str | None = None  # 指标：… (one indicator for the whole table)
    unit: str = ""  # the one default unit ('' when none or mixed)
    amount_unit: str = ""  # '单位：亿元、%': the unit of the amounts beside the rates
    title: str = ""  # the first title line: an indicator may be named only there
    # Whose figures the title or a source line says they are ('全国', '开封市', '全市'):
    # rows without a place of their own are that place's, never assumed to be the city's.
    place: str | None = None
    where: dict | None = None  # fact -> 'title' | 'metadata' | 'source', for the preview
    # '(以上年为100)', '上年同期=100' above the header: every figure is an index, never a
    # growth rate or an amount as it stands (a yearbook's price-index table)
    index: bool = False


def _noted(ctx: TableContext, fact: str, source: str) -> dict:
    return {**(ctx.where or {}), fact: source}


def read_line(ctx: TableContext, text: str) -> TableContext:
    """Fold one line above the header into the context (first mention wins)."""
    s = fold(text)
    if not s or FILLED_IN.search(s):
        return ctx
    meta = METADATA.match(s)
    if meta:
        return _metadata(ctx, meta.group(1), meta.group(2).strip())
    return _title(ctx, s)


def _metadata(ctx: TableContext, key: str, value: str) -> TableContext:
    if key in ("单位", "计量单位"):
        units = [u for u in UNIT_SPLIT.split(value.strip("()（）")) if u]
        amounts = [u for u in units if u not in ("%", "％")]
        return replace(
            ctx,
            unit=units[0] if len(units) == 1 else "",
            amount_unit=amounts[0] if len(amounts) == 1 else "",
        )
    if key == "地区" and ctx.entity is None:
        return replace(ctx, entity=value, where=_noted(ctx, "entity", "metadata"))
    if key == "指标" and ctx.indicator is None:
        return replace(ctx, indicator=value, where=_noted(ctx, "indicator", "metadata"))
    if key == "时间":
        return _dated(ctx, value, "metadata")
    if key in SOURCE_KEYS:
        return _placed(ctx, source_place(value), "source")
    return ctx


# The index base a title line states: '(以上年为100)', '上年同期=100', '以上年同月价格为100'.
INDEX_BASE = re.compile(r"上年(?:同期|同月)?(?:价格)?\s*(?:=|为)\s*100")


# A note ('注：价格指数以上年同期为100') says which rows are indices, not that every
# figure of the table is one: its amounts stay amounts.
NOTE = re.compile(r"^(注|附注|说明|指标解释|备注|note)\s*[:：\d.、①]", re.IGNORECASE)


def _title(ctx: TableContext, s: str) -> TableContext:
    unit = re.search(r"单位\s*[:：]\s*(\S+)", s)
    if unit:
        ctx = _metadata(ctx, "单位", unit.group(1))
    if INDEX_BASE.search(s) and not NOTE.match(s):
        ctx = replace(ctx, index=True)
    ctx = _dated(ctx, s, "title")
    ctx = _placed(ctx, title_place(s), "title")
    if not ctx.title and not unit and re.search(r"[\u4e00-\u9fff]{4}", s):
        ctx = replace(ctx, title=s)
    return ctx


def sheet_context(sheet: str | None, found: TableContext) -> TableContext | None:
    """What a sheet's name ('2025年', '2025年1-9月') adds to a table whose own lines
    (`found`) give no year, or no period: the context to read the table with again;
    None when it adds nothing ('Sheet1'). The table's own lines come first."""
    if found.year is not None:
        return None
    ctx = _dated(TableContext(), sheet or "", "sheet")
    if found.period is not None:
        ctx = replace(ctx, period=None, where={"year": "sheet"})
    return ctx if ctx.year is not None or ctx.period is not None else None


def _dated(ctx: TableContext, text: str, source: str) -> TableContext:
    if SPAN.search(fold(text)):
        return ctx
    year, period = find_year(text), find_period(text)
    if ctx.year is None and year is not None:
        ctx = replace(ctx, year=year, where=_noted(ctx, "year", source))
    if ctx.period is None and period is not None:
        ctx = replace(ctx, period=period, where=_noted(ctx, "period", source))
    return ctx


# Words a title wraps around an indicator's name ('2026年1至9月各省辖市规模以上工业
# 增加值增长速度'): dates, the places listed as rows, and the table's own words.
TITLE_NOISE = re.compile(
    r"^表\s*\d*\s*[:：]?|20\d{2}\s*年|1\s*(?:-|至)\s*\d{1,2}\s*月|前三季度|上半年|一季度|全年|"
    r"各(?:省辖市|地市|市|县\s*\(市、?区\)|县市区|区县|区|县)|分(?:地区|市|县)|主要(?:经济)?指标|"
    r"情况表?|统计表?|(?:初步)?核算数据|完成情况|一览表"
)


def title_indicator(title: str) -> str:
    """What is left of a title once dates, place lists and table words are removed."""
    return TITLE_NOISE.sub("", fold(title)).strip(" ：:()（）")


# --------------------------------------------------------------------- places
# A title names its place before what it lists ('2026年1—10月郑州市主要经济指标',
# '表1 2023年全区生产总值', '驻马店市驿城区…'): a chain of places, the last the most
# specific. A stem starting with one of these words is no place ('各省辖市', '省市重点').
TITLE_START = re.compile(
    r"^(?:表\s*[\d一二三四五六七八九十]+(?:\s*[-—.－]\s*\d+)?\s*[:：、.]?\s*)?"
    r"(?:20\d{2}\s*年度?\s*)?"
    r"(?:(?:1\s*-\s*)?\d{1,2}\s*月份?|前三季度|上半年|[一二三四1-4]\s*季度|全年)?\s*"
)
# 市 before 场 is a market ('农贸市场改造提升进度'), not a city.
ONE_PLACE = re.compile(
    r"[^\W\d_a-zA-Z分各和与及的]{2,5}?(?:省|自治区|市(?!场)|自治州|地区|盟|县|区|旗)"
)
PLACE_CHAIN = re.compile(f"(?:{ONE_PLACE.pattern})+")
NOT_A_PLACE = re.compile(r"^(?:[全本我该省市区县]|地区|城区|市区|郊区|辖区|城市)")
# A department's own ledger names what it builds, not where: '老旧小区配套停车设施',
# '棚户区改造', '智慧社区', '工业园区污水处理', '城市更新片区', '海绵城市', '文明城市'.
# These words end like a place but are none. 城区, 矿区, 林区 and 新区 stay places
# (阳泉市城区, 神农架林区, 郑东新区); an administrative 城市 has a one-character stem
# (晋城市, 盐城市, 聊城市), so four or more characters ending in 城市 are a kind of city.
NOT_A_PLACE_END = re.compile(
    r"(?:小区|社区|园区|片区|景区|街区|校区|厂区|院区|棚户区|安置区|..城市)$"
)
WHOLE = re.compile(r"全\s*(国|省|市|区|县)")
# 国家统计局 publishes the nation's figures; its survey teams (国家统计局郑州调查队) and the
# provinces' and cities' bureaus (河南省统计局) their own place's.
BUREAU = re.compile(
    r"国家统计局(?!\S*调查)|([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|自治州|县|区))统计局"
)
SURVEY_TEAM = re.compile(r"国家统计局([\u4e00-\u9fff]{2,8}?)调查")


def title_place(text: str) -> str | None:
    """The place a title names at its start ('郑州市', '驿城区'), or '全国'/'全省'/'全市'…
    anywhere in it; None when it names none."""
    s = fold(text)
    head = re.sub(r"\s+", "", TITLE_START.sub("", s, count=1))
    m = PLACE_CHAIN.match(head)
    if m and not NOT_A_PLACE.match(m.group(0)):
        # '郑州市老旧小区…': the chain's places up to the first word that is none
        places = []
        for word in ONE_PLACE.findall(m.group(0)):
            if NOT_A_PLACE_END.search(word):
                break
            places.append(word)
        if places:
            return places[-1]
    whole = WHOLE.search(re.sub(r"\s+", "", s))
    return f"全{whole.group(1)}" if whole else None


def source_place(text: str) -> str | None:
    """Whose figures a source line gives: 国家统计局 the nation's, 河南省统计局 the
    province's, 国家统计局郑州调查队 郑州's; None for a source that names no place."""
    s = re.sub(r"\s+", "", fold(text))
    team = SURVEY_TEAM.search(s)
    if team:
        return team.group(1)
    m = BUREAU.search(s)
    if not m:
        return None
    return m.group(1) or "全国"


# A source line is written under the table as often as above it ('数据来源：国家统计局').
FOOTER_ROWS = 15
SOURCE_LINE = re.compile(r"^(?:数据来源|资料来源|来源)\s*[:：]\s*(.+)$")


def with_footer_source(ctx: TableContext, lines: list[str]) -> TableContext:
    """The context with the place a source line among the last lines names, when the
    lines above the table named none."""
    for line in lines:
        m = SOURCE_LINE.match(fold(line))
        if m:
            return _placed(ctx, source_place(m.group(1)), "source")
    return ctx


def _placed(ctx: TableContext, place: str | None, source: str) -> TableContext:
    if place is None or ctx.place is not None:
        return ctx
    return replace(ctx, place=place, where=_noted(ctx, "place", source))
