// Outcomes are written in batches: one whose delivery vanished meanwhile (its endpoint was deleted while the
// attempt was in flight) must not take the rest of its batch down with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEvent } from '../src/events/event-types.ts';
import { newId } from '../src/ids.ts';
import type { ClaimedDelivery } from '../src/store/deliveries-repo.ts';
import type { Endpoint } from '../src/store/endpoints-repo.ts';
import { OutcomeWriter, type OutcomeWithContext } from '../src/webhooks/record-outcomes.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(DIALECTS)('outcome writer on %s', (dialect) => {
  let t: TestService;

  beforeEach(async () => {
    t = await startTestService(dialect);
  });
  afterEach(() => t.close());

  it('records the batch’s other outcomes when an endpoint was deleted during its attempt', async () => {
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

    const [gone, kept] = endpoints.map((e) => claimed.find((d) => d.endpointId === e.id)!) as [ClaimedDelivery, ClaimedDelivery];
    expect(await t.services.store.endpoints.delete(account.id, endpoints[0]!.id)).toBe(true);

    const writer = new OutcomeWriter(t.services);
    const outcome = (delivery: ClaimedDelivery, endpoint: Endpoint): OutcomeWithContext => ({
      endpoint,
      gone: false,
      outcome: {
        delivery,
        workerId: 'w1',
        result: 'delivered',
        attempt: { startedAt: t.clock.now(), latencyMs: 4, statusCode: 200, errorCode: null, errorMessage: null, responseExcerpt: 'ok' },
      },
    });
    // Recorded in the same turn, so both are in one batch (one transaction).
    await Promise.all([writer.record(outcome(gone, endpoints[0]!)), writer.record(outcome(kept, endpoints[1]!))]);

    const message = await t.services.store.deliveries.getMessage(account.id, kept.id, 'test');
    expect(message?.status).toBe('delivered');
    expect(await t.services.store.deliveries.listAttempts(account.id, kept.id)).toMatchObject([{ attemptNo: 1, statusCode: 200 }]);
    expect(await t.services.store.deliveries.getMessage(account.id, gone.id, 'test')).toBeUndefined();
  });
});
