"""Accounts, logins and what a role may do."""

TEXT = {
    "account.password_short": (
        "密码至少需要 {min} 个字符",
        "a password needs at least {min} characters",
    ),
    "account.name_missing": ("用户名不能为空", "a user needs a name"),
    "account.exists": (
        "用户 {name!r} 已存在；请用 `user passwd` 或 `user set`",
        "user {name!r} exists; use `user passwd` or `user set`",
    ),
    "account.bad_role": ("角色必须是以下之一：{roles}", "role must be one of {roles}"),
    "account.unknown": ("没有用户 {name!r}", "no user {name!r}"),
    "account.passwords_differ": ("两次输入的密码不一致", "the two passwords differ"),
    "account.none_for_command": (
        "没有账户 {name!r}：请用 `python -m dashboard user add {name} --role uploader "
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
}
