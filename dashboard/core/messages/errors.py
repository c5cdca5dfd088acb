"""What an operation could not do, and what to do about it."""

TEXT = {
    "error.database_busy": (
        "数据库 {path} 正被其他程序使用（已等待 {waited:.0f} 秒）。"
        "请稍后再试；如仍如此，请关闭另一个看板或命令。",
        "The database {path} is in use by another program (waited {waited:.0f} s). "
        "Try again in a moment; if it persists, close the other dashboard or command.",
    ),
    "error.server_busy": (
        "数据库服务器 {server} 上另一项保存仍在进行（已等待 {waited:.0f} 秒），本次未保存任何内容。"
        "请稍后再试。",
        "Another save is still running on the database server {server} (waited "
        "{waited:.0f} s); nothing of this one was stored. Please try again shortly.",
    ),
    "error.database_unavailable": (
        "无法连接数据库服务器 {server}：{reason}。"
        "请确认服务器已启动，DASHBOARD_DB 中的地址、数据库名和账号无误。",
        "Cannot reach the database server {server}: {reason}. "
        "Check that the server runs and that the address, database and account in "
        "DASHBOARD_DB are right.",
    ),
    "error.migrate_same_store": (
        "来源和目标是同一个数据库 {store}",
        "the source and the target are the same store {store}",
    ),
    "error.migrate_target_not_empty": (
        "目标数据库已有数据（{tables}）：请迁入一个新建的空数据库（如 createdb dashboard）",
        "the target already holds data ({tables}): migrate into a new, empty database "
        "(e.g. createdb dashboard)",
    ),
    "error.migrate_direction": (
        "migrate 把一个 DuckDB 数据库文件迁入 PostgreSQL 服务器：--from 应为文件（如 "
        "data/dashboard.duckdb），--to 应为 postgresql://… 地址（现为 {source} → {target}）",
        "migrate moves a DuckDB database file into a PostgreSQL server: --from takes a file "
        "(e.g. data/dashboard.duckdb), --to a postgresql://… URL (given: {source} -> {target})",
    ),
    "error.migrate_journal_damaged": (
        "数据日志 journal.jsonl 有 {count} 行损坏，未迁移。请先用 restore 从备份恢复",
        "the journal journal.jsonl has {count} damaged line(s); nothing was moved. Restore "
        "it from a backup first (restore)",
    ),
    "error.migrate_archive_missing": (
        "上传存档 {path} 缺失或与记录的 SHA-256 不符，未迁移。请从备份恢复该文件后重试",
        "the archived upload {path} is missing or differs from its recorded SHA-256; "
        "nothing was moved. Put the file back from a backup and try again",
    ),
    "error.migrate_journal_differs": (
        "迁移后服务器上的数据与数据日志不一致（{problems}），已撤销迁移，目标保持原样",
        "after copying, the server's tables and its journal disagree ({problems}); the move "
        "was undone and the target left as it was",
    ),
    "error.migrate_tables_missing": (
        "目标数据库缺少这些表：{tables}。请用同一版本的看板迁移",
        "the target lacks these tables: {tables}. Migrate with the same version of the "
        "dashboard on both sides",
    ),
    "error.migrate_mismatch": (
        "表 {table} 复制后与来源不一致（来源 {source} 行，目标 {target} 行），已撤销迁移，"
        "目标保持原样",
        "table {table} differs after copying ({source} row(s) in the source, {target} in "
        "the target); the move was undone and the target left as it was",
    ),
    "error.catalogue_empty": ("目标目录为空", "the catalogue is empty"),
    "alias.not_yours": (
        "不能把“{name}”设为该目标的别名：只能设为本单位负责的目标",
        "{name!r} cannot name that target: only your own department's targets",
    ),
    "alias.not_yours_to_remove": (
        "不能删除“{name}”：它是 {id} 的别名，该目标不归本单位负责",
        "{name!r} names {id}, which is not your department's target: it cannot be removed",
    ),
    "alias.unknown": (
        "“{name}”不是学到的名称（python -m dashboard alias list 列出全部）",
        "{name!r} is not a learned name (python -m dashboard alias list shows them)",
    ),
    "alias.no_target": (
        "目录中没有指标 {id}（主体：{entity}，年份：{year}）；python -m dashboard targets 列出全部",
        "the catalogue has no target {id} (entity: {entity}, year: {year}); "
        "python -m dashboard targets lists them",
    ),
    "alias.too_short": ("“{name}”太短，不能作为别名", "{name!r} is too short to be an alias"),
    "alias.taken": (
        "“{name}”已是目录指标“{target}”的名称",
        "{name!r} already names the catalogue indicator {target!r}",
    ),
    "error.unknown_snapshot": ("没有快照 #{id}", "no snapshot #{id}"),
    "error.missing_font": (
        "未找到中文字体。请安装一种（Debian：apt-get install fonts-wqy-microhei），"
        "或将 DASHBOARD_CJK_FONT 设为一个 .ttf/.ttc 文件。",
        "No Chinese font found. Install one (Debian: apt-get install "
        "fonts-wqy-microhei) or set DASHBOARD_CJK_FONT to a .ttf/.ttc file.",
    ),
    "error.bad_setting": (
        "设置项 {name} 的值“{value}”无效（见 README“如何判断进度”一节）",
        "setting {name} = {value!r} is not valid (see the README, How progress is judged)",
    ),
    "error.bad_settings_file": (
        "设置文件无法读取：{detail}",
        "the settings file cannot be read: {detail}",
    ),
}
