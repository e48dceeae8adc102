// Counts for the metrics endpoint, read at scrape time. Each query is answered from a partial index (due,
// pending and waiting deliveries; checks in progress) or a small table (endpoints), never by reading history.
import type { SqlExecutor } from './sql-driver.ts';

export interface QueueStats {
  /** Pending and due now: the backlog the workers have not taken yet. */
  due: number;
  /** Pending but not due: retries scheduled later, and attempts in flight (leased). */
  scheduled: number;
  /** Behind an earlier message of the same check to the same endpoint. */
  waiting: number;
  /** When the oldest due message became due, and when the oldest waiting one was queued; null when none. */
  oldestDueAt: number | null;
  oldestWaitingAt: number | null;
}

export interface EndpointStats {
  /** Enabled, but their last attempts failed. */
  failing: number;
  disabled: number;
}

const num = (v: unknown): number => Number(v ?? 0);
const time = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export class ServiceStatsRepo {
  constructor(private readonly db: SqlExecutor) {}

  async queue(now: number): Promise<QueueStats> {
    const [due, pending, waiting] = await Promise.all([
      this.db.get(`SELECT COUNT(*) AS n, MIN(next_attempt_at) AS oldest FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ?`, [now]),
      this.db.get(`SELECT COUNT(*) AS n FROM deliveries WHERE status = 'pending'`),
      this.db.get(`SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM deliveries WHERE status = 'waiting'`),
    ]);
    return {
      due: num(due?.n),
      scheduled: Math.max(0, num(pending?.n) - num(due?.n)),
      waiting: num(waiting?.n),
      oldestDueAt: time(due?.oldest),
      oldestWaitingAt: time(waiting?.oldest),
    };
  }

  async endpoints(): Promise<EndpointStats> {
    const row = await this.db.get(
      `SELECT COUNT(CASE WHEN enabled = ? AND failing_since IS NOT NULL THEN 1 END) AS failing,
              COUNT(CASE WHEN enabled = ? THEN 1 END) AS disabled FROM endpoints`,
      [true, false],
    );
    return { failing: num(row?.failing), disabled: num(row?.disabled) };
  }

  /** Checks not finished yet, by step. */
  async checksInProgress(): Promise<Map<string, number>> {
    const rows = await this.db.all<{ step: string; n: unknown }>(`SELECT step, COUNT(*) AS n FROM checks WHERE finished_at IS NULL GROUP BY step`);
    return new Map(rows.map((r) => [r.step, num(r.n)]));
  }
}
