// Idempotency keys of `POST /checks`: per account and mode, the key's hash, the request's hash and the answer
// given, sealed with the created check's data key, for 24 hours.
import type { CheckCipher } from '../keys/check-cipher.ts';
import type { SqlDriver, SqlExecutor } from './sql-driver.ts';

export interface IdempotencyScope {
  accountId: string;
  mode: 'test' | 'live';
  keyHash: string;
}

export interface StoredAnswer {
  requestHash: string;
  checkId: string;
  /** The answer as first given; undefined once the check's personal data was deleted (its key with it). */
  answer: unknown;
}

const SEALED_AS = 'idempotent-answer';
const PRUNE_EVERY_MS = 60_000;

export class IdempotencyRepo {
  private prunedAt = 0;

  constructor(
    private readonly db: SqlDriver,
    private readonly cipher: CheckCipher,
  ) {}

  async find(scope: IdempotencyScope, now: number): Promise<StoredAnswer | undefined> {
    const row = await this.db.get<{ request_hash: string; check_id: string; answer: string; wrapped: string | null }>(
      `SELECT i.request_hash, i.check_id, i.answer, k.wrapped FROM idempotency_keys i LEFT JOIN check_keys k ON k.check_id = i.check_id
       WHERE i.account_id = ? AND i.mode = ? AND i.key_hash = ? AND i.expires_at > ?`,
      [scope.accountId, scope.mode, scope.keyHash, now],
    );
    if (!row) return undefined;
    const answer = row.wrapped === null ? undefined : this.cipher.open(this.cipher.unwrap(row.check_id, row.wrapped), row.check_id, SEALED_AS, row.answer);
    return { requestHash: row.request_hash, checkId: row.check_id, answer };
  }

  /**
   * Takes the key for this request inside the transaction that creates the check; false when another request
   * holds it (PostgreSQL waits for that request's transaction first), so the caller rolls back and replays.
   * A key past its 24 hours is taken over.
   */
  async claim(
    tx: SqlExecutor,
    scope: IdempotencyScope,
    c: { requestHash: string; checkId: string; dataKey: Buffer; answer: unknown; now: number; expiresAt: number },
  ): Promise<boolean> {
    const sealed = this.cipher.seal(c.dataKey, c.checkId, SEALED_AS, c.answer);
    const changed = await tx.run(
      `INSERT INTO idempotency_keys (account_id, mode, key_hash, request_hash, check_id, answer, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, mode, key_hash) DO UPDATE SET request_hash = excluded.request_hash, check_id = excluded.check_id,
         answer = excluded.answer, created_at = excluded.created_at, expires_at = excluded.expires_at
       WHERE idempotency_keys.expires_at <= ?`,
      [scope.accountId, scope.mode, scope.keyHash, c.requestHash, c.checkId, sealed, c.now, c.expiresAt, c.now],
    );
    return changed > 0;
  }

  /** Forgets expired keys, at most once a minute per process. */
  async prune(now: number): Promise<void> {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    await this.db.transaction((tx) => tx.run('DELETE FROM idempotency_keys WHERE expires_at <= ?', [now]), { durability: 'relaxed' });
  }
}
