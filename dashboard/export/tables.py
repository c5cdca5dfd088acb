"""The export table: Chinese headers, units beside numbers, formula injection neutralised."""

import pandas as pd

from dashboard.core.palette import STATUS_ORDER
from dashboard.present.i18n import STATUS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (column in the progress frame, zh header, en header, kind)
COLUMNS = [
    ("section", "领域", "Section", "text"),
    ("name_zh", "指标", "Indicator", "text"),
    ("name_en", "指标（英文）", "Indicator (English)", "text"),
    ("department", "责任单位", "Department", "text"),
    ("unit", "单位", "Unit", "text"),
    ("target", "目标", "Target", "number"),
    ("target_low", "目标下限", "Target low", "number"),
    ("target_high", "目标上限", "Target high", "number"),
    ("actual", "实际", "Actual", "number"),
    ("actual_period", "数据时期", "Period", "text"),
    ("completion_pct", "完成率(%)", "Completion (%)", "number"),
    ("time_share_pct", "序时进度(%)", "Time share (%)", "number"),
    ("gap_pp", "与序时差(百分点)", "Gap (points)", "number"),
    ("required_pace", "所需进度", "Required pace", "number"),
    ("projected", "全年预计", "Projected", "number"),
    ("status_label", "状态", "Status", "text"),
    ("explanation", "说明", "Explanation", "text"),
    ("reason", "原因分析", "Reasons", "text"),
    ("measures", "下步措施", "Next steps", "text"),
]


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula is made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_table(progress: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    frame = progress.copy()
    frame["status_label"] = [STATUS[s][0 if lang == "zh" else 1] for s in frame["status"]]
    frame["explanation"] = frame["explanation_zh" if lang == "zh" else "explanation_en"]
    for col in ("reason", "measures"):
        if col not in frame:
            frame[col] = None
    out = pd.DataFrame({(zh if lang == "zh" else en): frame[col] for col, zh, en, _ in COLUMNS})
    for _, zh, en, kind in COLUMNS:
        name = zh if lang == "zh" else en
        if kind == "text":
            out[name] = [None if pd.isna(v) else neutralise(str(v)) for v in out[name]]
        else:
            out[name] = pd.to_numeric(out[name], errors="coerce")
    return out


def status_summary(progress: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Counts by status, overall and per section (counted, never averaged)."""
    label = {s: STATUS[s][0 if lang == "zh" else 1] for s in STATUS_ORDER}
    table = pd.crosstab(progress["section"], progress["status"]).reindex(
        columns=list(STATUS_ORDER), fill_value=0
    )
    table = table.reindex(list(dict.fromkeys(progress["section"])))
    table.loc["合计" if lang == "zh" else "Total"] = table.sum()
    table = table.rename(columns=label).reset_index()
    return table.rename(columns={"section": "领域" if lang == "zh" else "Section"})
