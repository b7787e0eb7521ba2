-- Dialkit schema version 8 (postgresql): campaign schedules (issue 17). Flyway-compatible name;
-- ${dialkit_prefix} is the table prefix, as in V1. Adds columns with a default or nullable only:
-- every row of version 5 stays as it is, reads 0 expired leads and has no schedule.

-- Counter.LEADS_EXPIRED, in the campaign row and in its counter shards, like every counter.
ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN leads_expired BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ${dialkit_prefix}counter_shards ADD COLUMN leads_expired BIGINT DEFAULT 0 NOT NULL;

-- The schedule's bounds (epoch microseconds, as every instant here), copied out of the spec JSON
-- so that a claim checks them in the same read as the status and lease: a claim at or after
-- schedule_end is refused, which fences a dialer that stalled past the end.
ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN schedule_start BIGINT;
ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN schedule_end BIGINT;

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (8, 'campaign schedule and expired leads');
