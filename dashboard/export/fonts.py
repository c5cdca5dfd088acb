"""Finding a CJK font, so Chinese never turns into empty boxes in images and PDFs."""

import os
from pathlib import Path

from dashboard.core.errors import DashboardError

CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
]


class MissingFont(DashboardError, RuntimeError):
    def __init__(self):
        super().__init__("error.missing_font")


def cjk_font() -> Path:
    configured = os.environ.get("DASHBOARD_CJK_FONT")
    for path in ([configured] if configured else []) + CANDIDATES:
        if path and Path(path).is_file():
            return Path(path)
    raise MissingFont()
