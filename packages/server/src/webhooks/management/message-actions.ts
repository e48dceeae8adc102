// Resending one message, recovering every failed message of an endpoint since a time, and test events.
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import { buildEvent, type EventType } from '../../events/event-types.ts';
import { newId } from '../../ids.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import { DELIVERIES_CHANNEL } from '../../store/events-repo.ts';
import type { MessageRow } from '../../store/deliveries-repo.ts';

async function requeue(s: Services, accountId: string, messages: readonly MessageRow[]): Promise<string[]> {
  const now = s.clock.now();
  const events = (await Promise.all(messages.map((m) => s.store.events.get(accountId, m.eventId)))).map((e, i) => ({ event: e, message: messages[i]! }));
  return s.store.driver.transaction(async (tx) => {
    // Every check's lock up front, in the one order all writers use.
    await s.store.driver.lockKeys(tx, events.flatMap(({ event }) => (event ? [event.checkId] : [])));
    const ids: string[] = [];
    for (const { event, message } of events) {
      if (!event) continue;
      ids.push(
        await s.store.events.queueDelivery(tx, { endpointId: message.endpointId, accountId, eventId: event.id, seq: event.seq, checkId: event.checkId, type: event.type, at: now }),
      );
    }
    if (ids.length) await s.store.driver.notify(DELIVERIES_CHANNEL, tx);
    return ids;
  });
}

export async function resendMessage(s: Services, accountId: string, message: MessageRow): Promise<string> {
  const [id] = await requeue(s, accountId, [message]);
  if (!id) throw new AppError('not_found', 'The event behind this message no longer exists.');
  return id;
}

export async function recoverFailed(s: Services, accountId: string, endpoint: Endpoint, since: number, dryRun: boolean): Promise<number> {
  const failed = await s.store.deliveries.failedSince(accountId, endpoint.id, since);
  // One new attempt per event, however many times it failed before.
  const unique = [...new Map(failed.map((m) => [m.eventId, m])).values()];
  if (dryRun) return unique.length;
  return (await requeue(s, accountId, unique)).length;
}

/** A test event for one endpoint, about a made-up test check: merchants see the exact shape and signature. */
export async function sendTestEvent(s: Services, endpoint: Endpoint, type: EventType): Promise<string> {
  if (!endpoint.enabled) throw new AppError('conflict', 'This endpoint is disabled; enable it to send a test event.');
  const now = s.clock.now();
  const check = { id: `TEST00-${newId('x').slice(-4)}`, accountId: endpoint.accountId, testing: true };
  const event = buildEvent(type, check, now);
  return s.store.driver.transaction(async (tx) => {
    const stored = await s.store.events.insertEvent(tx, check, event);
    const id = await s.store.events.queueDelivery(tx, { endpointId: endpoint.id, accountId: endpoint.accountId, eventId: stored.id, seq: stored.seq, checkId: check.id, type, at: now });
    await s.store.driver.notify(DELIVERIES_CHANNEL, tx);
    return id;
  });
}
