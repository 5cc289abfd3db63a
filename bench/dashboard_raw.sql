-- The organisation-wide dashboard written by hand as plain GROUP BY queries over the raw events
-- table that the sqlite3 shell's `.import` made from events.csv: the baseline that
-- `creditlens report dashboard --as-of @as_of --format json` is compared with (bench/run_bench.sh).
--
-- Expects: table `events` (every column as imported: `ts` an ISO-8601 UTC string such as
-- 2026-03-01T12:00:00.250Z, `credits` a decimal string), table `workspaces` from
-- accounts_to_sql.py (kind, cycle_start), and the parameter @as_of ('YYYY-MM-DD'), set with
--   sqlite3 raw.db ".parameter set @as_of \"'2026-11-21'\"" ".read bench/dashboard_raw.sql"
-- (the inner single quotes matter: without them the shell binds the number 2026-11-21 = 1994).
-- Days and months are UTC (the dashboard's organisation scope); ranges end with the day @as_of.
-- Credits are summed as REAL (CAST), as a user of the shell would; creditlens sums exact
-- micro-credits, so the last digits may differ.

-- KPIs: usage of the current billing cycle per workspace (cycle_start precomputed per workspace
-- in its time zone), and the organisation's total.
SELECT w.id, w.cycle_start, SUM(CAST(e.credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events e JOIN workspaces w ON w.id = e.workspace_id
 WHERE e.ts >= w.cycle_start AND e.ts < date(@as_of, '+1 day')
 GROUP BY w.id ORDER BY w.id;

-- Daily usage for the last 30 days.
SELECT substr(ts, 1, 10) AS day, SUM(CAST(credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events
 WHERE ts >= date(@as_of, '-29 days') AND ts < date(@as_of, '+1 day')
 GROUP BY day ORDER BY day;

-- Monthly usage for the last 12 months (the allowance line comes from accounts, not events).
SELECT substr(ts, 1, 7) AS month, SUM(CAST(credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events
 WHERE ts >= date(@as_of, 'start of month', '-11 months') AND ts < date(@as_of, '+1 day')
 GROUP BY month ORDER BY month;

-- Usage by category, current calendar month.
SELECT category, SUM(CAST(credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events
 WHERE ts >= date(@as_of, 'start of month') AND ts < date(@as_of, '+1 day')
 GROUP BY category ORDER BY credits DESC;

-- Usage by category and feature, current calendar month.
SELECT category, feature, SUM(CAST(credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events
 WHERE ts >= date(@as_of, 'start of month') AND ts < date(@as_of, '+1 day')
 GROUP BY category, feature ORDER BY category, credits DESC;

-- Usage by workspace, current calendar month.
SELECT workspace_id, SUM(CAST(credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events
 WHERE ts >= date(@as_of, 'start of month') AND ts < date(@as_of, '+1 day')
 GROUP BY workspace_id ORDER BY credits DESC;

-- Team vs personal, current calendar month.
SELECT w.kind, SUM(CAST(e.credits AS REAL)) AS credits, COUNT(*) AS events
  FROM events e JOIN workspaces w ON w.id = e.workspace_id
 WHERE e.ts >= date(@as_of, 'start of month') AND e.ts < date(@as_of, '+1 day')
 GROUP BY w.kind ORDER BY credits DESC;
