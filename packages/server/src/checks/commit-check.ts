// Writes a check's new state and the events it caused in one transaction (the transactional outbox):
// no event without its state change, no state change without its event.
import { AppError } from '../errors/app-error.ts';
import type { PendingEvent } from '../events/event-types.ts';
import type { SqlExecutor } from '../store/sql-driver.ts';
import type { Store } from '../store/store.ts';
import type { CheckRecord } from './check-types.ts';

export async function commitCheck(
  store: Store,
  check: CheckRecord,
  expectedVersion: number,
  events: readonly PendingEvent[],
  alsoInTransaction?: (tx: SqlExecutor) => Promise<void>,
): Promise<CheckRecord> {
  const next = { ...check, version: expectedVersion + 1 };
  await store.driver.transaction(async (tx) => {
    if (!(await store.checks.update(tx, next, expectedVersion))) {
      throw new AppError('conflict', 'The check changed while this request was processed; retry the request.');
    }
    await alsoInTransaction?.(tx);
    await store.events.append(tx, next, events);
  });
  return next;
}
