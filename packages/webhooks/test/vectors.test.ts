import { describe, expect, it } from 'vitest';
import { constructEvent, signPayload, signPayloadAsync, verifySignature, verifyWebhook, WebhookVerificationError } from '../src/index.ts';
import { atSecond, vectors } from './fixtures.ts';

const isEvent = (body: string): boolean => body.includes('"event"');

describe('docs/webhook-test-vectors.json', () => {
  it('has the cases the contract promises', () => {
    expect(vectors.some((v) => v.secrets.length > 1)).toBe(true);
    expect(vectors.some((v) => [...v.body].some((c) => c.charCodeAt(0) > 0x7f))).toBe(true);
  });

  describe.each(vectors)('$name', (vector) => {
    const input = { body: vector.body, secrets: vector.secrets, id: vector.id, timestamp: vector.timestamp, event: 'check.opened' as const };

    it('signs byte for byte (sync and async)', async () => {
      for (const headers of [signPayload(input), await signPayloadAsync(input)]) {
        expect(headers['X-Real-ID-Signature']).toBe(vector.expected['X-Real-ID-Signature']);
        expect(headers['webhook-signature']).toBe(vector.expected['webhook-signature']);
        expect(headers['webhook-timestamp']).toBe(String(vector.timestamp));
      }
    });

    it('verifies with every active secret on its own, from bytes or string', async () => {
      const headers = {
        'webhook-id': vector.id,
        'webhook-timestamp': String(vector.timestamp),
        'webhook-signature': vector.expected['webhook-signature'],
      };
      for (const secret of vector.secrets) {
        for (const body of [vector.body, new TextEncoder().encode(vector.body)]) {
          const now = atSecond(vector.timestamp);
          await expect(verifySignature(body, headers, secret, { now })).resolves.toEqual({
            scheme: 'standard-webhooks',
            id: vector.id,
            timestamp: vector.timestamp,
            attempt: undefined,
          });
          const verifying = verifyWebhook(body, headers, secret, { now });
          if (isEvent(vector.body)) {
            await expect(verifying).resolves.toMatchObject({ id: vector.id, event: JSON.parse(vector.body) as object });
          } else {
            // The signature passed; only the payload shape is refused.
            await expect(verifying).rejects.toMatchObject({ code: 'malformed_payload' });
          }
        }
      }
    });

    it('verifies the body-only signature with the oldest secret when allowed', async () => {
      const headers = { 'X-Real-ID-Signature': vector.expected['X-Real-ID-Signature'] };
      const verifying = constructEvent(vector.body, headers, vector.secrets[0]!, { allowBodyOnly: true });
      if (isEvent(vector.body)) await expect(verifying).resolves.toEqual(JSON.parse(vector.body));
      else await expect(verifying).rejects.toMatchObject({ code: 'malformed_payload' });
    });

    it('rejects the vector one second outside the tolerance', async () => {
      const headers = {
        'webhook-id': vector.id,
        'webhook-timestamp': String(vector.timestamp),
        'webhook-signature': vector.expected['webhook-signature'],
      };
      const late = constructEvent(vector.body, headers, vector.secrets, { now: atSecond(vector.timestamp + 301) });
      await expect(late).rejects.toBeInstanceOf(WebhookVerificationError);
      await expect(late).rejects.toMatchObject({ code: 'timestamp_too_old' });
    });
  });
});
