"""How officials name a covered period: "1—10月", "一季度", "上半年", "Jan–Oct"."""

from dashboard.core.messages import Msg, text

QUARTER_ENDS = (3, 6, 9, 12)


QUARTER_NAMED = ("quarterly", "annual")  # 前三季度, 全年: named as bulletins name them


def named_by_quarters(frequency) -> bool:
    """Whether a target's periods read as quarters and the year (前三季度, 全年) rather than
    months (1—9月, 1—12月): quarterly and annual figures."""
    return frequency in QUARTER_NAMED


def period_text(start: int, end: int, lang: str, quarterly: bool = False) -> str:
    """Months start..end of a year as a bulletin names them, in `lang`."""
    if quarterly and start == 1 and end in QUARTER_ENDS:
        return text(f"period.quarter.{end}", lang)
    if start == end:
        return text(f"month.{end}", lang)
    return text("period.range", lang, start=Msg(f"month.bare.{start}"), end=Msg(f"month.{end}"))


def short_period(start: int, end: int) -> Msg:
    """Months as a file problem names them: '10月' | 'Oct', '1-9月' | 'Jan–Sep'."""
    if start == end:
        return Msg(f"month.{end}")
    return Msg.of("period.span_short", start=Msg(f"month.bare.{start}"), end=Msg(f"month.{end}"))


def period_iso(year: int, start: int, end: int) -> str:
    if start == end:
        return f"{year}-{end:02d}"
    return f"{year}-{start:02d}..{year}-{end:02d}"


def open_months(year: int, today: tuple[int, int]) -> list[int]:
    """The data months of `year` that have begun by `today` (year, month): a month is
    offered once it has started, never one still in the future."""
    this_year, this_month = today
    if year < this_year:
        return list(range(1, 13))
    if year == this_year:
        return list(range(1, this_month + 1))
    return []
