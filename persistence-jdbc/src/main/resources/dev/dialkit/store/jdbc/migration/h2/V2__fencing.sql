-- Dialkit schema version 2 (H2 2.x): fenced dial permits. Flyway-compatible name; ${dialkit_prefix}
-- is the table prefix, as in V1.
-- campaigns.lease_epoch: the lease's fencing epoch, one more with every acquisition, kept when the
-- lease is released (0: never leased). calls.sent_at: when the dial permit was granted (BIGINT
-- microseconds since the epoch, like every instant), NULL while the call was never permitted.

ALTER TABLE ${dialkit_prefix}campaigns ADD COLUMN lease_epoch BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE ${dialkit_prefix}calls ADD COLUMN sent_at BIGINT;

-- a lease taken before this migration gets epoch 1, so that every held lease has an epoch >= 1
UPDATE ${dialkit_prefix}campaigns SET lease_epoch = 1 WHERE lease_owner IS NOT NULL;

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (2, 'fenced dial permits');
