"""The supervision office's month (issue 21): reminders and their digests and e-mails,
review before figures count, and the command lines for both."""

TEXT = {
    # reminders: the table, the digest, the e-mail
    "reminders.unknown_department": (
        "目标清单中没有部门“{department}”。已知部门：{known}",
        "The catalogue names no department '{department}'. Known departments: {known}",
    ),
    "reminders.digest_title": (
        "{department}：{month}目标任务督办提醒",
        "{department}: reminder on the targets, {month}",
    ),
    "reminders.digest_subtitle": (
        "逾期未报送{overdue}项，进度滞后{lagging}项 · 截至{today}",
        "{overdue} report(s) overdue, {lagging} target(s) behind · as of {today}",
    ),
    "reminders.section.overdue": ("一、逾期未报送（{count}项）", "1. Reports overdue ({count})"),
    "reminders.section.lagging": ("二、进度滞后（{count}项）", "2. Targets behind ({count})"),
    "reminders.column.indicator": ("指标", "Indicator"),
    "reminders.column.period": ("应报期别", "Period due"),
    "reminders.column.due": ("报送截止日期", "Due date"),
    "reminders.column.late": ("逾期天数", "Days late"),
    "reminders.column.status": ("状态", "Status"),
    "reminders.column.gap": ("差距", "Gap"),
    "reminders.days": ("{days}天", "{days} days"),
    "reminders.gap": ("差{gap}个百分点", "{gap} pts behind"),
    "reminders.sheet": ("督办提醒", "Reminder"),
    "reminders.mail_subject": (
        "【督办提醒】{department}：{month}逾期未报送{overdue}项，进度滞后{lagging}项",
        "[Reminder] {department}, {month}: {overdue} report(s) overdue, {lagging} target(s) behind",
    ),
    "reminders.mail_greeting": (
        "{department}：截至{today}，贵单位{month}目标任务情况如下，请抓紧报送、落实。",
        "{department}: as of {today}, your targets for {month} stand as follows; please "
        "report and act.",
    ),
    "reminders.mail_overdue_line": (
        "· {name}：{period}数据应于{due}前报送，已逾期{days}天",
        "· {name}: the {period} figure was due by {due}, {days} days late",
    ),
    "reminders.mail_lagging_line": ("· {name}：{status}", "· {name}: {status}"),
    "reminders.mail_closing": (
        "详见附件（PDF、Excel）。本邮件由目标进度看板发出。",
        "The digest is attached (PDF, Excel). Sent by the target progress dashboard.",
    ),
    "reminders.no_overdue": (
        "{month}：没有逾期未报送的数据。",
        "{month}: no report is overdue.",
    ),
    "reminders.overdue_by_department": ("各部门逾期未报送", "Reports overdue by department"),
    "reminders.overdue_count": ("逾期未报送（项）", "Reports overdue"),
    "reminders.oldest_days": ("最长逾期（天）", "Longest overdue (days)"),
    "reminders.items": ("逾期指标", "Reports overdue"),
    "reminders.item": ("{name}（{period}，逾期{days}天）", "{name} ({period}, {days} days late)"),
    # e-mail settings
    "mail.bad_from": (
        "DASHBOARD_SMTP_FROM 不是有效的邮件地址：“{value}”",
        "DASHBOARD_SMTP_FROM is not an e-mail address: '{value}'",
    ),
    "mail.bad_port": (
        "DASHBOARD_SMTP_PORT 不是端口号：“{value}”",
        "DASHBOARD_SMTP_PORT is not a port number: '{value}'",
    ),
    "mail.half_login": (
        "DASHBOARD_SMTP_USER 与 DASHBOARD_SMTP_PASSWORD 须同时设置或同时不设",
        "Set both DASHBOARD_SMTP_USER and DASHBOARD_SMTP_PASSWORD, or neither",
    ),
    "mail.bad_security": (
        "DASHBOARD_SMTP_SECURITY 应为 {choices} 之一，而不是“{value}”",
        "DASHBOARD_SMTP_SECURITY must be one of {choices}, not '{value}'",
    ),
    "mail.contacts_line": (
        "{path} 第{line}行：应为“部门,邮件地址”",
        "{path} line {line}: expected 'department,address'",
    ),
    "mail.contacts_address": (
        "department_contacts.csv 第{line}行：不是有效的邮件地址：{value}（多个地址用;分隔）",
        "department_contacts.csv line {line}: not an e-mail address: {value} (separate several "
        "with ';')",
    ),
    "mail.not_configured": (
        "未配置邮件服务器：请设置 DASHBOARD_SMTP_HOST 和 DASHBOARD_SMTP_FROM（见 README）",
        "No mail server configured: set DASHBOARD_SMTP_HOST and DASHBOARD_SMTP_FROM (see README)",
    ),
    "cli.reminder.sent": ("已发送 {department} → {to}", "sent {department} -> {to}"),
    "cli.reminder.no_address": (
        "未发送 {department}：department_contacts.csv 中没有其邮件地址",
        "not sent {department}: no address in department_contacts.csv",
    ),
    "cli.reminder.failed": (
        "发送失败 {department} → {to}：{error}",
        "failed {department} -> {to}: {error}",
    ),
    "cli.reminder.written": ("已写出 {path}", "written {path}"),
    "audit.action.reminders": ("发送督办提醒", "send reminders"),
    "audit.outcome.sent": ("已发送", "sent"),
    "audit.outcome.no_address": ("无邮件地址", "no address"),
    "audit.detail.department": ("部门 {value}", "department {value}"),
    "audit.detail.to": ("收件人 {value}", "to {value}"),
    "audit.detail.error": ("错误 {value}", "error {value}"),
}
