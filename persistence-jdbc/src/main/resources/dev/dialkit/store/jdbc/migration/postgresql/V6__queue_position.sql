-- Queue positions count the queued leads a claim would take before a given one: two ranges of this
-- index in the claim's order (higher priorities; the same priority, lower sequences), read from the
-- index alone (due time and zone are included), so the cost grows with the leads ahead and never
-- with the rest of the campaign. On a very large leads table create it first with CREATE INDEX
-- CONCURRENTLY under the same name, outside a transaction; this script then skips it.
CREATE INDEX IF NOT EXISTS ${dialkit_prefix}leads_ahead ON ${dialkit_prefix}leads (campaign_id, state, priority DESC, seq) INCLUDE (next_attempt_at, time_zone);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (6, 'queue position index');
