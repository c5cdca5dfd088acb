"""Where the database, catalogue and archived uploads live. The database is a DuckDB file
(the default, data/dashboard.duckdb) or a PostgreSQL server named by a postgresql:// URL
(DASHBOARD_DB or --db; docs/postgresql.md)."""

import os
from dataclasses import dataclass
from pathlib import Path

from dashboard.store.postgres import display_url, is_server_url

PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"


class ServerUrl(str):
    """A postgresql:// URL where a DuckDB file's path would be. It answers the few
    questions code asks of that path: it `exists()` (the server holds what it holds; it
    is never made as a file), and its `name` is the URL without its password."""

    @property
    def name(self) -> str:
        return display_url(str(self))

    def exists(self) -> bool:
        return True


@dataclass(frozen=True)
class Workspace:
    data_dir: Path
    db_path: Path | ServerUrl

    def __post_init__(self):
        if is_server_url(self.db_path) and not isinstance(self.db_path, ServerUrl):
            object.__setattr__(self, "db_path", ServerUrl(str(self.db_path)))

    @property
    def on_server(self) -> bool:
        return isinstance(self.db_path, ServerUrl)

    @property
    def targets_csv(self) -> Path:
        return self.data_dir / "targets.csv"

    @property
    def profiles_csv(self) -> Path:
        return self.data_dir / "seasonal_profiles.csv"

    @property
    def aliases_csv(self) -> Path:
        """Names taught on the upload page, kept beside the catalogue for rebuilds."""
        return self.data_dir / "aliases.csv"

    @property
    def actuals_dir(self) -> Path:
        return self.data_dir / "actuals"

    @property
    def uploads_dir(self) -> Path:
        return self.actuals_dir / "uploads"

    @property
    def catalogues_dir(self) -> Path:
        """Catalogues saved from the 目标目录 page: <entity>/<year>.csv each."""
        return self.data_dir / "catalogues"

    @property
    def keywords_csv(self) -> Path:
        """keyword -> department, for the suggestions the office confirms."""
        return self.data_dir / "department_keywords.csv"


def workspace(
    db: str | os.PathLike | None = None, data_dir: str | os.PathLike | None = None
) -> Workspace:
    """Option beats environment beats default (data/dashboard.duckdb in the project)."""
    data = Path(data_dir or os.environ.get("DASHBOARD_DATA") or PROJECT_DATA)
    target = db or os.environ.get("DASHBOARD_DB") or data / "dashboard.duckdb"
    if is_server_url(target):
        return Workspace(data.resolve(), ServerUrl(str(target)))
    return Workspace(data.resolve(), Path(target).resolve())


def db_version(db_path: Path | str) -> tuple:
    """Changes whenever the database is written: the key of every cached read. A file's
    size and time; a server has no file, so it is asked (one small query)."""
    if is_server_url(db_path):
        from dashboard.store.connection import connect  # services import workspace first
        from dashboard.store.schema import change_marks

        with connect(str(db_path)) as con:
            return change_marks(con)
    stats = []
    for p in (db_path, db_path.with_name(db_path.name + ".wal")):
        try:
            s = p.stat()
            stats.append((s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            stats.append(None)
    return tuple(stats)
