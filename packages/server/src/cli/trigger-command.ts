// `realid trigger <event>`: a test check driven to one event by the server (`POST /api/v1/checks/trigger`), which
// checks the whole request before it creates the check, so a refused argument leaves no stray check behind.
import { isEventType } from '@realid/webhooks';
import { ConfigError } from '../config/config.ts';
import type { TriggerAnswer, TriggerBody } from '../http/schemas/api-types.ts';
import { apiTarget, callApi } from './api-client.ts';
import type { ParsedValues } from './parse-command-line.ts';

export async function triggerCommand(values: ParsedValues): Promise<number> {
  const event = values.event as string;
  if (!isEventType(event)) throw new ConfigError(`Unknown event "${event}". See realid trigger --help for the eight events.`);
  if (values.reason !== undefined && event !== 'check.failed') throw new ConfigError('--reason goes with check.failed only');
  const target = apiTarget(values);
  // Live checks reach real customers and cannot be simulated: trigger works in test mode only.
  if (target.mode !== 'test') throw new ConfigError('realid trigger creates test checks: give it a test key (sk_test_…).');
  const body: TriggerBody = { event, ...(values.reason !== undefined ? { reason: values.reason as string } : {}) };
  const { check } = await callApi<TriggerAnswer>(target, 'POST', '/api/v1/checks/trigger', body);
  if (values.json) console.log(JSON.stringify({ event, check_id: check.id, link: check.link }, null, 2));
  else {
    console.log(`Created test check ${check.id}; the customer's link is ${check.link}`);
    console.log(`Triggered ${event} (with the check's earlier events on the way).`);
  }
  return 0;
}
