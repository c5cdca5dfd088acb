"""Tables. Figures are never updated in place: a revision is a newer row.

Uploads, comments, snapshots, account changes and audit rows are written only by applying
journal lines (store/records.py); their `seq` is the line's. The database is a copy of the
journal that can always be made again (services/database.rebuild).
"""

import duckdb

from dashboard.store.audit import SCHEMA as AUDIT_SCHEMA
from dashboard.store.sessions import SCHEMA as SESSION_SCHEMA
from dashboard.store.snapshots import SCHEMA as SNAPSHOT_SCHEMA

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS targets (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    section VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind VARCHAR, comparator VARCHAR,
    direction VARCHAR, target_value DOUBLE, target_low DOUBLE, target_high DOUBLE,
    unit VARCHAR, frequency VARCHAR, measure VARCHAR, baseline_value DOUBLE,
    baseline_unit VARCHAR, baseline_growth_pct DOUBLE, due_date DATE, department VARCHAR,
    aliases VARCHAR, tolerance_pp DOUBLE, source_text VARCHAR,
    PRIMARY KEY (entity, year, id));
ALTER TABLE targets ADD COLUMN IF NOT EXISTS source_doc VARCHAR;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS nature VARCHAR;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS supporting_departments VARCHAR;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS assessment VARCHAR;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS assessment_reason VARCHAR;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS publication_lag INTEGER;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS assessment_date DATE;
ALTER TABLE targets ADD COLUMN IF NOT EXISTS done_words VARCHAR;
CREATE TABLE IF NOT EXISTS uploads (
    upload_id INTEGER PRIMARY KEY, sha256 VARCHAR NOT NULL, filename VARCHAR,
    archive_path VARCHAR, user_name VARCHAR, uploaded_at TIMESTAMP, figure_count INTEGER,
    seq BIGINT);
CREATE TABLE IF NOT EXISTS figures (
    upload_id INTEGER NOT NULL, source_row INTEGER, source_column VARCHAR,
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    period_start TINYINT NOT NULL, period_end TINYINT NOT NULL, basis VARCHAR NOT NULL,
    value DOUBLE NOT NULL, raw VARCHAR);
-- The other figure of a published pair (the amount beside a growth rate, or the reverse),
-- in the unit the file wrote it in; databases from before it get the columns here.
ALTER TABLE figures ADD COLUMN IF NOT EXISTS companion_value DOUBLE;
ALTER TABLE figures ADD COLUMN IF NOT EXISTS companion_unit VARCHAR;
-- Names people taught the upload page ('以后自动识别'); data/aliases.csv keeps them too.
CREATE TABLE IF NOT EXISTS learned_aliases (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL, user_name VARCHAR, created_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS comments (
    entity VARCHAR, year INTEGER, id VARCHAR, month TINYINT, reason VARCHAR,
    measures VARCHAR, status VARCHAR, user_name VARCHAR, created_at TIMESTAMP, seq BIGINT);
CREATE TABLE IF NOT EXISTS account_events (
    seq BIGINT PRIMARY KEY, changed_at TIMESTAMP, by_user VARCHAR, action VARCHAR,
    account VARCHAR, role VARCHAR, departments VARCHAR);
CREATE TABLE IF NOT EXISTS profiles (
    entity VARCHAR, id VARCHAR, month TINYINT, share_pct DOUBLE, source VARCHAR);
CREATE OR REPLACE VIEW current_figures AS
    SELECT * FROM figures
    QUALIFY row_number() OVER (
        PARTITION BY entity, year, id, period_start, period_end, basis
        ORDER BY upload_id DESC, source_row DESC) = 1;
"""


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA)
    con.execute(SNAPSHOT_SCHEMA)
    con.execute(AUDIT_SCHEMA)
    con.execute(SESSION_SCHEMA)


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
