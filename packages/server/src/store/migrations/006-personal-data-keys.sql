-- Personal data sealed per check: each check's data key, wrapped by the master key, lives in check_keys;
-- deleting that row shreds the check's personal data, photos and privacy messages wherever copies remain.
-- Search goes through blind tokens (keyed HMACs of normalised words) instead of plaintext.
CREATE TABLE service_keys (
  name TEXT PRIMARY KEY,
  wrapped TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE check_keys (
  check_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  wrapped TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE check_search (
  account_id TEXT NOT NULL,
  token TEXT NOT NULL,
  check_id TEXT NOT NULL,
  PRIMARY KEY (account_id, token, check_id)
);
CREATE INDEX check_search_check ON check_search(check_id);

ALTER TABLE checks ADD COLUMN sealed TEXT;
