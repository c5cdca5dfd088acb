-- A database as the dashboard made it before the journal (schema of 2026-11-25).
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE targets (
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    section VARCHAR, name_zh VARCHAR, name_en VARCHAR, kind VARCHAR, comparator VARCHAR,
    direction VARCHAR, target_value DOUBLE, target_low DOUBLE, target_high DOUBLE,
    unit VARCHAR, frequency VARCHAR, measure VARCHAR, baseline_value DOUBLE,
    baseline_unit VARCHAR, baseline_growth_pct DOUBLE, due_date DATE, department VARCHAR,
    aliases VARCHAR, tolerance_pp DOUBLE, source_text VARCHAR,
    PRIMARY KEY (entity, year, id));
CREATE TABLE uploads (
    upload_id INTEGER PRIMARY KEY, sha256 VARCHAR NOT NULL, filename VARCHAR,
    archive_path VARCHAR, user_name VARCHAR, uploaded_at TIMESTAMP, figure_count INTEGER);
CREATE TABLE figures (
    upload_id INTEGER NOT NULL, source_row INTEGER, source_column VARCHAR,
    entity VARCHAR NOT NULL, year INTEGER NOT NULL, id VARCHAR NOT NULL,
    period_start TINYINT NOT NULL, period_end TINYINT NOT NULL, basis VARCHAR NOT NULL,
    value DOUBLE NOT NULL, raw VARCHAR);
CREATE TABLE comments (
    entity VARCHAR, year INTEGER, id VARCHAR, month TINYINT, reason VARCHAR,
    measures VARCHAR, status VARCHAR, user_name VARCHAR, created_at TIMESTAMP);
CREATE TABLE profiles (
    entity VARCHAR, id VARCHAR, month TINYINT, share_pct DOUBLE, source VARCHAR);
CREATE TABLE snapshots (
    snapshot_id INTEGER PRIMARY KEY, year INTEGER, month TINYINT, note VARCHAR,
    user_name VARCHAR, created_at TIMESTAMP, data_version VARCHAR, rule_version VARCHAR);
CREATE TABLE snapshot_rows (snapshot_id INTEGER, position INTEGER, record VARCHAR);
CREATE SEQUENCE audit_seq;
CREATE TABLE audit (
    seq BIGINT DEFAULT nextval('audit_seq'), logged_at TIMESTAMP, user_name VARCHAR,
    action VARCHAR, outcome VARCHAR, detail VARCHAR);
INSERT INTO uploads VALUES
    (1, '7ebc6328d9e612fe9fa49aebe19c77314e99e2d0a084d2c0006219e7716eb7b1', 'ev.csv', 'actuals/uploads/000001-7ebc6328d9e612fe.csv', 'fgw', '2026-11-01 10:00:00', 1);
INSERT INTO figures VALUES
    (1, 2, 'C', '郑州市', 2026, 'ev_chargers', 1, 10, 'ytd', 2450.0, '2450');
INSERT INTO comments VALUES
    ('郑州市', 2026, 'ev_chargers', 10, '旧的评论', '', NULL, 'fgw', '2026-11-01 11:00:00');
INSERT INTO snapshots VALUES
    (1, 2026, 10, '旧快照', 'admin', '2026-11-01 12:00:00', 'uploads:1:last#1', 'catalogue:x');
INSERT INTO snapshot_rows VALUES (1, 0, '{"id": "ev_chargers", "status": "at_risk"}');
INSERT INTO audit (logged_at, user_name, action, outcome, detail) VALUES
    ('2026-11-01 09:59:00', 'admin', 'login', 'ok', '{}'),
    ('2026-11-01 10:00:00', 'fgw', 'upload', 'accepted', '{"file": "ev.csv"}');
