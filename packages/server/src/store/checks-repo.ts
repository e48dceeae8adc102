// Checks and their photos. Every read and write is scoped by account: a check of another account does not exist.
import type { CheckRecord, PhotoRecord, Step, Verdict } from '../checks/check-types.ts';
import type { Row, SqlExecutor } from './sql-driver.ts';
import { fromJson, likePattern, toJson } from './json-column.ts';

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

const CHECK_COLUMNS =
  'id, account_id, testing, step, verdict, link_expires_at, customer, order_data, rules, sub_checks, document, scores, content, turn, analyzer, retakes, decision, version, created_at, updated_at, opened_at, finished_at, deleted_at';

function toCheck(row: Row): CheckRecord {
  return {
    id: row.id as string,
    accountId: row.account_id as string,
    testing: Boolean(row.testing),
    step: row.step as Step,
    verdict: row.verdict as Verdict,
    linkExpiresAt: row.link_expires_at as number,
    customer: fromJson(row.customer, null),
    order: fromJson(row.order_data, null),
    rules: fromJson(row.rules, {} as CheckRecord['rules']),
    subChecks: fromJson(row.sub_checks, []),
    document: fromJson(row.document, null),
    scores: fromJson(row.scores, {}),
    content: fromJson(row.content, null),
    turn: (row.turn as CheckRecord['turn']) ?? null,
    analyzer: row.analyzer as string,
    retakes: row.retakes as number,
    decision: fromJson(row.decision, null),
    version: row.version as number,
    createdAt: row.created_at as number,
    updatedAt: row.updated_at as number,
    openedAt: (row.opened_at as number | null) ?? null,
    finishedAt: (row.finished_at as number | null) ?? null,
    deletedAt: (row.deleted_at as number | null) ?? null,
  };
}

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

function searchText(check: CheckRecord): string | null {
  if (check.deletedAt !== null) return null;
  const c = check.customer ?? {};
  const parts = [c.email, c.phone, c.first_name, c.last_name, check.order?.name];
  return parts.filter(Boolean).join(' ').toLowerCase() || null;
}

export class ChecksRepo {
  constructor(private readonly db: SqlExecutor) {}

  async insert(tx: SqlExecutor, check: CheckRecord, tokenHash: string): Promise<void> {
    await tx.run(
      `INSERT INTO checks (id, account_id, testing, step, verdict, token_hash, link_expires_at, customer, order_data, rules,
         sub_checks, document, scores, content, turn, analyzer, retakes, decision, search_text, version, created_at, updated_at,
         opened_at, finished_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        check.id, check.accountId, check.testing, check.step, check.verdict, tokenHash, check.linkExpiresAt,
        toJson(check.customer), toJson(check.order), toJson(check.rules), toJson(check.subChecks), toJson(check.document),
        toJson(check.scores), toJson(check.content), check.turn, check.analyzer, check.retakes, toJson(check.decision), searchText(check), check.version, check.createdAt,
        check.updatedAt, check.openedAt, check.finishedAt, check.deletedAt,
      ],
    );
  }

  /** Compare-and-set on `version`: false when someone else changed the check first. */
  async update(tx: SqlExecutor, check: CheckRecord, expectedVersion: number): Promise<boolean> {
    const changed = await tx.run(
      `UPDATE checks SET step = ?, verdict = ?, customer = ?, order_data = ?, sub_checks = ?, document = ?, scores = ?,
         content = ?, retakes = ?, decision = ?, search_text = ?, version = ?, updated_at = ?, opened_at = ?, finished_at = ?, deleted_at = ?,
         token_hash = CASE WHEN ? THEN NULL ELSE token_hash END
       WHERE id = ? AND account_id = ? AND version = ?`,
      [
        check.step, check.verdict, toJson(check.customer), toJson(check.order), toJson(check.subChecks),
        toJson(check.document), toJson(check.scores), toJson(check.content), check.retakes, toJson(check.decision), searchText(check), check.version,
        check.updatedAt, check.openedAt, check.finishedAt, check.deletedAt, check.deletedAt !== null,
        check.id, check.accountId, expectedVersion,
      ],
    );
    return changed === 1;
  }

  async get(accountId: string, id: string): Promise<CheckRecord | undefined> {
    const row = await this.db.get(`SELECT ${CHECK_COLUMNS} FROM checks WHERE id = ? AND account_id = ?`, [id, accountId]);
    return row && toCheck(row);
  }

  async getByTokenHash(tokenHash: string): Promise<CheckRecord | undefined> {
    const row = await this.db.get(`SELECT ${CHECK_COLUMNS} FROM checks WHERE token_hash = ?`, [tokenHash]);
    return row && toCheck(row);
  }

  async list(accountId: string, f: CheckFilters): Promise<CheckRecord[]> {
    const where = ['account_id = ?'];
    const params: (string | number | boolean)[] = [accountId];
    const add = (sql: string, ...values: (string | number | boolean)[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.step) add('step = ?', f.step);
    if (f.verdict) add('verdict = ?', f.verdict);
    if (f.testing !== undefined) add('testing = ?', f.testing);
    if (f.createdAfter !== undefined) add('created_at >= ?', f.createdAfter);
    if (f.createdBefore !== undefined) add('created_at < ?', f.createdBefore);
    if (f.search) add("search_text LIKE ? ESCAPE '\\'", likePattern(f.search));
    if (f.cursor) add('(created_at < ? OR (created_at = ? AND id < ?))', f.cursor.createdAt, f.cursor.createdAt, f.cursor.id);
    const rows = await this.db.all(
      `SELECT ${CHECK_COLUMNS} FROM checks WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map(toCheck);
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
