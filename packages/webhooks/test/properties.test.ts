import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHECK_EVENT_TYPES, constructEvent, generateSecret, signPayload, WebhookVerificationError } from '../src/index.ts';
import { timingSafeEqual } from '../src/timing-safe-equal.ts';
import { atSecond, SECRET } from './fixtures.ts';

const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`);
const idArb = fc.stringMatching(/^evt_[A-Za-z0-9]{1,26}$/);
const timestampArb = fc.integer({ min: 1_000_000_000, max: 4_000_000_000 });
const bodyArb = fc
  .record({ type: fc.constantFrom(...CHECK_EVENT_TYPES), checkId: fc.string({ unit: 'grapheme', minLength: 1 }), note: fc.string({ unit: 'grapheme' }) })
  .map(({ type, checkId, note }) =>
    new TextEncoder().encode(
      JSON.stringify({ event: type, created_at: '2024-01-01T00:00:00.000Z', check: { id: checkId, step: type.slice(6), testing: true }, note }),
    ),
  );
const deliveryArb = fc.record({ secrets: fc.array(secretArb, { minLength: 1, maxLength: 3 }), id: idArb, timestamp: timestampArb, body: bodyArb });

type Delivery = { secrets: string[]; id: string; timestamp: number; body: Uint8Array };
const headersFor = (d: Delivery) => signPayload({ ...d, event: 'check.opened' });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('tampering', () => {
  it('any change to the body is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, fc.nat(), fc.integer({ min: 1, max: 255 }), async (d, at, mask) => {
        const headers = headersFor(d);
        await expect(constructEvent(d.body, headers, d.secrets, { now: atSecond(d.timestamp) })).resolves.toBeDefined();
        const body = d.body.slice();
        const i = at % body.length;
        body[i] = body[i]! ^ mask;
        expect(await rejection(constructEvent(body, headers, d.secrets, { now: atSecond(d.timestamp) }))).toMatchObject({ code: 'invalid_signature' });
      }),
    );
  });

  it('any change to the timestamp, id or secret is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0), idArb, secretArb, async (d, shift, otherId, otherSecret) => {
        fc.pre(otherId !== d.id && !d.secrets.includes(otherSecret));
        const headers = headersFor(d);
        const now = { now: atSecond(d.timestamp) };
        const variants = [
          constructEvent(d.body, { ...headers, 'webhook-timestamp': String(d.timestamp + shift) }, d.secrets, now),
          constructEvent(d.body, { ...headers, 'webhook-id': otherId }, d.secrets, now),
          constructEvent(d.body, headers, otherSecret, now),
        ];
        for (const variant of variants) expect(await rejection(variant)).toMatchObject({ code: 'invalid_signature' });
      }),
    );
  });

  it('any change to a signature is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, fc.nat(31), fc.integer({ min: 1, max: 255 }), async (d, at, mask) => {
        const headers = headersFor(d);
        const flipped = headers['webhook-signature']
          .split(' ')
          .map((entry) => {
            const mac = Buffer.from(entry.slice(3), 'base64');
            mac[at] = mac[at]! ^ mask;
            return `v1,${mac.toString('base64')}`;
          })
          .join(' ');
        const verifying = constructEvent(d.body, { ...headers, 'webhook-signature': flipped }, d.secrets, { now: atSecond(d.timestamp) });
        expect(await rejection(verifying)).toMatchObject({ code: 'invalid_signature' });
      }),
    );
  });
});

describe('robustness', () => {
  const names = ['webhook-id', 'Webhook-Timestamp', 'WEBHOOK-SIGNATURE', 'x-real-id-signature', 'X-Real-ID-Attempt', 'get', '__proto__', 'constructor'];
  const headerValueArb = fc.oneof(fc.string(), fc.array(fc.string()), fc.integer(), fc.constant(undefined), fc.anything());
  const headersArb = fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), headerValueArb),
    fc.dictionary(fc.constantFrom(...names), fc.string()).map((h) => new Headers(Object.entries(h).filter(([k]) => !k.startsWith('_')))),
    fc.anything(),
  );
  const rawBodyArb = fc.oneof(fc.string(), fc.uint8Array(), bodyArb, fc.anything({ withTypedArray: true }));
  const secretsArb = fc.oneof(secretArb, fc.string(), fc.array(fc.oneof(secretArb, fc.string())), fc.anything());

  it('random headers, bodies and secrets only ever produce WebhookVerificationError', async () => {
    await fc.assert(
      fc.asyncProperty(rawBodyArb, headersArb, secretsArb, async (body, headers, secrets) => {
        const error = await rejection(constructEvent(body as string, headers as Headers, secrets as string));
        if (error !== undefined) expect(error).toBeInstanceOf(WebhookVerificationError);
      }),
      { numRuns: 500 },
    );
  });

  it('a genuine delivery with random headers overridden only ever produces WebhookVerificationError', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, fc.dictionary(fc.constantFrom(...names), headerValueArb), fc.boolean(), async (d, overrides, allowBodyOnly) => {
        const headers = { ...headersFor(d), ...overrides };
        const error = await rejection(constructEvent(d.body, headers, d.secrets, { allowBodyOnly, now: atSecond(d.timestamp) }));
        if (error !== undefined) expect(error).toBeInstanceOf(WebhookVerificationError);
      }),
      { numRuns: 500 },
    );
  });

  it('signs and verifies any valid event under any rotation set', async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, fc.nat(), async (d, pick) => {
        const secret = d.secrets[pick % d.secrets.length]!;
        await expect(constructEvent(d.body, headersFor(d), secret, { now: atSecond(d.timestamp) })).resolves.toBeDefined();
      }),
    );
  });

  it('generateSecret produces secrets the verifier accepts', async () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(generateSecret()).not.toBe(secret);
    const body = new TextEncoder().encode('{"event":"check.opened","created_at":"2024-01-01T00:00:00Z","check":{"id":"a","step":"opened","testing":true}}');
    const headers = signPayload({ body, secrets: [SECRET, secret], id: 'evt_x', timestamp: 1 });
    await expect(constructEvent(body, headers, secret, { now: atSecond(1) })).resolves.toMatchObject({ event: 'check.opened' });
  });
});

describe('constant-time comparison', () => {
  it('answers equal, unequal and different-length inputs correctly', () => {
    const mac = 'WareisuVXw9B8QTLJN4WZNNth1AXVnD/ppWaW3e8hDU=';
    expect(timingSafeEqual(mac, `${mac}`)).toBe(true);
    expect(timingSafeEqual(mac, `X${mac.slice(1)}`)).toBe(false);
    expect(timingSafeEqual(mac, `${mac.slice(0, -2)}E=`)).toBe(false);
    expect(timingSafeEqual(mac, mac.slice(0, -1))).toBe(false);
    expect(timingSafeEqual(mac, `${mac}A`)).toBe(false);
    expect(timingSafeEqual(mac, '')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        expect(timingSafeEqual(x, y)).toBe(x === y);
        expect(timingSafeEqual(x, [...x].join(''))).toBe(true);
      }),
    );
  });

  it('reads every character of the expected value, wherever and whether the inputs differ', () => {
    const expected = 'WareisuVXw9B8QTLJN4WZNNth1AXVnD/ppWaW3e8hDU=';
    const charCodeAt = vi.spyOn(String.prototype, 'charCodeAt');
    const reads = (actual: string): number => {
      charCodeAt.mockClear();
      timingSafeEqual(expected, actual);
      return charCodeAt.mock.calls.length;
    };
    const counts = [expected, `X${expected.slice(1)}`, `${expected.slice(0, -1)}X`, 'short', ''].map(reads);
    expect(new Set(counts)).toEqual(new Set([2 * expected.length]));
  });
});
