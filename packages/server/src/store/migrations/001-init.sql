CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  plan TEXT NOT NULL,
  minimum_age INTEGER NOT NULL DEFAULT 18,
  notify_email TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  mode TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  label TEXT,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX api_keys_account ON api_keys(account_id);

CREATE TABLE checks (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  testing BOOLEAN NOT NULL,
  step TEXT NOT NULL,
  verdict TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  link_expires_at BIGINT NOT NULL,
  customer TEXT,
  order_data TEXT,
  rules TEXT NOT NULL,
  sub_checks TEXT NOT NULL,
  document TEXT,
  analyzer TEXT NOT NULL,
  retakes INTEGER NOT NULL DEFAULT 0,
  decision TEXT,
  search_text TEXT,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  opened_at BIGINT,
  finished_at BIGINT,
  deleted_at BIGINT
);
CREATE INDEX checks_account_created ON checks(account_id, created_at, id);

CREATE TABLE photos (
  id TEXT PRIMARY KEY,
  check_id TEXT NOT NULL REFERENCES checks(id),
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  blob_key TEXT,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  status TEXT NOT NULL,
  reasons TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX photos_check ON photos(check_id, created_at);

CREATE TABLE events (
  seq {{serial_primary_key}},
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  check_id TEXT NOT NULL,
  type TEXT NOT NULL,
  testing BOOLEAN NOT NULL,
  payload TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX events_check ON events(check_id, seq);
CREATE INDEX events_account ON events(account_id, seq);

CREATE TABLE privacy_requests (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  check_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX privacy_requests_check ON privacy_requests(check_id, created_at);

CREATE TABLE signing_secrets (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT
);
CREATE INDEX signing_secrets_account ON signing_secrets(account_id, created_at);

CREATE TABLE endpoints (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  mode TEXT NOT NULL,
  url TEXT NOT NULL,
  event_types TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  enabled BOOLEAN NOT NULL,
  disabled_reason TEXT,
  failing_since BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX endpoints_account ON endpoints(account_id);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL REFERENCES endpoints(id) ON DELETE CASCADE,
  event_id TEXT NOT NULL,
  event_seq BIGINT NOT NULL,
  check_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  locked_until BIGINT,
  locked_by TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX deliveries_due ON deliveries(next_attempt_at) WHERE status = 'pending';
-- Per endpoint and check, one delivery at a time is 'pending' (the head); later ones are 'waiting' behind it.
CREATE INDEX deliveries_line ON deliveries(endpoint_id, check_id, event_seq) WHERE status IN ('pending', 'waiting');
CREATE INDEX deliveries_account ON deliveries(account_id, created_at);
CREATE INDEX deliveries_endpoint ON deliveries(endpoint_id, created_at);
CREATE INDEX deliveries_event ON deliveries(event_id);

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  account_id TEXT NOT NULL,
  endpoint_id TEXT NOT NULL,
  attempt_no INTEGER NOT NULL,
  started_at BIGINT NOT NULL,
  latency_ms INTEGER NOT NULL,
  status_code INTEGER,
  error_code TEXT,
  error_message TEXT,
  response_excerpt TEXT,
  worker TEXT
);
CREATE INDEX attempts_delivery ON attempts(delivery_id, attempt_no);
CREATE INDEX attempts_account ON attempts(account_id, started_at);

CREATE TABLE account_log (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  data TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX account_log_account ON account_log(account_id, created_at);
