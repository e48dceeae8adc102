// `realid trigger <event>`: a test check driven to one event through the API, as a merchant's code and a
// customer would drive it: the test simulator for the check.* events, the customer's link for the privacy ones.
import { isEventType, type RealIdEventType } from '@realid/webhooks';
import { ConfigError } from '../config/config.ts';
import { apiTarget, callApi, type ApiTarget } from './api-client.ts';
import type { ParsedValues } from './parse-command-line.ts';

interface CreatedCheck {
  check: { id: string; link: string };
}

type Step = { path: (check: CreatedCheck['check']) => string; body: object; auth: boolean };

const simulate = (body: object): Step => ({ path: (c) => `/api/v1/checks/${c.id}/simulate`, body, auth: true });
/** The customer's side needs no key, only the link's token. */
const privacy = (kind: string): Step => ({
  path: (c) => `/api/v1/customer/${encodeURIComponent(new URL(c.link).pathname.split('/').pop()!)}/privacy-requests`,
  body: { kind },
  auth: false,
});

function stepFor(event: RealIdEventType, reason: string): Step | undefined {
  switch (event) {
    case 'check.delivered':
      return undefined;
    case 'check.opened':
      return simulate({ action: 'open' });
    case 'check.submitted-photo':
      return simulate({ action: 'submit_photo' });
    case 'check.completed':
      return simulate({ action: 'pass' });
    case 'check.failed':
      return simulate({ action: 'fail', reason });
    case 'customer.data_request':
      return privacy('data_request');
    case 'customer.manual_review_requested':
      return privacy('manual_review');
    case 'customer.data_deletion_request':
      return privacy('data_deletion');
  }
}

async function trigger(target: ApiTarget, event: RealIdEventType, reason: string): Promise<CreatedCheck['check']> {
  const { check } = await callApi<CreatedCheck>(target, 'POST', '/api/v1/checks', {
    customer: { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' },
    order: { name: `realid trigger ${event}` },
  });
  const step = stepFor(event, reason);
  if (step) await callApi(target, 'POST', step.path(check), step.body, step.auth);
  return check;
}

export async function triggerCommand(values: ParsedValues): Promise<number> {
  const event = values.event as string;
  if (!isEventType(event)) throw new ConfigError(`Unknown event "${event}". See realid trigger --help for the eight events.`);
  if (values.reason !== undefined && event !== 'check.failed') throw new ConfigError('--reason goes with check.failed only');
  const target = apiTarget(values);
  // Live checks reach real customers and cannot be simulated: trigger works in test mode only.
  if (target.mode !== 'test') throw new ConfigError('realid trigger creates test checks: give it a test key (sk_test_…).');
  const check = await trigger(target, event, (values.reason as string | undefined) ?? 'document_expired');
  if (values.json) console.log(JSON.stringify({ event, check_id: check.id, link: check.link }, null, 2));
  else {
    console.log(`Created test check ${check.id}; the customer's link is ${check.link}`);
    console.log(`Triggered ${event} (with the check's earlier events on the way).`);
  }
  return 0;
}
