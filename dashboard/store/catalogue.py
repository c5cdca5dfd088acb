"""The target catalogue. Reloading replaces targets and never touches figures."""

from collections.abc import Sequence

import duckdb
import pandas as pd

from dashboard.core.progress_row import TARGET_NUMBER
from dashboard.core.vocab import CATALOGUE_COLUMNS
from dashboard.store import dialect
from dashboard.store.connection import transaction
from dashboard.store.schema import get_meta, set_meta


def load_targets(
    con: duckdb.DuckDBPyConnection, targets: pd.DataFrame, digest: str, home: str | None = None
) -> bool:
    """Replace the catalogue in one transaction; False if this exact catalogue is loaded.
    `home` is the office's own entity, meant by a file that names none. `position` keeps
    the file's row order (neither engine keeps insertion order)."""
    if get_meta(con, "catalogue_sha256") == digest:
        return False
    frame = targets[CATALOGUE_COLUMNS].assign(position=range(len(targets)))
    with transaction(con):
        dialect.lock_writers(con)
        if get_meta(con, "catalogue_sha256") == digest:
            return False  # another process loaded it while this one waited
        con.execute("DELETE FROM targets")
        dialect.insert_frame(con, "targets", frame)
        set_meta(con, "catalogue_sha256", digest)
        set_meta(con, "catalogue_loads", str(int(get_meta(con, "catalogue_loads") or 0) + 1))
        if home:
            set_meta(con, "home_entity", home)
    return True


def loaded_digest(con: duckdb.DuckDBPyConnection) -> str | None:
    """The digest of the catalogue files last loaded."""
    return get_meta(con, "catalogue_sha256")


def version(con: duckdb.DuckDBPyConnection) -> tuple[str, str, int] | None:
    """(where the database lives, the digest of the catalogue loaded into it, how many
    loads it has seen): equal versions, equal catalogues, since load_targets is the only
    writer of the targets and sets both in the same transaction. The count tells a
    catalogue from itself loaded again after another (A, B, A): the digest alone would
    call a read of B's rows in between A's. Read in one statement (one snapshot).
    None where the digest is unknown: a database in memory, a catalogue written otherwise."""
    name = dialect.database_name(con)
    if name is None:
        return None
    meta = dict(
        con.execute(
            "SELECT key, value FROM meta WHERE key IN ('catalogue_sha256', 'catalogue_loads')"
        ).fetchall()
    )
    digest = meta.get("catalogue_sha256")
    return (name, digest, int(meta.get("catalogue_loads") or 0)) if digest is not None else None


def home_entity(con: duckdb.DuckDBPyConnection) -> str | None:
    return get_meta(con, "home_entity")


def targets(
    con: duckdb.DuckDBPyConnection,
    year: int | None = None,
    entity: str | None = None,
    columns: Sequence[str] = CATALOGUE_COLUMNS,
    numbered: bool = False,
) -> pd.DataFrame:
    """The catalogue in file order (of `year`, of `entity` if given): every column, or only
    `columns` (judging a province's 800,000 targets reads the ones it needs); `numbered`:
    with the engine's number of each target as `target_number`, where it has one
    (dialect.target_number)."""
    number = dialect.target_number(con) if numbered else None
    picked = [*columns, f"{number} AS {TARGET_NUMBER}"] if number else columns
    sql = f"SELECT {', '.join(picked)} FROM targets WHERE 1=1"
    params: list = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    if entity is not None:
        sql += " AND entity = ?"
        params.append(entity)
    return dialect.frame(con, sql + " ORDER BY entity, year, position", params)


def catalogue_years(con: duckdb.DuckDBPyConnection, entity: str | None = None) -> list[int]:
    """The years with a catalogue (of `entity` if given)."""
    where, params = (" WHERE entity = ?", [entity]) if entity is not None else ("", [])
    sql = f"SELECT DISTINCT year FROM targets{where} ORDER BY year"
    return [r[0] for r in con.execute(sql, params).fetchall()]


def entities(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every entity with a catalogue, by name."""
    sql = "SELECT DISTINCT entity FROM targets ORDER BY entity"
    return [r[0] for r in con.execute(sql).fetchall()]


def figure_counts(
    con: duckdb.DuckDBPyConnection, entity: str | None = None, year: int | None = None
) -> dict:
    """Stored figures per target: {id: n} for one entity and year, else {(entity, year, id): n}."""
    if entity is None:
        rows = con.execute(
            "SELECT entity, year, id, count(*) FROM current_figures GROUP BY entity, year, id"
        ).fetchall()
        return {(e, y, i): n for e, y, i, n in rows}
    rows = con.execute(
        "SELECT id, count(*) FROM current_figures WHERE entity = ? AND year = ? GROUP BY id",
        [entity, year],
    ).fetchall()
    return dict(rows)


def load_profiles(con: duckdb.DuckDBPyConnection, profiles: pd.DataFrame, digest: str) -> bool:
    if get_meta(con, "profiles_sha256") == digest:
        return False
    frame = profiles[["entity", "id", "month", "share_pct", "source"]]
    with transaction(con):
        dialect.lock_writers(con)
        if get_meta(con, "profiles_sha256") == digest:
            return False
        con.execute("DELETE FROM profiles")
        dialect.insert_frame(con, "profiles", frame)
        set_meta(con, "profiles_sha256", digest)
    return True


def profiles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT entity, id, month, share_pct, source FROM profiles").df()


ALIAS_COLUMNS = ["entity", "year", "id", "alias", "user_name", "created_at"]


def learned_aliases(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute(
        f"SELECT {', '.join(ALIAS_COLUMNS)} FROM learned_aliases ORDER BY created_at, alias"
    ).df()


def load_learned_aliases(
    con: duckdb.DuckDBPyConnection, aliases: pd.DataFrame, digest: str
) -> bool:
    """Replace the learned names with those of data/aliases.csv; False if unchanged."""
    if get_meta(con, "aliases_sha256") == digest:
        return False
    with transaction(con):
        dialect.lock_writers(con)
        if get_meta(con, "aliases_sha256") == digest:
            return False
        con.execute("DELETE FROM learned_aliases")
        dialect.insert_frame(con, "learned_aliases", aliases[ALIAS_COLUMNS])
        set_meta(con, "aliases_sha256", digest)
    return True


def with_learned_aliases(targets: pd.DataFrame, learned: pd.DataFrame) -> pd.DataFrame:
    """The catalogue with each target's learned names added to its aliases."""
    if learned.empty:
        return targets
    extra = learned.groupby(["entity", "year", "id"])["alias"].agg(";".join)
    out = targets.copy()
    keys = list(zip(out["entity"], out["year"], out["id"], strict=True))
    more = [extra.get(k) for k in keys]
    out["aliases"] = [
        ";".join(x for x in (a if isinstance(a, str) else "", m or "") if x)
        for a, m in zip(out["aliases"], more, strict=True)
    ]
    return out


def departments(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every responsible department the catalogue names, sorted."""
    rows = con.execute(
        "SELECT DISTINCT department FROM targets WHERE coalesce(department, '') <> '' "
        "ORDER BY department"
    ).fetchall()
    return [r[0] for r in rows]
