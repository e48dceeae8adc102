// What an operator sees of each attempt: a counter by outcome and status class, the time from queueing to a
// 2xx, and a warning for every failed attempt. Logs name the endpoint by id, never by URL (its query string
// may hold the merchant's token), and carry no secret, payload or response body.
import type { Services } from '../../core/services.ts';
import { statusClass } from '../../metrics/metrics.ts';
import type { OutcomeWithContext } from './record-outcomes.ts';

export function observeAttempt(s: Services, { outcome, endpoint, gone }: OutcomeWithContext): void {
  const { delivery, attempt, result } = outcome;
  s.metrics.deliveryAttempts.inc({ outcome: result, status_class: statusClass(attempt.statusCode) });
  const finishedAt = attempt.startedAt + attempt.latencyMs;
  if (result === 'delivered') {
    s.metrics.deliveryLatencySeconds.observe(Math.max(0, finishedAt - delivery.createdAt) / 1000);
    return;
  }
  s.logger.warn(
    {
      endpointId: endpoint.id,
      deliveryId: delivery.id,
      eventType: delivery.eventType,
      attempt: delivery.attempts + 1,
      status: attempt.statusCode,
      errorCode: attempt.errorCode,
      latencyMs: attempt.latencyMs,
      nextAttemptAt: outcome.nextAttemptAt === undefined ? null : new Date(outcome.nextAttemptAt).toISOString(),
      ...(gone ? { endpointDisabled: 'gone' } : {}),
    },
    result === 'retry' ? 'webhook attempt failed; will retry' : 'webhook attempt failed; giving up on this message',
  );
}
