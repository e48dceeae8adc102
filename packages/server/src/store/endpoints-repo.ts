// Webhook endpoints: a URL, the events it receives, and whether it is enabled (and why not).
import type { EventType } from '../events/event-types.ts';
import type { Row, SqlDriver, SqlExecutor } from './sql-driver.ts';
import type { Plan } from './accounts-repo.ts';
import { fromJson, toJson } from './json-column.ts';

export interface Endpoint {
  id: string;
  accountId: string;
  mode: 'test' | 'live';
  url: string;
  eventTypes: EventType[];
  description: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: number | null;
  createdAt: number;
  updatedAt: number;
}

/** An endpoint from its row (or the row as JSON, whose numbers and booleans are already JS ones). */
export const toEndpoint = (r: Row): Endpoint => ({
  id: r.id as string,
  accountId: r.account_id as string,
  mode: r.mode as Endpoint['mode'],
  url: r.url as string,
  eventTypes: fromJson(r.event_types, []),
  description: r.description as string,
  enabled: Boolean(r.enabled),
  disabledReason: (r.disabled_reason as string | null) ?? null,
  failingSince: (r.failing_since as number | null) ?? null,
  createdAt: r.created_at as number,
  updatedAt: r.updated_at as number,
});

/** What deciding who receives an account's events reads: its endpoints of one mode, and the account's plan. */
export interface RecipientCandidate {
  id: string;
  enabled: boolean;
  /** The endpoint's event types as stored (JSON). */
  eventTypes: string;
  plan: Plan;
}

export async function recipientCandidates(tx: SqlExecutor, accountId: string, mode: Endpoint['mode']): Promise<RecipientCandidate[]> {
  const rows = await tx.all<{ id: string; enabled: unknown; event_types: string; plan: Plan }>(
    `SELECT e.id, e.enabled, e.event_types, a.plan FROM endpoints e JOIN accounts a ON a.id = e.account_id
     WHERE e.account_id = ? AND e.mode = ?`,
    [accountId, mode],
  );
  return rows.map((r) => ({ id: r.id, enabled: Boolean(r.enabled), eventTypes: r.event_types, plan: r.plan }));
}

export class EndpointsRepo {
  /** `changed` runs after every write that can change which endpoints receive events. */
  constructor(
    private readonly db: SqlDriver,
    private readonly changed: () => void = () => undefined,
  ) {}

  async insert(e: Endpoint): Promise<void> {
    await this.db.run(
      `INSERT INTO endpoints (id, account_id, mode, url, event_types, description, enabled, disabled_reason, failing_since, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.accountId, e.mode, e.url, toJson(e.eventTypes), e.description, e.enabled, e.disabledReason, e.failingSince, e.createdAt, e.updatedAt],
    );
    this.changed();
  }

  async update(e: Endpoint): Promise<void> {
    await this.db.run(
      `UPDATE endpoints SET url = ?, event_types = ?, description = ?, enabled = ?, disabled_reason = ?, failing_since = ?, updated_at = ?
       WHERE id = ? AND account_id = ?`,
      [e.url, toJson(e.eventTypes), e.description, e.enabled, e.disabledReason, e.failingSince, e.updatedAt, e.id, e.accountId],
    );
    this.changed();
  }

  async get(accountId: string, id: string): Promise<Endpoint | undefined> {
    const row = await this.db.get('SELECT * FROM endpoints WHERE id = ? AND account_id = ?', [id, accountId]);
    return row && toEndpoint(row);
  }

  /** For the delivery worker, which works across accounts, on its own connections (`workerReads`). */
  async getById(id: string): Promise<Endpoint | undefined> {
    const row = await this.db.workerReads.get('SELECT * FROM endpoints WHERE id = ?', [id]);
    return row && toEndpoint(row);
  }

  async list(accountId: string): Promise<Endpoint[]> {
    return (await this.db.all('SELECT * FROM endpoints WHERE account_id = ? ORDER BY created_at, id', [accountId])).map(toEndpoint);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const deleted = (await this.db.run('DELETE FROM endpoints WHERE id = ? AND account_id = ?', [id, accountId])) === 1;
    this.changed();
    return deleted;
  }

  /** Marks the start of a failure streak; true when this call started it (so the account is told once). */
  async markFailing(tx: SqlExecutor, id: string, since: number): Promise<boolean> {
    return (await tx.run('UPDATE endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL', [since, id])) === 1;
  }

  async markHealthy(tx: SqlExecutor, id: string): Promise<void> {
    await tx.run('UPDATE endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL', [id]);
  }

  /**
   * Disables an enabled endpoint; true when this call disabled it. The caller calls
   * `EventsRepo.recipientsChanged` once its transaction has committed: until then, other connections still
   * see the endpoint enabled, and could cache it so.
   */
  async disable(tx: SqlExecutor, id: string, reason: string, at: number): Promise<boolean> {
    return (
      (await tx.run('UPDATE endpoints SET enabled = ?, disabled_reason = ?, updated_at = ? WHERE id = ? AND enabled = ?', [
        false, reason, at, id, true,
      ])) === 1
    );
  }

}
