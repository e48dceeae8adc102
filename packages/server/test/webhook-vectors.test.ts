// The published test vectors, through the server's real delivery path: stored event → worker → receiver.
// The SDK runs the same file, so sender and receiver agree byte for byte.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEventType } from '../src/events/event-types.ts';
import { newId } from '../src/ids.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

interface Vector {
  name: string;
  secrets: string[];
  id: string;
  timestamp: number;
  body: string;
  expected: { 'X-Real-ID-Signature': string; 'webhook-signature': string };
}

// The server only ever sends realid events; the file also carries the Standard Webhooks spec's own vector.
const vectors = (JSON.parse(readFileSync(new URL('../../../docs/webhook-test-vectors.json', import.meta.url), 'utf8')) as Vector[]).filter(
  (v) => isEventType(String((JSON.parse(v.body) as { event?: unknown }).event)),
);

describe.each(DIALECTS)('published signing vectors through the delivery worker on %s', (dialect) => {
  let t: TestService;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestService(dialect, { worker: true });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const { account, testKey } = await t.newAccount();
    const { driver, events } = t.services.store;
    const type = (JSON.parse(v.body) as { event: string }).event;
    const endpoint = (await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: receiver.url, event_types: [type] })).body.endpoint;
    t.clock.advance(v.timestamp * 1000 - t.clock.now());
    await driver.transaction(async (tx) => {
      await tx.run('DELETE FROM signing_secrets WHERE account_id = ?', [account.id]);
      // Oldest first: every secret but the newest is in its rotation overlap.
      for (const [i, secret] of v.secrets.entries()) {
        const last = i === v.secrets.length - 1;
        await t.services.store.accounts.insertSecret(tx, account.id, 'test', { id: newId('sec'), secret, createdAt: t.clock.now() - 1000 + i, expiresAt: last ? null : t.clock.now() + 3600_000 });
      }
      const row = await tx.get<{ seq: number }>(
        'INSERT INTO events (id, account_id, check_id, type, testing, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
        [v.id, account.id, 'VECTOR-0001', type, true, v.body, t.clock.now()],
      );
      await events.queueDelivery(tx, { endpointId: endpoint.id, accountId: account.id, eventId: v.id, seq: row!.seq, checkId: 'VECTOR-0001', type, at: t.clock.now() });
    });
    t.worker!.wake();
    await waitFor(() => receiver.deliveries.some((d) => d.headers['webhook-id'] === v.id), 'the vector’s delivery');
    const delivered = receiver.deliveries.find((d) => d.headers['webhook-id'] === v.id)!;
    expect(delivered.raw.toString('utf8')).toBe(v.body);
    expect(delivered.headers['webhook-timestamp']).toBe(String(v.timestamp));
    expect(delivered.headers['x-real-id-signature']).toBe(v.expected['X-Real-ID-Signature']);
    expect(delivered.headers['webhook-signature']).toBe(v.expected['webhook-signature']);
  });
});
