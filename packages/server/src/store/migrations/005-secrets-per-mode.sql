-- Test and live deliveries are signed with secrets of their own, so a leaked test key or test secret can
-- never forge a live event. An existing account's one secret becomes both modes' until either is rotated.
ALTER TABLE signing_secrets ADD COLUMN mode TEXT NOT NULL DEFAULT 'test';
INSERT INTO signing_secrets (id, account_id, secret, created_at, expires_at, mode)
  SELECT id || '_live', account_id, secret, created_at, expires_at, 'live' FROM signing_secrets;
DROP INDEX signing_secrets_account;
CREATE INDEX signing_secrets_account ON signing_secrets(account_id, mode, created_at);
