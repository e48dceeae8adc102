// Merchant accounts, their API keys (stored as hashes) and their webhook signing secrets.
import type { Row, SqlDriver, SqlExecutor } from './sql-driver.ts';

export type Plan = 'free' | 'pro' | 'enterprise';
export type KeyMode = 'test' | 'live';

export interface Account {
  id: string;
  name: string;
  plan: Plan;
  minimumAge: number;
  /** Days after a check finishes until its personal data and photos are deleted automatically. */
  retentionDays: number;
  /** Checks compare the name on the ID with the customer's (when the merchant gave one). */
  nameMatch: boolean;
  notifyEmail: string | null;
  createdAt: number;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  mode: KeyMode;
  prefix: string;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface SigningSecret {
  id: string;
  secret: string;
  createdAt: number;
  expiresAt: number | null;
}

export interface AccountLogEntry {
  id: string;
  kind: string;
  message: string;
  data: unknown;
  createdAt: number;
}

const toAccount = (r: Row): Account => ({
  id: r.id as string,
  name: r.name as string,
  plan: r.plan as Plan,
  minimumAge: r.minimum_age as number,
  retentionDays: r.retention_days as number,
  nameMatch: Boolean(r.name_match),
  notifyEmail: (r.notify_email as string | null) ?? null,
  createdAt: r.created_at as number,
});

const toKey = (r: Row): ApiKeyRecord => ({
  id: r.id as string,
  accountId: r.account_id as string,
  mode: r.mode as KeyMode,
  prefix: r.prefix as string,
  label: (r.label as string | null) ?? null,
  createdAt: r.created_at as number,
  revokedAt: (r.revoked_at as number | null) ?? null,
});

/**
 * `FROM … ORDER BY` for the secrets that sign the deliveries of the endpoint `endpointId` (an SQL expression):
 * its account's, of its mode, unexpired at the one parameter (now), in signing order.
 */
export const activeSecretsOf = (endpointId: string): string => `FROM signing_secrets s
  JOIN endpoints e ON e.account_id = s.account_id AND e.mode = s.mode
  WHERE e.id = ${endpointId} AND (s.expires_at IS NULL OR s.expires_at > ?)
  ORDER BY CASE WHEN s.expires_at IS NULL THEN 1 ELSE 0 END, s.created_at, s.id`;

export class AccountsRepo {
  /** `changed` runs after every write that can change which endpoints receive events (the plan). */
  constructor(
    private readonly db: SqlDriver,
    private readonly changed: () => void = () => undefined,
  ) {}

  async insert(tx: SqlExecutor, a: Account): Promise<void> {
    await tx.run('INSERT INTO accounts (id, name, plan, minimum_age, retention_days, name_match, notify_email, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      a.id, a.name, a.plan, a.minimumAge, a.retentionDays, a.nameMatch, a.notifyEmail, a.createdAt,
    ]);
  }

  async get(id: string): Promise<Account | undefined> {
    const row = await this.db.get('SELECT * FROM accounts WHERE id = ?', [id]);
    return row && toAccount(row);
  }

  async list(): Promise<Account[]> {
    return (await this.db.all('SELECT * FROM accounts ORDER BY created_at, id')).map(toAccount);
  }

  async update(id: string, patch: Partial<Pick<Account, 'plan' | 'name' | 'minimumAge' | 'retentionDays' | 'nameMatch' | 'notifyEmail'>>): Promise<void> {
    const current = await this.get(id);
    if (!current) return;
    const next = { ...current, ...patch };
    await this.db.run('UPDATE accounts SET name = ?, plan = ?, minimum_age = ?, retention_days = ?, name_match = ?, notify_email = ? WHERE id = ?', [
      next.name, next.plan, next.minimumAge, next.retentionDays, next.nameMatch, next.notifyEmail, id,
    ]);
    this.changed();
  }

  async insertKey(tx: SqlExecutor, key: ApiKeyRecord, keyHash: string): Promise<void> {
    await tx.run(
      'INSERT INTO api_keys (id, account_id, mode, key_hash, prefix, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [key.id, key.accountId, key.mode, keyHash, key.prefix, key.label, key.createdAt, key.revokedAt],
    );
  }

  async findActiveKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.get('SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL', [keyHash]);
    return row && toKey(row);
  }

  async listKeys(accountId: string): Promise<ApiKeyRecord[]> {
    return (await this.db.all('SELECT * FROM api_keys WHERE account_id = ? ORDER BY created_at, id', [accountId])).map(toKey);
  }

  async revokeKey(accountId: string, keyId: string, at: number): Promise<boolean> {
    return (await this.db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL', [at, keyId, accountId])) === 1;
  }

  async insertSecret(tx: SqlExecutor, accountId: string, mode: KeyMode, s: SigningSecret): Promise<void> {
    await tx.run('INSERT INTO signing_secrets (id, account_id, mode, secret, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      s.id, accountId, mode, s.secret, s.createdAt, s.expiresAt,
    ]);
  }

  /** One mode's secrets that still sign, oldest first. */
  async activeSecrets(accountId: string, mode: KeyMode, now: number): Promise<SigningSecret[]> {
    const rows = await this.db.all(
      `SELECT * FROM signing_secrets WHERE account_id = ? AND mode = ? AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY CASE WHEN expires_at IS NULL THEN 1 ELSE 0 END, created_at, id`,
      [accountId, mode, now],
    );
    return rows.map((r) => ({
      id: r.id as string,
      secret: r.secret as string,
      createdAt: r.created_at as number,
      expiresAt: (r.expires_at as number | null) ?? null,
    }));
  }

  /**
   * The secrets that sign an endpoint's deliveries (its account's, of its mode), oldest first: for the delivery
   * worker, on its own connections, read beside the endpoint itself instead of after it (one round trip less
   * between a claim and its attempts).
   */
  async activeSecretsOfEndpoint(endpointId: string, now: number): Promise<SigningSecret[]> {
    const rows = await this.db.workerReads.all(`SELECT s.id, s.secret, s.created_at, s.expires_at ${activeSecretsOf('?')}`, [endpointId, now]);
    return rows.map((r) => ({
      id: r.id as string,
      secret: r.secret as string,
      createdAt: r.created_at as number,
      expiresAt: (r.expires_at as number | null) ?? null,
    }));
  }

  /** Ends one mode's current secrets' lives at `overlapUntil` and adds `next`, in one transaction. */
  async rotateSecret(accountId: string, mode: KeyMode, next: SigningSecret, now: number, overlapUntil: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        'UPDATE signing_secrets SET expires_at = ? WHERE account_id = ? AND mode = ? AND (expires_at IS NULL OR expires_at > ?)',
        [overlapUntil, accountId, mode, overlapUntil],
      );
      await tx.run('DELETE FROM signing_secrets WHERE account_id = ? AND mode = ? AND expires_at IS NOT NULL AND expires_at <= ?', [
        accountId, mode, now,
      ]);
      await this.insertSecret(tx, accountId, mode, next);
    });
  }

  async log(exec: SqlExecutor, accountId: string, entry: AccountLogEntry): Promise<void> {
    await exec.run('INSERT INTO account_log (id, account_id, kind, message, data, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      entry.id, accountId, entry.kind, entry.message, entry.data === undefined ? null : JSON.stringify(entry.data), entry.createdAt,
    ]);
  }

  async listLog(accountId: string, limit: number): Promise<AccountLogEntry[]> {
    const rows = await this.db.all('SELECT * FROM account_log WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', [accountId, limit]);
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      message: r.message as string,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : null,
      createdAt: r.created_at as number,
    }));
  }
}
