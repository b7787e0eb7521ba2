-- Dialkit schema version 1 (MariaDB 10.6+ / MySQL 8). Flyway-compatible name; ${dialkit_prefix} is the table prefix
-- (default "dialkit_"): with Flyway, set the placeholder dialkit_prefix=dialkit_.
-- Instants are BIGINT microseconds since the epoch (UTC); durations BIGINT nanoseconds.

CREATE TABLE IF NOT EXISTS ${dialkit_prefix}schema_version (
  version INTEGER NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL,
  installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${dialkit_prefix}campaigns (
  id VARCHAR(128) NOT NULL PRIMARY KEY,
  created_seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
  tenant VARCHAR(128) NOT NULL,
  spec MEDIUMTEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  ended_at BIGINT,
  updated_at BIGINT NOT NULL,
  lease_owner VARCHAR(200),
  lease_expiry BIGINT,
  last_lead_seq BIGINT DEFAULT 0 NOT NULL,
  slots_held INTEGER DEFAULT 0 NOT NULL,
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
  spec_version INTEGER DEFAULT 1 NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ${dialkit_prefix}campaigns_tenant ON ${dialkit_prefix}campaigns (tenant, created_at, created_seq);

CREATE INDEX ${dialkit_prefix}campaigns_status ON ${dialkit_prefix}campaigns (status, created_at, created_seq);

CREATE TABLE ${dialkit_prefix}leads (
  id VARCHAR(120) NOT NULL PRIMARY KEY,
  tenant VARCHAR(128) NOT NULL,
  campaign_id VARCHAR(128) NOT NULL,
  seq BIGINT NOT NULL,
  phone VARCHAR(16) NOT NULL,
  name VARCHAR(1000),
  email VARCHAR(1000),
  company VARCHAR(1000),
  variables MEDIUMTEXT NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  priority INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  calls_made INTEGER NOT NULL,
  state VARCHAR(16) NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_outcome VARCHAR(16),
  created_at BIGINT NOT NULL,
  CONSTRAINT ${dialkit_prefix}leads_phone UNIQUE (campaign_id, phone),
  CONSTRAINT ${dialkit_prefix}leads_seq UNIQUE (campaign_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ${dialkit_prefix}leads_claim ON ${dialkit_prefix}leads (campaign_id, state, priority DESC, seq);

CREATE TABLE ${dialkit_prefix}calls (
  id VARCHAR(128) NOT NULL PRIMARY KEY,
  claim_seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
  tenant VARCHAR(128) NOT NULL,
  campaign_id VARCHAR(128) NOT NULL,
  lead_id VARCHAR(120) NOT NULL,
  attempt INTEGER NOT NULL,
  provider VARCHAR(100) NOT NULL,
  provider_call_id VARCHAR(255),
  provider_request_id VARCHAR(255),
  from_number VARCHAR(16) NOT NULL,
  to_number VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  created_at BIGINT NOT NULL,
  ringing_at BIGINT,
  answered_at BIGINT,
  ended_at BIGINT,
  duration_nanos BIGINT,
  billed_duration_nanos BIGINT,
  failure_reason VARCHAR(40),
  hangup_cause VARCHAR(1000),
  sip_code VARCHAR(40),
  answered_by VARCHAR(16),
  recording_url VARCHAR(2000),
  raw_status VARCHAR(255),
  last_sequence BIGINT,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ${dialkit_prefix}calls_campaign ON ${dialkit_prefix}calls (campaign_id, status);

CREATE INDEX ${dialkit_prefix}calls_provider_call ON ${dialkit_prefix}calls (provider, provider_call_id);

CREATE INDEX ${dialkit_prefix}calls_provider_request ON ${dialkit_prefix}calls (provider, provider_request_id);

CREATE TABLE ${dialkit_prefix}call_dedupe (
  call_id VARCHAR(128) NOT NULL,
  dedupe_key VARCHAR(255) NOT NULL,
  PRIMARY KEY (call_id, dedupe_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${dialkit_prefix}slots (
  call_id VARCHAR(128) NOT NULL PRIMARY KEY,
  tenant VARCHAR(128) NOT NULL,
  campaign_id VARCHAR(128) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${dialkit_prefix}slot_counters (
  scope_key VARCHAR(130) NOT NULL PRIMARY KEY,
  held INTEGER DEFAULT 0 NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${dialkit_prefix}call_log (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant VARCHAR(128) NOT NULL,
  campaign_id VARCHAR(128) NOT NULL,
  call_id VARCHAR(128),
  occurred_at BIGINT NOT NULL,
  event VARCHAR(40) NOT NULL,
  status VARCHAR(16),
  detail MEDIUMTEXT NOT NULL,
  provider VARCHAR(100),
  raw_payload MEDIUMTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ${dialkit_prefix}call_log_campaign ON ${dialkit_prefix}call_log (campaign_id, seq);

CREATE INDEX ${dialkit_prefix}call_log_call ON ${dialkit_prefix}call_log (call_id, seq);

CREATE TABLE ${dialkit_prefix}instances (
  id VARCHAR(200) NOT NULL PRIMARY KEY,
  last_seen BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- the store-wide slot counter; tenants' rows are added when their first campaign is created
INSERT INTO ${dialkit_prefix}slot_counters (scope_key, held) VALUES ('*', 0);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (1, 'dialkit tables');
