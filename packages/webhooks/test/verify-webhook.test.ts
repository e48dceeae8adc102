import { describe, expect, it } from 'vitest';
import { constructEvent, signPayload, verifySignature, verifyWebhook, type WebhookHeaders } from '../src/index.ts';
import { atSecond, completed, NEWER_SECRET, SECRET } from './fixtures.ts';

const T = 1_700_000_000;
const body = JSON.stringify(completed);
const signed = (secrets: string | string[] = SECRET, extra: { body?: string; timestamp?: number } = {}): WebhookHeaders =>
  signPayload({ body: extra.body ?? body, secrets, id: 'evt_1', timestamp: extra.timestamp ?? T, event: 'check.completed' });
const at = { now: atSecond(T) };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'resolved';
}

describe('verifyWebhook', () => {
  it('returns the event with the webhook-id, timestamp and attempt', async () => {
    const headers = signPayload({ body, secrets: SECRET, id: 'evt_abc', timestamp: T, attempt: 3 });
    await expect(verifyWebhook(body, headers, SECRET, at)).resolves.toEqual({
      scheme: 'standard-webhooks',
      id: 'evt_abc',
      timestamp: T,
      attempt: 3,
      event: completed,
    });
  });

  it('verifySignature authenticates without parsing, so any body works', async () => {
    const raw = 'not json at all';
    const headers = signPayload({ body: raw, secrets: SECRET, id: 'evt_raw', timestamp: T, event: 'check.opened' });
    await expect(verifySignature(raw, headers, SECRET, at)).resolves.toEqual({ scheme: 'standard-webhooks', id: 'evt_raw', timestamp: T, attempt: 1 });
    await expect(codeOf(verifySignature(`${raw}!`, headers, SECRET, at))).resolves.toBe('invalid_signature');
  });

  it('reads headers from Headers, lowercased Node headers, any casing, and repeated signature headers', async () => {
    const headers = signed();
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const repeated = { ...lower, 'webhook-signature': ['v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', headers['webhook-signature']] };
    for (const h of [new Headers(headers), lower, upper, repeated]) {
      await expect(constructEvent(body, h, SECRET, at)).resolves.toEqual(completed);
    }
  });

  it('requires the Standard Webhooks headers by default, so stripping them cannot downgrade a replay', async () => {
    const { 'X-Real-ID-Signature': bodyOnly } = signed();
    const verifying = constructEvent(body, { 'X-Real-ID-Signature': bodyOnly }, SECRET);
    await expect(verifying).rejects.toMatchObject({ code: 'missing_signature', message: expect.stringContaining('allowBodyOnly') });
    await expect(constructEvent(body, {}, SECRET)).rejects.toMatchObject({ code: 'missing_signature' });
  });

  it('names the Standard Webhooks headers that are missing', async () => {
    const headers: Partial<WebhookHeaders> = signed();
    delete headers['webhook-timestamp'];
    await expect(constructEvent(body, headers, SECRET, at)).rejects.toMatchObject({
      code: 'missing_signature',
      message: expect.stringContaining('webhook-timestamp'),
    });
  });

  it('with allowBodyOnly, accepts X-Real-ID-Signature alone but still prefers the Standard Webhooks signature', async () => {
    const headers = signed();
    const bodyOnly = { 'x-real-id-signature': headers['X-Real-ID-Signature'] };
    await expect(verifyWebhook(body, bodyOnly, SECRET, { allowBodyOnly: true })).resolves.toMatchObject({ scheme: 'body-only', id: undefined });
    await expect(codeOf(constructEvent(`${body} `, bodyOnly, SECRET, { allowBodyOnly: true }))).resolves.toBe('invalid_signature');
    const stale = { ...signed(SECRET, { timestamp: T - 3600 }), 'X-Real-ID-Signature': headers['X-Real-ID-Signature'] };
    await expect(codeOf(constructEvent(body, stale, SECRET, { allowBodyOnly: true, ...at }))).resolves.toBe('timestamp_too_old');
  });

  it('accepts any of several secrets, and any of several signatures', async () => {
    await expect(constructEvent(body, signed(NEWER_SECRET), [SECRET, NEWER_SECRET], at)).resolves.toEqual(completed);
    await expect(constructEvent(body, signed([SECRET, NEWER_SECRET]), NEWER_SECRET, at)).resolves.toEqual(completed);
  });

  it('trusts the Standard Webhooks signature when X-Real-ID-Signature is keyed with an older secret the receiver dropped', async () => {
    // Mid-rotation the sender keys X-Real-ID-Signature with the oldest secret; a receiver already on the new one must pass.
    await expect(constructEvent(body, signed([SECRET, NEWER_SECRET]), NEWER_SECRET, at)).resolves.toEqual(completed);
  });

  it('rejects a signature from another secret', async () => {
    await expect(constructEvent(body, signed(NEWER_SECRET), SECRET, at)).rejects.toMatchObject({ code: 'invalid_signature' });
  });

  it('enforces the tolerance in both directions and says by how much, and which way, the clock is off', async () => {
    await expect(constructEvent(body, signed(), SECRET, { now: atSecond(T + 300) })).resolves.toEqual(completed);
    await expect(constructEvent(body, signed(), SECRET, { now: atSecond(T - 300) })).resolves.toEqual(completed);
    await expect(constructEvent(body, signed(), SECRET, { now: atSecond(T + 412) })).rejects.toMatchObject({
      code: 'timestamp_too_old',
      message: expect.stringMatching(/412 s behind.*clock is 412 s fast/),
    });
    await expect(constructEvent(body, signed(), SECRET, { now: atSecond(T - 400) })).rejects.toMatchObject({
      code: 'timestamp_too_new',
      message: expect.stringMatching(/400 s ahead.*400 s slow/),
    });
    await expect(constructEvent(body, signed(), SECRET, { now: atSecond(T + 900), toleranceSeconds: 900 })).resolves.toEqual(completed);
  });

  it('rejects a non-integer webhook-timestamp', async () => {
    const headers = { ...signed(), 'webhook-timestamp': `${T}.5` };
    await expect(constructEvent(body, headers, SECRET, at)).rejects.toMatchObject({ code: 'invalid_signature' });
  });

  it('explains a parsed body, and an absent one, as body_not_raw', async () => {
    const parsed = constructEvent(JSON.parse(body) as string, signed(), SECRET, at);
    await expect(parsed).rejects.toMatchObject({ code: 'body_not_raw', message: expect.stringMatching(/parsed.*express\.raw.*request\.text\(\)/s) });
    await expect(codeOf(constructEvent(undefined as unknown as string, signed(), SECRET, at))).resolves.toBe('body_not_raw');
  });

  it.each([
    [` ${SECRET}`, /whitespace/],
    [`${SECRET}\n`, /whitespace/],
    ['whsk_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=', /starts with "whsk_" instead of "whsec_"/],
    [SECRET.slice('whsec_'.length), /does not start with "whsec_"/],
    ['WHSEC_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=', /lowercase/],
    ['whsec_not*base64', /not base64/],
    ['whsec_c2hvcnQ=', /decodes to 5 bytes/],
    ['', /empty/],
  ])('names the problem with the secret %j', async (secret, message) => {
    await expect(constructEvent(body, signed(), secret, at)).rejects.toMatchObject({ code: 'invalid_secret', message: expect.stringMatching(message) });
  });

  it('refuses an empty secret list and a non-string secret', async () => {
    await expect(codeOf(constructEvent(body, signed(), [], at))).resolves.toBe('invalid_secret');
    await expect(codeOf(constructEvent(body, signed(), undefined as unknown as string, at))).resolves.toBe('invalid_secret');
  });

  it('never echoes the secret in an error message', async () => {
    const leaky = `${SECRET} `;
    await expect(constructEvent(body, signed(), leaky, at)).rejects.toSatisfy((e: Error) => !e.message.includes(SECRET.slice(6)));
  });

  it.each([
    ['not json', 'malformed_payload'],
    ['[]', 'malformed_payload'],
    ['{"event":"check.created","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"a","step":"created","testing":true}}', 'unknown_event'],
    ['{"event":"check.completed","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"a","step":"failed","testing":true}}', 'malformed_payload'],
    ['{"event":"check.completed","created_at":1670599235,"check":{"id":"a","step":"completed","testing":true}}', 'malformed_payload'],
    ['{"event":"customer.data_request","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"a"}}', 'malformed_payload'],
  ])('authenticates, then refuses the payload %s with %s', async (payload, code) => {
    await expect(codeOf(constructEvent(payload, signed(SECRET, { body: payload }), SECRET, at))).resolves.toBe(code);
  });

  it('refuses a body that is not UTF-8 as malformed', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d]);
    const headers = signPayload({ body: bytes, secrets: SECRET, id: 'evt_1', timestamp: T, event: 'check.opened' });
    await expect(codeOf(constructEvent(bytes, headers, SECRET, at))).resolves.toBe('malformed_payload');
  });

  it('keeps fields it does not know, for forward compatibility', async () => {
    const payload = JSON.stringify({ ...completed, future_field: 1 });
    await expect(constructEvent(payload, signed(SECRET, { body: payload }), SECRET, at)).resolves.toMatchObject({ future_field: 1 });
  });

  it('refuses conflicting repeated headers', async () => {
    const headers = { ...signed(), 'webhook-id': ['evt_1', 'evt_2'] };
    await expect(codeOf(constructEvent(body, headers, SECRET, at))).resolves.toBe('invalid_signature');
  });
});
