-- Public, stable views of the warehouse. Documented in README.md ("Warehouse views").

-- Current version of every unit's report for a year.
CREATE OR REPLACE VIEW current_reports AS
SELECT * FROM submissions WHERE is_current;

-- Reports that speak for each family of figures. Every report states its activities (a blank is 0);
-- one without a funding section does not speak for the funding of the units inside its territory.
CREATE OR REPLACE VIEW reporters AS
SELECT 'facts' AS family, r.year, r.unit_key
FROM current_reports r
UNION ALL
SELECT 'funding', r.year, r.unit_key
FROM current_reports r JOIN funding f USING (submission_id);

-- For each report, the nearest enclosing unit that also reported the same family that year: its own
-- territorial figure already includes this one.
CREATE OR REPLACE VIEW report_coverage AS
SELECT r.family, r.year, r.unit_key, arg_min(a.ancestor_key, a.depth) AS covering_unit_key
FROM reporters r
JOIN unit_ancestors a ON a.unit_key = r.unit_key
JOIN reporters p ON p.family = r.family AND p.year = r.year AND p.unit_key = a.ancestor_key
GROUP BY ALL;

-- No double count: a covering unit keeps only what its reports inside do not itemise
-- (not_itemised = TRUE), so the sum over any set of units counts each territory once. A remainder is never
-- negative: when the units inside add up to more than the covering unit's own report, the territory counts
-- what they itemise and the covering unit adds 0 (quality_itemised_exceeds names the difference).
CREATE OR REPLACE VIEW counted_facts AS
WITH own AS (
    SELECT r.year, r.unit_key, f.indicator, f.events, f.participants
    FROM current_reports r JOIN facts f USING (submission_id)
), itemised AS (
    SELECT o.year, c.covering_unit_key AS unit_key, o.indicator,
           sum(o.events) AS events, sum(o.participants) AS participants
    FROM own o
    JOIN report_coverage c ON c.family = 'facts' AND c.year = o.year AND c.unit_key = o.unit_key
    GROUP BY ALL
)
SELECT year, unit_key, indicator,
       greatest(coalesce(o.events, 0) - coalesce(i.events, 0), 0) AS events,
       greatest(coalesce(o.participants, 0) - coalesce(i.participants, 0), 0) AS participants,
       i.unit_key IS NOT NULL AS not_itemised
FROM own o FULL JOIN itemised i USING (year, unit_key, indicator);

CREATE OR REPLACE VIEW counted_funding AS
WITH own AS (
    SELECT r.year, r.unit_key, f.state_budget_vnd, f.social_vnd
    FROM current_reports r JOIN funding f USING (submission_id)
), itemised AS (
    SELECT o.year, c.covering_unit_key AS unit_key,
           sum(o.state_budget_vnd) AS state_budget_vnd, sum(o.social_vnd) AS social_vnd
    FROM own o
    JOIN report_coverage c ON c.family = 'funding' AND c.year = o.year AND c.unit_key = o.unit_key
    GROUP BY ALL
)
SELECT year, unit_key,
       greatest(o.state_budget_vnd - coalesce(i.state_budget_vnd, 0), 0) AS state_budget_vnd,
       greatest(o.social_vnd - coalesce(i.social_vnd, 0), 0) AS social_vnd,
       i.unit_key IS NOT NULL AS not_itemised
FROM own o LEFT JOIN itemised i USING (year, unit_key);

-- Units with their province on today's map and their district (legacy map) for grouping.
CREATE OR REPLACE VIEW unit_places AS
SELECT u.unit_key, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level, u.map, u.resolved,
       u.province_code_2025 AS province_code, p.province_name,
       d.code AS district_code, d.name AS district_name,
       coalesce(u.lat, parent.lat) AS lat, coalesce(u.lon, parent.lon) AS lon  -- agencies sit at their locality
FROM units u
JOIN provinces_2025 p ON p.province_code = u.province_code_2025
LEFT JOIN units d ON d.unit_key = u.district_key
LEFT JOIN units parent ON parent.unit_key = u.parent_key;

CREATE OR REPLACE VIEW report_facts AS
SELECT c.year, u.province_code, u.province_name, u.unit_code, u.unit_name, u.unit_level,
       c.indicator, c.events::BIGINT AS events, c.participants::BIGINT AS participants,
       u.unit_key, u.district_code, u.district_name, u.resolved, c.not_itemised
FROM counted_facts c JOIN unit_places u USING (unit_key)
WHERE NOT (c.not_itemised AND c.events = 0 AND c.participants = 0);

CREATE OR REPLACE VIEW report_funding AS
SELECT c.year, u.province_code, u.province_name, u.unit_code, u.unit_name, u.unit_level,
       c.state_budget_vnd::BIGINT AS state_budget_vnd, c.social_vnd::BIGINT AS social_vnd,
       u.unit_key, u.district_code, u.district_name, u.resolved, c.not_itemised
FROM counted_funding c JOIN unit_places u USING (unit_key)
WHERE NOT (c.not_itemised AND c.state_budget_vnd = 0 AND c.social_vnd = 0);

-- Every ingest attempt, newest first, for status screens.
CREATE OR REPLACE VIEW ingest_log AS
SELECT i.ingest_id, i.ingested_at, i.path, i.status, i.errors, i.warnings, i.sha256
FROM ingests i ORDER BY i.ingest_id DESC;

-- Names kept but not yet matched to an official unit; fix with data/unit_aliases.csv.
CREATE OR REPLACE VIEW unresolved_units AS
SELECT u.unit_key, u.name AS reported_name, p.name AS under_unit, u.province_code_2025 AS province_code,
       list(DISTINCT s.year ORDER BY s.year) AS years, count(*) AS reports
FROM units u
JOIN units p ON p.unit_key = u.parent_key
JOIN current_reports s ON s.unit_key = u.unit_key
WHERE NOT u.resolved
GROUP BY ALL;

-- Every version of every unit's report, current and superseded, with its totals, the file it came
-- from and who sent it (submitted_by: the app account; NULL for the command line). version counts
-- 1, 2, … per year and unit in the order they were loaded.
CREATE OR REPLACE VIEW report_versions AS
SELECT s.submission_id, s.year, p.province_code, p.province_name, p.unit_code, p.unit_name, p.unit_level,
       s.unit_key, s.reported_name,
       row_number() OVER (PARTITION BY s.year, s.unit_key ORDER BY s.submission_id) AS version,
       s.is_current, s.submitted_at, i.submitted_by, i.ingest_id, i.path AS file_path, a.file_name, s.sha256,
       s.sheet, s.row_number,
       coalesce(x.events, 0)::BIGINT AS events, coalesce(x.participants, 0)::BIGINT AS participants,
       g.state_budget_vnd, g.social_vnd
FROM submissions s
JOIN ingests i ON i.ingest_id = s.ingest_id
JOIN source_files a ON a.sha256 = s.sha256
JOIN unit_places p ON p.unit_key = s.unit_key
LEFT JOIN (SELECT submission_id, sum(events) AS events, sum(participants) AS participants
           FROM facts GROUP BY submission_id) x ON x.submission_id = s.submission_id
LEFT JOIN funding g ON g.submission_id = s.submission_id;

-- The activities of every version (report_versions.submission_id), one row per indicator held;
-- with report_versions' funding, what two versions of a report are compared on.
CREATE OR REPLACE VIEW report_version_facts AS
SELECT s.submission_id, s.year, s.unit_key, f.indicator, f.events, f.participants
FROM submissions s JOIN facts f ON f.submission_id = s.submission_id;

-- Every file received, by content hash, with its original name and bytes exactly as sent.
CREATE OR REPLACE VIEW archived_files AS
SELECT sha256, file_name, size_bytes, first_seen_at, content FROM source_files;
