// Who read or changed a check's personal data, and when: API key or dashboard user, by id only. Append-only:
// there is no update and no delete, and an entry outlives the personal data it is about.
import { newId } from '../ids.ts';
import type { SqlExecutor } from './sql-driver.ts';

export type AccessAction = 'created' | 'viewed' | 'listed' | 'viewed_photos' | 'approved' | 'rejected' | 'deleted' | 'retention_deleted';
export type ActorType = 'api_key' | 'user' | 'service';

export interface Actor {
  type: ActorType;
  id: string;
}

export interface AccessEntry {
  id: string;
  checkId: string;
  actor: Actor;
  action: AccessAction;
  createdAt: number;
}

export class AccessLogRepo {
  constructor(private readonly db: SqlExecutor) {}

  async record(db: SqlExecutor, accountId: string, checkIds: readonly string[], actor: Actor, action: AccessAction, at: number): Promise<void> {
    for (const checkId of checkIds) {
      await db.run(
        'INSERT INTO access_log (id, account_id, check_id, actor_type, actor_id, action, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [newId('acc'), accountId, checkId, actor.type, actor.id, action, at],
      );
    }
  }

  async forCheck(accountId: string, checkId: string): Promise<AccessEntry[]> {
    const rows = await this.db.all('SELECT * FROM access_log WHERE account_id = ? AND check_id = ? ORDER BY created_at, id', [accountId, checkId]);
    return rows.map(toEntry);
  }

  /** One mode's part of the account's log, oldest first, from `since` (inclusive) to `until` (exclusive). */
  async forAccount(
    accountId: string,
    testing: boolean,
    range: { since: number; until: number; limit: number; after?: { createdAt: number; id: string } },
  ): Promise<AccessEntry[]> {
    const { since, until, limit, after } = range;
    const rows = await this.db.all(
      `SELECT a.* FROM access_log a JOIN checks c ON c.id = a.check_id AND c.account_id = a.account_id
       WHERE a.account_id = ? AND c.testing = ? AND a.created_at >= ? AND a.created_at < ?
         ${after ? 'AND (a.created_at > ? OR (a.created_at = ? AND a.id > ?))' : ''}
       ORDER BY a.created_at, a.id LIMIT ?`,
      [accountId, testing, since, until, ...(after ? [after.createdAt, after.createdAt, after.id] : []), limit],
    );
    return rows.map(toEntry);
  }
}

function toEntry(r: Record<string, unknown>): AccessEntry {
  return {
    id: r.id as string,
    checkId: r.check_id as string,
    actor: { type: r.actor_type as ActorType, id: r.actor_id as string },
    action: r.action as AccessAction,
    createdAt: r.created_at as number,
  };
}
