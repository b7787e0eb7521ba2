-- Dialkit schema version 6 (PostgreSQL): the lead indexes of the claim path (issue 16). Flyway-compatible
-- name; ${dialkit_prefix} is the table prefix, as in V1. Adds and replaces indexes only: every row
-- of version 5 is kept.

-- The pick walks the campaign's queued leads in claim order (priority, then sequence) and keeps the
-- due ones (of the open zones, when some windows are closed). With the due time and the zone as
-- the index's last key columns, a lead that waits (a retry, a lead at its attempt cap) is passed
-- over on its index entry, without reading its row: on a campaign of 1,170,000 leads with 60,000
-- waiting ahead of the first due one, 30 to 77 ms became 3.6 to 5 ms per claim on PostgreSQL
-- (persistence-jdbc README, "Query plans"). Queue positions count the leads ahead from the same
-- entries. It replaces leads_claim, which it extends.
CREATE INDEX ${dialkit_prefix}leads_pick ON ${dialkit_prefix}leads (campaign_id, state, priority DESC, seq, next_attempt_at, time_zone);
DROP INDEX ${dialkit_prefix}leads_claim;

-- "Is any lead of these time zones due?" (a claim while some calling windows are closed): one range
-- of this index per zone, where it was a scan of the whole table (164 to 174 ms on PostgreSQL and
-- 1.6 s on MariaDB at 1,170,000 leads; 0.012 ms and 6.4 to 7.7 ms with it).
CREATE INDEX ${dialkit_prefix}leads_zone_due ON ${dialkit_prefix}leads (campaign_id, state, time_zone, next_attempt_at);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (6, 'lead pick and zone indexes');
