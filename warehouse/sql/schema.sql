-- Warehouse tables. Internal: analysts should read the views in views.sql, which are the stable contract.

-- Every unit a report can name: both official maps (from vietnamadminunits), plus agencies and
-- unresolved names created by ingests. unit_key is unique across maps: L:P:70 (old Bình Phước),
-- L:D:761 (Quận 12), L:C:26776 (a ward before 2025), N:P:75 / N:C:… (2025 map), A:… agencies, U:… unresolved.
CREATE TABLE IF NOT EXISTS units (
    unit_key VARCHAR PRIMARY KEY,
    map VARCHAR NOT NULL,                 -- 'legacy' (before 1/7/2025) or '2025'
    level VARCHAR NOT NULL,               -- province | district | commune | agency | unknown
    code VARCHAR,                         -- official code in force on its map; NULL for agencies/unresolved
    name VARCHAR NOT NULL,
    parent_key VARCHAR,
    district_key VARCHAR,                 -- the district it lies in (itself for a district), legacy map only
    province_code_2025 VARCHAR NOT NULL,  -- its province on today's map
    resolved BOOLEAN NOT NULL,
    lat DOUBLE,
    lon DOUBLE
);

-- Transitive parents, so "the nearest ancestor that also reported" is one join.
CREATE TABLE IF NOT EXISTS unit_ancestors (unit_key VARCHAR NOT NULL, ancestor_key VARCHAR NOT NULL, depth INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS provinces_2025 (province_code VARCHAR PRIMARY KEY, province_name VARCHAR NOT NULL);

-- The archive: every file ever offered, by content hash, with its bytes.
CREATE TABLE IF NOT EXISTS source_files (
    sha256 VARCHAR PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL,
    first_seen_at TIMESTAMP NOT NULL
);

-- One row per attempt to ingest a file: loaded | replaced | unchanged | rejected.
CREATE TABLE IF NOT EXISTS ingests (
    ingest_id BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    path VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL,
    errors JSON,
    warnings JSON,
    layouts JSON,
    submitted_by VARCHAR                  -- the account that uploaded the file in the app; NULL from the command line
);
ALTER TABLE ingests ADD COLUMN IF NOT EXISTS submitted_by VARCHAR;  -- warehouses built before uploads

-- One row per version of a unit's report for a year; exactly one is current per (year, unit_key).
CREATE TABLE IF NOT EXISTS submissions (
    submission_id BIGINT NOT NULL,
    ingest_id BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    unit_key VARCHAR NOT NULL,
    reported_name VARCHAR NOT NULL,
    sheet VARCHAR,
    row_number INTEGER,                   -- 1-based row in the sheet; NULL for single-unit forms
    funding_total_vnd BIGINT,             -- a stated total, kept for checks; not split by source
    figures_sha VARCHAR NOT NULL,         -- digest of the figures: an identical resubmission adds nothing
    is_current BOOLEAN NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    cells JSON,                           -- where each figure was read: {"participants:toa_dam": "E12", ...}
    form_date DATE                        -- the date written on the form, if any (for on-time checks)
);
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS cells JSON;  -- warehouses built before these were kept
ALTER TABLE submissions ADD COLUMN IF NOT EXISTS form_date DATE;

CREATE TABLE IF NOT EXISTS facts (
    submission_id BIGINT NOT NULL,
    indicator VARCHAR NOT NULL,
    events BIGINT NOT NULL,
    participants BIGINT NOT NULL
);

-- Present only when the report stated its funding (blank cells in a stated section count as 0).
CREATE TABLE IF NOT EXISTS funding (
    submission_id BIGINT NOT NULL,
    state_budget_vnd BIGINT NOT NULL,
    social_vnd BIGINT NOT NULL
);
