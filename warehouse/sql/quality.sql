-- Data-quality views (rule checks and outliers), each finding linked to its file, sheet and cell.
-- Public, documented in README.md ("Data quality"). Findings are about current reports only: a corrected
-- resubmission makes the finding on the version it replaces disappear. The thresholds are data: the
-- ETL copies data/quality_rules.csv into quality_rules (and data/indicators.csv into indicator_labels)
-- each time it opens the warehouse (warehouse/quality.py), so an edit applies from the next ingest.

CREATE TABLE IF NOT EXISTS quality_rules (
    rule VARCHAR NOT NULL,     -- which check: outlier_history, outlier_peers, events_without_participants
    setting VARCHAR NOT NULL,  -- the threshold's name, or an indicator for events_without_participants
    value DOUBLE NOT NULL,
    PRIMARY KEY (rule, setting)
);

CREATE TABLE IF NOT EXISTS indicator_labels (indicator VARCHAR PRIMARY KEY, label_vi VARCHAR NOT NULL);

-- A threshold of quality_rules; NULL (so the check finds nothing) when the setting is missing.
CREATE OR REPLACE MACRO quality_rule(rule_name, setting_name) AS
    (SELECT q.value FROM quality_rules q WHERE q.rule = rule_name AND q.setting = setting_name);

-- Numbers in messages the Vietnamese way: 1.234.567; below 10 with one decimal, 5,3.
CREATE OR REPLACE MACRO quality_vn(x) AS
    CASE WHEN abs(x) >= 10 OR x = round(x) THEN replace(format('{:,}', round(x)::BIGINT), ',', '.')
         ELSE replace(printf('%.1f', x), '.', ',') END;

-- How many times above the reference ('gấp 12 lần') or below it ('chỉ bằng 1/8').
CREATE OR REPLACE MACRO quality_times(ratio) AS
    CASE WHEN ratio >= 1 THEN 'gấp ' || quality_vn(ratio) || ' lần'
         ELSE 'chỉ bằng 1/' || quality_vn(1 / ratio) END;

-- The rules by name, with what each means, for screens and exports.
CREATE OR REPLACE VIEW quality_rule_names AS
SELECT * FROM (VALUES
    (1, 'funding_total_mismatch', 'Tổng kinh phí lệch',
     'Tổng kinh phí ghi trên biểu khác ngân sách nhà nước + xã hội hóa.'),
    (2, 'totals_row_mismatch', 'Dòng tổng cộng lệch',
     'Dòng tổng cộng của biểu khác tổng các dòng đơn vị mà nó cộng.'),
    (3, 'participants_without_events', 'Có người tham gia, không có hoạt động',
     'Một loại hoạt động có số người tham gia nhưng số hoạt động là 0 hoặc để trống.'),
    (4, 'events_without_participants', 'Có hoạt động, không có người tham gia',
     'Một loại hoạt động cần người tham gia (xem data/quality_rules.csv) có số hoạt động nhưng không ghi số người.'),
    (5, 'outlier_history', 'Bất thường so với các năm trước',
     'Chi phí mỗi người tham gia hoặc số người mỗi hoạt động gấp nhiều lần (hoặc chỉ bằng một phần nhỏ) '
     'trung vị các năm trước của chính đơn vị.'),
    (6, 'outlier_peers', 'Bất thường so với đơn vị cùng cấp',
     'Chi phí mỗi người tham gia hoặc số người mỗi hoạt động cách xa trung vị của các đơn vị cùng cấp '
     'cùng tỉnh (tỉnh/thành phố: cả nước) trong năm, đo bằng độ lệch tuyệt đối trung vị trên thang log.'),
    (7, 'itemised_exceeds', 'Đơn vị bên trong cộng lớn hơn báo cáo chung',
     'Các xã/phường (hoặc huyện) bên trong một đơn vị cộng lại nhiều hơn số chính đơn vị đó báo cáo; '
     'số liệu lãnh thổ tính theo các đơn vị bên trong, phần còn lại của đơn vị chung tính là 0.')
) AS t(position, rule, label, explanation);

-- Every current report with where it came from: unit on today's map, file, sheet, cells.
CREATE OR REPLACE VIEW quality_report_sources AS
SELECT r.submission_id, r.year, p.province_code, p.province_name, r.unit_key, p.unit_name, p.unit_level,
       f.file_name, r.sha256, r.sheet, r.row_number, coalesce(r.cells, '{}')::JSON AS cells, r.funding_total_vnd
FROM current_reports r
JOIN unit_places p USING (unit_key)
JOIN source_files f USING (sha256);

-- A stated funding total that differs from state budget + social sources (value: the stated total).
CREATE OR REPLACE VIEW quality_funding_total AS
SELECT s.year, s.province_code, s.province_name, s.unit_key, s.unit_name, s.unit_level,
       'funding_total_mismatch' AS rule,
       'Tổng kinh phí ghi ' || quality_vn(s.funding_total_vnd) || ' đồng, khác ngân sách nhà nước '
           || quality_vn(f.state_budget_vnd) || ' + xã hội hóa ' || quality_vn(f.social_vnd) || ' = '
           || quality_vn(f.state_budget_vnd + f.social_vnd) || ' đồng' AS message,
       s.funding_total_vnd::DOUBLE AS value,
       s.file_name, s.sha256, s.sheet, coalesce(s.cells->>'funding:total', 'A' || s.row_number) AS cell
FROM quality_report_sources s
JOIN funding f USING (submission_id)
WHERE s.funding_total_vnd <> f.state_budget_vnd + f.social_vnd;

-- People taking part in an activity of which none was held (value: the participants; cell: the empty count).
CREATE OR REPLACE VIEW quality_participants_without_events AS
SELECT s.year, s.province_code, s.province_name, s.unit_key, s.unit_name, s.unit_level,
       'participants_without_events' AS rule,
       coalesce(l.label_vi, f.indicator) || ': ' || quality_vn(f.participants)
           || ' người tham gia nhưng số hoạt động là 0' AS message,
       f.participants::DOUBLE AS value,
       s.file_name, s.sha256, s.sheet,
       coalesce(s.cells->>('events:' || f.indicator), s.cells->>('participants:' || f.indicator),
                'A' || s.row_number) AS cell
FROM quality_report_sources s
JOIN facts f USING (submission_id)
LEFT JOIN indicator_labels l USING (indicator)
WHERE f.participants > 0 AND f.events = 0;

-- Activities that people attend (those listed under events_without_participants in quality_rules) held
-- with no participant written (value: the activities; cell: the empty participants cell). Activities such as
-- banners and news items reach people without counting them, so they are not listed.
CREATE OR REPLACE VIEW quality_events_without_participants AS
SELECT s.year, s.province_code, s.province_name, s.unit_key, s.unit_name, s.unit_level,
       'events_without_participants' AS rule,
       coalesce(l.label_vi, f.indicator) || ': ' || quality_vn(f.events)
           || ' hoạt động nhưng không ghi số người tham gia' AS message,
       f.events::DOUBLE AS value,
       s.file_name, s.sha256, s.sheet,
       coalesce(s.cells->>('participants:' || f.indicator), s.cells->>('events:' || f.indicator),
                'A' || s.row_number) AS cell
FROM quality_report_sources s
JOIN facts f USING (submission_id)
JOIN quality_rules q ON q.rule = 'events_without_participants' AND q.setting = f.indicator AND q.value <> 0
LEFT JOIN indicator_labels l USING (indicator)
WHERE f.events > 0 AND f.participants = 0;

-- Totals rows that do not equal the rows they total, from the ETL's warnings (etl/validate.py), for files
-- whose reports on that sheet are still current. The unit is the one the sheet's rows share as parent
-- (the district of a ward table), else the province; value is empty, the message holds both sums.
CREATE OR REPLACE VIEW quality_totals_rows AS
WITH warned AS (
    SELECT DISTINCT i.sha256, w.sheet, w.cell, w.message
    FROM ingests i,
         unnest(from_json(i.warnings, '[{"message": "VARCHAR", "sheet": "VARCHAR", "cell": "VARCHAR"}]')) AS t(w)
    WHERE i.status IN ('loaded', 'replaced') AND w.message LIKE 'dòng tổng cộng không khớp%'
), sheets AS (
    SELECT s.sha256, s.sheet, any_value(s.file_name) AS file_name, min(s.year) AS year,
           min(s.province_code) AS province_code, min(s.province_name) AS province_name,
           CASE WHEN count(DISTINCT u.parent_key) = 1 THEN any_value(u.parent_key) END AS parent_key
    FROM quality_report_sources s
    JOIN units u USING (unit_key)
    GROUP BY s.sha256, s.sheet
)
SELECT h.year, h.province_code, h.province_name, p.unit_key, coalesce(p.unit_name, h.province_name) AS unit_name,
       p.unit_level, 'totals_row_mismatch' AS rule,
       upper(w.message[1]) || w.message[2:] AS message, NULL::DOUBLE AS value,
       h.file_name, w.sha256, w.sheet, w.cell
FROM warned w
JOIN sheets h ON h.sha256 = w.sha256 AND h.sheet IS NOT DISTINCT FROM w.sheet
LEFT JOIN unit_places p ON p.unit_key = h.parent_key;

-- The two ratios the outlier checks compare, per current report, with the cell most likely at fault:
-- cost per participant ((state budget + social) / participants; the larger source's cell) and
-- participants per activity (over the activities that counted people; the largest activity's cell).
CREATE OR REPLACE VIEW quality_ratios AS
WITH people AS (
    SELECT submission_id, sum(participants) AS participants,
           sum(participants) FILTER (events > 0 AND participants > 0) AS counted_people,
           sum(events) FILTER (events > 0 AND participants > 0) AS counted_events,
           arg_max(indicator, participants) AS main_indicator
    FROM facts GROUP BY submission_id
)
SELECT s.* EXCLUDE (cells), 'cost_per_participant' AS metric,  -- the outlier passes need only ratio_cell
       (f.state_budget_vnd + f.social_vnd) / p.participants AS ratio,
       s.cells->>CASE WHEN f.state_budget_vnd >= f.social_vnd THEN 'funding:state_budget' ELSE 'funding:social' END
           AS ratio_cell
FROM quality_report_sources s JOIN people p USING (submission_id) JOIN funding f USING (submission_id)
WHERE p.participants > 0 AND f.state_budget_vnd + f.social_vnd > 0
UNION ALL
SELECT s.* EXCLUDE (cells), 'participants_per_activity', p.counted_people / p.counted_events,
       s.cells->>('participants:' || p.main_indicator)
FROM quality_report_sources s JOIN people p USING (submission_id)
WHERE p.counted_events > 0;

-- Metric names and units for outlier messages.
CREATE OR REPLACE MACRO quality_metric_text(metric, amount) AS
    CASE metric WHEN 'cost_per_participant' THEN 'Chi phí mỗi người tham gia ' || quality_vn(amount) || ' đồng'
                ELSE 'Số người bình quân mỗi hoạt động ' || quality_vn(amount) END;
CREATE OR REPLACE MACRO quality_metric_unit(metric) AS
    CASE metric WHEN 'cost_per_participant' THEN ' đồng/người' ELSE ' người/hoạt động' END;

-- A ratio far from the median of the unit's own earlier years (at least outlier_history.min_years of
-- them): flagged at outlier_history.ratio times above or below it (value: the ratio of this year).
-- Units are keyed per map, so a unit's history starts again on the 2025 map.
CREATE OR REPLACE VIEW quality_outliers_history AS
WITH history AS (
    SELECT *, median(ratio) OVER earlier AS reference, count(*) OVER earlier AS years,
           min(year) OVER earlier AS first_year, max(year) OVER earlier AS last_year
    FROM quality_ratios
    WINDOW earlier AS (PARTITION BY unit_key, metric ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT year, province_code, province_name, unit_key, unit_name, unit_level,
       'outlier_history' AS rule,
       quality_metric_text(metric, ratio) || ', ' || quality_times(ratio / reference)
           || ' trung vị các năm trước (' || quality_vn(reference) || quality_metric_unit(metric) || '; '
           || CASE WHEN years = 1 THEN first_year::VARCHAR
                   ELSE first_year || '–' || last_year || ', ' || years || ' năm' END || ')' AS message,
       ratio AS value,
       file_name, sha256, sheet, coalesce(ratio_cell, 'A' || row_number) AS cell
FROM history
WHERE years >= quality_rule('outlier_history', 'min_years')
  AND greatest(ratio / reference, reference / ratio) >= quality_rule('outlier_history', 'ratio');

-- A ratio far from its peers of the same year: units of the same level in the same province of today's
-- map (provinces: all provinces). On a log scale, flagged when it lies outlier_peers.robust_z scaled median
-- absolute deviations (1,4826 × MAD, the standard deviation's robust twin) from the group's median and
-- at least outlier_peers.min_ratio times above or below it, in groups of outlier_peers.min_units or more.
-- Agencies and unmatched names have no peers.
CREATE OR REPLACE VIEW quality_outliers_peers AS
WITH peers AS (
    SELECT *, CASE WHEN unit_level = 'province' THEN '' ELSE province_code END AS peer_area, ln(ratio) AS log_ratio
    FROM quality_ratios
    WHERE unit_level IN ('province', 'district', 'commune') AND ratio > 0
), groups AS (
    SELECT year, metric, unit_level, peer_area, median(log_ratio) AS center, mad(log_ratio) AS spread,
           count(*) AS units
    FROM peers GROUP BY ALL
)
SELECT p.year, p.province_code, p.province_name, p.unit_key, p.unit_name, p.unit_level,
       'outlier_peers' AS rule,
       quality_metric_text(p.metric, p.ratio) || ', ' || quality_times(exp(p.log_ratio - g.center))
           || ' trung vị của ' || g.units || ' '
           || CASE p.unit_level WHEN 'province' THEN 'tỉnh/thành phố cả nước'
                               WHEN 'district' THEN 'quận/huyện cùng tỉnh'
                               ELSE 'xã/phường cùng tỉnh' END
           || ' năm ' || p.year || ' (' || quality_vn(exp(g.center)) || quality_metric_unit(p.metric) || ')'
           AS message,
       p.ratio AS value,
       p.file_name, p.sha256, p.sheet, coalesce(p.ratio_cell, 'A' || p.row_number) AS cell
FROM peers p
JOIN groups g USING (year, metric, unit_level, peer_area)
WHERE g.units >= quality_rule('outlier_peers', 'min_units')
  AND abs(p.log_ratio - g.center) >= quality_rule('outlier_peers', 'robust_z') * 1.4826 * g.spread
  AND abs(p.log_ratio - g.center) >= ln(quality_rule('outlier_peers', 'min_ratio'));

-- A covering unit whose reports inside add up to more than its own report (value: what they add up to;
-- cell: the covering unit's own figure). The views count the inside reports and a remainder of 0.
CREATE OR REPLACE VIEW quality_itemised_exceeds AS
WITH own AS (
    SELECT r.year, r.unit_key, 'facts' AS family, f.indicator AS item, f.events, f.participants
    FROM current_reports r JOIN facts f USING (submission_id)
    UNION ALL
    SELECT r.year, r.unit_key, 'funding', 'funding', f.state_budget_vnd, f.social_vnd
    FROM current_reports r JOIN funding f USING (submission_id)
), inside AS (
    SELECT o.year, c.covering_unit_key AS unit_key, o.family, o.item,
           sum(o.events) AS events, sum(o.participants) AS participants
    FROM own o
    JOIN report_coverage c ON c.family = o.family AND c.year = o.year AND c.unit_key = o.unit_key
    GROUP BY ALL
), gaps AS (
    SELECT i.year, i.unit_key, i.family, i.item, m.measure, m.inside_value, m.own_value
    FROM inside i
    LEFT JOIN own o USING (year, unit_key, family, item)
    CROSS JOIN LATERAL (VALUES ('first', i.events, coalesce(o.events, 0)),
                               ('second', i.participants, coalesce(o.participants, 0)))
        AS m(measure, inside_value, own_value)
    WHERE m.inside_value > m.own_value
)
SELECT s.year, s.province_code, s.province_name, s.unit_key, s.unit_name, s.unit_level,
       'itemised_exceeds' AS rule,
       CASE WHEN g.family = 'funding' THEN
                (CASE g.measure WHEN 'first' THEN 'Ngân sách nhà nước' ELSE 'Xã hội hóa' END)
                || ': các đơn vị bên trong cộng được ' || quality_vn(g.inside_value) || ' đồng, báo cáo chung ghi '
                || quality_vn(g.own_value) || ' đồng'
            ELSE coalesce(l.label_vi, g.item) || ': các đơn vị bên trong cộng được ' || quality_vn(g.inside_value)
                || (CASE g.measure WHEN 'first' THEN ' hoạt động' ELSE ' người' END) || ', báo cáo chung ghi '
                || quality_vn(g.own_value) END AS message,
       g.inside_value::DOUBLE AS value,
       s.file_name, s.sha256, s.sheet,
       coalesce(s.cells->>(CASE WHEN g.family = 'funding'
                                THEN (CASE g.measure WHEN 'first' THEN 'funding:state_budget' ELSE 'funding:social' END)
                                ELSE (CASE g.measure WHEN 'first' THEN 'events:' ELSE 'participants:' END) || g.item END),
                'A' || s.row_number) AS cell
FROM gaps g
JOIN quality_report_sources s ON s.year = g.year AND s.unit_key = g.unit_key
LEFT JOIN indicator_labels l ON l.indicator = g.item;

-- Every finding: year, province (today's map), unit, rule, Vietnamese message, value, and the file, sheet
-- and cell to open (sha256 names the archived original in source_files).
CREATE OR REPLACE VIEW quality_findings AS
SELECT year, province_code, province_name, unit_key, unit_name, unit_level, rule, message, value,
       file_name, sha256, sheet, cell
FROM (
    FROM quality_funding_total
    UNION ALL BY NAME FROM quality_totals_rows
    UNION ALL BY NAME FROM quality_participants_without_events
    UNION ALL BY NAME FROM quality_events_without_participants
    UNION ALL BY NAME FROM quality_outliers_history
    UNION ALL BY NAME FROM quality_outliers_peers
    UNION ALL BY NAME FROM quality_itemised_exceeds
);
