"""Targets judged by their named items (assessment `items`, docs/judgement-rules.md rule 6).

The count that counts is the items reported done; it is judged like a scheduled flow
(judge_flows: achieved once enough are done, not met when the assessment date or year end
passes without them), never against the time share. Before then, an item past its due
date and not done is a warning (at_risk) while the items still on course can make up the
target, and behind (off_track) once they cannot; a list naming fewer items than the
target is a warning too: nobody can say the target is on course without its items.
A target whose department reports only a count, no items, is judged on the count.
"""

from dataclasses import replace

import numpy as np

from dashboard.core.progress_arrays import Catalogue, Result
from dashboard.core.progress_figures import State


def with_items(s: State, c: Catalogue, summary: dict) -> State:
    """`s` with each items target's done count as its figure, of the latest month any of
    its items was reported in (so that a list not updated is 未报送 like any figure)."""
    has = c.assess["items"] & ~np.isnan(summary["items_total"])
    if not has.any():
        return s
    return replace(
        s,
        value=np.where(has, summary["items_done"], s.value),
        end=np.where(has, summary["items_end"], s.end),
        start=np.where(has, 1.0, s.start),
        missing=np.where(has, 0.0, s.missing),
    )


def judge_items(res: Result, c: Catalogue, summary: dict) -> None:
    mask = c.assess["items"] & ~np.isnan(summary["items_total"])
    if not mask.any():
        return
    floor = np.where(c.is_comp["range"], c.low, c.target)
    total, done, overdue = summary["items_total"], summary["items_done"], summary["items_overdue"]
    on_course = total - done - overdue
    open_now = mask & (res.cols["status"] == "on_track")  # not met, not yet assessed
    late = open_now & (overdue > 0)
    lost = done + on_course < floor
    res.put(late & lost, status="off_track", verdict_reason="items_overdue")
    res.put(late & ~lost, status="at_risk", verdict_reason="items_overdue")
    short = open_now & (overdue == 0) & (total < floor)
    res.put(short, status="at_risk", verdict_reason="items_short")
    res.put(
        mask,
        items_total=total,
        items_done=done,
        items_overdue=overdue,
        items_open=summary["items_open"],
        items_overdue_names=summary["items_overdue_names"],
    )
