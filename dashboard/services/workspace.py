"""Where the database, catalogue and archived uploads live."""

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Workspace:
    data_dir: Path
    db_path: Path

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
    db_path = Path(db or os.environ.get("DASHBOARD_DB") or data / "dashboard.duckdb")
    return Workspace(data.resolve(), db_path.resolve())


def db_version(db_path: Path) -> tuple:
    """Changes whenever the database file is written: the key of every cached read."""
    stats = []
    for p in (db_path, db_path.with_name(db_path.name + ".wal")):
        try:
            s = p.stat()
            stats.append((s.st_mtime_ns, s.st_size))
        except FileNotFoundError:
            stats.append(None)
    return tuple(stats)
