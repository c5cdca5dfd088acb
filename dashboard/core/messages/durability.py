"""The journal, the database file, the disk, backups and restores: what went wrong and
how to recover (nothing recorded is lost in any of these)."""

REBUILD = "python -m dashboard rebuild"

TEXT = {
    "storage.database_damaged": (
        "数据库文件 {name} 已损坏，无法读取。所有记录都保存在数据文件夹的日志中：请运行 "
        f"`{REBUILD}`（或点击下方按钮）从日志重建，损坏的文件会被保留在旁边。",
        "The database file {name} is damaged and cannot be read. Every record is kept in the "
        f"data folder's journal: run `{REBUILD}` (or press the button below) to rebuild it "
        "from the journal; the damaged file is kept beside it.",
    ),
    "storage.database_missing": (
        "数据库文件 {name} 不见了（可能被删除）。",
        "The database file {name} is missing (it may have been deleted).",
    ),
    "storage.database_recreated": (
        "数据库文件 {name} 在运行中被删除，已从数据文件夹的日志重建：没有丢失任何记录。",
        "The database file {name} was deleted while the dashboard ran and has been rebuilt "
        "from the data folder's journal: no record was lost.",
    ),
    "storage.disk_full": (
        "磁盘空间不足，无法写入 {where}。本次操作没有保存任何内容，之前的数据完好。"
        "请清理磁盘空间后重试。",
        "The disk is full: nothing could be written to {where}. Nothing of this operation was "
        "saved and the earlier data is intact. Free some disk space and try again.",
    ),
    "storage.read_only": (
        "无法写入 {where}（只读或没有权限）。本次操作没有保存任何内容，之前的数据完好。"
        "请让管理员检查数据文件夹的权限。",
        "Cannot write to {where} (read-only or no permission). Nothing of this operation was "
        "saved and the earlier data is intact. Ask an administrator to check the data "
        "folder's permissions.",
    ),
    "storage.rebuild_now": ("从日志重建数据库", "Rebuild the database from the journal"),
    "storage.rebuilt": (
        "已从日志重建数据库：{uploads} 次上传，{comments} 条评论，{snapshots} 个快照，"
        "{audit} 条审计记录。",
        "The database was rebuilt from the journal: {uploads} upload(s), {comments} "
        "comment(s), {snapshots} snapshot(s), {audit} audit entries.",
    ),
    "journal.damaged": ("日志中有一行已损坏", "a journal line is damaged"),
    "journal.newer_version": (
        "日志由更新的版本写入（格式 {version}），请升级看板",
        "the journal was written by a newer version (format {version}); upgrade the dashboard",
    ),
    "journal.damaged_at": (
        "数据文件夹的日志在第 {after} 条记录之后有一行已损坏。请用 `python -m dashboard restore "
        "备份目录` 从备份补回（不会丢失之后的记录）。",
        "The data folder's journal has a damaged line after record {after}. Bring it back "
        "from a backup with `python -m dashboard restore BACKUP_DIR` (later records are kept).",
    ),
    "journal.newer_version_at": (
        "数据文件夹的日志在第 {after} 条记录之后由更新的版本写入，请升级看板。",
        "The data folder's journal was written by a newer version after record {after}; "
        "upgrade the dashboard.",
    ),
    "journal.gap_at": (
        "数据文件夹的日志在第 {after} 条记录之后缺少记录。请用 `python -m dashboard restore "
        "备份目录` 从备份补回。",
        "Records are missing from the data folder's journal after record {after}. Bring them "
        "back from a backup with `python -m dashboard restore BACKUP_DIR`.",
    ),
    "journal.behind": (
        "数据库已有第 {db_seq} 条记录，但日志只到第 {journal_seq} 条："
        "日志被替换成了旧副本或被截短。为免丢失记录，已拒绝打开。"
        "请用 `python -m dashboard restore 备份目录` 补回日志，"
        f"或运行 `{REBUILD}`（会先把数据库中的记录写回日志）。",
        "The database holds record {db_seq} but the journal ends at {journal_seq}: the journal "
        "was replaced by an older copy or cut short. It was not opened, so that nothing is "
        "lost. Bring the journal back with `python -m dashboard restore BACKUP_DIR`, or run "
        f"`{REBUILD}` (it first writes the database's records back into the journal).",
    ),
    "journal.folder_mismatch": (
        "数据库 {db} 属于另一个数据文件夹，而不是 {data}。"
        "请使用创建它时的数据文件夹（DASHBOARD_DATA），或为这个文件夹使用另一个数据库文件（--db）。",
        "The database {db} belongs to another data folder than {data}. Use the data folder it "
        "was made with (DASHBOARD_DATA), or another database file for this folder (--db).",
    ),
    "journal.missing": (
        "数据库 {db} 属于数据文件夹 {data}，但该文件夹的日志（journal.jsonl）不见了。请用 "
        f"`python -m dashboard restore 备份目录` 恢复，或运行 `{REBUILD}` 从该数据库重写日志。",
        "The database {db} belongs to the data folder {data}, whose journal (journal.jsonl) "
        "is missing. Restore it with `python -m dashboard restore BACKUP_DIR`, or run "
        f"`{REBUILD}` to write the journal again from this database.",
    ),
    "journal.folder_changed": (
        "数据文件夹的日志在使用中被换成了另一个文件夹的日志，已停止写入。",
        "The data folder's journal was replaced by another folder's while in use; nothing "
        "more was written.",
    ),
    "comment.bad_month": ("月份 {month} 不在 1–12 之间", "month {month} is not between 1 and 12"),
    "comment.bad_status": (
        "状态“{status}”不能用于 {id}：只有定性目标可以设置状态（正常推进、略滞后、滞后、已完成）",
        "status {status!r} cannot be set for {id}: only qualitative targets take a status "
        "(on_track, at_risk, off_track, achieved)",
    ),
    "comment.empty": (
        "评论是空的：请填写原因分析或下步措施",
        "the comment is empty: give a reason or the next measures",
    ),
    "comment.too_long": (
        "每一栏最多 {limit} 个字符",
        "each field takes at most {limit} characters",
    ),
    "comment.unknown_target": ("{year} 年没有指标 {id}", "no target {id} in {year}"),
    "comment.ambiguous_target": (
        "多个主体都有指标 {id}：{entities}",
        "several entities have a target {id}: {entities}",
    ),
    "backup.none_found": ("{where} 中没有找到备份", "no backup found in {where}"),
    "backup.unreadable": (
        "备份 {where} 的清单无法读取",
        "the manifest of backup {where} is unreadable",
    ),
    "backup.unknown_format": (
        "备份 {where} 的格式 {format} 无法识别",
        "backup {where} has an unknown format {format}",
    ),
    "backup.on_server": (
        "数据保存在数据库服务器 {server} 上（含数据日志和上传存档）：请用 pg_dump 备份、"
        "pg_restore 恢复（见 docs/postgresql.md）；数据文件夹中的配置文件另行复制",
        "the records live on the database server {server} (journal and upload archive "
        "included): back them up with pg_dump and restore with pg_restore (see "
        "docs/postgresql.md); copy the data folder's settings files separately",
    ),
    "backup.damaged": (
        "备份 {where} 已损坏（与清单不符：{files}），未做任何更改",
        "backup {where} is damaged (files differ from its manifest: {files}); nothing changed",
    ),
    "backup.other_folder": (
        "备份 {where} 属于另一个数据文件夹，而当前文件夹已有人员操作的记录，未做任何更改。"
        "如确认用备份替换当前文件夹，请加 --replace（当前日志和数据库会另存一旁，不会删除）",
        "backup {where} is of another data folder, and the current folder holds records people "
        "made; nothing changed. To replace the current folder with the backup, add --replace "
        "(its journal and database are kept aside, not deleted)",
    ),
    "backup.diverged": (
        "备份与当前日志在第 {seq} 条记录上不一致（两段不同的历史），未做任何更改",
        "the backup and the current journal differ at record {seq} (two different histories); "
        "nothing changed",
    ),
    "backup.gap": (
        "当前日志和备份中都缺少第 {seq} 条记录，未做任何更改",
        "record {seq} is in neither the current journal nor the backup; nothing changed",
    ),
    "cli.comment_saved": (
        "已保存 {id} {year}-{month:02d} 的评论（日志 #{seq}）",
        "comment saved for {id} {year}-{month:02d} (journal #{seq})",
    ),
    "cli.backup_written": (
        "已写入备份 {path}（{files} 个文件）",
        "backup written: {path} ({files} files)",
    ),
    "cli.restored": (
        "已从 {backup} 恢复：日志补回 {lines} 条记录，复制 {files} 个文件，数据库{database}。"
        "现有 {uploads} 次上传，{comments} 条评论，{snapshots} 个快照，{audit} 条审计记录。",
        "restored from {backup}: {lines} journal line(s) added, {files} file(s) copied, "
        "database {database}. Now {uploads} upload(s), {comments} comment(s), {snapshots} "
        "snapshot(s), {audit} audit entries.",
    ),
    "cli.restore_database.kept": ("保持不变", "kept"),
    "cli.restore_database.installed": ("已用备份副本替换", "installed from the backup"),
    "cli.set_aside": ("原文件已保留为 {path}", "the previous file is kept as {path}"),
    "cli.archives_missing": (
        "这些已存档的上传文件不在数据文件夹中，备份里也没有（其数据仍在日志中，未丢失；"
        "原文件已无法恢复）：{files}",
        "these archived uploads are missing from the data folder and the backup does not "
        "hold them (their figures are in the journal; the original files cannot be "
        "brought back): {files}",
    ),
    "cli.files_kept": (
        "这些文件与备份不同，保留了当前版本：{files}",
        "these files differ from the backup; the current ones were kept: {files}",
    ),
}
