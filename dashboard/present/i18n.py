"""Interface words in Chinese (first) and English. Pure data, used by UI and exports."""

from dashboard.core.periods import MONTHS_EN

STATUS = {
    "achieved": ("已完成", "Achieved"),
    "on_track": ("超序时/达序时", "On track"),
    "at_risk": ("略滞后", "Slightly behind"),
    "off_track": ("滞后", "Behind"),
    "no_data": ("暂无数据", "No data"),
    "not_assessable": ("未到评估期", "Not yet assessable"),
}
METHODS = {
    "linear_run_rate": ("按序时线性推算", "linear run rate"),
    "seasonal_profile": ("按上年季节规律推算", "last year's seasonal profile"),
    "cumulative_rate_held": ("保持当前累计增速", "cumulative rate held"),
    "latest_level": ("保持最新水平", "latest level held"),
    "last_year_profile": ("按上年结构", "last year's weights"),
    "months": ("按月份", "months elapsed"),
}
COMPLETENESS = {
    "reported": ("已报", "Reported"),
    "missing": ("缺报", "Missing"),
    "not_due": ("不需报", "Not due"),
}
MILESTONE = {
    "done": ("已完成", "Done"),
    "in_progress": ("推进中", "In progress"),
    "not_started": ("未启动", "Not started"),
}

TEXT = {
    "app_title": ("目标进度看板", "Target progress dashboard"),
    "overview": ("总览", "Overview"),
    "detail": ("指标详情", "Indicator detail"),
    "upload": ("数据上传", "Upload"),
    "completeness": ("数据完整性", "Completeness"),
    "language": ("语言", "Language"),
    "as_of": ("数据截至", "Data as of"),
    "section": ("领域", "Section"),
    "department": ("责任单位", "Department"),
    "status": ("状态", "Status"),
    "search": ("搜索指标名称", "Search indicator name"),
    "filters": ("筛选", "Filters"),
    "all": ("全部", "All"),
    "view": ("视图", "View"),
    "gauges": ("仪表盘", "Gauges"),
    "bullets": ("子弹图", "Bullet graphs"),
    "table": ("表格", "Table"),
    "time_share": ("序时", "time share"),
    "target": ("目标", "Target"),
    "actual": ("实际", "Actual"),
    "indicator": ("指标", "Indicator"),
    "unit": ("单位", "Unit"),
    "period": ("时期", "Period"),
    "completion": ("完成率", "Completion"),
    "gap": ("与序时差(百分点)", "Gap (points)"),
    "explanation": ("说明", "Explanation"),
    "no_match": ("没有符合筛选条件的指标。", "No indicator matches the filters."),
    "count_total": ("共{n}项指标", "{n} indicators"),
    "source_sentence": ("报告原文", "Report text"),
    "trend": ("逐月走势", "Month by month"),
    "expected_linear": ("序时进度线", "Linear time share"),
    "expected_seasonal": ("上年季节规律", "Last year's seasonal profile"),
    "target_line": ("全年目标", "Annual target"),
    "history": ("上报记录与修订", "Reported figures and revisions"),
    "pace": ("所需进度", "Required pace"),
    "projected": ("全年预计", "Projected year end"),
    "comment": ("原因分析与下步措施", "Reasons and next steps"),
    "reason": ("原因分析", "Reasons"),
    "measures": ("下步措施", "Next steps"),
    "save_comment": ("保存说明", "Save comment"),
    "saved": ("已保存。", "Saved."),
    "user": ("填报人", "Reported by"),
    "drop_file": ("选择或拖入数据文件（CSV / XLSX）", "Choose or drop a data file (CSV / XLSX)"),
    "preview": ("将要保存的数据", "What will be stored"),
    "problems": ("问题", "Problems"),
    "confirm": ("确认保存", "Confirm and store"),
    "stored": ("已保存上传 #{id}：{n} 条数据。", "Stored upload #{id}: {n} figures."),
    "duplicate": (
        "该文件与上传 #{id}（{name}）完全相同，未作任何更改。",
        "This file is identical to upload #{id} ({name}); nothing changed.",
    ),
    "refused": (
        "文件未通过校验，未保存任何数据。请按下表修改后重新上传。",
        "The file was refused and nothing was stored. Fix the rows below and upload it again.",
    ),
    "warnings_confirm": (
        "有提醒事项，请核对后再确认。",
        "Please check the warnings before confirming.",
    ),
    "template": ("下载填报模板", "Download a fill-in template"),
    "template_month": ("模板月份", "Template month"),
    "grid": ("指标 × 月份", "Indicator × month"),
    "by_department": ("按责任单位汇总", "By department"),
    "reported": ("已报", "Reported"),
    "missing": ("缺报", "Missing"),
    "not_due": ("不需报", "Not due"),
    "new": ("新增", "new"),
    "revision": ("修订", "revision"),
    "unchanged": ("未变", "unchanged"),
    "change": ("类型", "Change"),
    "row": ("行", "Row"),
    "column": ("列", "Column"),
    "message": ("问题", "Problem"),
    "hint": ("修改建议", "How to fix"),
    "severity": ("级别", "Level"),
    "error": ("错误", "error"),
    "warning": ("提醒", "warning"),
    "reading": ("正在读取和校验…", "Reading and checking…"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel", "Download Excel"),
    "status_qualitative": ("评估状态（定性目标）", "Assessment (qualitative target)"),
    "none": ("—", "—"),
    "encoding": ("编码", "Encoding"),
    "layout": ("格式", "Layout"),
    "no_figures_yet": ("暂无数据", "No figures yet"),
    "uploaded_by": ("上传人", "Uploaded by"),
    "uploaded_at": ("上传时间", "Uploaded at"),
    "file": ("文件", "File"),
    "current": ("当前值", "Current"),
    "value": ("数值", "Value"),
    "weights": ("权重依据", "Weights"),
    "month_col": ("月份", "Month"),
    "snapshots": ("快照与导出", "Snapshots and exports"),
    "take_snapshot_for": (
        "为 **{month}** 的进度拍快照：数据、状态、说明和原因分析一并冻结。",
        "Freeze the progress as of **{month}**: figures, statuses, explanations and comments.",
    ),
    "take_snapshot": ("拍快照", "Take snapshot"),
    "snapshot_taken": ("已保存快照 #{id}。", "Snapshot #{id} saved."),
    "note": ("备注", "Note"),
    "no_snapshots": ("还没有快照。", "No snapshots yet."),
    "open_snapshot": ("打开快照", "Open snapshot"),
    "changes_since": ("与快照 #{id} 相比的变化", "Changes since snapshot #{id}"),
    "first_snapshot": ("这是第一个快照。", "This is the first snapshot."),
    "no_changes": ("与上一快照相比没有变化。", "Nothing changed since the previous snapshot."),
    "data_version": ("数据版本", "Data version"),
    "rule_version": ("规则版本", "Rule version"),
    "export": ("导出", "Export"),
    "who": ("用户", "User"),
    "role_viewer": ("查看", "viewer"),
    "role_uploader": ("填报", "uploader"),
    "role_admin": ("管理员", "admin"),
    "login": ("登录", "Log in"),
    "logout": ("退出登录", "Log out"),
    "login_oidc": ("统一身份认证登录", "Log in with single sign-on"),
    "username": ("用户名", "User name"),
    "password": ("密码", "Password"),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "session_expired": ("登录已过期，请重新登录。", "Your session expired; please log in again."),
    "no_accounts": ("尚未设置账户：请先创建管理员。", "No accounts yet: create the administrator."),
    "create_admin": ("创建管理员并登录", "Create administrator and log in"),
    "login_to_view": ("请先在左侧登录。", "Please log in (left)."),
    "login_to_upload": (
        "上传数据需要以填报人员或管理员身份登录。",
        "Uploading needs a login as uploader or admin.",
    ),
    "login_to_comment": (
        "责任单位的填报人员登录后可填写原因分析与下步措施。",
        "Uploaders of the responsible department can comment after logging in.",
    ),
    "admin_only": ("此操作需要管理员。", "This needs an administrator."),
    "admin": ("审计与账户", "Audit and accounts"),
    "audit_log": ("审计日志", "Audit log"),
    "accounts": ("账户", "Accounts"),
    "accounts_hint": (
        "账户在服务器上用命令管理：python -m dashboard user add/passwd/set/list",
        "Accounts are managed on the server: python -m dashboard user add/passwd/set/list",
    ),
}


def t(key: str, lang: str, **kw) -> str:
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**kw) if kw else (zh if lang == "zh" else en)


def status_label(status: str, lang: str) -> str:
    zh, en = STATUS[status]
    return zh if lang == "zh" else en


def month_name(year: int, month: int, lang: str) -> str:
    return f"{year}年{month}月" if lang == "zh" else f"{MONTHS_EN[month - 1]} {year}"


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]
