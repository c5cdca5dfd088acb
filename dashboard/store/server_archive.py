"""The upload archive on a PostgreSQL server: table `archive_files`, each accepted upload's
original bytes under the archive path its journal line names (actuals/uploads/000012-
<sha16>.csv), inserted in the transaction that records the upload. App servers on other
machines read the same bytes; `pg_dump` backs them up with everything else.

Shipped sample files (archive paths under actuals/ but not actuals/uploads/) come with the
program on every machine and are not copied in.
"""


def put(con, path: str, sha256: str, data: bytes) -> None:
    """Inside the caller's transaction."""
    con.execute(
        "INSERT INTO archive_files (path, sha256, bytes) VALUES (?, ?, ?)", [path, sha256, data]
    )


def get(con, path: str) -> bytes | None:
    row = con.execute("SELECT bytes FROM archive_files WHERE path = ?", [path]).fetchone()
    return None if row is None else bytes(row[0])


def paths(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT path FROM archive_files ORDER BY path").fetchall()]
