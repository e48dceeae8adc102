-- Dashboard users (each belongs to one merchant account) and their sign-in sessions.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_login_at BIGINT
);
CREATE INDEX users_account ON users(account_id);

-- Only a SHA-256 of each session id is stored: a copy of this table signs nobody in.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- At most one row: the first-run setup page claims it, so two racing setups cannot both create an owner.
CREATE TABLE first_run (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  done_at BIGINT NOT NULL
);
