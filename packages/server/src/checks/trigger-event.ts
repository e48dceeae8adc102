// A new test check driven to one event, to watch an integration react (`realid trigger`). The whole request is
// checked before the check is created, so a refused one leaves no stray check behind.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import type { EventType, PrivacyRequestKind } from '../events/event-types.ts';
import type { Actor } from '../store/access-log-repo.ts';
import type { Account } from '../store/accounts-repo.ts';
import { checkInput } from './check-input.ts';
import type { CheckRecord } from './check-types.ts';
import { createCheck, type CreatedCheck } from './create-check.ts';
import { filePrivacyRequest } from './customer-actions.ts';
import { finalReason, simulate, type SimulateAction } from './simulate-check.ts';

export interface TriggerInput {
  event: EventType;
  /** With `check.failed` only: a final reason code. */
  reason?: string;
}

type Drive = (s: Services, check: CheckRecord) => Promise<CheckRecord>;

const simulating =
  (action: SimulateAction): Drive =>
  (s, check) =>
    simulate(s, check, action);

/** As the customer's page files it; the check itself does not change. */
const filing =
  (kind: PrivacyRequestKind): Drive =>
  async (s, check) => {
    await filePrivacyRequest(s, check, kind, undefined);
    return check;
  };

/** How a new check reaches the event; refuses, before anything is written, a request that cannot be met. */
function driveTo({ event, reason }: TriggerInput): Drive {
  if (reason !== undefined && event !== 'check.failed') {
    throw new AppError('validation_failed', 'A reason goes with check.failed only.', [{ field: 'reason', message: 'is for check.failed only' }]);
  }
  switch (event) {
    case 'check.delivered':
      return async (_s, check) => check;
    case 'check.opened':
      return simulating({ action: 'open' });
    case 'check.submitted-photo':
      return simulating({ action: 'submit_photo' });
    case 'check.completed':
      return simulating({ action: 'pass' });
    case 'check.failed':
      return simulating({ action: 'fail', reason: finalReason(reason ?? 'document_expired') });
    case 'customer.data_request':
      return filing('data_request');
    case 'customer.manual_review_requested':
      return filing('manual_review');
    case 'customer.data_deletion_request':
      return filing('data_deletion');
  }
}

export async function triggerEvent(s: Services, account: Account, testing: boolean, actor: Actor, input: TriggerInput): Promise<CreatedCheck> {
  // Live checks reach real customers and cannot be simulated.
  if (!testing) throw new AppError('test_mode_only', 'Only test checks can be driven to an event; use a test key (sk_test_…).');
  const drive = driveTo(input);
  const body = { customer: { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' }, order: { name: `realid trigger ${input.event}` } };
  const { check, link } = await createCheck(s, account, true, checkInput(body), actor);
  return { check: await drive(s, check), link };
}
