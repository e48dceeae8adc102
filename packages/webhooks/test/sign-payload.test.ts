import { describe, expect, it } from 'vitest';
import { constructEvent, generateTestHeaders, signPayload, signPayloadAsync, verifyWebhook } from '../src/index.ts';
import { completed, NEWER_SECRET, nowSeconds, SECRET } from './fixtures.ts';

const body = JSON.stringify(completed);

describe('signPayload', () => {
  it('returns every delivery header, synchronously, with the event taken from the body', () => {
    const headers = signPayload({ body, secrets: [SECRET, NEWER_SECRET], id: 'evt_1', timestamp: 1_700_000_000, attempt: 2 });
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      'X-Real-ID-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
      'X-Real-ID-Event': 'check.completed',
      'X-Real-ID-Attempt': '2',
      'webhook-id': 'evt_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/),
    });
  });

  it('keys X-Real-ID-Signature with the oldest (first) secret during a rotation', () => {
    const rotating = signPayload({ body, secrets: [SECRET, NEWER_SECRET], id: 'evt_1', timestamp: 1 });
    const oldOnly = signPayload({ body, secrets: SECRET, id: 'evt_1', timestamp: 1 });
    expect(rotating['X-Real-ID-Signature']).toBe(oldOnly['X-Real-ID-Signature']);
    expect(rotating['webhook-signature'].startsWith(oldOnly['webhook-signature'])).toBe(true);
  });

  it('agrees with signPayloadAsync', async () => {
    const input = { body: new TextEncoder().encode(body), secrets: [SECRET, NEWER_SECRET], id: 'evt_2', timestamp: 5, event: 'check.completed' as const };
    expect(await signPayloadAsync(input)).toEqual(signPayload(input));
  });

  it.each([
    [{ id: 'evt.1' }, /dots/],
    [{ id: 'evt 1' }, /whitespace/],
    [{ id: '' }, /non-empty/],
    [{ timestamp: 1.5 }, /unix seconds/],
    [{ timestamp: -1 }, /unix seconds/],
    [{ attempt: 0 }, /attempt/],
    [{ body: '{"event":"check.created"}' }, /Pass `event`/],
  ])('refuses %j', (override, message) => {
    expect(() => signPayload({ body, secrets: SECRET, id: 'evt_1', timestamp: 1, ...override })).toThrow(message);
  });

  it('refuses a bad secret with invalid_secret', () => {
    expect(() => signPayload({ body, secrets: `${SECRET}\n`, id: 'evt_1', timestamp: 1 })).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
  });
});

describe('generateTestHeaders', () => {
  it('builds a delivery the verifier accepts, from an event object', async () => {
    const { body: sent, headers } = await generateTestHeaders(completed, SECRET);
    expect(sent).toBe(body);
    expect(headers['webhook-id']).toMatch(/^evt_test_[0-9a-f]{20}$/);
    expect(Math.abs(Number(headers['webhook-timestamp']) - nowSeconds())).toBeLessThanOrEqual(1);
    await expect(constructEvent(sent, headers, SECRET)).resolves.toEqual(completed);
  });

  it('honours id, timestamp and attempt, and signs a given string as is', async () => {
    const raw = ` ${body}`;
    const { body: sent, headers } = await generateTestHeaders(raw, [SECRET, NEWER_SECRET], { id: 'evt_fixed', timestamp: 42, attempt: 3 });
    expect(sent).toBe(raw);
    await expect(verifyWebhook(sent, headers, NEWER_SECRET, { now: () => new Date(42_000) })).resolves.toMatchObject({ id: 'evt_fixed', timestamp: 42, attempt: 3 });
  });
});
