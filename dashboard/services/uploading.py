"""Uploads end to end: preview, check the user's departments, archive the original bytes,
store all-or-nothing through the journal (the archive itself is services/archive.py)."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd

from dashboard.core.access import User
from dashboard.core.journal_lines import (
    FIGURE_FIELDS,
    REVIEW_VERSION,
    pack_columns,
    with_figure_fields,
)
from dashboard.core.messages import Glossed, Msg
from dashboard.core.problems import IngestError, Problem, errors
from dashboard.ingest.parse import (
    MAX_BYTES,
    ParsedUpload,
    parse_upload,
    sequence_warnings,
)
from dashboard.ingest.plausible import tenfold_warnings
from dashboard.ingest.resolve import CatalogueIndex
from dashboard.ingest.validate import OTHER_PLACE as OTHER_PLACE  # for the page and CLI
from dashboard.ingest.validate import duplicate_figures
from dashboard.services import archive
from dashboard.services.journal import Entry, audit, write
from dashboard.services.parse_worker import shared_worker
from dashboard.services.workspace import Workspace
from dashboard.store import catalogue as store_catalogue
from dashboard.store import figures as store_figures
from dashboard.store import item_renames

MAX_MEGABYTES = MAX_BYTES // 2**20  # what the upload page tells people


@dataclass
class Preview:
    parsed: ParsedUpload
    figures: pd.DataFrame  # with a `change` column: new | revision | unchanged
    problems: list[Problem]
    duplicate_of: dict | None  # the earlier upload with identical bytes

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    @property
    def unconfirmed(self) -> list[Problem]:
        """Figures that do not fit how the file was read: stored only when confirmed."""
        return self.parsed.unconfirmed(self.problems)

    @property
    def read_by_default(self) -> int:
        """Figures whose file said neither 累计 nor 当月, read by the catalogue's measure."""
        return len(self.parsed.read_rows) if self.parsed.reading is None else 0


def parse(
    data: bytes,
    filename: str,
    index: CatalogueIndex,
    today: tuple[int, int],
    strict: bool = False,
    reading: str | None = None,
    isolated: bool = True,
    place: str | None = None,
) -> ParsedUpload:
    """Read and check a file against the catalogue, without the database: callers parse
    before they open it, so a large file never holds the lock. A person's file is read in
    a worker process with limits (services/parse_worker.py); `isolated=False` reads in
    this process (the shipped samples, the archive at start-up). Raises IngestError.
    `strict`: every row that would be skipped is an error instead. `reading` (ytd | month):
    how to read figures whose file says neither 累计 nor 当月 (default: the catalogue's
    measure). `place`: whose figures a file that names no place holds (see parse_upload)."""
    if not isolated:
        return parse_upload(data, filename, index, today, strict, reading, place)
    return shared_worker().parse(data, filename, index, today, strict, reading, place)


def catalogue_index(con: duckdb.DuckDBPyConnection, entity: str | None = None) -> CatalogueIndex:
    """The catalogue to read files against, with the names people taught it. A file that
    names no entity reports for `entity` (the one a page has chosen: only its targets are
    meant then) or, without one, for the office's own (that of targets.csv)."""
    targets = store_catalogue.with_learned_aliases(
        store_catalogue.targets(con), store_catalogue.learned_aliases(con)
    )
    if entity is None:
        return CatalogueIndex.build(targets, store_catalogue.home_entity(con))
    return CatalogueIndex.build(targets, entity, only_home=True)


def preview(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    filename: str,
    today: tuple[int, int],
    index: CatalogueIndex | None = None,
    reading: str | None = None,
) -> Preview:
    """Everything the user should see before confirming; raises IngestError if unreadable."""
    index = index or catalogue_index(con)
    return review(con, parse_upload(data, filename, index, today, reading=reading), index)


def review(con: duckdb.DuckDBPyConnection, parsed: ParsedUpload, index: CatalogueIndex) -> Preview:
    """A parsed file against what is stored: warnings, new vs revision, re-uploads.

    Parsing needs no database, so callers parse first and hold the file only for this.
    """
    parsed, renamed = _renamed_items(con, parsed)
    previous, steps, others = store_figures.against_current(con, parsed.figures)
    problems = (
        parsed.problems
        + renamed
        + (
            _one_per_figure(
                sequence_warnings(steps, parsed.file)
                + tenfold_warnings(parsed.figures, previous, others, index, parsed.file)
            )
            if parsed.ok
            else []
        )
    )
    figures = _mark_changes(parsed.figures, previous)
    return Preview(parsed, figures, problems, store_figures.upload_by_sha(con, parsed.sha256))


def _renamed_items(
    con: duckdb.DuckDBPyConnection, parsed: ParsedUpload
) -> tuple[ParsedUpload, list[Problem]]:
    """Items reported under a name an administrator has since changed are the renamed
    items: stored under the name they have now, with a warning on the first row of each
    (the archived file keeps what the department wrote). A file reporting one item under
    both names for one month repeats it: the same state is said once, two are refused."""
    renames = item_renames.now_named(con, parsed.figures)
    if not renames:
        return parsed, []
    figures = parsed.figures
    keys = zip(figures["entity"], figures["year"], figures["id"], figures["item"], strict=True)
    now = pd.Series(
        [renames.get((e, int(y), i, item)) for e, y, i, item in keys],
        index=figures.index,
        dtype=object,
    )
    first = {}  # (old, new) -> the first row reporting it
    for row, old, new in zip(figures["source_row"], figures["item"], now, strict=True):
        if new is not None:
            first.setdefault((old, new), int(row))
    problems = [
        Problem(
            parsed.file,
            row,
            None,
            "item.renamed_since",
            "item.renamed_since.hint",
            {"old": old, "new": new},
            severity="warning",
        )
        for (old, new), row in first.items()
    ]
    mapped, repeated = duplicate_figures(  # items' states are words: no units to give
        figures.assign(item=figures["item"].where(now.isna(), now)), parsed.file, {}
    )
    return replace(parsed, figures=mapped), problems + repeated


def _one_per_figure(problems: list[Problem]) -> list[Problem]:
    """A figure that breaks its sequence is not warned about again for its series or
    target: the first warning is the one to act on."""
    seen: set = set()
    out = []
    for p in problems:
        if (p.row, p.column) not in seen:
            out.append(p)
            seen.add((p.row, p.column))
    return out


def authorise(pv: Preview, user: User, index: CatalogueIndex) -> Preview:
    """Refuse every row for a target outside the user's departments (admins: none)."""
    if user.is_admin:
        return pv
    file = pv.parsed.file
    if not user.may_upload():
        problem = Problem(
            file,
            None,
            None,
            "upload.role_refused",
            "hint.ask_uploader_role",
            {"name": user.name, "role": Msg(f"role.{user.role}")},
        )
        return replace(pv, problems=pv.problems + [problem])
    department = {
        (r["entity"], r["year"], r["id"]): (r["department"], r["name_zh"]) for r in index.records
    }
    own = Glossed("department", tuple(sorted(user.departments)))
    refusal = "upload.other_department" if own.names else "upload.other_department_none"
    problems = []
    for f in pv.figures.itertuples():
        dept, name = department[(f.entity, f.year, f.id)]
        if not user.may_edit(dept):
            problems.append(
                Problem(
                    file,
                    int(f.source_row),
                    f.source_column,
                    refusal,
                    "hint.other_department",
                    {
                        "target": name,
                        "department": Glossed("department", (dept,)),
                        "name": user.name,
                        "own": own,
                    },
                )
            )
    return replace(pv, problems=pv.problems + problems)


def check(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    parsed: ParsedUpload,
    index: CatalogueIndex,
    user: User,
    at: datetime,
    record: bool = True,
) -> Preview:
    """Review and authorise a parsed file for `user`; a refusal goes to the audit log."""
    pv = authorise(review(con, parsed, index), user, index)
    if not pv.ok and record:
        record_refusal(ws, con, user.name, parsed.file, parsed.sha256, pv.problems, at)
    return pv


def record_refusal(
    ws: Workspace,
    con: duckdb.DuckDBPyConnection,
    user: str,
    file: str,
    sha256: str | None,
    problems: list[Problem],
    at: datetime,
) -> None:
    refused = audit(
        "upload",
        "refused",
        file=file,
        sha256=sha256,
        errors=len(errors(problems)),
        rows=sorted({p.row for p in errors(problems) if p.row})[:50],
    )
    write(ws, con, Entry("audit", user, at, refused))


def _mark_changes(figures: pd.DataFrame, previous: np.ndarray) -> pd.DataFrame:
    change = np.where(
        np.isnan(previous),
        "new",
        np.where(previous == figures["value"].to_numpy(), "unchanged", "revision"),
    )
    return figures.assign(previous=previous, change=change.astype(object))


def store_preview(
    con: duckdb.DuckDBPyConnection,
    ws: Workspace,
    pv: Preview,
    data: bytes,
    user: str,
    at: datetime,
    stage: Callable[[str], None] = lambda key: None,
    held: bool = False,
) -> int | None:
    """Archive then store; returns the upload id, or None for an identical re-upload.
    `held`: the figures wait for review before they count (services/review.py).

    The bytes go to the archive's pending folder first; the journal line (with the
    figures and the "accepted" audit entry) commits the upload; the database and the
    archive name follow. A crash at any point leaves the upload either committed whole
    (and audited) or not at all. `stage` hears each step begin (upload.stage.archive,
    upload.stage.store). On a server the bytes go into the database in the transaction
    of the line (`archive_files`): there is no pending file, nothing to confirm.
    """
    if not pv.ok:
        raise IngestError(errors(pv.problems))
    sha = pv.parsed.sha256
    stage("upload.stage.archive")
    pending = None if ws.on_server else archive.write_pending(ws, data, sha)
    earlier: list[dict] = []

    def build(con: duckdb.DuckDBPyConnection) -> Entry:
        if pending is not None:
            archive.drop_stale_pending(ws, con)
        same = store_figures.upload_by_sha(con, sha)  # again: another session may have won
        if same is not None:
            earlier.append(same)
            return _unchanged(pv, same, user, at)
        # an item renamed since the preview is filed under its name now, never the old one
        parsed, renamed = _renamed_items(con, pv.parsed)
        if errors(renamed):
            raise IngestError(errors(renamed))
        upload_id = store_figures.next_upload_id(con)
        changes = pv.figures["change"].value_counts()
        accepted = audit(
            "upload",
            "accepted",
            upload_id=upload_id,
            file=pv.parsed.file,
            sha256=sha,
            figures=len(pv.figures),
            new=int(changes.get("new", 0)),
            revisions=int(changes.get("revision", 0)),
            **({"review": "pending"} if held else {}),
        )
        entry = upload_entry(
            ws,
            upload_id,
            pv.parsed.file,
            sha,
            archive.suffix(data),
            user,
            at,
            accepted,
            parsed.figures,
            pending=held,
        )
        if pending is None:  # on a server: the bytes travel with the line
            entry = replace(entry, archive=(entry.data["archive"], sha, data))
        return entry

    stage("upload.stage.store")
    try:
        line = write(ws, con, build)
    except BaseException:
        if pending is not None:
            pending.unlink(missing_ok=True)  # this attempt's own file, never committed
        raise
    if pending is None:
        return None if earlier else line["data"]["upload_id"]
    if earlier:
        archive.confirm(ws, {"archive": earlier[0]["archive_path"], "sha256": sha})
        pending.unlink(missing_ok=True)  # identical to a committed upload: never committed
        return None
    archive.confirm(ws, line["data"])
    return line["data"]["upload_id"]


def _unchanged(pv: Preview, same: dict, user: str, at: datetime) -> Entry:
    detail = audit(
        "upload",
        "unchanged",
        file=pv.parsed.file,
        sha256=pv.parsed.sha256,
        same_as=same["upload_id"],
    )
    return Entry("audit", user, at, detail)


def upload_entry(
    ws: Workspace,
    upload_id: int,
    filename: str,
    sha256: str,
    ext: str,
    user: str,
    at: datetime,
    accepted: dict,
    figures: pd.DataFrame,
    archive_path: str | None = None,
    pending: bool = False,
) -> Entry:
    """The journal entry of an accepted upload: its figures travel in the line, so a
    rebuild stores exactly these, whatever later versions of the reader would make."""
    figures = with_figure_fields(figures)  # files parsed without pairs or items
    data = {
        "upload_id": upload_id,
        "sha256": sha256,
        "filename": filename,
        "archive": archive.archive_name(ws, upload_id, sha256, ext)
        if archive_path is None
        else archive_path,
        "figures": pack_columns(figures, FIGURE_FIELDS),
    }
    if pending:  # a reader that does not know review must not count these (version 2)
        data["review"] = "pending"
        return Entry(
            "upload", user, at, accepted, data, figures[FIGURE_FIELDS], version=REVIEW_VERSION
        )
    return Entry("upload", user, at, accepted, data, figures[FIGURE_FIELDS])
