-- Dialkit schema version 5 (H2 2.x): store throughput (issue 16). Flyway-compatible name;
-- ${dialkit_prefix} is the table prefix, as in V1. Keeps every row of version 4.
-- H2 commits each statement on its own; every statement here may run twice, so a script that
-- stopped half way is simply run again.

-- Counter shards. A call's transitions (webhooks) add their counter changes to one of 16 rows of the
-- call's campaign, picked by the call id, instead of the campaign row: webhooks of different calls
-- then rarely wait for each other, and never for a claim. A campaign's counter is the value in its
-- campaign row (moved by lead inserts, claims and cancels, which hold that row's lock anyway) plus
-- the sum of its shards. Every campaign has its 16 rows from its creation on.
CREATE TABLE IF NOT EXISTS ${dialkit_prefix}counter_shards (
  campaign_id VARCHAR(128) NOT NULL,
  shard INTEGER NOT NULL,
  leads_total BIGINT DEFAULT 0 NOT NULL,
  leads_queued BIGINT DEFAULT 0 NOT NULL,
  leads_in_progress BIGINT DEFAULT 0 NOT NULL,
  leads_done BIGINT DEFAULT 0 NOT NULL,
  leads_failed BIGINT DEFAULT 0 NOT NULL,
  leads_skipped BIGINT DEFAULT 0 NOT NULL,
  calls_placed BIGINT DEFAULT 0 NOT NULL,
  calls_answered BIGINT DEFAULT 0 NOT NULL,
  calls_completed BIGINT DEFAULT 0 NOT NULL,
  calls_voicemail BIGINT DEFAULT 0 NOT NULL,
  calls_busy BIGINT DEFAULT 0 NOT NULL,
  calls_no_answer BIGINT DEFAULT 0 NOT NULL,
  calls_failed BIGINT DEFAULT 0 NOT NULL,
  calls_canceled BIGINT DEFAULT 0 NOT NULL,
  talk_millis BIGINT DEFAULT 0 NOT NULL,
  timed_calls BIGINT DEFAULT 0 NOT NULL,
  failovers BIGINT DEFAULT 0 NOT NULL,
  retries BIGINT DEFAULT 0 NOT NULL,
  PRIMARY KEY (campaign_id, shard)
);

INSERT INTO ${dialkit_prefix}counter_shards (campaign_id, shard)
SELECT c.id, n.shard FROM ${dialkit_prefix}campaigns c CROSS JOIN (SELECT 0 AS shard UNION ALL SELECT 1 AS shard UNION ALL SELECT 2 AS shard UNION ALL SELECT 3 AS shard UNION ALL SELECT 4 AS shard UNION ALL SELECT 5 AS shard UNION ALL SELECT 6 AS shard UNION ALL SELECT 7 AS shard UNION ALL SELECT 8 AS shard UNION ALL SELECT 9 AS shard UNION ALL SELECT 10 AS shard UNION ALL SELECT 11 AS shard UNION ALL SELECT 12 AS shard UNION ALL SELECT 13 AS shard UNION ALL SELECT 14 AS shard UNION ALL SELECT 15 AS shard) n
WHERE NOT EXISTS (SELECT 1 FROM ${dialkit_prefix}counter_shards x WHERE x.campaign_id = c.id AND x.shard = n.shard);

-- Slots are counted from their rows: a claim counts them under the claim lock (the '*' row of
-- slot_counters, which only claims take), and a call's end only deletes its slot row, touching no
-- row that other calls share. The tenant rows of slot_counters and campaigns.slots_held are no
-- longer written or read (the column is kept so that the script adds and deletes nothing else).
CREATE INDEX IF NOT EXISTS ${dialkit_prefix}slots_tenant ON ${dialkit_prefix}slots (tenant);
CREATE INDEX IF NOT EXISTS ${dialkit_prefix}slots_campaign ON ${dialkit_prefix}slots (campaign_id);
DELETE FROM ${dialkit_prefix}slot_counters WHERE scope_key <> '*';

-- Claims serialize on the claim lock, so two claims of one number can no longer run at once and
-- the per-number lock rows of version 3 are not needed.
DROP TABLE IF EXISTS ${dialkit_prefix}number_locks;

-- "Is any lead due?" and the pick's due-time filter: one range of this index, instead of a scan of
-- the campaign's leads (planned as a sequential scan on large campaigns before).
CREATE INDEX IF NOT EXISTS ${dialkit_prefix}leads_due ON ${dialkit_prefix}leads (campaign_id, state, next_attempt_at);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (5, 'counter shards, slot counts from rows, due index');
