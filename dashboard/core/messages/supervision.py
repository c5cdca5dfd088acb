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
    "reminders.overdue_on_overview": (
        "各部门未报送（{departments}个部门，{count}项：逾期未报{late}项，暂无数据{none}项）",
        "Unreported by department ({departments} department(s), {count} report(s): "
        "{late} overdue, {none} no data)",
    ),
    "reminders.overdue_count": ("逾期未报送（项）", "Overdue (reports)"),
    "reminders.oldest_days": ("最长逾期（天）", "Longest overdue (days)"),
    "reminders.items": ("逾期指标", "Which reports"),
    "reminders.item": ("{name}（{period}，逾期{days}天）", "{name} ({period}, {days} day(s) late)"),
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
    # per-target report deadlines (services/deadlines.py)
    "audit.action.deadline": ("设置报送期限", "report deadline"),
    "audit.outcome.set": ("已设置", "set"),
    "audit.outcome.default": ("恢复默认规则", "back to the default rule"),
    "audit.detail.lag": ("期后{value}个月", "{value} month(s) after the period"),
    "audit.detail.day": ("{value}日前", "by day {value}"),
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
    "review.column.counted": ("现计入值", "Counted now"),
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
    # the 督办事项 page
    "supervision.page": ("督办事项", "Supervision"),
    "supervision.filter": ("显示", "Show"),
    "supervision.none": ("没有符合条件的督办事项。", "No supervision item to show."),
    "supervision.state.open": ("督办中", "open"),
    "supervision.state.overdue": ("逾期未办结", "overdue"),
    "supervision.state.closed": ("已销号", "closed"),
    "supervision.column.item": ("编号", "No."),
    "supervision.column.asked": ("督办要求", "What is asked"),
    "supervision.column.deadline": ("办结期限", "Deadline"),
    "supervision.column.state": ("状态", "State"),
    "supervision.column.measures": ("整改措施", "Measures"),
    "supervision.column.progress": ("进展情况", "Progress"),
    "supervision.column.extensions": ("延期次数", "Extensions"),
    "supervision.column.note": ("说明", "Note"),
    "supervision.item": ("督办事项", "Item"),
    "supervision.item_label": ("#{id} {name} · 期限{deadline}", "#{id} {name} · due {deadline}"),
    "supervision.answer": ("回复督办", "Answer an item"),
    "supervision.send_answer": ("提交回复", "Send the answer"),
    "supervision.open_new": ("新立督办事项", "Open an item"),
    "supervision.open_button": ("立项督办", "Open"),
    "supervision.manage": ("延期或销号", "Extend or close"),
    "supervision.new_deadline": ("新的办结期限", "New deadline"),
    "supervision.extend_note": ("延期原因", "Why later"),
    "supervision.extend": ("延期", "Extend"),
    "supervision.close_note": ("销号说明", "Closing note"),
    "supervision.close": ("销号", "Close (done)"),
    "supervision.done.open": (
        "已对“{name}”立项督办，责任单位：{department}。",
        "Item opened on '{name}' for {department}.",
    ),
    "supervision.done.answer": ("已回复督办事项 #{id}。", "Item #{id} answered."),
    "supervision.done.extend": ("督办事项 #{id} 已延期。", "Item #{id} extended."),
    "supervision.done.close": ("督办事项 #{id} 已销号。", "Item #{id} closed."),
    "supervision.line.open": (
        "#{id} {name}（{department}）：{asked}，{deadline}前办结",
        "#{id} {name} ({department}): {asked}, due {deadline}",
    ),
    "supervision.line.overdue": (
        "#{id} {name}（{department}）：{asked}，应于{deadline}前办结，已逾期",
        "#{id} {name} ({department}): {asked}, was due {deadline}, overdue",
    ),
    "supervision.line.closed": (
        "#{id} {name}（{department}）：{asked}，已销号",
        "#{id} {name} ({department}): {asked}, closed",
    ),
    "supervision.on_detail": ("督办中", "Under supervision"),
    "supervision.overdue_on_overview": (
        "逾期未办结的督办事项（{count}项）",
        "Supervision items overdue ({count})",
    ),
    "supervision.in_bulletin": ("督办事项（{count}项）", "Supervision items ({count})"),
    "supervision.on_gauge": ("督办中 {ids}", "under supervision {ids}"),
    # the department scoreboard
    "scoreboard.page": ("部门考评", "Departments"),
    "scoreboard.column.total": ("指标数", "Targets"),
    "scoreboard.column.ahead": ("超序时", "Ahead"),
    "scoreboard.column.level": ("达序时", "Level"),
    "scoreboard.column.behind": ("欠序时", "Behind"),
    "scoreboard.column.achieved": ("已完成", "Achieved"),
    "scoreboard.column.unreported": ("未报送", "Unreported"),
    "scoreboard.column.other": ("其他", "Other"),
    "scoreboard.column.supervised": ("督办中", "Supervised"),
    "scoreboard.drill": ("查看部门", "Department"),
    "scoreboard.only": ("只看", "Only"),
    "scoreboard.category": ("分类", "Category"),
    "scoreboard.yes": ("是", "yes"),
    "scoreboard.in_bulletin": ("各部门目标任务进展情况", "Targets by department"),
    "scoreboard.caption": (
        "按牵头单位统计；欠序时含略滞后和滞后，未报送含逾期未报和暂无数据；督办中另计。",
        "Counted by lead department; behind includes at risk and lagging, unreported includes "
        "overdue and no data; supervised is counted apart.",
    ),
    # entities ranked on the indicators they share
    "ranking.section": ("各地区共有指标排名", "Areas ranked on shared indicators"),
    "ranking.board": ("各地区共有指标进展（项）", "Shared indicators by area (targets)"),
    "ranking.indicator": ("共有指标", "Shared indicator"),
    "ranking.rank": ("名次", "Rank"),
    "ranking.entity": ("地区", "Area"),
    "ranking.gap": ("超（欠）序时或目标", "Ahead of (behind) time or bar"),
    "ranking.not_ranked": ("不排名", "not ranked"),
    "ranking.not_shared": (
        "指标“{id}”不是两个以上地区共有的指标；共有指标：{shared}",
        "{id!r} is not an indicator two or more areas share; shared: {shared}",
    ),
    "ranking.places": ("名次（地区）", "Rank (area)"),
    "ranking.place": ("{rank} {entity}", "{rank} {entity}"),
    "ranking.unranked_list": ("；不排名：{entities}", "; not ranked: {entities}"),
    "ranking.caption": (
        "同一指标内比较：总量指标按完成率超（欠）序时进度的百分点，增速等百分比指标按超（差）"
        "目标的百分点排名；未报送或无可比差距的不排名。",
        "Compared within one indicator: amounts by points ahead of (behind) the time share, "
        "percentages by points above (below) their bar; areas without a figure or a "
        "comparable gap are not ranked.",
    ),
    # report deadlines per target
    "deadline.section": ("报送期限", "Report deadline"),
    "deadline.next": (
        "{period}数据应于{due}前报送。",
        "The {period} figure is due by {due}.",
    ),
    "deadline.none_due": ("本年尚无应报送的数据。", "No figure of this year is due yet."),
    "deadline.rule_default": (
        "默认规则：每期数据于期末后第{lag}个月的{day}日前报送。",
        "Default rule: a period's figure is due {lag} month(s) after it, by day {day}.",
    ),
    "deadline.rule_own": (
        "本指标单独设定：每期数据于期末后第{lag}个月的{day}日前报送（{user}设定于{at}）。",
        "Set for this target: a period's figure is due {lag} month(s) after it, by day {day} "
        "(set by {user} on {at}).",
    ),
    "deadline.lag": ("期末后第几个月（月）", "Months after the period (months)"),
    "deadline.day": ("当月几日前（日）", "Day of that month (day)"),
    "deadline.save": ("保存报送期限", "Save the deadline"),
    "deadline.reset": ("恢复默认规则", "Back to the default rule"),
    "deadline.saved": ("报送期限已保存。", "The deadline is saved."),
    "deadline.admin_only": (
        "{name} 不是管理员，不能设定报送期限",
        "{name} is not an administrator and cannot set report deadlines",
    ),
    "deadline.bad_lag": (
        "期末后月数应在0到12之间，而不是{value}",
        "The months after the period must be 0 to 12, not {value}",
    ),
    "deadline.usage": (
        "请给出 --months 和/或 --day，或用 --default 恢复默认规则（二者不能同时使用）",
        "Give --months and/or --day, or --default for the default rule (not both)",
    ),
    "cli.deadline.set": (
        "已设定 {entity} {year} {id} 的报送期限",
        "report deadline of {entity} {year} {id} set",
    ),
    "deadline.bad_day": (
        "报送日应在1到28日之间（每个月都有），而不是{value}",
        "The report day must be 1 to 28 (every month has it), not {value}",
    ),
}
