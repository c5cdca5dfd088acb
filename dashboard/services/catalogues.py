"""Catalogues for many years and entities: read, check, save, compare.

The shipped `data/targets.csv` holds the first catalogue. A catalogue saved from the 目标目录
page is written to `data/catalogues/<entity>/<year>.csv` (the columns of targets.csv) and
replaces that entity's and year's rows of targets.csv; the database is loaded from these
files, so saved catalogues survive `python -m dashboard rebuild`. Figures are stored by
(entity, year, id) and never touched by a catalogue change: a target that keeps its id keeps
its figures, and the figures of a removed target stay stored (a target saved again with
that id finds them).
"""

import hashlib
import io
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.core.problems import CatalogueError, Problem
from dashboard.core.vocab import CATALOGUE_COLUMNS
from dashboard.ingest.targets_csv import parse_catalogue
from dashboard.services import audit_log
from dashboard.services import catalogue_drafts as drafts
from dashboard.services.journal import Entry, audit, write
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import records

FORBIDDEN_IN_NAME = set('/\\:*?"<>|') | {"\n", "\t"}


@dataclass(frozen=True)
class Saved:
    """What a save did, or why it did not: `problems` (errors refuse the save; warnings
    need `confirmed=True`)."""

    saved: bool
    problems: list[Problem] = field(default_factory=list)
    changes: dict = field(default_factory=dict)
    path: Path | None = None


def saved_files(ws: Workspace) -> list[Path]:
    if not ws.catalogues_dir.is_dir():
        return []
    return sorted(ws.catalogues_dir.glob("*/*.csv"))


def _files(ws: Workspace) -> list[tuple[str, bytes]]:
    """(name under data/, bytes) of targets.csv and every saved catalogue."""
    return [
        (path.relative_to(ws.data_dir).as_posix(), path.read_bytes())
        for path in [ws.targets_csv, *saved_files(ws)]
    ]


def _digest(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def read_all(ws: Workspace) -> tuple[pd.DataFrame, str]:
    """targets.csv with every saved catalogue in place of its entity and year, and a digest
    of all the files (the database reloads when it changes). CatalogueError lists every
    problem of every file."""
    files = _files(ws)
    return _parsed(files), _digest(files)


def _parsed(files: list[tuple[str, bytes]]) -> pd.DataFrame:
    frames, problems = [], []
    for number, (name, data) in enumerate(files):
        try:
            frame = parse_catalogue(data.decode("utf-8-sig"), name)
        except CatalogueError as err:
            problems += err.problems
            continue
        if number:  # a saved file, not targets.csv
            problems += _outside_file(frame, Path(name), name)
        frames.append(frame)
    if problems:
        raise CatalogueError(problems)
    return _replaced_by_saved(frames)


def sync(con: duckdb.DuckDBPyConnection, ws: Workspace) -> bool:
    """Load the catalogue files if any changed (compared by digest before parsing: pages
    open the store often); CatalogueError leaves the stored catalogue as it was."""
    files = _files(ws)
    digest = _digest(files)
    if store_catalogue.loaded_digest(con) == digest:
        return False
    targets = _parsed(files)
    home = targets["entity"].iloc[0] if len(targets) else None  # targets.csv's rows come first
    changed = store_catalogue.load_targets(con, targets, digest, home)
    if changed:
        names = [name for name, _ in files]

        def loaded(con: duckdb.DuckDBPyConnection) -> Entry | None:
            # once per folder: a rebuilt or second database loads what the journal has seen
            if records.latest_catalogue_load(con) == digest:
                return None
            detail = audit("catalogue", "loaded", files=names, sha256=digest, targets=len(targets))
            return Entry("audit", "system", datetime.now(), detail)

        write(ws, con, loaded)
    return changed


def _outside_file(frame: pd.DataFrame, path: Path, name: str) -> list[Problem]:
    """A saved file holds only its own entity and year (its folder and file name)."""
    entity, year = path.parent.name, path.stem
    return [
        Problem(name, i + 2, "entity", "catalogue.wrong_file", "hint.catalogue_file", {})
        for i, row in frame.iterrows()
        if row["entity"] != entity or str(row["year"]) != year
    ]


def _replaced_by_saved(frames: list[pd.DataFrame]) -> pd.DataFrame:
    shipped, saved = frames[0], frames[1:]
    keys = {(f["entity"].iloc[0], f["year"].iloc[0]) for f in saved if len(f)}
    keep = ~shipped[["entity", "year"]].apply(tuple, axis=1).isin(keys)
    return pd.concat([shipped[keep], *saved], ignore_index=True)[CATALOGUE_COLUMNS]


def path_for(ws: Workspace, entity: str, year: int) -> Path:
    return ws.catalogues_dir / entity / f"{year}.csv"


def check_entity(entity: str) -> list[Problem]:
    """An entity names a folder: no path characters, not empty, no leading dot."""
    name = entity.strip()
    if not name or name.startswith(".") or FORBIDDEN_IN_NAME & set(name):
        return [Problem("", None, "entity", "catalogue.bad_entity", "hint.entity_name", {})]
    return []


def check_draft(draft: pd.DataFrame, entity: str, year: int) -> list[Problem]:
    """The same checks as loading targets.csv; rows numbered as in the file (header = 1)."""
    problems = check_entity(entity)
    if problems:
        return problems
    text = to_csv(drafts.catalogue_part(drafts.as_draft(draft, entity, year)))
    try:
        parse_catalogue(text, f"catalogues/{entity}/{year}.csv")
    except CatalogueError as err:
        return err.problems
    return []


def to_csv(draft: pd.DataFrame) -> str:
    out = io.StringIO()
    draft[CATALOGUE_COLUMNS].to_csv(out, index=False, lineterminator="\n")
    return out.getvalue()


def catalogue(con: duckdb.DuckDBPyConnection, entity: str, year: int) -> pd.DataFrame:
    """The stored catalogue of one entity and year, as a draft to edit."""
    return drafts.as_draft(store_catalogue.targets(con, year, entity), entity, year)


def save(
    con: duckdb.DuckDBPyConnection,
    ws: Workspace,
    draft: pd.DataFrame,
    entity: str,
    year: int,
    user: str,
    confirmed: bool = False,
    at: datetime | None = None,
) -> Saved:
    """Check the draft, write its file, reload the database, record who changed what."""
    draft = drafts.with_ids(drafts.as_draft(draft, entity, year))
    problems = check_draft(draft, entity, year)
    if problems:
        return Saved(False, problems)
    before = catalogue(con, entity, year)
    diff = drafts.changes(drafts.catalogue_part(before), drafts.catalogue_part(draft))
    warnings = _removed_with_figures(con, entity, year, diff["removed"])
    if warnings and not confirmed:
        return Saved(False, warnings, diff)
    path = path_for(ws, entity, year)
    _write(path, to_csv(drafts.catalogue_part(draft)))
    sync(con, ws)
    audit_log.record(
        ws,
        con,
        user,
        "catalogue",
        "saved",
        at=at,
        entity=entity,
        year=year,
        file=path.relative_to(ws.data_dir).as_posix(),
        targets=len(draft),
        **diff,
    )
    return Saved(True, warnings, diff, path)


def _removed_with_figures(con, entity: str, year: int, removed: list[str]) -> list[Problem]:
    counts = store_catalogue.figure_counts(con, entity, year)
    return [
        Problem(
            f"catalogue/{entity}/{year}",
            None,
            "id",
            "catalogue.removed_with_figures",
            "hint.keep_id",
            {"id": target_id, "n": counts[target_id]},
            severity="warning",
        )
        for target_id in removed
        if counts.get(target_id)
    ]


def _write(path: Path, text: str) -> None:
    """Whole file or nothing: a crash mid-write leaves the previous catalogue."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def overview(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per entity and year: targets by kind, how many have a department and figures."""
    frame = store_catalogue.targets(con)
    if frame.empty:
        return pd.DataFrame(columns=["entity", "year", "targets"])
    counts = store_catalogue.figure_counts(con)
    frame["has_figures"] = [
        counts.get((e, y, i), 0) > 0
        for e, y, i in frame[["entity", "year", "id"]].itertuples(False)
    ]
    table = frame.pivot_table(
        index=["entity", "year"], columns="kind", values="id", aggfunc="count", fill_value=0
    )
    table.insert(0, "targets", table.sum(axis=1))
    grouped = frame.groupby(["entity", "year"])
    table["with_department"] = grouped["department"].apply(lambda d: (d.fillna("") != "").sum())
    table["with_figures"] = grouped["has_figures"].sum()
    return table.reset_index()


def earlier(con: duckdb.DuckDBPyConnection, entity: str, year: int) -> pd.DataFrame:
    """The entity's latest catalogue before `year` (empty if none): its ids carry over."""
    years = [y for e, y in years_and_entities(con) if e == entity and y < year]
    return catalogue(con, entity, max(years)) if years else drafts.empty_draft()


def years_and_entities(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    frame = store_catalogue.targets(con)[["entity", "year"]].drop_duplicates()
    return [(e, int(y)) for e, y in frame.itertuples(index=False)]
