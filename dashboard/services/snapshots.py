"""Taking, reopening and comparing snapshots (used by the CLI and the snapshots page)."""

from datetime import date, datetime

import duckdb
import pandas as pd

from dashboard.core.errors import DashboardError
from dashboard.core.items import ITEM_TABLE
from dashboard.core.json_value import plain_value
from dashboard.core.progress_row import TARGET_KEY
from dashboard.core.settings import Thresholds
from dashboard.services import reporting
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import snapshots as store_snapshots
from dashboard.store.schema import get_meta

# What a snapshot keeps: the report's fields and what the pages need to draw them again.
KEPT = list(
    dict.fromkeys(
        reporting.OUTPUT_FIELDS
        + [
            "family",
            "as_of_month",
            "actual_start",
            "actual_end",
            "breach_value",
            "data_lag_months",
            "completion_high_pct",
            "frequency",
        ]
    )
)


class UnknownSnapshot(DashboardError, LookupError):
    """No snapshot has the id asked for."""


def take(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    year: int,
    month: int,
    *,
    note: str,
    user: str,
    at: datetime,
    thresholds: Thresholds | None = None,
) -> int:
    """Freeze progress as of `month`; the new snapshot's id. The id is taken under the
    journal's lock, so two people taking a snapshot at once get two snapshots."""
    thresholds = thresholds or reporting.deployment_thresholds()

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        frame = reporting.progress(con, year, month, thresholds, today=at.date())[KEPT]
        items = reporting.items(con, year, month)
        sid = store_snapshots.next_snapshot_id(con)
        catalogue = (get_meta(con, "catalogue_sha256") or "")[:12]
        data = {
            "snapshot_id": sid,
            "year": year,
            "month": month,
            "note": note,
            "data_version": store_snapshots.data_version(con),
            "rule_version": f"catalogue:{catalogue};{thresholds.version()}",
            "rows": _rows(frame, items),
        }
        taken = audit("snapshot", "taken", snapshot_id=sid, as_of=f"{year}-{month:02d}")
        return Entry("snapshot", user, at, taken, data)

    return write(ws, con, build)["data"]["snapshot_id"]


def _rows(frame: pd.DataFrame, items: pd.DataFrame) -> list[dict]:
    """The frame's rows as the journal keeps them; an items target's row with its items
    as they stand (store.snapshots.ITEMS_FIELD), so that the list is frozen too."""
    listed: dict[tuple, list[dict]] = {}
    for item in items.to_dict("records"):
        key = tuple(item[k] for k in TARGET_KEY)
        listed.setdefault(key, []).append({k: plain_value(v) for k, v in item.items()})
    rows = []
    for r in frame.to_dict("records"):
        row = {k: plain_value(v) for k, v in r.items()}
        mine = listed.get(tuple(r[k] for k in TARGET_KEY))
        if mine:
            row[store_snapshots.ITEMS_FIELD] = mine
        rows.append(row)
    return rows


def items(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> pd.DataFrame:
    """The named items as they stood when the snapshot was taken (core.items.item_table's
    columns; empty for a snapshot taken before snapshots kept them)."""
    frame = pd.DataFrame(store_snapshots.snapshot_items(con, snapshot_id), columns=ITEM_TABLE)
    for column in ("due_date", "own_due"):
        dates = [date.fromisoformat(v) if isinstance(v, str) else None for v in frame[column]]
        frame[column] = pd.Series(dates, index=frame.index, dtype=object)
    return frame


def load(con: duckdb.DuckDBPyConnection, snapshot_id: int) -> tuple[dict, pd.DataFrame]:
    info = store_snapshots.snapshot_info(con, snapshot_id)
    if info is None:
        raise UnknownSnapshot("error.unknown_snapshot", id=snapshot_id)
    return info, store_snapshots.snapshot_frame(con, snapshot_id)


def listing(con: duckdb.DuckDBPyConnection, entity: str | None = None) -> pd.DataFrame:
    """Every snapshot taken, oldest first; those holding `entity`'s targets if given."""
    every = store_snapshots.snapshots(con)
    if entity is None:
        return every
    return every[every["snapshot_id"].isin(store_snapshots.holding(con, entity))]


def previous_id(
    con: duckdb.DuckDBPyConnection, snapshot_id: int, entity: str | None = None
) -> int | None:
    """The snapshot before `snapshot_id` (the one before it holding `entity`'s targets, if
    given: what the entity's changes are counted from)."""
    ids = [i for i in listing(con, entity)["snapshot_id"] if i < snapshot_id]
    return int(ids[-1]) if ids else None


# The words a snapshot row carries for its status and period, in both languages.
WORDED = ["status_label_zh", "status_label_en", "actual_period_en"]
WHEN = ("before", "after")


def compare(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """What changed: status changes, new figures, revised figures (same period)."""
    cols = ["status", "actual", "actual_period", "name_zh", "name_en", "family", "unit"]
    cols += WORDED  # snapshots taken before issue 15 lack them: None
    old, new = (f.reindex(columns=list(dict.fromkeys([*f.columns, *WORDED]))) for f in (old, new))
    both = old[TARGET_KEY + cols].merge(
        new[TARGET_KEY + cols], on=TARGET_KEY, how="outer", suffixes=("_before", "_after")
    )
    changes = []
    for r in both.to_dict("records"):
        kinds = _change_kinds(r)
        if kinds:
            changes.append(
                {
                    **{k: r[k] for k in TARGET_KEY},
                    "name_zh": r["name_zh_after"],
                    "name_en": r["name_en_after"],
                    "family": r["family_after"],
                    "unit": r["unit_after"],
                    "change": "+".join(kinds),
                    "status_before": r["status_before"],
                    "status_after": r["status_after"],
                    "actual_before": r["actual_before"],
                    "actual_after": r["actual_after"],
                    "period_before": r["actual_period_before"],
                    "period_after": r["actual_period_after"],
                    **{f"{c}_{when}": r[f"{c}_{when}"] for c in WORDED for when in WHEN},
                }
            )
    return pd.DataFrame(
        changes,
        columns=TARGET_KEY
        + [
            "name_zh",
            "name_en",
            "family",
            "unit",
            "change",
            "status_before",
            "status_after",
            "actual_before",
            "actual_after",
            "period_before",
            "period_after",
            *[f"{c}_{when}" for c in WORDED for when in WHEN],
        ],
    )


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


def _change_kinds(r: dict) -> list[str]:
    kinds = []
    if not _same(r["status_before"], r["status_after"]):
        kinds.append("status")
    if not _same(r["actual_period_before"], r["actual_period_after"]) and not pd.isna(
        r["actual_after"]
    ):
        kinds.append("new_figure")
    elif not _same(r["actual_before"], r["actual_after"]):
        kinds.append("revised_figure")
    return kinds
