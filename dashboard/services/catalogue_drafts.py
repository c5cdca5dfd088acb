"""A catalogue being edited (a draft): rows in the catalogue's columns, all text.

The page and the tests build drafts with these functions: take proposals into a draft
(keeping the id of a target it restates), merge rows, carry targets over to next year,
give new rows an id, and list what changed for the audit log. Nothing here touches files
or the database.
"""

import hashlib
import re
from datetime import date
from decimal import Decimal

import pandas as pd

from dashboard.core.vocab import CATALOGUE_COLUMNS
from dashboard.ingest.proposal.names import similarity

SAME_TARGET = 0.85  # name likeness at which a proposal restates a catalogue target
ID_LENGTH = 40
# The department the keyword table suggests, beside `department` until a person takes it
# (`take_suggestions`); never saved.
SUGGESTED = "suggested_department"
COLUMNS = [*CATALOGUE_COLUMNS, SUGGESTED]


def empty_draft() -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS, dtype=str)


def as_draft(frame: pd.DataFrame, entity: str, year: int) -> pd.DataFrame:
    """Any catalogue-like frame -> text columns in catalogue order (and the suggestion
    column), this entity and year."""
    draft = frame.reindex(columns=COLUMNS).copy()
    for column in COLUMNS:
        draft[column] = draft[column].map(_text)
    draft["entity"], draft["year"] = entity, str(year)
    return draft.reset_index(drop=True)


def catalogue_part(draft: pd.DataFrame) -> pd.DataFrame:
    """What is saved: the catalogue's columns only."""
    return draft[CATALOGUE_COLUMNS]


def _text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    if isinstance(value, float):  # every digit, never an exponent: ':g' kept six
        plain = f"{Decimal(repr(value)):f}"  # (1552981 -> '1.55298e+06', saved so)
        return plain.rstrip("0").rstrip(".") if "." in plain else plain
    if isinstance(value, pd.Timestamp | date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    return "" if text in ("nan", "NaT", "None", "<NA>") else text


def accept(
    draft: pd.DataFrame, proposals: pd.DataFrame, earlier: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Proposals into the draft. One restating a target (same name, same unit) updates it
    and keeps its id, so figures stored for that id stay attached; others are added, with
    the id the same target had in an `earlier` year's catalogue when there is one (a target
    reads across years). The suggested department waits beside `department` for a person."""
    rows = draft.reindex(columns=COLUMNS).fillna("").to_dict("records")
    before = (
        [] if earlier is None else earlier.reindex(columns=COLUMNS).fillna("").to_dict("records")
    )
    for proposal in proposals.to_dict("records"):
        incoming = {c: _text(proposal.get(c)) for c in CATALOGUE_COLUMNS}
        incoming[SUGGESTED], incoming["department"] = incoming["department"], ""
        match = _restated(rows, incoming)
        if match is not None:
            rows[match] = _updated(rows[match], incoming)
            continue
        last_year = _restated(before, incoming)
        taken = {r["id"] for r in rows}
        incoming["id"] = "" if last_year is None else before[last_year]["id"]
        incoming["id"] = "" if incoming["id"] in taken else incoming["id"]
        rows.append(incoming)
    return with_ids(pd.DataFrame(rows, columns=COLUMNS))


def take_suggestions(draft: pd.DataFrame) -> pd.DataFrame:
    """A person takes the suggested department wherever the department is still empty."""
    draft = draft.copy()
    empty = draft["department"].fillna("") == ""
    draft.loc[empty, "department"] = draft.loc[empty, SUGGESTED].fillna("")
    return draft


def _restated(rows: list[dict], proposal: dict) -> int | None:
    best, where = SAME_TARGET, None
    for i, row in enumerate(rows):
        if row["unit"] != proposal["unit"]:
            continue
        alike = similarity(row["name_zh"], proposal["name_zh"])
        if alike >= best:
            best, where = alike, i
    return where


def _updated(row: dict, proposal: dict) -> dict:
    """The proposal's numbers and words; the row's id, names and confirmed department."""
    kept = ("id", "name_zh", "name_en", "department", "aliases", "tolerance_pp", "section")
    updated = dict(proposal)
    for column in kept:
        updated[column] = row[column] or updated[column]
    return updated


def merge(draft: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """Rows `ids` become the first of them: its values, gaps filled from the others, and the
    report's words of all of them. Figures stay with the first id."""
    if len(ids) < 2:
        return draft
    chosen = draft[draft["id"].isin(ids)].set_index("id").loc[ids]
    first = chosen.iloc[0].to_dict()
    for _, other in chosen.iloc[1:].iterrows():
        for column, value in other.items():
            if not first[column]:
                first[column] = value
        first["source_text"] = _joined(first["source_text"], other["source_text"])
        first["aliases"] = _joined(first["aliases"], other["name_zh"], ";")
    first["id"] = ids[0]
    keep = draft[~draft["id"].isin(ids[1:])].copy()
    columns = list(keep.columns)
    keep.loc[keep["id"] == ids[0], columns] = [first[c] for c in columns]
    return keep.reset_index(drop=True)


def _joined(a: str, b: str, sep: str = " / ") -> str:
    parts = [p for p in (a.split(sep) if a else []) + [b] if p]
    return sep.join(dict.fromkeys(parts))


def carry_over(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Targets copied into `year` with the same ids (a target's history reads across years);
    due dates move to the same day of that year, the report's words stay until edited."""
    carried = rows.copy()
    carried["year"] = str(year)
    carried["due_date"] = carried["due_date"].map(lambda d: _same_day(d, year))
    return carried.reset_index(drop=True)


def _same_day(text: str, year: int) -> str:
    if not text:
        return ""
    day = date.fromisoformat(text)
    last = 28 if (day.month, day.day) == (2, 29) else day.day
    return date(year, day.month, last).isoformat()


def with_ids(draft: pd.DataFrame) -> pd.DataFrame:
    """Rows without an id get one, unique in the draft (see `new_id`)."""
    draft = draft.copy()
    taken = set(draft["id"]) - {""}
    for i, row in draft.iterrows():
        if not row["id"]:
            draft.at[i, "id"] = new_id(row["name_zh"], row["name_en"], taken)
            taken.add(draft.at[i, "id"])
    return draft


def new_id(name_zh: str, name_en: str, taken: set[str]) -> str:
    """'gdp_growth' from the English name when there is one, else 't_' and a short hash of
    the Chinese name (the same name gives the same id in every year); unique in `taken`."""
    slug = re.sub(r"[^a-z0-9]+", "_", (name_en or "").lower()).strip("_")[:ID_LENGTH]
    if not slug or not slug[0].isalpha() or name_en == name_zh:
        slug = "t_" + hashlib.sha1(name_zh.encode("utf-8")).hexdigest()[:8]
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}_{n}", n + 1
    return candidate


def changes(before: pd.DataFrame, after: pd.DataFrame) -> dict:
    """{'added': [ids], 'removed': [ids], 'changed': {id: {column: [old, new]}}}."""
    old = {r["id"]: r for r in before.to_dict("records")}
    new = {r["id"]: r for r in after.to_dict("records")}
    changed = {}
    for target_id in old.keys() & new.keys():
        diff = {
            c: [_text(old[target_id][c]), _text(new[target_id][c])]
            for c in CATALOGUE_COLUMNS
            if _text(old[target_id][c]) != _text(new[target_id][c])
        }
        if diff:
            changed[target_id] = diff
    return {
        "added": sorted(new.keys() - old.keys()),
        "removed": sorted(old.keys() - new.keys()),
        "changed": dict(sorted(changed.items())),
    }
