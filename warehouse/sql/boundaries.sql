-- The 2025 reform: both maps side by side and where each old unit sits on today's map.
-- Public, documented in README.md ("Boundaries: today's map or as reported"). The mapping itself is the
-- table unit_successors, filled from vietnamadminunits by warehouse/reform.py.

-- The unit dimension over both maps: official codes and names with their type prefix, today's province,
-- and the names reports actually used for the unit when they differ from the official one (aliases in use).
CREATE OR REPLACE VIEW unit_dimension AS
SELECT u.unit_key, u.map, u.level, u.code, u.name,
       nullif(regexp_extract(u.name, '^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Thị trấn|Xã|Phường|Đặc khu)', 1), '')
           AS prefix,
       u.parent_key, u.province_code_2025 AS province_code_today, u.resolved,
       coalesce((SELECT list(DISTINCT s.reported_name ORDER BY s.reported_name) FROM submissions s
                 WHERE s.unit_key = u.unit_key AND s.reported_name <> u.name), []) AS names_as_written
FROM units u;

-- Each province of today's map and the old provinces it is made of; `unchanged` when it is exactly one
-- old province (Hà Nội, Huế, …), whose reports are then the same territory before and after the reform.
CREATE OR REPLACE VIEW province_makeup AS
SELECT s.successor_key AS province_key, n.code AS province_code, n.name AS province_name,
       list(o.name ORDER BY o.name) AS old_provinces, count(*) = 1 AS unchanged
FROM unit_successors s
JOIN units o ON o.unit_key = s.unit_key AND o.level = 'province'
JOIN units n ON n.unit_key = s.successor_key
GROUP BY ALL;

-- Each commune of today's map and the old units it holds: whole old communes, parts of divided ones
-- (`whole = FALSE`), and island districts that had no communes. `exact` is FALSE when any part is shared,
-- so figures of earlier years counted in it are approximate.
CREATE OR REPLACE VIEW commune_makeup AS
SELECT s.successor_key AS commune_key, n.code AS commune_code, n.name AS commune_name,
       list(o.name || CASE WHEN s.exact THEN '' WHEN s.is_default THEN ' (phần lớn)' ELSE ' (một phần)' END
            ORDER BY o.name) AS old_units,
       bool_and(s.exact) AS exact
FROM unit_successors s
JOIN units o ON o.unit_key = s.unit_key AND o.level IN ('commune', 'district')
JOIN units n ON n.unit_key = s.successor_key AND n.level = 'commune'
GROUP BY ALL;

-- For every unit a report can name (both maps, agencies, names kept unresolved):
--   as reported: the province of the map the report used (an old province that today's map changed is
--     named "… (cũ)"; an unchanged one shares today's key, so years before and after compare);
--   today: the commune of today's map its figures are counted in. An old commune divided between new ones
--     is counted whole in the one the dataset names as its main successor (`commune_exact = FALSE`), never
--     split by guesswork; a unit above commune level (an old district's own figure) has no commune today.
CREATE OR REPLACE VIEW unit_boundaries AS
WITH place AS (  -- the commune a unit lies in (itself, or the one an agency or unresolved name sits under)
    SELECT u.unit_key, u.map,
           CASE WHEN u.level IN ('commune', 'district') THEN u.unit_key
                WHEN p.level IN ('commune', 'district') THEN p.unit_key END AS locality_key
    FROM units u LEFT JOIN units p ON p.unit_key = u.parent_key
), today AS (
    SELECT place.unit_key,
           CASE WHEN place.map = '2025' THEN place.locality_key ELSE s.successor_key END AS commune_key,
           coalesce(s.exact, TRUE) AS exact
    FROM place
    LEFT JOIN unit_successors s ON s.unit_key = place.locality_key AND s.is_default AND s.successor_key LIKE 'N:C:%'
), reported AS (
    SELECT u.unit_key, coalesce(a.ancestor_key, u.unit_key) AS province_key
    FROM units u
    LEFT JOIN unit_ancestors a ON a.unit_key = u.unit_key AND a.ancestor_key LIKE '_:P:%'
)
SELECT u.unit_key,
       CASE WHEN m.unchanged THEN s.successor_key ELSE p.unit_key END AS reported_province_key,
       CASE WHEN p.map = '2025' OR m.unchanged THEN p.name ELSE p.name || ' (cũ)' END AS reported_province_name,
       t.commune_key AS commune_key_today, c.code AS commune_code_today, c.name AS commune_name_today,
       t.exact AS commune_exact
FROM units u
JOIN reported r USING (unit_key)
JOIN units p ON p.unit_key = r.province_key
LEFT JOIN unit_successors s ON s.unit_key = p.unit_key
LEFT JOIN province_makeup m ON m.province_key = s.successor_key
LEFT JOIN today t ON t.unit_key = u.unit_key
LEFT JOIN units c ON c.unit_key = t.commune_key;
