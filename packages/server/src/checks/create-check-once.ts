// `POST /checks` with an Idempotency-Key: the first request creates the check; the same key with the same body
// (per account and mode, for 24 hours) gets the first answer again, with no second check, event or email; the
// same key with another body is refused. Two requests racing with one key create one check: the loser's
// transaction finds the key taken, rolls back, and replays the winner's answer.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { sha256Hex } from '../ids.ts';
import type { Principal } from '../http/authenticate.ts';
import type { IdempotencyScope, StoredAnswer } from '../store/idempotency-repo.ts';
import type { CreateCheckAnswer, CreateCheckBody } from '../http/schemas/api-types.ts';
import { checkInput } from './check-input.ts';
import { checkSummary } from './check-view.ts';
import { createCheck, type CreatedCheck } from './create-check.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const SANE_KEY = /^[\x21-\x7e]{1,255}$/;

export interface CreateAnswer {
  answer: CreateCheckAnswer;
  replayed: boolean;
}

class KeyTaken extends Error {}

/** JSON with object keys sorted, so a body sent with its fields in another order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function validIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !SANE_KEY.test(header)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, say).', [
      { field: 'headers.idempotency-key', message: 'must be 1–255 visible ASCII characters' },
    ]);
  }
  return header;
}

async function replay(s: Services, principal: Principal, stored: StoredAnswer, requestHash: string): Promise<CreateAnswer> {
  if (stored.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used with another request body in the last 24 hours; use a new key for a new check.');
  }
  s.metrics.idempotentReplays.inc();
  if (stored.answer !== undefined) {
    // The answer holds the customer's personal data: reading it again is an access like any other.
    const { account, actor } = principal;
    await s.store.driver.transaction((tx) => s.store.accessLog.record(tx, account.id, [stored.checkId], actor, 'viewed', s.clock.now()));
    return { answer: stored.answer as CreateCheckAnswer, replayed: true };
  }
  // The check's personal data was deleted, and with its key the sealed answer (its link with it): nothing to
  // replay, and the key must not create a second check either.
  throw new AppError('check_deleted', `The check this Idempotency-Key created (${stored.checkId}) was deleted with its personal data, so its answer cannot be given again. Use a new key to create another check.`);
}

export async function createCheckOnce(s: Services, principal: Principal, key: string, body: CreateCheckBody): Promise<CreateAnswer> {
  const { account, mode, actor } = principal;
  const scope: IdempotencyScope = { accountId: account.id, mode, keyHash: sha256Hex(key) };
  const requestHash = sha256Hex(canonicalJson(body));
  const now = s.clock.now();
  void s.store.idempotency.prune(now).catch((error: Error) => s.logger.warn({ err: { message: error.message } }, 'could not prune expired idempotency keys'));
  const earlier = await s.store.idempotency.find(scope, now);
  if (earlier) return replay(s, principal, earlier, requestHash);
  const answerOf = ({ check, link }: CreatedCheck): CreateCheckAnswer => ({ message: 'Delivered ID check', check: { ...checkSummary(check, account), link } });
  try {
    const created = await createCheck(s, account, mode === 'test', checkInput(body), actor, async (tx, created) => {
      const dataKey = (await s.store.checks.dataKey(tx, account.id, created.check.id))!;
      const claimed = await s.store.idempotency.claim(tx, scope, { requestHash, checkId: created.check.id, dataKey, answer: answerOf(created), now, expiresAt: now + IDEMPOTENCY_TTL_MS });
      if (!claimed) throw new KeyTaken();
    });
    return { answer: answerOf(created), replayed: false };
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error;
    const winner = await s.store.idempotency.find(scope, now);
    if (!winner) throw new AppError('conflict', 'Another request with this Idempotency-Key was under way; retry the request.');
    return replay(s, principal, winner, requestHash);
  }
}
