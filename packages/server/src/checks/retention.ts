// Personal data is kept only as long as the account says: a finished check's personal data and photos are
// deleted automatically once its retention period (90 days unless the account chose otherwise) has passed,
// with an access-log entry that says so. The sweep runs in the processes that run delivery workers.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../store/access-log-repo.ts';
import { deleteCheckData } from './merchant-actions.ts';

export const DAY_MS = 24 * 3600_000;
const RETENTION: Actor = { type: 'service', id: 'retention' };
const BATCH = 100;

/** When a finished check's personal data goes; null while it is not finished or once it is gone. */
export function personalDataExpiresAt(check: { finishedAt: number | null; deletedAt: number | null }, retentionDays: number): number | null {
  return check.finishedAt === null || check.deletedAt !== null ? null : check.finishedAt + retentionDays * DAY_MS;
}

/** Deletes every check past its retention period; returns how many. */
export async function deleteExpiredPersonalData(s: Services): Promise<number> {
  let deleted = 0;
  for (;;) {
    const now = s.clock.now();
    const due = await s.store.checks.pastRetention(now, BATCH);
    let progressed = false;
    for (const { accountId, id } of due) {
      const check = await s.store.checks.get(accountId, id);
      if (!check || check.deletedAt !== null) continue;
      try {
        await deleteCheckData(s, check, RETENTION, 'retention_deleted');
      } catch (error) {
        // Changed meanwhile (a photo, a decision): the next sweep finds it again if it is still due.
        if (error instanceof AppError && error.code === 'conflict') continue;
        throw error;
      }
      deleted++;
      progressed = true;
    }
    if (due.length < BATCH || !progressed) return deleted;
  }
}

/** Runs the sweep at start and then every `everyMs`; stop() waits for a sweep under way. */
export function startRetentionSweep(s: Services, everyMs = 10 * 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = deleteExpiredPersonalData(s).then(
      (n) => n && s.logger.info({ deleted: n }, 'deleted the personal data of checks past their retention period'),
      (error: Error) => s.logger.error({ err: { message: error.message } }, 'the retention sweep failed; it runs again later'),
    );
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
