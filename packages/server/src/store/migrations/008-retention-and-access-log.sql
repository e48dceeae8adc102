-- What privacy regulators ask for: personal data kept only as long as the account says, and a record of who
-- looked at it. The access log holds ids and actions only, never personal data, and is never updated.
ALTER TABLE accounts ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;

CREATE TABLE access_log (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  check_id TEXT NOT NULL,
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX access_log_check ON access_log(account_id, check_id, created_at);
CREATE INDEX access_log_account ON access_log(account_id, created_at, id);

-- Finished checks whose personal data is still held, oldest first: what the retention sweep reads.
CREATE INDEX checks_retention ON checks(finished_at) WHERE deleted_at IS NULL AND finished_at IS NOT NULL;
