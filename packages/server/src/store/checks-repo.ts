// Checks and their photos. Every read and write is scoped by account: a check of another account does not exist.
// A check's personal data (customer, order, what was read, scores, content, the decision's reason) is sealed
// with the check's own data key; deleting the check deletes that key and its search tokens.
import type { AnalysisState, CheckContent, CheckRecord, Customer, DocumentData, Order, PhotoRecord, Scores, Step, Verdict } from '../checks/check-types.ts';
import type { CheckCipher } from '../keys/check-cipher.ts';
import type { Row, SqlExecutor, SqlParam } from './sql-driver.ts';
import { fromJson, toJson } from './json-column.ts';

export interface CheckFilters {
  step?: Step;
  verdict?: Verdict;
  testing?: boolean;
  createdAfter?: number;
  createdBefore?: number;
  search?: string;
  limit: number;
  cursor?: { createdAt: number; id: string };
}

/** What is sealed: everything that says who the customer is or what their ID says. */
interface Personal {
  customer: Customer | null;
  order: Order | null;
  document: DocumentData | null;
  scores: Scores;
  content: CheckContent | null;
  decision_reason: string | null;
  analysis?: AnalysisState;
}

const CHECK_COLUMNS =
  'c.id, c.account_id, c.testing, c.step, c.verdict, c.link_expires_at, c.rules, c.sub_checks, c.sealed, c.turn, c.analyzer, c.retakes, c.decision, c.version, c.created_at, c.updated_at, c.opened_at, c.finished_at, c.deleted_at, k.wrapped';
const FROM_CHECKS = 'checks c LEFT JOIN check_keys k ON k.check_id = c.id';

const NOTHING_PERSONAL: Personal = { customer: null, order: null, document: null, scores: {}, content: null, decision_reason: null };

function toPhoto(row: Row): PhotoRecord {
  return {
    id: row.id as string,
    checkId: row.check_id as string,
    accountId: row.account_id as string,
    kind: row.kind as PhotoRecord['kind'],
    blobKey: (row.blob_key as string | null) ?? null,
    contentType: row.content_type as string,
    sizeBytes: row.size_bytes as number,
    status: row.status as PhotoRecord['status'],
    reasons: fromJson(row.reasons, []),
    createdAt: row.created_at as number,
  };
}

export class ChecksRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly cipher: CheckCipher,
  ) {}

  private personalOf(row: Row): Personal {
    if (typeof row.sealed !== 'string' || typeof row.wrapped !== 'string') return NOTHING_PERSONAL;
    const id = row.id as string;
    return this.cipher.open<Personal>(this.cipher.unwrap(id, row.wrapped), id, 'personal', row.sealed);
  }

  private toCheck(row: Row): CheckRecord {
    const personal = this.personalOf(row);
    const decision = fromJson<Omit<NonNullable<CheckRecord['decision']>, 'reason'> | null>(row.decision, null);
    return {
      id: row.id as string,
      accountId: row.account_id as string,
      testing: Boolean(row.testing),
      step: row.step as Step,
      verdict: row.verdict as Verdict,
      linkExpiresAt: row.link_expires_at as number,
      customer: personal.customer,
      order: personal.order,
      rules: fromJson(row.rules, {} as CheckRecord['rules']),
      subChecks: fromJson(row.sub_checks, []),
      document: personal.document,
      scores: personal.scores,
      content: personal.content,
      analysisState: personal.analysis ?? {},
      turn: (row.turn as CheckRecord['turn']) ?? null,
      analyzer: row.analyzer as string,
      retakes: row.retakes as number,
      decision: decision && { ...decision, ...(personal.decision_reason ? { reason: personal.decision_reason } : {}) },
      version: row.version as number,
      createdAt: row.created_at as number,
      updatedAt: row.updated_at as number,
      openedAt: (row.opened_at as number | null) ?? null,
      finishedAt: (row.finished_at as number | null) ?? null,
      deletedAt: (row.deleted_at as number | null) ?? null,
    };
  }

  private sealPersonal(key: Buffer, check: CheckRecord): string {
    const personal: Personal = {
      customer: check.customer,
      order: check.order,
      document: check.document,
      scores: check.scores,
      content: check.content,
      decision_reason: check.decision?.reason ?? null,
      analysis: check.analysisState,
    };
    return this.cipher.seal(key, check.id, 'personal', personal);
  }

  /** The decision as stored in plain: who decided what, when; its reason is sealed. */
  private plainDecision(check: CheckRecord): string | null {
    if (!check.decision) return null;
    const { by, verdict, at } = check.decision;
    return toJson({ by, verdict, at });
  }

  async insert(tx: SqlExecutor, check: CheckRecord, tokenHash: string): Promise<void> {
    const dataKey = this.cipher.newDataKey(check.id);
    await tx.run('INSERT INTO check_keys (check_id, account_id, wrapped, created_at) VALUES (?, ?, ?, ?)', [check.id, check.accountId, dataKey.wrapped, check.createdAt]);
    await tx.run(
      `INSERT INTO checks (id, account_id, testing, step, verdict, token_hash, link_expires_at, rules, sub_checks, sealed, turn, analyzer,
         retakes, decision, version, created_at, updated_at, opened_at, finished_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        check.id, check.accountId, check.testing, check.step, check.verdict, tokenHash, check.linkExpiresAt, toJson(check.rules),
        toJson(check.subChecks), this.sealPersonal(dataKey.key, check), check.turn, check.analyzer, check.retakes,
        this.plainDecision(check), check.version, check.createdAt, check.updatedAt, check.openedAt, check.finishedAt, check.deletedAt,
      ],
    );
    const c = check.customer ?? {};
    const tokens = this.cipher.searchTokens(check.accountId, { email: c.email, phone: c.phone, names: [c.first_name, c.last_name], order: check.order?.name });
    for (const token of new Set(tokens)) await tx.run('INSERT INTO check_search (account_id, token, check_id) VALUES (?, ?, ?)', [check.accountId, token, check.id]);
  }

  /** The check's data key, for sealing its photos and privacy messages; undefined once the check is deleted. */
  async dataKey(db: SqlExecutor, accountId: string, checkId: string): Promise<Buffer | undefined> {
    const row = await db.get<{ wrapped: string }>('SELECT wrapped FROM check_keys WHERE check_id = ? AND account_id = ?', [checkId, accountId]);
    return row && this.cipher.unwrap(checkId, row.wrapped);
  }

  /** Compare-and-set on `version`: false when someone else changed the check first. Deleting shreds the data key. */
  async update(tx: SqlExecutor, check: CheckRecord, expectedVersion: number): Promise<boolean> {
    const deleted = check.deletedAt !== null;
    const key = deleted ? undefined : await this.dataKey(tx, check.accountId, check.id);
    if (!deleted && !key) throw new Error(`Check ${check.id} has no data key`);
    const changed = await tx.run(
      `UPDATE checks SET step = ?, verdict = ?, sub_checks = ?, sealed = ?, retakes = ?, decision = ?, version = ?, updated_at = ?,
         opened_at = ?, finished_at = ?, deleted_at = ?, token_hash = CASE WHEN ? THEN NULL ELSE token_hash END
       WHERE id = ? AND account_id = ? AND version = ?`,
      [
        check.step, check.verdict, toJson(check.subChecks), key ? this.sealPersonal(key, check) : null, check.retakes,
        this.plainDecision(check), check.version, check.updatedAt, check.openedAt, check.finishedAt, check.deletedAt, deleted,
        check.id, check.accountId, expectedVersion,
      ],
    );
    if (changed === 1 && deleted) {
      await tx.run('DELETE FROM check_keys WHERE check_id = ? AND account_id = ?', [check.id, check.accountId]);
      await tx.run('DELETE FROM check_search WHERE check_id = ? AND account_id = ?', [check.id, check.accountId]);
    }
    return changed === 1;
  }

  async get(accountId: string, id: string): Promise<CheckRecord | undefined> {
    const row = await this.db.get(`SELECT ${CHECK_COLUMNS} FROM ${FROM_CHECKS} WHERE c.id = ? AND c.account_id = ?`, [id, accountId]);
    return row && this.toCheck(row);
  }

  async getByTokenHash(tokenHash: string): Promise<CheckRecord | undefined> {
    const row = await this.db.get(`SELECT ${CHECK_COLUMNS} FROM ${FROM_CHECKS} WHERE c.token_hash = ?`, [tokenHash]);
    return row && this.toCheck(row);
  }

  async list(accountId: string, f: CheckFilters): Promise<CheckRecord[]> {
    const where = ['c.account_id = ?'];
    const params: SqlParam[] = [accountId];
    const add = (sql: string, ...values: SqlParam[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.step) add('c.step = ?', f.step);
    if (f.verdict) add('c.verdict = ?', f.verdict);
    if (f.testing !== undefined) add('c.testing = ?', f.testing);
    if (f.createdAfter !== undefined) add('c.created_at >= ?', f.createdAfter);
    if (f.createdBefore !== undefined) add('c.created_at < ?', f.createdBefore);
    if (f.search) {
      // Every word of the search must match one of the check's blind tokens.
      const tokens = this.cipher.queryTokens(accountId, f.search);
      if (tokens.length === 0) return [];
      add(
        `c.id IN (SELECT check_id FROM check_search WHERE account_id = ? AND token IN (${tokens.map(() => '?').join(', ')})
          GROUP BY check_id HAVING COUNT(*) = ?)`,
        accountId, ...tokens, tokens.length,
      );
    }
    if (f.cursor) add('(c.created_at < ? OR (c.created_at = ? AND c.id < ?))', f.cursor.createdAt, f.cursor.createdAt, f.cursor.id);
    const rows = await this.db.all(
      `SELECT ${CHECK_COLUMNS} FROM ${FROM_CHECKS} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map((row) => this.toCheck(row));
  }

  /** Finished checks still holding personal data past their account's retention period, oldest first. */
  async pastRetention(now: number, limit: number): Promise<{ accountId: string; id: string }[]> {
    const rows = await this.db.all<{ account_id: string; id: string }>(
      `SELECT c.account_id, c.id FROM checks c JOIN accounts a ON a.id = c.account_id
       WHERE c.deleted_at IS NULL AND c.finished_at IS NOT NULL AND c.finished_at + a.retention_days * CAST(86400000 AS BIGINT) <= ?
       ORDER BY c.finished_at LIMIT ?`,
      [now, limit],
    );
    return rows.map((r) => ({ accountId: r.account_id, id: r.id }));
  }

  async insertPhoto(tx: SqlExecutor, photo: PhotoRecord): Promise<void> {
    await tx.run(
      `INSERT INTO photos (id, check_id, account_id, kind, blob_key, content_type, size_bytes, status, reasons, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [photo.id, photo.checkId, photo.accountId, photo.kind, photo.blobKey, photo.contentType, photo.sizeBytes,
        photo.status, toJson(photo.reasons), photo.createdAt],
    );
  }

  async listPhotos(accountId: string, checkId: string): Promise<PhotoRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM photos WHERE check_id = ? AND account_id = ? ORDER BY created_at, id',
      [checkId, accountId],
    );
    return rows.map(toPhoto);
  }

  async getPhoto(photoId: string): Promise<PhotoRecord | undefined> {
    const row = await this.db.get('SELECT * FROM photos WHERE id = ?', [photoId]);
    return row && toPhoto(row);
  }

  async deletePhotos(tx: SqlExecutor, accountId: string, checkId: string): Promise<void> {
    await tx.run('DELETE FROM photos WHERE check_id = ? AND account_id = ?', [checkId, accountId]);
  }
}
