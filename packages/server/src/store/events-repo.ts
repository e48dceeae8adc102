// The transactional outbox: events are written in the same transaction as the state change that caused them,
// and fanned out right there into one delivery row per subscribed endpoint (the queue the workers claim from).
import { newId } from '../ids.ts';
import type { EventType, PendingEvent } from '../events/event-types.ts';
import type { Row, SqlDriver, SqlExecutor } from './sql-driver.ts';

export const DELIVERIES_CHANNEL = 'deliveries';
/** Woken after each commit that appended events; the payload is the account's id. */
export const EVENTS_CHANNEL = 'events';

export interface StoredEvent {
  id: string;
  seq: number;
  accountId: string;
  checkId: string;
  type: EventType;
  testing: boolean;
  payload: string;
  createdAt: number;
}

const toEvent = (row: Row): StoredEvent => ({
  id: row.id as string,
  seq: row.seq as number,
  accountId: row.account_id as string,
  checkId: row.check_id as string,
  type: row.type as EventType,
  testing: Boolean(row.testing),
  payload: row.payload as string,
  createdAt: row.created_at as number,
});

/** An endpoint that receives some of an account's events. */
export interface Recipient {
  readonly id: string;
  receives(type: EventType): boolean;
}

/** Who receives an account's events: a rule the store does not own (webhooks/management/event-recipients.ts). */
export interface RecipientsPort {
  /** The endpoints that receive events of this account and mode (of some types), read inside `tx`. */
  of(tx: SqlExecutor, accountId: string, mode: 'live' | 'test'): Promise<readonly Recipient[]>;
  /** Something that decides who receives events changed (an endpoint, an account's plan). */
  forget(): void;
}

export class EventsRepo {
  constructor(
    private readonly driver: SqlDriver,
    private readonly recipients: RecipientsPort,
  ) {}

  /**
   * For a write whose change of who receives events the repositories cannot see commit (an endpoint disabled
   * inside an outcome's transaction): call once it has committed.
   */
  recipientsChanged(): void {
    this.recipients.forget();
  }

  /** Appends events for one check and queues a delivery for every enabled, subscribed endpoint. */
  async append(
    tx: SqlExecutor,
    check: { id: string; accountId: string; testing: boolean },
    events: readonly PendingEvent[],
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const endpoints = await this.recipients.of(tx, check.accountId, check.testing ? 'test' : 'live');
    const stored: StoredEvent[] = [];
    const queued = new Set<string>();
    if (endpoints.length) await this.driver.lockKeys(tx, [check.id]);
    for (const event of events) {
      const targets = endpoints.filter((endpoint) => endpoint.receives(event.type)).map((endpoint) => endpoint.id);
      let id: string, seq: number;
      if (targets.length && this.driver.dialect.writesInWith) {
        ({ id, seq } = await this.insertEventQueued(tx, check, event, targets));
      } else {
        ({ id, seq } = await this.insertEvent(tx, check, event));
        for (const endpointId of targets) {
          await this.queueDelivery(tx, { endpointId, accountId: check.accountId, eventId: id, seq, checkId: check.id, type: event.type, at: event.createdAt }, { locked: true });
        }
      }
      for (const endpointId of targets) queued.add(endpointId);
      stored.push({ id, seq, accountId: check.accountId, checkId: check.id, type: event.type, testing: check.testing, payload: event.payload, createdAt: event.createdAt });
    }
    // Which endpoints got work: a worker whose full endpoints these all are need not look. Past a few dozen
    // the list would cost more than it saves, and '' means "look".
    if (queued.size > 0) await this.driver.notify(DELIVERIES_CHANNEL, tx, queued.size <= 40 ? [...queued].sort().join(',') : '');
    await this.driver.notify(EVENTS_CHANNEL, tx, check.accountId);
    return stored;
  }

  async insertEvent(
    tx: SqlExecutor,
    check: { id: string; accountId: string; testing: boolean },
    event: PendingEvent,
  ): Promise<{ id: string; seq: number }> {
    const id = newId('evt');
    const row = await tx.get<{ seq: number }>(
      `INSERT INTO events (id, account_id, check_id, type, testing, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
      [id, check.accountId, check.id, event.type, check.testing, event.payload, event.createdAt],
    );
    return { id, seq: row!.seq };
  }

  /**
   * The event and a delivery for each endpoint in one statement (see `writesInWith`), each queued as
   * `queueDelivery` would: the caller holds the check's lock, taken by an earlier statement, so this one's
   * snapshot already sees every delivery of the check that was committed before.
   */
  private async insertEventQueued(
    tx: SqlExecutor,
    check: { id: string; accountId: string; testing: boolean },
    event: PendingEvent,
    endpointIds: readonly string[],
  ): Promise<{ id: string; seq: number }> {
    const id = newId('evt');
    const row = await tx.get<{ seq: number }>(
      `WITH ev AS (
         INSERT INTO events (id, account_id, check_id, type, testing, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq
       ), queued AS (
         INSERT INTO deliveries (id, account_id, endpoint_id, event_id, event_seq, check_id, event_type, status, attempts,
           next_attempt_at, created_at, updated_at)
         SELECT t.column1, CAST(? AS TEXT), t.column2, CAST(? AS TEXT), ev.seq, CAST(? AS TEXT), CAST(? AS TEXT),
           CASE WHEN EXISTS (SELECT 1 FROM deliveries w WHERE w.endpoint_id = t.column2 AND w.check_id = CAST(? AS TEXT) AND w.status IN ('pending', 'waiting'))
                THEN 'waiting' ELSE 'pending' END, 0, CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)
         FROM ev, (VALUES ${endpointIds.map(() => '(?, ?)').join(', ')}) AS t
       )
       SELECT seq FROM ev`,
      [
        id, check.accountId, check.id, event.type, check.testing, event.payload, event.createdAt,
        check.accountId, id, check.id, event.type, check.id, event.createdAt, event.createdAt, event.createdAt,
        ...endpointIds.flatMap((endpointId) => [newId('dlv'), endpointId]),
      ],
    );
    return { id, seq: row!.seq };
  }

  /**
   * Queues one delivery at the end of its endpoint-and-check line: it is the head ('pending') when nothing of
   * that check is ahead of it for that endpoint, otherwise it waits.
   */
  async queueDelivery(
    tx: SqlExecutor,
    d: { endpointId: string; accountId: string; eventId: string; seq: number; checkId: string; type: string; at: number },
    options: { locked?: boolean } = {},
  ): Promise<string> {
    const id = newId('dlv');
    // The worker promotes the next in line under the same per-check lock, so neither can miss the other.
    if (!options.locked) await this.driver.lockKeys(tx, [d.checkId]);
    await tx.run(
      `INSERT INTO deliveries (id, account_id, endpoint_id, event_id, event_seq, check_id, event_type, status, attempts,
         next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,
         CASE WHEN EXISTS (SELECT 1 FROM deliveries WHERE endpoint_id = ? AND check_id = ? AND status IN ('pending', 'waiting'))
              THEN 'waiting' ELSE 'pending' END, 0, ?, ?, ?)`,
      [id, d.accountId, d.endpointId, d.eventId, d.seq, d.checkId, d.type, d.endpointId, d.checkId, d.at, d.at, d.at],
    );
    return id;
  }

  async listForCheck(accountId: string, checkId: string): Promise<StoredEvent[]> {
    const rows = await this.driver.all('SELECT * FROM events WHERE check_id = ? AND account_id = ? ORDER BY seq', [checkId, accountId]);
    return rows.map(toEvent);
  }

  /**
   * The highest `seq` below which no event can still appear: every lower one is committed or never will be.
   * Readers that page by `seq` stop here, so an event whose transaction commits late is not skipped.
   */
  async settledSeq(): Promise<number> {
    const max = 'SELECT MAX(seq) AS seq FROM events';
    const settle = this.driver.dialect.settleAppends;
    // See DialectCapabilities.settleAppends: waits out the transactions that are appending right now.
    const row = settle
      ? await this.driver.transaction(async (tx) => (await tx.run(settle), tx.get<{ seq: number | null }>(max)))
      : await this.driver.get<{ seq: number | null }>(max);
    return Number(row?.seq ?? 0);
  }

  /** One account's events of one mode after `afterSeq` and up to `upTo`, in order; `types` narrows them. */
  async listAfter(
    q: { accountId: string; testing: boolean; afterSeq: number; upTo: number; types?: readonly string[] | undefined },
    limit: number,
  ): Promise<StoredEvent[]> {
    const types = q.types?.length ? ` AND type IN (${q.types.map(() => '?').join(', ')})` : '';
    const rows = await this.driver.all(
      `SELECT * FROM events WHERE seq > ? AND seq <= ? AND account_id = ? AND testing = ?${types} ORDER BY seq LIMIT ?`,
      [q.afterSeq, q.upTo, q.accountId, q.testing, ...(q.types ?? []), limit],
    );
    return rows.map(toEvent);
  }

  async get(accountId: string, eventId: string): Promise<StoredEvent | undefined> {
    const row = await this.driver.get('SELECT * FROM events WHERE id = ? AND account_id = ?', [eventId, accountId]);
    return row && toEvent(row);
  }
}
