"""The department scoreboard (issue 21): per lead department (牵头), how many of its
targets are ahead of the time share (超序时), level with it (达序时), behind (欠序时: at
risk or lagging), achieved (已完成), unreported (未报送: a report due and missing, with or
without an older figure), not yet assessable (其他), and how many are under supervision
(督办中, counted apart: a target behind can also be supervised). Tasks are counted, never
averaged across unlike targets (domain notes §2)."""

import pandas as pd

from dashboard.core.palette import tile

CATEGORIES = ("ahead", "level", "behind", "achieved", "unreported", "other")
COLUMNS = ["department", "total", *CATEGORIES, "supervised"]


def category(status: str, time_position) -> str:
    """Which scoreboard column a target counts under."""
    shown = tile(status, time_position)
    if shown in ("ahead", "level", "achieved"):
        return shown
    if shown in ("at_risk", "off_track"):
        return "behind"
    if shown in ("overdue_report", "no_data"):
        return "unreported"
    return "other"


Supervised = frozenset[tuple[str, str]]  # (entity, target id) with an open item


def categorised(progress: pd.DataFrame, supervised: Supervised = frozenset()):
    """`progress` with `category` and `supervised` (an open supervision item) per target."""
    position = progress["time_position"] if "time_position" in progress else [None] * len(progress)
    keys = zip(progress["entity"], progress["id"], strict=True)
    return progress.assign(
        category=[category(s, p) for s, p in zip(progress["status"], position, strict=True)],
        supervised=[k in supervised for k in keys],
    )


def scoreboard(progress: pd.DataFrame, supervised: Supervised = frozenset()):
    """One row per department: counts per category, most behind and unreported first."""
    rows = categorised(progress, supervised)
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    counts = pd.crosstab(rows["department"], rows["category"])
    for name in CATEGORIES:
        if name not in counts:
            counts[name] = 0
    board = counts[list(CATEGORIES)].astype(int)
    board.columns.name = None
    board.insert(0, "total", board.sum(axis=1))
    board["supervised"] = rows.groupby("department")["supervised"].sum().astype(int)
    board = board.reset_index()
    board = board.assign(_problems=board["behind"] + board["unreported"])
    board = board.sort_values(["_problems", "behind", "department"], ascending=[False, False, True])
    return board.drop(columns="_problems").reset_index(drop=True)[COLUMNS]
