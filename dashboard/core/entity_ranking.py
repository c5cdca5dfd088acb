"""Entities (a city's districts, a province's cities) ranked on the indicators they share
(issue 21): where the catalogue holds the same target id for several entities, they are
ranked on that indicator by how far ahead of (or behind) the time share or the bar each is,
in percentage points — one indicator at a time, since unlike targets are counted, never
averaged (domain notes §2). Per entity, the shared indicators are counted by scoreboard
category, as departments are (core/scoreboard.py). Pure."""

import numpy as np
import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.messages import Names
from dashboard.core.scoreboard import Supervised, scoreboard


class NotShared(DashboardError, LookupError):
    """A target asked to be ranked that no two areas hold."""


def comparable(progress: pd.DataFrame) -> np.ndarray:
    """Rows whose gap ranks them: a flow (against the time share) or a rate in % (against
    its bar), with a figure. Levels in things, milestones and judgements have no gap in
    points to rank on."""
    gapped = (progress["family"] == "flow") | (
        (progress["family"] == "rate") & (progress["unit"] == "%")
    )
    return (gapped & progress["gap_pp"].astype("float64").notna()).to_numpy()


def areas(progress: pd.DataFrame) -> pd.DataFrame:
    """The rows of the entities to rank against each other: all of them, less the whole they
    are part of where there is one — the entity holding more targets than every other (a
    city's catalogue with a few of its targets set for its districts too). A city is not
    ranked against its own districts."""
    held = progress.groupby("entity", sort=False)["id"].nunique().sort_values(ascending=False)
    if len(held) >= 2 and held.iloc[0] > held.iloc[1]:
        return progress[progress["entity"] != held.index[0]]
    return progress


def shared_ids(progress: pd.DataFrame) -> list[str]:
    """Target ids held by two or more of the areas (see `areas`), in catalogue order."""
    entities = areas(progress).groupby("id", sort=False)["entity"].nunique()
    return entities[entities >= 2].index.tolist()


def ranking(progress: pd.DataFrame, target_id: str) -> pd.DataFrame:
    """The entities holding `target_id`, best first, with `rank` (1: furthest ahead; equal
    gaps share a rank) among those with a comparable gap; the others after, unranked
    (`rank` NaN), by entity."""
    rows = areas(progress)
    rows = rows[rows["id"] == target_id].copy()
    ranked = comparable(rows)
    gap = rows["gap_pp"].astype("float64").where(ranked)
    rows["rank"] = gap.rank(method="min", ascending=False)
    rows["_unranked"] = ~ranked
    rows = rows.assign(_gap=-gap.fillna(0)).sort_values(
        ["_unranked", "_gap", "entity"], kind="stable"
    )
    return rows.drop(columns=["_unranked", "_gap"]).reset_index(drop=True)


def rankings(progress: pd.DataFrame, target_id: str | None = None) -> pd.DataFrame:
    """`ranking` of every shared indicator in catalogue order (or of `target_id` alone),
    one after the other; raises NotShared for a `target_id` no two areas hold."""
    ids = shared_ids(progress)
    if target_id is not None:
        if target_id not in ids:
            raise NotShared("ranking.not_shared", id=target_id, shared=Names(tuple(ids)))
        ids = [target_id]
    if not ids:
        return progress.iloc[0:0].assign(rank=pd.Series(dtype="float64"))
    return pd.concat([ranking(progress, i) for i in ids], ignore_index=True)


def entity_board(progress: pd.DataFrame, supervised: Supervised = frozenset()) -> pd.DataFrame:
    """Per entity, its shared indicators by scoreboard category (ahead, level, behind,
    achieved, unreported, other, supervised), most behind first; column `entity`."""
    shared = areas(progress)
    shared = shared[shared["id"].isin(shared_ids(progress))]
    board = scoreboard(shared.assign(department=shared["entity"]), supervised)
    return board.rename(columns={"department": "entity"})
