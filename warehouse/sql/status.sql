-- Submission status: the units expected for a year and level against those received, on time or late.
-- Public views, documented in README.md ("Submission status and deadlines"): submission_status, submission_counts,
-- report_receipts. The others here are their internal steps.

-- A copy of data/deadlines.csv (warehouse/deadlines.py keeps it in step). year NULL: the default for every year;
-- deadline_year NULL: the day and month fall in the report's year.
CREATE TABLE IF NOT EXISTS deadlines (
    year INTEGER,
    level VARCHAR NOT NULL,               -- province | district | commune
    deadline_day INTEGER NOT NULL,
    deadline_month INTEGER NOT NULL,
    deadline_year INTEGER,
    note VARCHAR
);

-- The day a file without a date was received, as a data officer gives it (Tình hình nộp báo cáo): a form
-- loaded days after it arrived would otherwise be judged by the day it was loaded.
CREATE TABLE IF NOT EXISTS received_dates (
    sha256 VARCHAR PRIMARY KEY,
    received_on DATE NOT NULL,
    given_by VARCHAR,                     -- the officer's account
    given_at TIMESTAMP NOT NULL
);

-- Every version of every report (current or superseded: each was received) with the date it speaks of:
-- the date written on the form, else the day an officer says its file was received, else the day it was
-- first loaded.
CREATE OR REPLACE VIEW file_rows AS
SELECT s.sha256, s.year, s.unit_key, f.file_name,
       coalesce(s.form_date, g.received_on, f.first_seen_at::DATE) AS report_date,
       CASE WHEN s.form_date IS NOT NULL THEN 'form' WHEN g.received_on IS NOT NULL THEN 'given'
            ELSE 'received' END AS date_source
FROM submissions s JOIN source_files f USING (sha256) LEFT JOIN received_dates g USING (sha256);

-- The unit a file reports for, in a year: the deepest unit that is or contains every unit it has a row for.
-- A commune's own form: the commune; a district's table of its communes: the district; a province's table or
-- export of its districts: the province. (Common ancestors form a chain; the deepest is the one nearest to
-- the farthest row.)
CREATE OR REPLACE VIEW file_issuers AS
WITH file_units AS (
    SELECT DISTINCT sha256, year, unit_key FROM submissions
), places AS (
    SELECT sha256, year, unit_key AS row_key, unit_key AS place_key, 0 AS depth FROM file_units
    UNION ALL
    SELECT f.sha256, f.year, f.unit_key, a.ancestor_key, a.depth
    FROM file_units f JOIN unit_ancestors a USING (unit_key)
), common AS (  -- a row meets each of its places once, so count(*) counts the rows a place covers
    SELECT sha256, year, place_key, max(depth) AS reach, count(*) AS covers
    FROM places GROUP BY ALL
), sizes AS (
    SELECT sha256, year, count(*) AS units FROM file_units GROUP BY ALL
)
SELECT c.sha256, c.year, arg_min(c.place_key, c.reach) AS issuer_key
FROM common c JOIN sizes s USING (sha256, year)
WHERE c.covers = s.units
GROUP BY c.sha256, c.year;

-- Each file that reports for a unit in a year, and how: `own` when it is the unit's own form (its single-unit
-- form, or its consolidated table of the units inside it), otherwise a row of the consolidated form of a level
-- above. report_date and date_source as in file_rows (a consolidated form: its earliest sheet).
CREATE OR REPLACE VIEW report_receipts AS
WITH dated AS (  -- a file's date for a year: its earliest sheet's
    SELECT sha256, year, any_value(file_name) AS file_name, min(report_date) AS report_date,
           arg_min(date_source, report_date) AS date_source
    FROM file_rows GROUP BY ALL
), spoken AS (
    SELECT r.year, r.unit_key, r.sha256, r.file_name, r.report_date, r.date_source, i.issuer_key = r.unit_key AS own
    FROM file_rows r JOIN file_issuers i USING (sha256, year)
    UNION ALL
    SELECT d.year, i.issuer_key, d.sha256, d.file_name, d.report_date, d.date_source, TRUE
    FROM dated d JOIN file_issuers i USING (sha256, year)
)
SELECT year, unit_key, sha256, any_value(file_name) AS file_name, bool_or(own) AS own,
       min(report_date) AS report_date, arg_min(date_source, report_date) AS date_source
FROM spoken
GROUP BY year, unit_key, sha256;

-- The years a status is asked for: those with reports, those with a deadline of their own, and this year's
-- campaign (so that its status shows before the first report arrives).
CREATE OR REPLACE VIEW status_years AS
SELECT year FROM submissions
UNION SELECT year FROM deadlines WHERE year IS NOT NULL
UNION SELECT year(current_date);

-- The deadline of each year and level: that year's own row, else the default.
CREATE OR REPLACE VIEW level_deadlines AS
SELECT y.year, d.level,
       arg_min(make_date(coalesce(d.deadline_year, y.year), d.deadline_month, d.deadline_day), d.year IS NULL)
           AS deadline
FROM status_years y JOIN deadlines d ON d.year = y.year OR d.year IS NULL
GROUP BY ALL;

-- One row per year and expected unit: every official province, district (before 2025) and commune of the map
-- in force that year (map 'legacy' before 2025, '2025' from 2025), whether it reported and whether on time.
--   received     a report for it exists that year: its own form, or a row of a consolidated form above it
--   report_date  the receipt that decides: one on or before the deadline if any, else its own form, earliest first
--   date_source  'form' (the date written on the form), 'given' (the day an officer says the file was received)
--                or 'received' (the day the file was first loaded)
--   via          'own' (its own form) or 'above' (only a row of a consolidated form of a level above)
--   on_time      TRUE on or before the deadline; FALSE when its own form is later; NULL when not received, when
--                the level has no deadline, or when only a form above lists it and that form is dated after the
--                deadline (it says the report had arrived by then, not when)
--   status       on_time | late | received (when on_time is NULL) | missing
CREATE OR REPLACE VIEW submission_status AS
WITH expected AS (
    SELECT y.year, u.level, u.unit_key, u.code, u.name, u.province_code_2025, u.district_key
    FROM status_years y
    JOIN units u ON u.map = CASE WHEN y.year >= 2025 THEN '2025' ELSE 'legacy' END
    WHERE u.resolved AND u.code IS NOT NULL AND u.level IN ('province', 'district', 'commune')
), deciding AS (
    SELECT r.year, r.unit_key, r.file_name, r.report_date, r.date_source, r.own,
           r.report_date <= d.deadline AS in_time
    FROM report_receipts r
    JOIN units u USING (unit_key)
    LEFT JOIN level_deadlines d ON d.year = r.year AND d.level = u.level
    QUALIFY row_number() OVER (PARTITION BY r.year, r.unit_key
                               ORDER BY coalesce(in_time, FALSE) DESC, r.own DESC, r.report_date, r.file_name) = 1
), judged AS (
    SELECT e.*, r.unit_key IS NOT NULL AS received, r.report_date, r.date_source,
           CASE WHEN r.own THEN 'own' WHEN r.unit_key IS NOT NULL THEN 'above' END AS via,
           d.deadline,
           CASE WHEN r.in_time THEN TRUE WHEN r.own AND d.deadline IS NOT NULL THEN FALSE END AS on_time,
           r.file_name
    FROM expected e
    LEFT JOIN deciding r USING (year, unit_key)
    LEFT JOIN level_deadlines d ON d.year = e.year AND d.level = e.level
)
SELECT j.year, j.level, j.unit_key, j.code AS unit_code, j.name AS unit_name,
       j.province_code_2025 AS province_code, p.province_name, dist.code AS district_code, dist.name AS district_name,
       j.received, j.report_date, j.date_source, j.via, j.deadline, j.on_time,
       CASE WHEN NOT j.received THEN 'missing' WHEN j.on_time THEN 'on_time' WHEN NOT j.on_time THEN 'late'
            ELSE 'received' END AS status,
       j.file_name
FROM judged j
JOIN provinces_2025 p ON p.province_code = j.province_code_2025
LEFT JOIN units dist ON dist.unit_key = j.district_key AND j.level = 'commune';

-- Completeness per year, level and province of today's map: what "34/45 đơn vị đã báo cáo" is made of.
CREATE OR REPLACE VIEW submission_counts AS
SELECT year, level, province_code, count(*) AS expected, count(*) FILTER (received) AS received,
       count(*) FILTER (on_time) AS on_time, count(*) FILTER (NOT on_time) AS late,
       count(*) FILTER (NOT received) AS missing
FROM submission_status
GROUP BY ALL;
