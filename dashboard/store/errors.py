"""What the store cannot do, as errors the edges put into words (see core/errors.py)."""

from pathlib import Path

from dashboard.core.errors import DashboardError


class StoreError(DashboardError):
    """Base of store errors that the edge turns into a message."""


class DatabaseBusy(StoreError):
    def __init__(self, path: Path, waited: float):
        self.path, self.waited = path, waited
        super().__init__("error.database_busy", path=path, waited=waited)


class ServerBusy(DatabaseBusy):
    """Another writer's turn on the PostgreSQL server lasted longer than this one waits."""

    def __init__(self, server: str, waited: float):
        self.path, self.waited = server, waited
        StoreError.__init__(self, "error.server_busy", server=server, waited=waited)


class DatabaseDamaged(StoreError):
    """The file is not a readable DuckDB database (cut short, overwritten, bad blocks)."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__("storage.database_damaged", name=path.name)


class DatabaseMissing(StoreError):
    """The database file is gone (deleted while the dashboard ran)."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__("storage.database_missing", name=path.name)


class DiskFull(StoreError):
    def __init__(self, where: Path):
        super().__init__("storage.disk_full", where=where.name or str(where))


class FolderReadOnly(StoreError):
    def __init__(self, where: Path):
        super().__init__("storage.read_only", where=where.name or str(where))
