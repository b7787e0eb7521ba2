-- Dialkit schema version 3 (MariaDB 10.6+ / MySQL 8): the do-not-call list and attempt caps. Flyway-compatible
-- name; ${dialkit_prefix} is the table prefix, as in V1. Adds tables and a nullable column only:
-- every row of version 2 stays as it is.
-- InnoDB adds the nullable column instantly and builds the index online (writes go on meanwhile).
-- Each statement commits on its own, and MySQL 8 has no IF NOT EXISTS for columns and indexes: if
-- the script stops half way, drop what it created (see the README) before running it again.

-- each tenant's do-not-call list, across its campaigns; re-adding a number replaces its entry.
-- phone is E.164 text; source a SuppressionSource name; instants in microseconds, as everywhere.
CREATE TABLE ${dialkit_prefix}suppressions (
  tenant VARCHAR(128) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  source VARCHAR(24) NOT NULL,
  reason VARCHAR(500),
  call_id VARCHAR(128),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant, phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- why the last claim passed the lead over (a LeadHold name), NULL once it is claimed
ALTER TABLE ${dialkit_prefix}leads ADD COLUMN hold VARCHAR(24);

-- the attempt caps count one tenant's calls to one number since an instant: a range of this index
CREATE INDEX ${dialkit_prefix}calls_number ON ${dialkit_prefix}calls (tenant, to_number, created_at);

-- one row per (tenant, number) ever claimed under a cap, locked FOR UPDATE by the claim before it
-- counts that number's calls: claims of one number serialize on every instance, claims of other
-- numbers do not wait for each other. The rows hold nothing else.
CREATE TABLE ${dialkit_prefix}number_locks (
  tenant VARCHAR(128) NOT NULL,
  phone VARCHAR(16) NOT NULL,
  PRIMARY KEY (tenant, phone)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (3, 'do-not-call list and attempt caps');
