"""Headings, sheet names and column headers of exported files, and the fill-in template."""

TEXT = {
    "export.title": (
        "{entity}{year}年目标任务进展情况",
        "{entity}: progress on the {year} targets",
    ),
    "export.subtitle": ("数据截至{month}", "Data as of {month}"),
    "export.snapshot_part": (
        " · 快照 #{id}（{user} {at:%Y-%m-%d %H:%M}）",
        " · snapshot #{id} ({user}, {at:%Y-%m-%d %H:%M})",
    ),
    "export.generated_part": (
        " · 生成于 {now:%Y-%m-%d %H:%M}",
        " · generated {now:%Y-%m-%d %H:%M}",
    ),
    "export.sheet.summary": ("汇总", "Summary"),
    "export.sheet.detail": ("明细", "Detail"),
    "export.total": ("合计", "Total"),
    "export.lagging": (
        "滞后及未报送指标及原因分析（{count}）",
        "Indicators behind or not reported, with reasons ({count})",
    ),
    "export.lagging.indicator": ("指标", "Indicator"),
    "export.lagging.status": ("状态", "Status"),
    "export.lagging.explanation": ("说明", "Explanation"),
    "export.lagging.notes": ("原因分析 / 下步措施", "Reasons / next steps"),
    "export.column.section": ("领域", "Section"),
    "export.column.name_zh": ("指标", "Indicator"),
    "export.column.name_en": ("指标（英文）", "Indicator (English)"),
    "export.column.department": ("责任单位", "Department"),
    "export.column.unit": ("单位", "Unit"),
    "export.column.target": ("目标", "Target"),
    "export.column.target_low": ("目标下限", "Target low"),
    "export.column.target_high": ("目标上限", "Target high"),
    "export.column.actual": ("实际", "Actual"),
    "export.column.actual_period": ("数据时期", "Period"),
    "export.column.last_year_actual": ("去年同期", "Same period last year"),
    "export.last_year": ("（去年同期{value}）", " (same period last year: {value})"),
    "export.column.completion_pct": ("完成率(%)", "Completion (%)"),
    "export.column.time_share_pct": ("序时进度(%)", "Time share (%)"),
    "export.column.gap_pp": ("与序时差(百分点)", "Gap (points)"),
    "export.column.required_pace": ("所需进度", "Required pace"),
    "export.column.projected": ("全年预计", "Projected"),
    "export.column.status_label": ("状态", "Status"),
    "export.column.explanation": ("说明", "Explanation"),
    "export.column.reason": ("原因分析", "Reasons"),
    "export.column.measures": ("下步措施", "Next steps"),
    # The fill-in template is a Chinese office form: its title is always written in Chinese.
    "template.title": (
        "{year}年{month}月 目标指标数据填报表",
        "{year}-{month:02d} figures to report",
    ),
}
