"""What an operation could not do, and what to do about it."""

TEXT = {
    "error.database_busy": (
        "数据库 {path} 正被其他程序使用（已等待 {waited:.0f} 秒）。"
        "请稍后再试；如仍如此，请关闭另一个看板或命令。",
        "The database {path} is in use by another program (waited {waited:.0f} s). "
        "Try again in a moment; if it persists, close the other dashboard or command.",
    ),
    "error.catalogue_empty": ("目标目录为空", "the catalogue is empty"),
    "error.unknown_snapshot": ("没有快照 #{id}", "no snapshot #{id}"),
    "error.missing_font": (
        "未找到中文字体。请安装一种（Debian：apt-get install fonts-wqy-microhei），"
        "或将 DASHBOARD_CJK_FONT 设为一个 .ttf/.ttc 文件。",
        "No Chinese font found. Install one (Debian: apt-get install "
        "fonts-wqy-microhei) or set DASHBOARD_CJK_FONT to a .ttf/.ttc file.",
    ),
}
