// Test-mode checks can be driven without a phone: open, submit a photo, pass, or fail with any reason.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { buildEvent, type PendingEvent } from '../events/event-types.ts';
import { REASONS, reason, SUBCHECK_FOR_REASON, type ReasonCode } from './reason-codes.ts';
import { commitCheck } from './commit-check.ts';
import type { SimulateBody } from '../http/schemas/api-types.ts';
import { requiredPhotoKinds, type CheckRecord } from './check-types.ts';
import { openCheck } from './customer-actions.ts';
import { assertNotDeleted } from './merchant-actions.ts';
import { submitPhoto } from './submit-photo.ts';
import { nextStep } from './transition-table.ts';
import { settleAll } from './verdict.ts';

/** The body of `POST /checks/{id}/simulate`, as its schema validates it: `fail` checks its `reason` here. */
export type SimulateAction = SimulateBody;

/** A 1×1 PNG: a real image for the content check, standing in for the customer's photo. */
const SAMPLE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const FINAL_REASONS = (Object.keys(REASONS) as ReasonCode[]).filter((c) => !REASONS[c].retryable);

/** The final reason code a simulated failure is given; anything else is refused with `validation_failed`. */
export function finalReason(code: string | undefined): ReasonCode {
  if (FINAL_REASONS.includes(code as ReasonCode)) return code as ReasonCode;
  const oneOf = `one of ${FINAL_REASONS.join(', ')}`;
  throw new AppError('validation_failed', `Unknown final reason "${code}": use ${oneOf}.`, [{ field: 'reason', message: `must be ${oneOf}` }]);
}

/** Walks a check forward through `opened` and `submitted-photo` so that the contract's events all appear. */
function walkToSubmitted(check: CheckRecord, now: number, events: PendingEvent[]): CheckRecord {
  let next = check;
  if (next.step === 'delivered') {
    next = { ...next, step: nextStep(next.step, 'open'), openedAt: now };
    events.push(buildEvent('check.opened', next, now));
  }
  if (next.step === 'opened') {
    next = { ...next, step: nextStep(next.step, 'submit_photo') };
    events.push(buildEvent('check.submitted-photo', next, now));
  }
  return next;
}

export async function simulate(s: Services, check: CheckRecord, input: SimulateAction): Promise<CheckRecord> {
  if (!check.testing) throw new AppError('test_mode_only', 'Only test-mode checks can be simulated; create the check with a test key.');
  assertNotDeleted(check);
  if (input.action === 'open') return openCheck(s, check);
  if (input.action === 'submit_photo') {
    const photos = await s.store.checks.listPhotos(check.accountId, check.id);
    const accepted = new Set(photos.filter((p) => p.status === 'accepted').map((p) => p.kind));
    const kind = input.kind ?? requiredPhotoKinds(check.rules).find((k) => !accepted.has(k)) ?? 'front';
    return (await submitPhoto(s, check, { kind, bytes: SAMPLE_PNG })).check;
  }
  const now = s.clock.now();
  const events: PendingEvent[] = [];
  let next = walkToSubmitted({ ...check, updatedAt: now, finishedAt: now }, now, events);
  if (input.action === 'pass') {
    next = { ...next, step: nextStep(next.step, 'complete'), verdict: 'passed', subChecks: settleAll(next.subChecks, 'passed') };
  } else {
    const code = finalReason(input.reason);
    const failing = code === 'retakes_exhausted' ? 'document_readable' : (SUBCHECK_FOR_REASON[code] ?? 'manual_review');
    const present = next.subChecks.some((sc) => sc.name === failing);
    const subChecks = present ? next.subChecks : [...next.subChecks, { name: failing, status: 'pending' as const, reasons: [] }];
    next = {
      ...next,
      step: nextStep(next.step, 'fail'),
      verdict: 'failed',
      subChecks: subChecks.map((sc) => (sc.name === failing ? { ...sc, status: 'failed' as const, reasons: [reason(code)] } : sc)),
    };
  }
  events.push(buildEvent(`check.${next.step}` as 'check.completed' | 'check.failed', next, now));
  return commitCheck(s.store, next, check.version, events);
}
