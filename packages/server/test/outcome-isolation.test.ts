// One merchant's receiver must not stall another's deliveries. A receiver answering 200 with a NUL byte in its
// body (`ok\u0000`) once made its attempt unstorable on PostgreSQL, which failed the whole group-committed batch
// of outcomes, so every delivery in it went out again when its lease expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver.ts';

const CHECKS_EACH = 30;

describe.each(DIALECTS)('outcome isolation through the worker on %s', (dialect) => {
  let t: TestService;
  let healthy: WebhookReceiver;
  let nul: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestService(dialect, { worker: true });
    healthy = await startWebhookReceiver();
    nul = await startWebhookReceiver();
    nul.behaviour = () => ({ status: 200, body: 'ok\u0000' });
  });
  afterAll(async () => {
    await t.close();
    await healthy.close();
    await nul.close();
  });

  async function merchant(receiver: WebhookReceiver): Promise<string> {
    const { testKey } = await t.newAccount();
    const created = await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: receiver.url, event_types: ['check.delivered'] });
    expect(created.status).toBe(201);
    return testKey;
  }
  const delivered = async (key: string) =>
    (await t.api(key, 'GET', '/api/v1/webhooks/messages?status=delivered&limit=100')).body.messages as { id: string; attempts: number }[];

  it('delivers a healthy merchant’s events exactly once beside a receiver answering with a NUL byte, and records that one’s attempts', async () => {
    const [healthyKey, nulKey] = [await merchant(healthy), await merchant(nul)];
    // Interleaved, so that both merchants' answers arrive in the same turns and share outcome batches.
    await Promise.all(
      Array.from({ length: CHECKS_EACH }, (_, i) => [healthyKey, nulKey].map((key) => t.api(key, 'POST', '/api/v1/checks', { customer: { email: `c${i}@example.com` } }))).flat(),
    );

    await waitFor(async () => (await delivered(healthyKey)).length === CHECKS_EACH && (await delivered(nulKey)).length === CHECKS_EACH, 'every message of both merchants recorded as delivered');
    // A delivered message is never claimed again, so these counts are final.
    for (const key of [healthyKey, nulKey]) expect((await delivered(key)).every((m) => m.attempts === 1)).toBe(true);
    expect(healthy.deliveries).toHaveLength(CHECKS_EACH);
    expect(new Set(healthy.deliveries.map((d) => d.headers['webhook-id'])).size).toBe(CHECKS_EACH);

    const [message] = await delivered(nulKey);
    const attempts = (await t.api(nulKey, 'GET', `/api/v1/webhooks/messages/${message!.id}/attempts`)).body.attempts;
    // NUL cannot be stored as text on PostgreSQL; it is replaced, as invalid UTF-8 is, by U+FFFD on both engines.
    expect(attempts).toMatchObject([{ attempt_no: 1, status_code: 200, error_code: null, response_excerpt: 'ok\uFFFD' }]);
  });
});
