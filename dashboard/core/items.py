"""Targets made of named items (assessment `items`, issue 15 rule 6): each new school, each
waterlogging point is reported by name with its own state (not started / in progress /
done, read like a milestone's), and optionally its own due date. An item reported
withdrawn (取消, 撤销: listed by mistake, or renamed) leaves the list from that report
on: it stays in the item table (state `withdrawn`, so the detail page shows it) but is
never counted, done or open, unless a later report lists it again. The target's verdict
comes from its items: how many are done against the target, which are past their due date
and not done, and, at the assessment date or year end, whether enough were done.

An item's figure is a figure of its target with basis `item`, the item's name in `item`
and its due date (if the report gives one) in `item_due`; `value` is the state code and
`raw` the words it was reported with. Pure: frames in, frames out.
"""

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.milestones import DONE, STATES, WITHDRAWN
from dashboard.core.progress_row import TARGET_KEY

ITEM_BASIS = "item"
ITEM_FIELDS = ["item", "item_due"]  # the figure columns an item's report adds
# not_started | in_progress from the latest report; done | done_late once reported done
# (late: after its due month); overdue: its due month has come and it is not done;
# withdrawn: its latest report took it off the list
ITEM_STATES = ("not_started", "in_progress", "done", "done_late", "overdue", "withdrawn")
ITEM_TABLE = [
    *TARGET_KEY,
    "item",
    "state",
    "code",
    "words",
    "reported_month",
    "done_month",
    "due_date",
    "due_month",
    "overdue_months",
    "own_due",  # the due date the reports gave (None: it follows its target's)
]
SUMMARY = ["items_total", "items_done", "items_overdue", "items_open", "items_overdue_names"]
CODE_WORDS = ("", "0", "1", "2", "0.0", "1.0", "2.0", "nan", "None")
NAME_JOIN = "；"  # names may hold 、 themselves ("新建、改扩建…")
OPEN, CLOSE = "「", "」"  # a name holding ；「」 is quoted, a 」 in it doubled


def join_names(names) -> str | None:
    """Names as one cell: "甲；乙"; a name that holds ；, 「 or 」 is written 「…」 with
    its 」 doubled, so that split_names gives back exactly the names, whatever they hold
    (a department's item names are free text). None for no names."""
    cells = [
        OPEN + n.replace(CLOSE, CLOSE * 2) + CLOSE if any(c in n for c in "；「」") else n
        for n in map(str, names)
    ]
    return NAME_JOIN.join(cells) or None


NAME_CELLS = ("items_open", "items_overdue_names")  # the summary's joined names


def with_name_lists(progress: pd.DataFrame) -> pd.DataFrame:
    """`progress` with its NAME_CELLS as lists of names, for JSON (a CSV cell keeps them
    joined): a target with items gets a list ([] when none is open, or overdue), one
    without items None."""
    listed = progress["items_total"].notna().to_numpy()
    return progress.assign(
        **{
            column: [
                split_names(v) if isinstance(v, str) else ([] if has else None)
                for v, has in zip(progress[column], listed, strict=True)
            ]
            for column in NAME_CELLS
        }
    )


def split_names(joined: str) -> list[str]:
    """The names join_names wrote, in order."""
    names, k = [], 0
    while k <= len(joined):
        if joined.startswith(OPEN, k):
            name, k = _quoted(joined, k + 1)
        else:
            end = joined.find(NAME_JOIN, k)
            end = len(joined) if end < 0 else end
            name, k = joined[k:end], end
        names.append(name)
        k += 1  # past the separator (or the end)
    return names


def _quoted(joined: str, k: int) -> tuple[str, int]:
    """The name quoted from `k` (just past 「) and where its closing 」 ends."""
    out = []
    while k < len(joined):
        if joined.startswith(CLOSE * 2, k):
            out.append(CLOSE)
            k += 2
        elif joined[k] == CLOSE:
            return "".join(out), k + 1
        else:
            out.append(joined[k])
            k += 1
    return "".join(out), k  # not closed: what there is (never written by join_names)


def item_figures(figures: pd.DataFrame) -> pd.Series:
    """Which of `figures` are items' reports (a frame without the column has none)."""
    if "basis" not in figures or figures.empty:
        return pd.Series(False, index=figures.index)
    return (figures["basis"] == ITEM_BASIS).fillna(False).astype(bool)


def item_table(targets: pd.DataFrame, figures: pd.DataFrame, month: int) -> pd.DataFrame:
    """One row per named item of the targets' items, as of data month `month`, in the
    order they were first reported (file row order within a month)."""
    f = figures[item_figures(figures)]
    f = f[f["period_end"] <= month]
    if f.empty:
        return pd.DataFrame(columns=ITEM_TABLE)
    f = f.assign(item=f["item"].astype(str), value=f["value"].astype("float64"))
    order = ["period_end", "source_row"] if "source_row" in f else ["period_end"]
    f = f.sort_values(order, kind="stable")
    key = [*TARGET_KEY, "item"]
    rows = f.drop_duplicates(key, keep="last").set_index(key)
    first = f.drop_duplicates(key, keep="first").set_index(key).index
    done_at = f[f["value"] == DONE].groupby(key)["period_end"].min()
    due_given = f.dropna(subset=["item_due"]).drop_duplicates(key, keep="last")
    due_given = due_given.set_index(key)["item_due"]
    out = pd.DataFrame(index=first)
    out["code"] = rows["value"]
    words = rows["raw"].astype(object).map(_words) if "raw" in rows else None
    out["words"] = pd.Series(words, index=out.index, dtype=object)
    out["reported_month"] = rows["period_end"].astype("float64")
    out["done_month"] = done_at.reindex(first).astype("float64")
    out["words"] = out["words"].where(out["words"].notna(), None)
    out = out.reset_index()
    out["own_due"] = [due_given.get(k) for k in out[key].itertuples(index=False, name=None)]
    out["due_date"] = _due_dates(out, due_given, targets)
    out["due_month"] = [_month_of(d, y) for d, y in zip(out["due_date"], out["year"], strict=True)]
    out["state"], out["overdue_months"] = _states(out, month)
    return out[ITEM_TABLE]


def _words(raw) -> str | None:
    """The words an item was reported with; None for a bare code (2, 2.0 from a sheet)."""
    if not isinstance(raw, str) or raw.strip() in CODE_WORDS:
        return None
    return raw.strip()


def _due_dates(items: pd.DataFrame, given: pd.Series, targets: pd.DataFrame) -> list:
    """The item's own due date, else its target's assessment date, due date, year end."""
    t = targets.set_index(TARGET_KEY)
    dates = []
    for rec in items[[*TARGET_KEY, "item"]].itertuples(index=False, name=None):
        own = given.get(rec)
        target = t.loc[rec[:3]] if rec[:3] in t.index else None
        dates.append(_due_of(own, target, rec[1]))
    return dates


def _due_of(own, target, year: int) -> date:
    candidates = [own]
    if target is not None:
        candidates += [target.get("assessment_date"), target.get("due_date")]
    for value in candidates:
        if value is not None and not pd.isna(value):
            return pd.Timestamp(value).date()
    return date(int(year), 12, 31)


def _month_of(due: date, year) -> float:
    """A due date as a month of the target's year: Aug 31 -> 8; next year -> 13.."""
    return float((due.year - int(year)) * 12 + due.month)


def _states(items: pd.DataFrame, month: int) -> tuple[list[str], list[float]]:
    """Each item's state as of `month`. An item due 10月底 is overdue once a report for
    October (or later) says it is not done, or from November on; in October itself,
    September's "在建" is the latest word and October's report may yet say done (a list
    whose October report is late is 未报送 as a whole: core/judge_items)."""
    states, late = [], []
    columns = (items["code"], items["done_month"], items["due_month"], items["reported_month"])
    for code, done, due, reported in zip(*columns, strict=True):
        if code == WITHDRAWN:  # off the list, whatever it was before
            states.append("withdrawn")
            late.append(np.nan)
        elif not np.isnan(done):
            states.append("done" if done <= due else "done_late")
            late.append(done - due if done > due else np.nan)
        elif month > due or (month == due and reported >= due):
            states.append("overdue")
            late.append(np.nan)
        else:
            states.append(STATES[int(code)])
            late.append(np.nan)
    return states, late


def item_summary(targets: pd.DataFrame, items: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per target row of `targets` (in order): items listed, done, overdue, the names of
    those not done and of those overdue, and the latest month any item was reported in
    (NaN / None for targets without items)."""
    n = len(targets)
    out = {
        "items_total": np.full(n, np.nan),
        "items_done": np.full(n, np.nan),
        "items_overdue": np.full(n, np.nan),
        "items_end": np.full(n, np.nan),
        "items_open": np.full(n, None, dtype=object),
        "items_overdue_names": np.full(n, None, dtype=object),
    }
    if items.empty:
        return out
    where = pd.MultiIndex.from_frame(targets[TARGET_KEY].reset_index(drop=True))
    for key, group in items.groupby(TARGET_KEY, sort=False):
        pos = where.get_indexer([key])[0]
        if pos < 0:
            continue
        out["items_end"][pos] = group["reported_month"].max()  # a withdrawal is a report
        group = group[group["state"] != "withdrawn"]
        done = group["state"].isin(("done", "done_late"))
        overdue = group["state"] == "overdue"
        out["items_total"][pos] = len(group)
        out["items_done"][pos] = done.sum()
        out["items_overdue"][pos] = overdue.sum()
        out["items_open"][pos] = join_names(group.loc[~done, "item"])
        out["items_overdue_names"][pos] = join_names(group.loc[overdue, "item"])
    return out
