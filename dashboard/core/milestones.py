"""Milestones: the words that move them, and their state month by month.

A milestone is completed by the words of its own verb (catalogue column `done_words`):
"已开工" completes "开工建设郑开大道智慧化改造" but only starts "郑洛高速建成通车".
The phrases are read in ingest/milestones.py.
"""

import pandas as pd

from dashboard.core.messages import text

NOT_STARTED, IN_PROGRESS, DONE = 0, 1, 2
WITHDRAWN = 3  # only a named item (core.items) is ever withdrawn; ingest refuses it elsewhere
STATES = {
    NOT_STARTED: "not_started",
    IN_PROGRESS: "in_progress",
    DONE: "done",
    WITHDRAWN: "withdrawn",
}

GENERIC_DONE = ("已完成", "完成", "done", "completed", "complete", "finished")
NOT_STARTED_WORDS = ("未启动", "未开工", "未开始", "not started", "pending")


def state_word(code, lang: str) -> str:
    """'已完成' | 'Done': a stored state code in words (it is a code, never an amount)."""
    return text(f"milestone.{STATES[int(code)]}", lang)


def split_words(done_words: str | None) -> tuple[str, ...]:
    return tuple(w.strip().lower() for w in (done_words or "").split(";") if w.strip())


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
