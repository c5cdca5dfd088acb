"""Milestones: the words that move them, and their state month by month.

A milestone is completed by the words of its own verb (catalogue column `done_words`):
"已开工" completes "开工建设郑开大道智慧化改造" but only starts "郑洛高速建成通车".
Partial words (部分投用, 试运行, 主体完工) never complete anything.
"""

import unicodedata

import pandas as pd

NOT_STARTED, IN_PROGRESS, DONE = 0, 1, 2
STATES = {NOT_STARTED: "not_started", IN_PROGRESS: "in_progress", DONE: "done"}

NEGATIONS = ("未", "尚未", "not ")
PARTIAL_WORDS = (
    "部分",
    "局部",
    "试运行",
    "试营业",
    "试生产",
    "主体完工",
    "主体竣工",
    "partly",
    "partial",
)
GENERIC_DONE = ("已完成", "完成", "done", "completed", "complete", "finished")
# Words of a stage of work: without the target's own done words they complete it (the
# catalogue did not say which verb counts); with them they mean work is under way.
STAGE_WORDS = (
    "已建成",
    "建成",
    "投用",
    "投产",
    "通车",
    "开业",
    "启动运行",
    "运行",
    "量产",
    "竣工",
    "完工",
)
PROGRESS_WORDS = (
    "推进中",
    "进行中",
    "在建",
    "施工",
    "建设中",
    "已开工",
    "开工",
    "前期",
    "in progress",
    "ongoing",
    "started",
)
NOT_STARTED_WORDS = ("未启动", "未开工", "未开始", "not started", "pending")


def split_words(done_words: str | None) -> tuple[str, ...]:
    return tuple(w.strip().lower() for w in (done_words or "").split(";") if w.strip())


def milestone_code(text: str, done_words: tuple[str, ...] = ()) -> int | None:
    """'已开工' -> 2 for a 开工 target, 1 for a 建成通车 target; None if no state is named."""
    s = unicodedata.normalize("NFKC", str(text)).strip().lower()
    if s in ("0", "1", "2"):
        return int(s)
    if s.startswith(NEGATIONS) or s in NOT_STARTED_WORDS:
        return NOT_STARTED
    if any(w in s for w in PARTIAL_WORDS):
        return IN_PROGRESS
    if any(w in s for w in done_words) or any(s == w or s.startswith(w) for w in GENERIC_DONE):
        return DONE
    if any(w in s for w in STAGE_WORDS):
        return IN_PROGRESS if done_words else DONE
    if any(w in s for w in PROGRESS_WORDS):
        return IN_PROGRESS
    return None


def milestone_history(target: dict, figures: pd.DataFrame, as_of: int) -> dict[int, str | None]:
    """Month -> not_started / in_progress / overdue / done / done_late (None before the first
    report), so that the months a late task spent overdue stay visible after it is done."""
    due = pd.Timestamp(target["due_date"])
    due_month = (
        due.month if due.year == target["year"] else (12 if due.year > target["year"] else 0)
    )
    mine = figures[(figures["id"] == target["id"]) & (figures["period_end"] <= as_of)]
    codes = dict(zip(mine["period_end"].astype(int), mine["value"].astype(float), strict=True))
    done_at = min((m for m, c in codes.items() if c == DONE), default=None)
    history, code = {}, None
    for month in range(1, as_of + 1):
        code = codes.get(month, code)
        history[month] = _state(code, month, done_at, due_month)
    return history


def _state(code, month: int, done_at: int | None, due_month: int) -> str | None:
    if done_at is not None and month >= done_at:
        return "done" if done_at <= due_month else "done_late"
    if month >= due_month:
        return "overdue"
    return None if code is None else STATES[int(code)]
