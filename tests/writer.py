"""A process that records one kind of thing over and over until it is killed, printing the
journal seq of each record once it is committed (tests/test_faults.py kills it):

    python -m tests.writer comment|snapshot|ingest DATA_DIR DB_PATH COUNT
"""

import sys
import time
from datetime import datetime
from pathlib import Path

from dashboard.core.access import User
from dashboard.services import comments, snapshots
from dashboard.services.database import open_store
from dashboard.services.uploading import preview, store_preview
from dashboard.services.workspace import Workspace
from tests.files import csv_bytes

ADMIN = User("writer", "admin")


def main(kind: str, data_dir: str, db: str, count: int) -> None:
    ws = Workspace(Path(data_dir), Path(db))
    with open_store(ws) as con:
        target = comments.find_target(con, "ev_chargers", 2026)
        for n in range(count):
            at = datetime.now()
            if kind == "comment":
                seq = comments.add_comment(
                    ws, con, ADMIN, target, 10, reason=f"第{n}条", measures="", status=None, at=at
                )
                done = seq
            elif kind == "snapshot":
                done = snapshots.take(ws, con, 2026, 10, note=f"#{n}", user="writer", at=at)
            else:
                row = ["充电桩", "2026年10月", str(time.time_ns() % 10**7)]  # new bytes
                data = csv_bytes([["指标", "时期", "数值"], row])
                pv = preview(con, data, f"w{n}.csv", (2026, 11))
                done = store_preview(con, ws, pv, data, "writer", at)
            print(done, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
