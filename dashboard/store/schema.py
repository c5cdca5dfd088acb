"""Tables. Figures are never updated in place: a revision is a newer row.

Uploads, comments, snapshots, account changes and audit rows are written only by applying
journal lines (store/records.py); their `seq` is the line's. The database is a copy of the
journal that can always be made again (services/database.rebuild).

The DDL is one text for both engines (types both know; store/dialect.ddl adds the C
collation and BYTEA on PostgreSQL). The newest figure of a period is picked by row_number
in a subquery: PostgreSQL has no QUALIFY. On a server the journal's lines and the upload
archive's bytes are tables too (`journal_lines`, `archive_files`, docs/postgresql.md);
in a DuckDB folder they stay empty (the journal and archive are files there).
"""

import hashlib
import time

from dashboard.store import dialect
from dashboard.store.audit import SCHEMA as AUDIT_SCHEMA
from dashboard.store.connection import transaction
from dashboard.store.deadlines import SCHEMA as DEADLINE_SCHEMA
from dashboard.store.item_renames import SCHEMA as ITEM_RENAME_SCHEMA
from dashboard.store.item_renames import fill_from_audit
from dashboard.store.sessions import SCHEMA as SESSION_SCHEMA
from dashboard.store.snapshots import SCHEMA as SNAPSHOT_SCHEMA
from dashboard.store.supervision import SCHEMA as SUPERVISION_SCHEMA

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS targets (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    section VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind VARCHAR, comparator VARCHAR,
    direction VARCHAR, target_value DOUBLE PRECISION, target_low DOUBLE PRECISION,
    target_high DOUBLE PRECISION, unit VARCHAR, frequency VARCHAR, measure VARCHAR,
    baseline_value DOUBLE PRECISION, baseline_unit VARCHAR,
    baseline_growth_pct DOUBLE PRECISION, due_date DATE, department VARCHAR,
    aliases VARCHAR, tolerance_pp DOUBLE PRECISION, source_text VARCHAR,
    PRIMARY KEY (entity, year, id));
CREATE TABLE IF NOT EXISTS uploads (
    upload_id INTEGER PRIMARY KEY, sha256 VARCHAR NOT NULL, filename VARCHAR,
    archive_path VARCHAR, user_name VARCHAR, uploaded_at TIMESTAMP, figure_count INTEGER,
    seq BIGINT);
-- Review decisions (DASHBOARD_REVIEW=1, issue 21); uploads.review holds the latest.
CREATE TABLE IF NOT EXISTS reviews (
    seq BIGINT PRIMARY KEY, upload_id INTEGER NOT NULL, decision VARCHAR NOT NULL,
    reason VARCHAR, user_name VARCHAR, decided_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS figures (
    upload_id INTEGER NOT NULL, source_row INTEGER, source_column VARCHAR,
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    period_start SMALLINT NOT NULL, period_end SMALLINT NOT NULL, basis VARCHAR NOT NULL,
    value DOUBLE PRECISION NOT NULL, raw VARCHAR);
-- Names people taught the upload page ('以后自动识别'); data/aliases.csv keeps them too.
CREATE TABLE IF NOT EXISTS learned_aliases (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL, user_name VARCHAR, created_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS comments (
    entity VARCHAR, year INTEGER, id VARCHAR, month SMALLINT, reason VARCHAR,
    measures VARCHAR, status VARCHAR, user_name VARCHAR, created_at TIMESTAMP, seq BIGINT);
CREATE TABLE IF NOT EXISTS account_events (
    seq BIGINT PRIMARY KEY, changed_at TIMESTAMP, by_user VARCHAR, action VARCHAR,
    account VARCHAR, role VARCHAR, departments VARCHAR);
CREATE TABLE IF NOT EXISTS profiles (
    entity VARCHAR, id VARCHAR, month SMALLINT, share_pct DOUBLE PRECISION, source VARCHAR);
-- On a server: each journal line, byte for byte as data/journal.jsonl would hold it,
-- committed in the transaction that applies it; and each accepted upload's bytes.
CREATE TABLE IF NOT EXISTS journal_lines (seq BIGINT PRIMARY KEY, line VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS archive_files (
    path VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, bytes BLOB NOT NULL);
"""
TABLES = (
    SCHEMA,
    SNAPSHOT_SCHEMA,
    AUDIT_SCHEMA,
    SESSION_SCHEMA,
    SUPERVISION_SCHEMA,
    DEADLINE_SCHEMA,
    ITEM_RENAME_SCHEMA,
)
UPGRADES = [
    # Columns added to the catalogue after the first release.
    *(
        f"ALTER TABLE targets ADD COLUMN IF NOT EXISTS {column} {kind}"
        for column, kind in (
            ("source_doc", "VARCHAR"),
            ("nature", "VARCHAR"),
            ("supporting_departments", "VARCHAR"),
            ("assessment", "VARCHAR"),
            ("assessment_reason", "VARCHAR"),
            ("publication_lag", "INTEGER"),
            ("assessment_date", "DATE"),
            ("done_words", "VARCHAR"),
            # the catalogue file's row order (neither engine keeps insertion order)
            ("position", "INTEGER"),
        )
    ),
    # The other figure of a published pair (the amount beside a growth rate, or the
    # reverse), in the unit the file wrote it in; databases from before it get the columns.
    "ALTER TABLE figures ADD COLUMN IF NOT EXISTS companion_value DOUBLE PRECISION",
    "ALTER TABLE figures ADD COLUMN IF NOT EXISTS companion_unit VARCHAR",
    # A named item of an items target (each new school) and its own due date, if given
    # (basis 'item', core/items.py); null for every other figure.
    "ALTER TABLE figures ADD COLUMN IF NOT EXISTS item VARCHAR",
    "ALTER TABLE figures ADD COLUMN IF NOT EXISTS item_due DATE",
    # Review (issue 21): NULL counts at once (no review), else pending | approved |
    # rejected, the latest decision of `reviews`. Only NULL and approved count.
    "ALTER TABLE uploads ADD COLUMN IF NOT EXISTS review VARCHAR",
]
FIGURE_COLUMNS = (
    "upload_id, source_row, source_column, entity, year, id, period_start, period_end, "
    "basis, value, raw, companion_value, companion_unit, item, item_due"
)
VIEWS = f"""
CREATE OR REPLACE VIEW current_figures AS
    SELECT {FIGURE_COLUMNS} FROM (
        SELECT {FIGURE_COLUMNS}, row_number() OVER (
            PARTITION BY entity, year, id, period_start, period_end, basis, item
            ORDER BY upload_id DESC, source_row DESC) AS newest
        FROM figures
        -- figures waiting for review, or refused, count in nothing (issue 21)
        WHERE upload_id NOT IN (
            SELECT upload_id FROM uploads WHERE review IN ('pending', 'rejected'))) ranked
    WHERE newest = 1
"""
# Opening a store whose schema is current runs no DDL (on PostgreSQL, ALTER TABLE and
# replacing a view wait for every reader and block every writer). The version is the
# DDL's own digest, so any change to the statements runs them once on every store.
SCHEMA_VERSION = hashlib.sha256("\n".join([*TABLES, *UPGRADES, VIEWS]).encode()).hexdigest()[:16]


def has_table(con, name: str) -> bool:
    """Whether the store has table `name` (a server database nobody opened has none)."""
    return (
        con.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?",
            [name],
        ).fetchone()[0]
        > 0
    )


def _current(con) -> bool:
    return has_table(con, "meta") and get_meta(con, "schema_version") == SCHEMA_VERSION


def _create(con) -> None:
    renames_kept = has_table(con, "item_renames")
    for ddl in TABLES:
        con.execute(dialect.ddl(con, ddl))
    for upgrade in UPGRADES:
        con.execute(dialect.ddl(con, upgrade))
    con.execute(VIEWS)
    if not renames_kept:  # a store from before it: the renames it made are in its audit
        fill_from_audit(con)
    # A catalogue loaded before targets kept their file order is loaded again (the next
    # opening finds its digest gone), so that every row has its position.
    con.execute(
        "DELETE FROM meta WHERE key = 'catalogue_sha256' "
        "AND EXISTS (SELECT 1 FROM targets WHERE position IS NULL)"
    )
    set_meta(con, "schema_version", SCHEMA_VERSION)


def ensure_schema(con, attempts: int = 5) -> None:
    """Create or upgrade the tables, in one transaction. Two processes creating the same
    tables at once: the loser's transaction fails (PostgreSQL: on the catalogue's unique
    index) and is tried again, finding the tables there."""
    for attempt in range(attempts):
        if _current(con):
            return
        try:
            with transaction(con):
                _create(con)
            return
        except Exception as err:
            if not dialect.is_race(err) or attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))


def change_marks(con) -> tuple:
    """Changes whenever anything a page shows is written (a server has no file to stat):
    the journal's position (every upload, comment, snapshot, account change and audit
    row is a line), the catalogue's, profiles' and learned names' digests, and the
    sessions opened and ended (a logout on one app server ends the session on all)."""
    return con.execute(
        "SELECT (SELECT max(value) FROM meta WHERE key = 'journal_seq'), "
        "(SELECT max(value) FROM meta WHERE key = 'catalogue_sha256'), "
        "(SELECT max(value) FROM meta WHERE key = 'profiles_sha256'), "
        "(SELECT max(value) FROM meta WHERE key = 'aliases_sha256'), "
        "(SELECT count(*) FROM sessions), "
        "(SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL)"
    ).fetchone()


def get_meta(con, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def note_once(con, key: str, value: str) -> None:
    """Set `key` unless it is set, in the writers' turn: two app servers noting the same
    thing at once must not both delete and insert it (a duplicate key on a server)."""
    if get_meta(con, key) is not None:
        return
    with transaction(con):
        dialect.lock_writers(con)
        if get_meta(con, key) is None:
            set_meta(con, key, value)


def set_meta(con, key: str, value: str) -> None:
    """No upsert statement: not every PostgreSQL-compatible server has ON CONFLICT. The
    callers hold the writer's turn (or create the schema), so nobody writes in between."""
    con.execute("DELETE FROM meta WHERE key = ?", [key])
    con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])
