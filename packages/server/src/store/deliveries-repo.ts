// The durable queue is the deliveries table itself: one row per (event, endpoint), claimed with a lease,
// completed with one row per attempt. Per endpoint, a check's events go out in order.
import { newId } from '../ids.ts';
import { activeSecretsOf } from './accounts-repo.ts';
import { toEndpoint, type Endpoint } from './endpoints-repo.ts';
import type { DialectCapabilities, Row, SqlDriver, SqlExecutor } from './sql-driver.ts';
import { storableText } from './storable-text.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface ClaimedDelivery {
  id: string;
  accountId: string;
  endpointId: string;
  eventId: string;
  checkId: string;
  eventType: string;
  attempts: number;
  /** When the message was queued (with its event, or by a resend). */
  createdAt: number;
  /** What its attempt needs, read with the claim where one statement can (PostgreSQL); else the worker reads it. */
  inputs?: AttemptInputs;
}

export interface AttemptInputs {
  /** Undefined when the endpoint was deleted since the claim. */
  endpoint: Endpoint | undefined;
  payload: string | undefined;
  /** The account's active secrets for the endpoint's mode, in signing order: test endpoints get test-signed deliveries. */
  secrets: string[];
}

export interface AttemptRecord {
  id: string;
  deliveryId: string;
  endpointId: string;
  attemptNo: number;
  startedAt: number;
  latencyMs: number;
  statusCode: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  responseExcerpt: string | null;
}

export interface Outcome {
  delivery: ClaimedDelivery;
  attempt: Omit<AttemptRecord, 'id' | 'deliveryId' | 'endpointId' | 'attemptNo'>;
  workerId: string;
  /** delivered: done. retry: try again at `nextAttemptAt`. failed: exhausted or refused for good. */
  result: 'delivered' | 'retry' | 'failed';
  nextAttemptAt?: number;
}

export interface MessageRow {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  checkId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  payload: string;
  createdAt: number;
  finishedAt: number | null;
}

export interface MessageFilters {
  /** Messages to endpoints of this mode only. */
  mode: 'test' | 'live';
  endpointId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  checkId?: string;
  before?: { createdAt: number; id: string };
  limit: number;
}

const toMessage = (r: Row): MessageRow => ({
  id: r.id as string,
  endpointId: r.endpoint_id as string,
  eventId: r.event_id as string,
  eventType: r.event_type as string,
  checkId: r.check_id as string,
  // Waiting behind an earlier event of the same check is still pending, to a merchant.
  status: r.status === 'waiting' ? 'pending' : (r.status as DeliveryStatus),
  attempts: r.attempts as number,
  nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at as number) : null,
  lastStatusCode: (r.last_status_code as number | null) ?? null,
  lastError: (r.last_error as string | null) ?? null,
  payload: r.payload as string,
  createdAt: r.created_at as number,
  finishedAt: (r.finished_at as number | null) ?? null,
});

const CLAIMED = 'id, account_id, endpoint_id, event_id, check_id, event_type, attempts, created_at';

const toClaimed = (r: Row): ClaimedDelivery => ({
  id: r.id as string,
  accountId: r.account_id as string,
  endpointId: r.endpoint_id as string,
  eventId: r.event_id as string,
  checkId: r.check_id as string,
  eventType: r.event_type as string,
  attempts: r.attempts as number,
  createdAt: Number(r.created_at),
});

/**
 * Makes due the next delivery of each finished one's line: one statement text for any number of finished
 * deliveries (one list parameter, prepared once). From each finished id, in a subquery of its own (by primary
 * key whatever the statistics: a join or `= ANY` over 100 ids was planned, on a table without statistics, as
 * a scan of the whole table), to the head of its line (the line index, LIMIT 1); on PostgreSQL the heads that
 * wait go to the update as one array, `id = ANY(ARRAY(…))`, found by primary key. The former
 * `status = 'waiting' AND id IN (…)`, one `?` per id, was planned before the first ANALYZE of a filled table as
 * a hash semi-join over every waiting row. SQLite keeps that form, its ids from json_each.
 */
function promotion(dialect: DialectCapabilities): string {
  // The head of each finished delivery's line, when it waits; NULL when the head is pending or there is none.
  const heads = `SELECT (SELECT (SELECT CASE WHEN w.status = 'waiting' THEN w.id END FROM deliveries w
                                  WHERE w.endpoint_id = f.endpoint_id AND w.check_id = f.check_id
                                    AND w.status IN ('pending', 'waiting') ORDER BY w.event_seq LIMIT 1)
                          FROM deliveries f WHERE f.id = fin.id)
    FROM ${dialect.idsFrom('fin')}`;
  const set = `UPDATE deliveries SET status = 'pending', next_attempt_at = created_at, updated_at = ?`;
  // PostgreSQL: no status condition beside the primary key, so no plan can prefer the line index (a status
  // condition implies its predicate: without statistics it was read whole, intersected with the key). The
  // heads were read under the check's lock, which every writer of a waiting row takes, so they still wait.
  return dialect.name === 'postgres' ? `${set} WHERE id = ANY (ARRAY(${heads}))` : `${set} WHERE status = 'waiting' AND id IN (${heads})`;
}

export class DeliveriesRepo {
  private readonly promoteSql: string;

  constructor(private readonly db: SqlDriver) {
    this.promoteSql = promotion(db.dialect);
  }

  /**
   * Leases up to `limit` due deliveries: heads of their lines only ('pending'), so one endpoint sees a check's
   * events in order while everything else runs in parallel. The lease moves `next_attempt_at` to its expiry,
   * so leased rows drop out of the due range (a claim never reads past deliveries in flight) and an expired
   * lease is simply due again: that is the reaper. A lease is worth no WAL flush: losing one to a crash only
   * means the delivery is claimed again.
   */
  async claim(c: { workerId: string; now: number; leaseMs: number; limit: number; skipEndpoints?: readonly string[] }): Promise<ClaimedDelivery[]> {
    const skipEndpoints = c.skipEndpoints ?? [];
    const skip = skipEndpoints.length ? `AND d.endpoint_id NOT IN (${skipEndpoints.map(() => '?').join(', ')})` : '';
    const lease = `UPDATE deliveries SET next_attempt_at = ?, locked_until = ?, locked_by = ? WHERE id IN (
         SELECT d.id FROM deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= ? ${skip}
           AND EXISTS (SELECT 1 FROM endpoints e WHERE e.id = d.endpoint_id AND e.enabled = ?)
         ORDER BY d.next_attempt_at LIMIT ? ${this.db.dialect.skipLocked})
       RETURNING ${CLAIMED}`;
    const params = [c.now + c.leaseMs, c.now + c.leaseMs, c.workerId, c.now, ...skipEndpoints, true, c.limit];
    if (!this.db.dialect.writesInWith) return (await this.db.allRelaxed(lease, params)).map(toClaimed);
    // PostgreSQL: each delivery comes back with its payload, endpoint and secrets, so an attempt starts one
    // round trip after its wake-up instead of two. Each read is by primary key or index per row, whatever the
    // statistics say; a batch of one endpoint repeats that endpoint's few hundred bytes per row.
    const rows = await this.db.allRelaxed(
      `WITH c AS (${lease})
       SELECT c.*, (SELECT payload FROM events WHERE id = c.event_id) AS payload,
         (SELECT row_to_json(e) FROM endpoints e WHERE e.id = c.endpoint_id) AS endpoint,
         ARRAY(SELECT s.secret ${activeSecretsOf('c.endpoint_id')}) AS secrets
       FROM c`,
      [...params, c.now],
    );
    return rows.map((r) => ({
      ...toClaimed(r),
      inputs: {
        endpoint: r.endpoint ? toEndpoint(r.endpoint as Row) : undefined,
        payload: (r.payload as string | null) ?? undefined,
        secrets: r.secrets as string[],
      },
    }));
  }

  /** Gives leased deliveries back untried (this worker has no room for them now): due again at once. */
  async release(workerId: string, ids: readonly string[], now: number): Promise<void> {
    if (ids.length === 0) return;
    const sql = `UPDATE deliveries SET next_attempt_at = ?, locked_until = NULL, locked_by = NULL WHERE locked_by = ? AND status = 'pending'
      AND id IN (${ids.map(() => '?').join(', ')})`;
    await this.db.transaction((tx) => tx.run(sql, [now, workerId, ...ids]), { durability: 'relaxed' });
  }

  /**
   * Where one process owns the queue (SQLite), a lease found at start is from a run that ended: it is due at
   * once instead of when it would have expired. Returns how many.
   */
  async releaseAll(now: number): Promise<number> {
    return this.db.run(
      `UPDATE deliveries SET next_attempt_at = ?, locked_until = NULL, locked_by = NULL WHERE status = 'pending' AND locked_until IS NOT NULL`,
      [now],
    );
  }

  /** Which of these deliveries still exist (deleting an endpoint deletes its deliveries). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.all<{ id: string }>(`SELECT id FROM deliveries WHERE id IN (${ids.map(() => '?').join(', ')})`, ids);
    return new Set(rows.map((r) => r.id));
  }

  /** For the delivery worker, on its own connections (`workerReads`). */
  async payloads(eventIds: readonly string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.db.workerReads.all<{ id: string; payload: string }>(
      `SELECT id, payload FROM events WHERE ${this.db.dialect.oneOf('id')}`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.id, r.payload]));
  }

  /**
   * Records attempts and moves their deliveries on (only the lease holder may move one); a delivery that
   * finished hands its place to the next of its check for that endpoint. One multi-row insert per batch.
   */
  async recordOutcomes(tx: SqlExecutor, outcomes: readonly Outcome[]): Promise<void> {
    for (let i = 0; i < outcomes.length; i += 50) {
      const chunk = outcomes.slice(i, i + 50);
      await tx.run(
        `INSERT INTO attempts (id, delivery_id, account_id, endpoint_id, attempt_no, started_at, latency_ms, status_code, error_code,
           error_message, response_excerpt, worker) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(({ delivery: d, attempt: a, workerId }) => [
          newId('att'), d.id, d.accountId, d.endpointId, d.attempts + 1, a.startedAt, a.latencyMs, a.statusCode, a.errorCode,
          storableText(a.errorMessage), storableText(a.responseExcerpt), workerId,
        ]),
      );
    }
    // Deliveries that end the same way are moved in one statement; their precise times are in the attempts.
    const at = Math.max(...outcomes.map((o) => o.attempt.startedAt + o.attempt.latencyMs));
    const groups = new Map<string, Outcome[]>();
    for (const o of outcomes) {
      const key = o.result === 'retry' ? `retry:${o.delivery.id}` : `${o.result}:${o.attempt.statusCode}:${o.attempt.errorCode}`;
      const group = groups.get(key);
      if (group) group.push(o);
      else groups.set(key, [o]);
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      const status: DeliveryStatus = first.result === 'retry' ? 'pending' : first.result;
      await tx.run(
        `UPDATE deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?, locked_until = NULL, locked_by = NULL,
           last_status_code = ?, last_error = ?, updated_at = ?, finished_at = ?
         WHERE id IN (${group.map(() => '?').join(', ')}) AND status = 'pending' AND (locked_by = ? OR locked_by IS NULL)`,
        [status, first.nextAttemptAt ?? at, first.attempt.statusCode, first.attempt.errorCode, at, status === 'pending' ? null : at,
          ...group.map((o) => o.delivery.id), first.workerId],
      );
    }
    const finished = outcomes.filter((o) => o.result !== 'retry');
    if (finished.length === 0) return;
    // Same per-check lock as queueDelivery (sorted, so workers cannot deadlock); then each finished line's
    // next delivery, if any, becomes due, due since it was queued so it keeps its place.
    await this.db.lockKeys(tx, finished.map((o) => o.delivery.checkId));
    await tx.run(this.promoteSql, [at, finished.map((o) => o.delivery.id)]);
  }

  async listMessages(accountId: string, f: MessageFilters): Promise<MessageRow[]> {
    const where = ['d.account_id = ?', 'ep.mode = ?'];
    const params: (string | number | boolean)[] = [accountId, f.mode];
    const add = (sql: string, ...values: (string | number | boolean)[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.endpointId) add('d.endpoint_id = ?', f.endpointId);
    if (f.status === 'pending') add("d.status IN ('pending', 'waiting')");
    else if (f.status) add('d.status = ?', f.status);
    if (f.eventType) add('d.event_type = ?', f.eventType);
    if (f.checkId) add('d.check_id = ?', f.checkId);
    if (f.before) add('(d.created_at < ? OR (d.created_at = ? AND d.id < ?))', f.before.createdAt, f.before.createdAt, f.before.id);
    const rows = await this.db.all(
      `SELECT d.*, e.payload FROM deliveries d JOIN events e ON e.id = d.event_id JOIN endpoints ep ON ep.id = d.endpoint_id
       WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
      [...params, f.limit],
    );
    return rows.map(toMessage);
  }

  /** A message to an endpoint of one mode. */
  async getMessage(accountId: string, id: string, mode: 'test' | 'live'): Promise<MessageRow | undefined> {
    const row = await this.db.get(
      `SELECT d.*, e.payload FROM deliveries d JOIN events e ON e.id = d.event_id JOIN endpoints ep ON ep.id = d.endpoint_id
       WHERE d.id = ? AND d.account_id = ? AND ep.mode = ?`,
      [id, accountId, mode],
    );
    return row && toMessage(row);
  }

  async listAttempts(accountId: string, deliveryId: string): Promise<AttemptRecord[]> {
    const rows = await this.db.all('SELECT * FROM attempts WHERE delivery_id = ? AND account_id = ? ORDER BY attempt_no', [deliveryId, accountId]);
    return rows.map((r) => ({
      id: r.id as string,
      deliveryId: r.delivery_id as string,
      endpointId: r.endpoint_id as string,
      attemptNo: r.attempt_no as number,
      startedAt: r.started_at as number,
      latencyMs: r.latency_ms as number,
      statusCode: (r.status_code as number | null) ?? null,
      errorCode: (r.error_code as string | null) ?? null,
      errorMessage: (r.error_message as string | null) ?? null,
      responseExcerpt: (r.response_excerpt as string | null) ?? null,
    }));
  }

  /** Failed deliveries of an endpoint since a time, newest last: what "recover" would send again. */
  async failedSince(accountId: string, endpointId: string, since: number): Promise<MessageRow[]> {
    const rows = await this.db.all(
      `SELECT d.*, e.payload FROM deliveries d JOIN events e ON e.id = d.event_id
       WHERE d.account_id = ? AND d.endpoint_id = ? AND d.status = 'failed' AND d.created_at >= ? ORDER BY d.event_seq`,
      [accountId, endpointId, since],
    );
    return rows.map(toMessage);
  }
}
