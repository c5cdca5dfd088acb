"""How officials name a covered period: "1—10月", "一季度", "上半年", "Jan–Oct"."""

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
QUARTER_ZH = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
QUARTER_EN = {3: "Q1", 6: "H1", 9: "Q1–Q3", 12: "full year"}


def period_zh(start: int, end: int, quarterly: bool = False) -> str:
    if quarterly and start == 1 and end in QUARTER_ZH:
        return QUARTER_ZH[end]
    if start == end:
        return f"{end}月"
    return f"{start}—{end}月"


def period_en(start: int, end: int, quarterly: bool = False) -> str:
    if quarterly and start == 1 and end in QUARTER_EN:
        return QUARTER_EN[end]
    if start == end:
        return MONTHS_EN[end - 1]
    return f"{MONTHS_EN[start - 1]}–{MONTHS_EN[end - 1]}"


def period_iso(year: int, start: int, end: int) -> str:
    if start == end:
        return f"{year}-{end:02d}"
    return f"{year}-{start:02d}..{year}-{end:02d}"
