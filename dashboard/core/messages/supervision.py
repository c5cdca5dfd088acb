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
    # review before figures count (DASHBOARD_REVIEW=1)
    "review.unknown_upload": ("没有上传 #{id}", "There is no upload #{id}"),
    "review.not_pending": (
        "上传 #{id} 不在待审核状态（{state}），不能再审核",
        "Upload #{id} is not waiting for review ({state})",
    ),
    "review.bad_decision": ("未知的审核结果：{decision}", "Unknown decision: {decision}"),
    "review.own_upload": (
        "{name} 不能审核自己的上传 #{id}：请本部门其他审核人员或管理员审核",
        "{name} cannot review their own upload #{id}: another reviewer of the department "
        "or an admin must",
    ),
    "review.not_reviewer": (
        "{name} 不是{departments}的审核人员，也不是管理员",
        "{name} is neither a reviewer of {departments} nor an admin",
    ),
    "review.reason_needed": (
        "退回时须写明原因，填报人员据此修改",
        "A rejection needs a reason: the uploader fixes the file by it",
    ),
    "review.reason_long": ("原因最多{limit}个字", "A reason has at most {limit} characters"),
    "cli.review.held": (
        "上传 #{id}（{file}）的{n}条数据待审核，审核通过后计入",
        "upload #{id} ({file}): {n} figure(s) wait for review before they count",
    ),
    "cli.review.approved": (
        "已审核通过上传 #{id}（日志 #{seq}）",
        "upload #{id} approved (journal #{seq})",
    ),
    "cli.review.rejected": (
        "已退回上传 #{id}（日志 #{seq}）",
        "upload #{id} rejected (journal #{seq})",
    ),
    "audit.action.review": ("审核上传", "review upload"),
    "audit.outcome.approved": ("审核通过", "approved"),
    "audit.outcome.rejected": ("已退回", "rejected"),
    "audit.detail.uploader": ("填报人 {value}", "uploader {value}"),
    "audit.detail.reason": ("原因 {value}", "reason {value}"),
    "audit.detail.review": ("{value}", "{value}"),
    # review on the pages
    "review.page": ("数据审核", "Review"),
    "review.off": (
        "本系统未开启数据审核（DASHBOARD_REVIEW=1 开启）：上传的数据即时计入。",
        "Review is off here (DASHBOARD_REVIEW=1 turns it on): uploaded figures count at once.",
    ),
    "review.login": ("请先登录。", "Please log in first."),
    "review.waiting": ("待我审核", "Waiting for my review"),
    "review.nothing_waiting": ("没有待您审核的上传。", "No upload is waiting for your review."),
    "review.choose": ("审核哪一次上传", "Upload to review"),
    "review.upload_label": ("上传 #{id}", "upload #{id}"),
    "review.approve": ("审核通过", "Approve"),
    "review.reject": ("退回", "Reject"),
    "review.reason": ("退回原因（填报人员可见）", "Reason for rejecting (the uploader sees it)"),
    "review.done.approved": (
        "上传 #{id} 已审核通过，数据已计入。",
        "Upload #{id} approved: its figures count.",
    ),
    "review.done.rejected": ("上传 #{id} 已退回。", "Upload #{id} rejected."),
    "review.mine": ("我的上传审核情况", "My uploads in review"),
    "review.none_mine": ("您没有经审核的上传。", "You have no uploads in review."),
    "review.state.pending": ("待审核", "waiting for review"),
    "review.state.approved": ("已通过", "approved"),
    "review.state.rejected": ("已退回", "rejected"),
    "review.column.upload": ("上传编号", "Upload"),
    "review.column.uploader": ("填报人", "Uploader"),
    "review.column.rows": ("数据条数", "Figures"),
    "review.column.file": ("文件", "File"),
    "review.column.uploaded_at": ("上传时间", "Uploaded"),
    "review.column.row": ("行", "Row"),
    "review.column.period": ("期别", "Period"),
    "review.column.value": ("数值", "Value"),
    "review.column.state": ("状态", "State"),
    "review.column.reviewer": ("审核人", "Reviewer"),
    "review.column.reason": ("退回原因", "Reason"),
    "review.will_wait": (
        "本系统开启了数据审核：确认后这些数据为“待审核”，经本部门审核人员或管理员通过后才计入进度、导出和快照。",
        "Review is on: once confirmed these figures wait for review and count in progress, "
        "exports and snapshots only after a reviewer of the department or an admin approves them.",
    ),
    "review.stored_held": (
        "已提交上传 #{id}：{n} 条数据待审核，通过后计入。",
        "Upload #{id} submitted: {n} figure(s) wait for review before they count.",
    ),
    "review.pending_on_detail": (
        "待审核数据（尚未计入）",
        "Figures waiting for review (not counted yet)",
    ),
    # supervision items (督办)
    "supervision.asked_missing": ("请写明督办要求", "Say what is asked"),
    "supervision.answer_missing": (
        "请填写整改措施或进展情况",
        "Write the measures or the progress made",
    ),
    "supervision.note_missing": ("请写明延期原因", "Say why the deadline moves"),
    "supervision.too_long": ("每项最多{limit}个字", "Each field takes at most {limit} characters"),
    "supervision.bad_department": (
        "督办单位“{department}”不是该指标的牵头或配合单位（{allowed}）",
        "'{department}' is neither the lead nor a supporting department of this target ({allowed})",
    ),
    "supervision.deadline_past": (
        "办结期限{deadline}已过，请选择今天或以后的日期",
        "The deadline {deadline} has passed: choose today or a later day",
    ),
    "supervision.not_later": (
        "新期限{deadline}须晚于现期限{current}",
        "The new deadline {deadline} must be after the current one, {current}",
    ),
    "supervision.admin_only": (
        "{name} 不是管理员：督办事项由管理员立项、延期和销号",
        "{name} is not an admin: admins open, extend and close supervision items",
    ),
    "supervision.unknown_item": ("没有督办事项 #{id}", "There is no supervision item #{id}"),
    "supervision.closed": ("督办事项 #{id} 已销号", "Supervision item #{id} is closed"),
    "cli.supervise.open": ("已立项督办事项 #{id}", "supervision item #{id} opened"),
    "cli.supervise.answer": ("已回复督办事项 #{id}", "supervision item #{id} answered"),
    "cli.supervise.extend": ("已延期督办事项 #{id}", "supervision item #{id} extended"),
    "cli.supervise.close": ("已销号督办事项 #{id}", "supervision item #{id} closed"),
    "audit.action.supervision": ("督办事项", "supervision item"),
    "audit.outcome.open": ("立项", "opened"),
    "audit.outcome.answer": ("回复", "answered"),
    "audit.outcome.extend": ("延期", "extended"),
    "audit.outcome.close": ("销号", "closed"),
    "audit.detail.item_id": ("督办 #{value}", "item #{value}"),
    "audit.detail.deadline": ("期限 {value}", "deadline {value}"),
}
