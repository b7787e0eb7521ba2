-- Dialkit schema version 4 (mariadb): two more campaign counters (Counter.FAILOVERS, Counter.RETRIES).
-- Flyway-compatible name; ${dialkit_prefix} is the table prefix, as in V1. Adds columns with a
-- default only: every row of version 3 stays as it is and reads 0 for both.
ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN failovers BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN retries BIGINT DEFAULT 0 NOT NULL;

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (4, 'failover and retry counters');
