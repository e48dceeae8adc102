// How the worker claims when an endpoint is full: it does not read past that endpoint's backlog over and over,
// and it still sees at once what becomes due elsewhere (the next event in another endpoint's line).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventType } from '../src/events/event-types.ts';
import { buildEvent } from '../src/events/event-types.ts';
import { newId } from '../src/ids.ts';
import { DeliveryWorker } from '../src/webhooks/engine/delivery-worker.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

describe.each(DIALECTS)('delivery claims on %s', (dialect) => {
  let t: TestService;
  let worker: DeliveryWorker | undefined;
  const receivers: WebhookReceiver[] = [];
  let accountId: string;

  beforeEach(async () => {
    t = await startTestService(dialect, { config: (c) => (c.webhooks.totalTimeoutMs = 5_000) });
    accountId = (await t.newAccount()).account.id;
  });
  afterEach(async () => {
    // Closing the receivers first ends attempts that hang, so stopping the worker does not wait for timeouts.
    for (const r of receivers.splice(0)) await r.close();
    await worker?.stop();
    await t.close();
  });

  async function endpointFor(eventTypes: EventType[] = ['check.delivered', 'check.opened', 'check.completed']): Promise<WebhookReceiver> {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const now = Date.now();
    await t.services.store.endpoints.insert({
      id: newId('ep'), accountId, mode: 'test', url: receiver.url, eventTypes,
      description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now,
    });
    return receiver;
  }

  /** One check per entry, with these events in this order, committed together. */
  async function queue(checks: EventType[][]): Promise<string[]> {
    const ids = checks.map(() => `CLAIM${Math.random().toString(36).slice(2, 8)}-x`);
    await t.services.store.driver.transaction(async (tx) => {
      for (const [i, types] of checks.entries()) {
        const check = { id: ids[i]!, accountId, testing: true };
        await t.services.store.events.append(tx, check, types.map((type) => buildEvent(type, check, t.clock.now())));
      }
    });
    return ids;
  }

  function countEmptyClaimsPastFullEndpoints(): () => number {
    const deliveries = t.services.store.deliveries;
    const claim = deliveries.claim.bind(deliveries);
    let empty = 0;
    deliveries.claim = async (c) => {
      const claimed = await claim(c);
      if (claimed.length === 0 && (c.skipEndpoints?.length ?? 0) > 0) empty++;
      return claimed;
    };
    return () => empty;
  }

  it('reads past a full endpoint’s backlog once, not after every batch', async () => {
    const receiver = await endpointFor();
    const emptyClaims = countEmptyClaimsPastFullEndpoints();
    await queue(Array.from({ length: 300 }, () => ['check.completed']));
    // Batches of 10 for an endpoint with 4 slots: every batch fills it. Before, each was followed by a claim
    // that skipped it and read its whole due backlog for nothing (about 30 here).
    // What a claim showed expires after a quarter of the idle interval: long enough here for a slow machine.
    worker = new DeliveryWorker(t.services, { batchSize: 10, perEndpoint: 4, idleMs: 8_000 });
    await worker.start();
    await waitFor(() => receiver.accepted().length >= 300, '300 deliveries');
    expect(emptyClaims()).toBeLessThanOrEqual(5);
    expect(new Set(receiver.deliveries.map((d) => d.headers['webhook-id'])).size).toBe(300);
  });

  it('does not let a claim that read the queue before new work arrived hide that work', async () => {
    const stuck = await endpointFor();
    stuck.behaviour = () => 'hang';
    const healthy = await endpointFor(['check.completed']);
    worker = new DeliveryWorker(t.services, { batchSize: 10, perEndpoint: 4, idleMs: 4_000 });
    await worker.start();
    await queue(Array.from({ length: 40 }, () => ['check.opened']));
    await waitFor(() => stuck.deliveries.length >= 4, 'the hanging endpoint to hold its slots');
    // The next claim skips the full endpoint and finds nothing; new work for the other endpoint is committed
    // (and announced) after that claim read the queue, before it returns.
    const deliveries = t.services.store.deliveries;
    const claim = deliveries.claim.bind(deliveries);
    let checkId: string | undefined;
    deliveries.claim = async (c) => {
      const claimed = await claim(c);
      if (checkId === undefined && claimed.length === 0 && (c.skipEndpoints?.length ?? 0) > 0) [checkId] = await queue([['check.completed']]);
      return claimed;
    };
    worker.wake();
    await waitFor(() => checkId !== undefined, 'a claim past the full endpoint');
    await waitFor(() => healthy.accepted().some((d) => d.body.check.id === checkId), 'the work announced during that claim', 2_500);
  });

  it('claims the next event of another endpoint’s line as soon as it is due, while a full endpoint hangs', async () => {
    const stuck = await endpointFor();
    stuck.behaviour = () => 'hang';
    worker = new DeliveryWorker(t.services, { batchSize: 10, perEndpoint: 4, idleMs: 4_000 });
    await worker.start();
    // The hanging endpoint gets work of its own first, fills its slots and leaves a due backlog behind them.
    await queue(Array.from({ length: 40 }, () => ['check.completed']));
    await waitFor(() => stuck.deliveries.length >= 4, 'the hanging endpoint to hold its slots');
    const healthy = await endpointFor();
    // A check's later events become due only when the earlier one is done: nothing announces them.
    const [checkId] = await queue([['check.delivered', 'check.opened', 'check.completed']]);
    await waitFor(() => healthy.accepted().filter((d) => d.body.check.id === checkId).length === 3, 'the whole line', 2_500);
    expect(healthy.accepted().filter((d) => d.body.check.id === checkId).map((d) => d.body.event)).toEqual(['check.delivered', 'check.opened', 'check.completed']);
  });
});
