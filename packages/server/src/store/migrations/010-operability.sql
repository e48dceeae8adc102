-- Operability: request limits and idempotency keys live in the database, so they hold across processes; and two
-- partial indexes for the counts the metrics endpoint reads when it is scraped.

-- One row per limited thing (an API key, a sign-in email, a client address), named by a hash, never in plain:
-- hits in the window that began with the first of them and ends at expires_at.
CREATE TABLE rate_limits (
  bucket TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX rate_limits_expires ON rate_limits(expires_at);

-- `POST /checks` with an Idempotency-Key: per account and mode, the key's hash, the request body's hash, the check
-- it created and the answer, sealed with that check's data key (deleting the check shreds the answer too).
CREATE TABLE idempotency_keys (
  account_id TEXT NOT NULL,
  mode TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  check_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, mode, key_hash)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys(expires_at);

-- realid_webhook_queue_oldest_age_seconds{state="waiting"} and the count of waiting messages; few rows wait.
CREATE INDEX deliveries_waiting ON deliveries(created_at) WHERE status = 'waiting';
-- realid_checks_in_progress: finished checks, the bulk of the table, are not in it.
CREATE INDEX checks_in_progress ON checks(step) WHERE finished_at IS NULL;
