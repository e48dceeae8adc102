// The sender thread signs and POSTs what the delivery worker hands it: the bytes and headers a receiver gets
// are those of signPayload in this thread, and a job the sender refuses comes back as a rejection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret, signPayload } from '@realid/webhooks';
import { SenderThread } from '../src/webhooks/engine/sender/sender-thread.ts';
import type { SendJob } from '../src/webhooks/engine/sender/send-job.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

describe('sender thread', () => {
  let receiver: WebhookReceiver;
  const sender = new SenderThread();
  const secrets = [generateSecret(), generateSecret()];
  const job = (over: Partial<SendJob> = {}): SendJob => ({
    url: receiver.url,
    body: '{"event":"check.completed","created_at":"2026-11-26T00:00:00Z","check":{"id":"SENDER-0001","testing":true}}',
    secrets,
    eventId: 'evt_sender0000000000001',
    eventType: 'check.completed',
    timestamp: 1_795_000_000,
    attempt: 3,
    options: { allowLoopback: true, totalTimeoutMs: 5_000 },
    ...over,
  });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    await sender.start();
  });
  afterAll(() => receiver.close());

  it('sends many jobs at once, each signed exactly as in this thread', async () => {
    const jobs = Array.from({ length: 50 }, (_, i) => job({ eventId: `evt_sender${String(i).padStart(13, '0')}`, attempt: i + 1 }));
    const results = await Promise.all(jobs.map((j) => sender.send(j)));
    expect(results.every((r) => r.ok && r.status === 200 && r.responseExcerpt === 'ok')).toBe(true);
    expect(receiver.deliveries).toHaveLength(50);
    for (const j of jobs) {
      const got = receiver.deliveries.find((d) => d.headers['webhook-id'] === j.eventId)!;
      const expected = signPayload({ body: j.body, secrets, id: j.eventId, event: j.eventType, timestamp: j.timestamp, attempt: j.attempt });
      expect(got.raw.toString('utf8')).toBe(j.body);
      expect(got.headers['x-real-id-signature']).toBe(expected['X-Real-ID-Signature']);
      expect(got.headers['webhook-signature']).toBe(expected['webhook-signature']);
      expect(got.headers['x-real-id-attempt']).toBe(String(j.attempt));
    }
  });

  it('answers network failures as results and refused jobs as rejections', async () => {
    const refused = await sender.send(job({ url: 'http://127.0.0.1:1/hooks' }));
    expect(refused).toMatchObject({ ok: false, errorCode: 'connection_refused' });
    const blocked = await sender.send(job({ url: 'http://10.0.0.1/hooks' }));
    expect(blocked).toMatchObject({ ok: false, errorCode: 'blocked_address' });
    await expect(sender.send(job({ options: { allowLoopback: true, totalTimeoutMs: -1 } }))).rejects.toThrow('totalTimeoutMs must be a positive number');
  });
});
