"""Words for the fixed vocabulary: statuses, roles, states, methods, months and periods.
Keys are built from the vocabulary's codes (`status.on_track`)."""

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TEXT = {
    "status.achieved": ("已完成", "Achieved"),
    "status.on_track": ("超序时/达序时", "On track"),
    "status.at_risk": ("略滞后", "Slightly behind"),
    "status.off_track": ("滞后", "Behind"),
    "status.no_data": ("暂无数据", "No data"),
    "status.not_assessable": ("未到评估期", "Not yet assessable"),
    "method.linear_run_rate": ("按序时线性推算", "linear run rate"),
    "method.seasonal_profile": ("按上年季节规律推算", "last year's seasonal profile"),
    "method.cumulative_rate_held": ("保持当前累计增速", "cumulative rate held"),
    "method.latest_level": ("保持最新水平", "latest level held"),
    "method.last_year_profile": ("按上年结构", "last year's weights"),
    "method.months": ("按月份", "months elapsed"),
    "milestone.done": ("已完成", "Done"),
    "milestone.in_progress": ("推进中", "In progress"),
    "milestone.not_started": ("未启动", "Not started"),
    "completeness.reported": ("已报", "Reported"),
    "completeness.missing": ("缺报", "Missing"),
    "completeness.not_due": ("不需报", "Not due"),
    "change.new": ("新增", "new"),
    "change.revision": ("修订", "revision"),
    "change.unchanged": ("未变", "unchanged"),
    "snapshot_change.status": ("状态变化", "status changed"),
    "snapshot_change.new_figure": ("新数据", "new figure"),
    "snapshot_change.revised_figure": ("数据修订", "revised figure"),
    "severity.error": ("错误", "error"),
    "severity.warning": ("提醒", "warning"),
    "role.viewer": ("查看", "viewer"),
    "role.uploader": ("填报", "uploader"),
    "role.admin": ("管理员", "admin"),
    # Months and periods. month.N names a month on its own ("10月", "Oct"); month.bare.N
    # is how a range starts ("1—10月", "Jan–Oct").
    **{f"month.{m}": (f"{m}月", MONTHS_EN[m - 1]) for m in range(1, 13)},
    **{f"month.bare.{m}": (str(m), MONTHS_EN[m - 1]) for m in range(1, 13)},
    "month_of_year": ("{year}年{month}", "{month} {year}"),
    "period.range": ("{start}—{end}", "{start}–{end}"),
    "period.quarter.3": ("一季度", "Q1"),
    "period.quarter.6": ("上半年", "H1"),
    "period.quarter.9": ("前三季度", "Q1–Q3"),
    "period.quarter.12": ("全年", "full year"),
}
