// What a merchant does with checks: list them, note who read their personal data, override a verdict, and
// delete a check's personal data.
import type { Services } from '../core/services.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { buildEvent } from '../events/event-types.ts';
import { reason } from './reason-codes.ts';
import { commitCheck } from './commit-check.ts';
import type { AccessAction, Actor } from '../store/access-log-repo.ts';
import type { CheckFilters } from '../store/checks-repo.ts';
import type { SqlExecutor } from '../store/sql-driver.ts';
import type { CheckRecord } from './check-types.ts';
import { nextStep } from './transition-table.ts';
import { settleAll } from './verdict.ts';

/** The account's checks of one mode, newest first, as filtered. */
export function listChecks(s: Services, accountId: string, testing: boolean, filters: Omit<CheckFilters, 'testing'>): Promise<CheckRecord[]> {
  return s.store.checks.list(accountId, { ...filters, testing });
}

/** Every read of checks' personal data goes into the access log, by the key or user that made it; deleted checks hold none. */
export async function recordAccess(s: Services, accountId: string, actor: Actor, checks: readonly CheckRecord[], action: AccessAction): Promise<void> {
  const ids = checks.filter((c) => c.deletedAt === null).map((c) => c.id);
  if (ids.length === 0) return;
  await s.store.driver.transaction((tx) => s.store.accessLog.record(tx, accountId, ids, actor, action, s.clock.now()));
}

/** A check of the caller's account and mode: a test key's view of a live check is the same 404 as another account's. */
export async function loadCheck(s: Services, principal: { account: { id: string }; mode: 'test' | 'live' }, id: string): Promise<CheckRecord> {
  const check = await s.store.checks.get(principal.account.id, id);
  if (!check || check.testing !== (principal.mode === 'test')) throw notFound('Check');
  return check;
}

export function assertNotDeleted(check: CheckRecord): void {
  if (check.deletedAt !== null) throw new AppError('check_deleted', 'This check’s personal data was deleted; it can no longer change.');
}

/** Who acted, for the access log, written in the same commit as the change. */
export type ActingAs = { actor: Actor } | { simulation: true };

const logged = (s: Services, check: CheckRecord, as: ActingAs, action: AccessAction, now: number) => async (tx: SqlExecutor) => {
  if ('actor' in as) await s.store.accessLog.record(tx, check.accountId, [check.id], as.actor, action, now);
};

export async function decide(s: Services, check: CheckRecord, verdict: 'passed' | 'failed', as: ActingAs, note?: string): Promise<CheckRecord> {
  const by = 'actor' in as ? 'merchant' : 'simulation';
  assertNotDeleted(check);
  const now = s.clock.now();
  const step = nextStep(check.step, verdict === 'passed' ? 'approve' : 'reject');
  // The merchant's note is personal to this case: it is kept, sealed, in the decision, not in the reason codes.
  const reasons = verdict === 'failed' ? [reason('manual_rejected')] : [];
  const next: CheckRecord = {
    ...check,
    step,
    verdict,
    subChecks: settleAll(
      // An approval overrides earlier failures too; a rejection keeps the passes that were earned.
      verdict === 'passed' ? check.subChecks.map((sc) => ({ ...sc, status: 'pending' as const, reasons: [] })) : check.subChecks,
      verdict,
      reasons,
    ),
    decision: { by, verdict, ...(note ? { reason: note } : {}), at: now },
    updatedAt: now,
    finishedAt: now,
  };
  const events = [buildEvent(`check.${step}` as 'check.completed' | 'check.failed', next, now)];
  return commitCheck(s.store, next, check.version, events, logged(s, check, as, verdict === 'passed' ? 'approved' : 'rejected', now));
}

/** Deletes personal data and photos for good, keeping a tombstone (id, step, verdict, timestamps). */
export async function deleteCheckData(s: Services, check: CheckRecord, actor: Actor, action: 'deleted' | 'retention_deleted' = 'deleted'): Promise<CheckRecord> {
  if (check.deletedAt !== null) return check;
  const now = s.clock.now();
  const next: CheckRecord = {
    ...check,
    customer: null,
    order: null,
    document: null,
    scores: {},
    content: null,
    analysisState: {},
    subChecks: check.subChecks.map((sc) => ({ ...sc, reasons: sc.reasons.map((r) => ({ ...r, message: r.code })) })),
    decision: check.decision && { by: check.decision.by, verdict: check.decision.verdict, at: check.decision.at },
    deletedAt: now,
    updatedAt: now,
  };
  const saved = await commitCheck(s.store, next, check.version, [], async (tx) => {
    await s.store.checks.deletePhotos(tx, check.accountId, check.id);
    await s.store.privacyRequests.eraseMessages(tx, check.accountId, check.id);
    await s.store.accessLog.record(tx, check.accountId, [check.id], actor, action, now);
  });
  try {
    await s.blobs.deletePrefix(`${check.accountId}/${check.id}`);
  } catch (error) {
    // The data key is gone, so nothing can read these files; the operator should still hear about them.
    s.logger.error({ checkId: check.id, err: { message: (error as Error).message } }, 'photo files of a deleted check remain on disk');
  }
  await s.store.driver.purgeDeleted().catch((error: Error) => s.logger.warn({ err: { message: error.message } }, 'could not truncate the WAL after a deletion'));
  return saved;
}
