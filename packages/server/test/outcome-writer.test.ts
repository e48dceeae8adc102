// Outcomes are written in batches: one that cannot be written (its delivery vanished with its endpoint while the
// attempt was in flight, or the database refuses a value) must not take the rest of its batch down with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEvent } from '../src/events/event-types.ts';
import { newId } from '../src/ids.ts';
import type { ClaimedDelivery } from '../src/store/deliveries-repo.ts';
import type { Endpoint } from '../src/store/endpoints-repo.ts';
import { OutcomeWriter, type OutcomeWithContext } from '../src/webhooks/engine/record-outcomes.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(DIALECTS)('outcome writer on %s', (dialect) => {
  let t: TestService;

  beforeEach(async () => {
    t = await startTestService(dialect);
  });
  afterEach(() => t.close());

  async function twoEndpointsWithAClaimedDeliveryEach() {
    const { account } = await t.newAccount();
    const endpoints: Endpoint[] = [];
    for (const url of ['https://a.example/hooks', 'https://b.example/hooks']) {
      const now = t.clock.now();
      const endpoint: Endpoint = {
        id: newId('ep'), accountId: account.id, mode: 'test', url, eventTypes: ['check.completed'], description: '', enabled: true,
        disabledReason: null, failingSince: null, createdAt: now, updatedAt: now,
      };
      await t.services.store.endpoints.insert(endpoint);
      endpoints.push(endpoint);
    }
    const check = { id: 'OUTCOM-0001', accountId: account.id, testing: true };
    await t.services.store.driver.transaction((tx) => t.services.store.events.append(tx, check, [buildEvent('check.completed', check, t.clock.now())]));
    const claimed = await t.services.store.deliveries.claim({ workerId: 'w1', now: t.clock.now(), leaseMs: 60_000, limit: 10 });
    expect(claimed).toHaveLength(2);
    const deliveries = endpoints.map((e) => claimed.find((d) => d.endpointId === e.id)!) as [ClaimedDelivery, ClaimedDelivery];
    return { accountId: account.id, endpoints: endpoints as [Endpoint, Endpoint], deliveries };
  }

  const outcome = (delivery: ClaimedDelivery, endpoint: Endpoint, attempt: Partial<OutcomeWithContext['outcome']['attempt']> = {}): OutcomeWithContext => ({
    endpoint,
    gone: false,
    outcome: {
      delivery,
      workerId: 'w1',
      result: 'delivered',
      attempt: { startedAt: t.clock.now(), latencyMs: 4, statusCode: 200, errorCode: null, errorMessage: null, responseExcerpt: 'ok', ...attempt },
    },
  });

  it('records the batch’s other outcomes when an endpoint was deleted during its attempt', async () => {
    const { accountId, endpoints, deliveries: [gone, kept] } = await twoEndpointsWithAClaimedDeliveryEach();
    expect(await t.services.store.endpoints.delete(accountId, endpoints[0].id)).toBe(true);

    const writer = new OutcomeWriter(t.services);
    // Recorded in the same turn, so both are in one batch (one transaction).
    await Promise.all([writer.record(outcome(gone, endpoints[0])), writer.record(outcome(kept, endpoints[1]))]);

    const message = await t.services.store.deliveries.getMessage(accountId, kept.id, 'test');
    expect(message?.status).toBe('delivered');
    expect(await t.services.store.deliveries.listAttempts(accountId, kept.id)).toMatchObject([{ attemptNo: 1, statusCode: 200 }]);
    expect(await t.services.store.deliveries.getMessage(accountId, gone.id, 'test')).toBeUndefined();
  });

  it('records the batch’s other outcomes when the database refuses one of them, and fails only that one', async () => {
    const { accountId, endpoints, deliveries: [refused, kept] } = await twoEndpointsWithAClaimedDeliveryEach();
    const writer = new OutcomeWriter(t.services);
    // Whatever the reason a row cannot be written (here a NOT NULL column left empty), it is that row's alone.
    const results = await Promise.allSettled([
      writer.record(outcome(refused, endpoints[0], { latencyMs: null as unknown as number })),
      writer.record(outcome(kept, endpoints[1])),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);

    expect(await t.services.store.deliveries.getMessage(accountId, kept.id, 'test')).toMatchObject({ status: 'delivered', attempts: 1 });
    // Still leased and untried: its lease expiring sends it again.
    expect(await t.services.store.deliveries.getMessage(accountId, refused.id, 'test')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await t.services.store.deliveries.listAttempts(accountId, refused.id)).toEqual([]);
  });

  it('stores a NUL in an answer or an error message as U+FFFD on both engines', async () => {
    const { accountId, endpoints, deliveries: [first] } = await twoEndpointsWithAClaimedDeliveryEach();
    await new OutcomeWriter(t.services).record(outcome(first, endpoints[0], { responseExcerpt: 'ok\u0000\u0000!', errorMessage: 'a\u0000b' }));
    expect(await t.services.store.deliveries.listAttempts(accountId, first.id)).toMatchObject([{ responseExcerpt: 'ok\uFFFD\uFFFD!', errorMessage: 'a\uFFFDb' }]);
  });
});
