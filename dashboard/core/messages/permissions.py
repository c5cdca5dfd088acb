"""Accounts, logins and what a role may do."""

TEXT = {
    "account.password_short": (
        "密码至少需要 {min} 个字符",
        "a password needs at least {min} characters",
    ),
    "account.name_missing": ("用户名不能为空", "a user needs a name"),
    "account.exists": (
        "用户“{name}”已存在；请用 `user passwd` 或 `user set`",
        "user {name!r} exists; use `user passwd` or `user set`",
    ),
    "account.bad_role": ("角色必须是以下之一：{roles}", "role must be one of {roles}"),
    "account.unknown": ("没有用户“{name}”", "no user {name!r}"),
    "account.passwords_differ": ("两次输入的密码不一致", "the two passwords differ"),
    "account.none_for_command": (
        "没有账户“{name}”：请用 `python -m dashboard user add {name} --role uploader "
        "--department ...` 创建，或在批量导入时使用 --admin-override",
        "no account {name!r}: create it with `python -m dashboard user add {name} "
        "--role uploader --department ...`, or pass --admin-override for a batch load",
    ),
    "account.needs_admin": (
        "{name} 的角色是{role}；此操作需要管理员",
        "{name} is {role}; this needs an admin",
    ),
    "account.not_department": (
        "{name} 不负责{department}的指标",
        "{name} does not report for {department}",
    ),
    "account.needs_uploader": (
        "{name} 的角色是{role}；上传需要填报角色",
        "{name} is {role}; uploading needs the uploader role",
    ),
    "account.name_long": ("用户名最多 {max} 个字符", "a user name has at most {max} characters"),
    "account.name_characters": (
        "用户名不能含控制字符，也不能以空格开头或结尾",
        "a user name cannot hold control characters or start or end with a space",
    ),
    "account.password_long": ("密码最多 {max} 个字符", "a password has at most {max} characters"),
    "account.unknown_department": (
        "目录中没有责任单位“{departments}”。可选的责任单位：{known}",
        "the catalogue has no department {departments}. Known departments: {known}",
    ),
    "account.uploader_needs_department": (
        "填报、审核人员至少需要一个责任单位",
        "an uploader or reviewer needs at least one department",
    ),
    "account.last_admin": (
        "{name} 是唯一能登录的管理员：请先添加或启用另一位管理员",
        "{name} is the only administrator who can log in: add or enable another first",
    ),
    "account.not_first": (
        "已经有账户了：请登录，或请管理员为您开设账户",
        "accounts exist already: log in, or ask an administrator for an account",
    ),
    "account.file_damaged": (
        "账户文件 {file} 无法读取（{why}），登录已停用。请管理员从备份恢复该文件。",
        "The accounts file {file} cannot be read ({why}); logins are stopped. "
        "An administrator must restore it from a backup.",
    ),
    "account.why_empty": ("0 字节", "0 bytes"),
    "account.why_json": (
        "第 {at} 个字符处 JSON 不完整或有误",
        "incomplete or broken JSON at character {at}",
    ),
    "account.why_bytes": ("第 {at} 个字节不是 UTF-8", "byte {at} is not UTF-8"),
    "account.why_shape": ("内容不是账户表", "not a table of accounts"),
    "account.file_lost": (
        "账户文件 {file} 缺失或为空，而本看板已设置过账户，因此登录已停用。"
        "请管理员从备份恢复该文件；没有备份时，可在服务器上运行 "
        "`python -m dashboard user add 名称 --role admin --recreate` 重新建立账户。",
        "The accounts file {file} is missing or empty although this dashboard had "
        "accounts, so logins are stopped. An administrator must restore it from a backup; "
        "without one, run `python -m dashboard user add NAME --role admin --recreate` on "
        "the server to start again.",
    ),
    "account.disabled_for_command": ("账户“{name}”已停用", "account {name!r} is disabled"),
    "session.secret_short": (
        "DASHBOARD_SECRET 至少需要 {min} 个字符",
        "DASHBOARD_SECRET needs at least {min} characters",
    ),
    "session.key_damaged": (
        "登录密钥文件 {file} 已损坏：删除它并重启看板即可生成新密钥（所有人需重新登录）",
        "the login key file {file} is damaged: delete it and restart the dashboard to make "
        "a new one (everyone logs in again)",
    ),
    "login.wait_seconds": (
        "登录失败次数过多，请 {seconds} 秒后再试。",
        "Too many failed logins; try again in {seconds} s.",
    ),
    "login.wait_minutes": (
        "登录失败次数过多，请 {minutes} 分钟后再试。",
        "Too many failed logins; try again in {minutes} min.",
    ),
    # the sidebar and the account pages
    "auth.password_again": ("再次输入密码", "Password again"),
    "auth.ended.logout": ("您已在其他窗口退出登录。", "You logged out in another window."),
    "auth.ended.password": (
        "密码已修改，请用新密码重新登录。",
        "The password was changed; log in with the new one.",
    ),
    "auth.ended.account": ("您的账户已停用或删除。", "Your account was disabled or removed."),
    "auth.tab_only": (
        "刷新或新开页面后需要重新登录：服务器没有用 dashboard/server.py 启动（见 README）。",
        "A reload or a new tab will ask for a login again: the server was not started with "
        "dashboard/server.py (see README).",
    ),
    "auth.my_account": ("我的账户", "My account"),
    "auth.change_password": ("修改密码", "Change password"),
    "auth.current_password": ("当前密码", "Current password"),
    "auth.new_password": ("新密码", "New password"),
    "accounts.add": ("添加账户", "Add an account"),
    "accounts.edit": ("修改账户", "Change an account"),
    "accounts.choose": ("选择账户", "Account"),
    "accounts.departments": ("责任单位（可多选）", "Departments (one or more)"),
    "accounts.pick_departments": ("从目标目录中选择", "Choose from the catalogue"),
    "accounts.save": ("保存", "Save"),
    "accounts.reset_password": ("重置密码", "Reset password"),
    "accounts.disable": ("停用账户", "Disable account"),
    "accounts.enable": ("启用账户", "Enable account"),
    "accounts.delete": ("删除账户", "Delete account"),
    "accounts.confirm_delete": (
        "确认删除 {name}（其上传、说明和审计记录保留）",
        "Yes, delete {name} (their uploads, comments and audit entries stay)",
    ),
    "accounts.added": ("已添加账户 {name}。", "Added {name}."),
    "accounts.saved": (
        "已保存 {name} 的角色和责任单位。",
        "Saved the role and departments of {name}.",
    ),
    "accounts.password_reset": (
        "已为 {name} 设置新密码，结束了 {ended} 个登录会话。",
        "New password set for {name}; {ended} session(s) ended.",
    ),
    "accounts.disabled": (
        "已停用 {name}，结束了 {ended} 个登录会话。",
        "Disabled {name}; {ended} session(s) ended.",
    ),
    "accounts.enabled": ("已启用 {name}。", "Enabled {name}."),
    "accounts.deleted": (
        "已删除 {name}，结束了 {ended} 个登录会话。",
        "Deleted {name}; {ended} session(s) ended.",
    ),
    "accounts.status": ("状态", "Status"),
    "accounts.status.active": ("启用", "active"),
    "accounts.status.disabled": ("已停用", "disabled"),
    "accounts.sessions": ("在线会话", "Open sessions"),
}
