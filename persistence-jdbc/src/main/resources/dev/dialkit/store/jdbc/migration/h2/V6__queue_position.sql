-- Queue positions count the queued leads a claim would take before a given one: two ranges of this
-- index in the claim's order (higher priorities; the same priority, lower sequences), covered by
-- it, so the cost grows with the leads ahead and never with the rest of the campaign.
CREATE INDEX IF NOT EXISTS ${dialkit_prefix}leads_ahead ON ${dialkit_prefix}leads (campaign_id, state, priority, seq, next_attempt_at, time_zone);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (6, 'queue position index');
