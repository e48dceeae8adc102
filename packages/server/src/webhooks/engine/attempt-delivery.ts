// One attempt: sign the stored bytes with the account's active secrets, POST them safely, and decide
// what happens next (done, retry later, or give up).
import type { Services } from '../../core/services.ts';
import type { EventType } from '../../events/event-types.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import type { ClaimedDelivery, Outcome } from '../../store/deliveries-repo.ts';
import type { SendResult } from './outbound/index.ts';
import type { SendJob } from './sender/send-job.ts';
import { destinationPolicy } from './destination-policy.ts';
import type { RetrySchedule } from '../../config/retry-schedule.ts';
import { nextAttemptDelay, type RandomSource } from './retry-policy.ts';
import type { OutcomeWithContext } from './record-outcomes.ts';

export interface AttemptContext {
  s: Services;
  workerId: string;
  /** Per mode (destination-policy.ts): live endpoints only to public addresses over https. */
  outbound: Record<'live' | 'test', SendJob['options']>;
  /** Signs and POSTs: on the sender thread, or right here. */
  send(job: SendJob): Promise<SendResult>;
  schedule: RetrySchedule;
  random: RandomSource;
}

/** A worker's context for its attempts, from the webhook settings. */
export function attemptContext(s: Services, workerId: string, random: RandomSource, send: AttemptContext['send']): AttemptContext {
  const w = s.config.webhooks;
  const outbound = {
    connectTimeoutMs: w.connectTimeoutMs,
    totalTimeoutMs: w.totalTimeoutMs,
    ...(w.localAddress ? { localAddress: w.localAddress } : {}),
    ...(w.proxyUrl ? { proxyUrl: w.proxyUrl } : {}),
  };
  return {
    s,
    workerId,
    schedule: w.retrySchedule,
    random,
    outbound: { live: { ...outbound, ...destinationPolicy(w, 'live') }, test: { ...outbound, ...destinationPolicy(w, 'test') } },
    send,
  };
}

export async function attemptDelivery(
  ctx: AttemptContext,
  delivery: ClaimedDelivery,
  endpoint: Endpoint,
  payload: string,
  secrets: readonly string[],
): Promise<OutcomeWithContext> {
  const startedAt = ctx.s.clock.now();
  const attemptNo = delivery.attempts + 1;
  const result = await ctx.send({
    url: endpoint.url,
    body: payload,
    secrets,
    eventId: delivery.eventId,
    eventType: delivery.eventType as EventType,
    timestamp: Math.floor(startedAt / 1000),
    attempt: attemptNo,
    options: ctx.outbound[endpoint.mode],
  });
  let outcomeResult: Outcome['result'] = 'delivered';
  let nextAttemptAt: number | undefined;
  if (!result.ok) {
    // A URL we will never send to cannot start working by waiting; an address may (DNS changes), so it retries.
    const final = result.gone || result.errorCode === 'invalid_url' || result.errorCode === 'https_required';
    const delay = final ? null : nextAttemptDelay(attemptNo, ctx.schedule, ctx.random, result.retryAfterMs);
    outcomeResult = delay === null ? 'failed' : 'retry';
    if (delay !== null) nextAttemptAt = startedAt + result.latencyMs + delay;
  }
  return {
    endpoint,
    gone: result.gone === true,
    outcome: {
      delivery,
      workerId: ctx.workerId,
      result: outcomeResult,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt } : {}),
      attempt: {
        startedAt,
        latencyMs: result.latencyMs,
        statusCode: result.status ?? null,
        errorCode: result.errorCode ?? null,
        errorMessage: result.errorMessage ?? null,
        responseExcerpt: result.responseExcerpt ?? null,
      },
    },
  };
}
