-- Dialkit schema version 7 (PostgreSQL): call outcomes (issue 17). Flyway-compatible name;
-- ${dialkit_prefix} is the table prefix, as in V1. Adds a table only: every row of version 5 stays
-- as it is.

-- What a call achieved beyond its telephony status, one row per call, written only when the host or
-- the agent reports something: the disposition (a code of the campaign's set, a score of 0 to 100,
-- free-form fields as a JSON object, the callback's local time as ISO text) and what the agent
-- learned (transcript, summary, extracted fields as a JSON object). Apart from the calls table so
-- that the hot webhook update of a call never reads or writes it. Instants in microseconds.
CREATE TABLE ${dialkit_prefix}call_outcomes (
  call_id VARCHAR(128) NOT NULL PRIMARY KEY,
  tenant VARCHAR(128) NOT NULL,
  campaign_id VARCHAR(128) NOT NULL,
  lead_id VARCHAR(120) NOT NULL,
  disposition VARCHAR(40),
  score INTEGER,
  disposition_fields TEXT,
  callback_at VARCHAR(32),
  disposition_at BIGINT,
  transcript TEXT,
  summary TEXT,
  extracted TEXT,
  updated_at BIGINT NOT NULL
);

-- progress counts a campaign's calls per code: a range of this index
CREATE INDEX ${dialkit_prefix}call_outcomes_campaign ON ${dialkit_prefix}call_outcomes (campaign_id, disposition);

INSERT INTO ${dialkit_prefix}schema_version (version, description) VALUES (7, 'call outcomes');
