// The customer's privacy requests on a check. Their messages are sealed with the check's data key, so they
// go when the check's personal data goes.
import type { PrivacyRequestKind } from '../events/event-types.ts';
import type { CheckCipher } from '../keys/check-cipher.ts';
import type { ChecksRepo } from './checks-repo.ts';
import type { Row, SqlExecutor } from './sql-driver.ts';

export interface PrivacyRequestRecord {
  id: string;
  accountId: string;
  checkId: string;
  kind: PrivacyRequestKind;
  message: string | null;
  createdAt: number;
}

export class PrivacyRequestsRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly checks: ChecksRepo,
    private readonly cipher: CheckCipher,
  ) {}

  async insert(tx: SqlExecutor, request: PrivacyRequestRecord): Promise<void> {
    const key = request.message === null ? undefined : await this.checks.dataKey(tx, request.accountId, request.checkId);
    const sealed = key && this.cipher.seal(key, request.checkId, `privacy:${request.id}`, request.message);
    await tx.run('INSERT INTO privacy_requests (id, account_id, check_id, kind, message, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      request.id, request.accountId, request.checkId, request.kind, sealed ?? null, request.createdAt,
    ]);
  }

  async list(accountId: string, checkId: string): Promise<PrivacyRequestRecord[]> {
    const rows = await this.db.all('SELECT * FROM privacy_requests WHERE check_id = ? AND account_id = ? ORDER BY created_at, id', [checkId, accountId]);
    const key = rows.some((r) => r.message !== null) ? await this.checks.dataKey(this.db, accountId, checkId) : undefined;
    return rows.map((r: Row) => ({
      id: r.id as string,
      accountId: r.account_id as string,
      checkId: r.check_id as string,
      kind: r.kind as PrivacyRequestKind,
      message: key && typeof r.message === 'string' ? this.cipher.open<string>(key, checkId, `privacy:${r.id as string}`, r.message) : null,
      createdAt: r.created_at as number,
    }));
  }

  /** With the check's data key gone the messages are unreadable already; this removes the ciphertext too. */
  async eraseMessages(tx: SqlExecutor, accountId: string, checkId: string): Promise<void> {
    await tx.run('UPDATE privacy_requests SET message = NULL WHERE check_id = ? AND account_id = ?', [checkId, accountId]);
  }
}
