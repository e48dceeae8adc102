// The same contract on a runtime without node:crypto or Buffer (Workers, browsers): WebCrypto and atob/btoa only.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Sdk from '../src/index.ts';
import { atSecond, SECRET, vectors } from './fixtures.ts';

let sdk: typeof Sdk;

beforeAll(async () => {
  const globals = globalThis as { Buffer?: unknown };
  const { getBuiltinModule } = process;
  const { Buffer } = globals;
  vi.resetModules();
  Object.assign(process, { getBuiltinModule: undefined });
  delete globals.Buffer;
  try {
    expect(globals.Buffer).toBeUndefined();
    sdk = await import('../src/index.ts');
  } finally {
    Object.assign(process, { getBuiltinModule });
    globals.Buffer = Buffer;
  }
});

describe('WebCrypto backend', () => {
  it('has no synchronous signer, and says which function to use instead', () => {
    expect(() => sdk.signPayload({ body: '{}', secrets: SECRET, id: 'evt_1', timestamp: 1, event: 'check.opened' })).toThrow(/signPayloadAsync/);
  });

  it.each(vectors)('signs and verifies vector: $name', async (vector) => {
    const input = { body: vector.body, secrets: vector.secrets, id: vector.id, timestamp: vector.timestamp, event: 'check.opened' as const };
    const headers = await sdk.signPayloadAsync(input);
    expect(headers['X-Real-ID-Signature']).toBe(vector.expected['X-Real-ID-Signature']);
    expect(headers['webhook-signature']).toBe(vector.expected['webhook-signature']);
    const verifying = sdk.constructEvent(new TextEncoder().encode(vector.body), headers, vector.secrets.at(-1)!, { now: atSecond(vector.timestamp) });
    const bodyOnly = sdk.constructEvent(vector.body, { 'x-real-id-signature': headers['X-Real-ID-Signature'] }, vector.secrets[0]!, { allowBodyOnly: true });
    // Both checks are attached at once: awaiting the first before attaching the second left the second's
    // rejection unhandled for a moment, which Vitest reports as an error of the run.
    await Promise.all(
      [verifying, bodyOnly].map((result) =>
        vector.body.includes('"event"')
          ? expect(result).resolves.toEqual(JSON.parse(vector.body))
          : expect(result).rejects.toMatchObject({ code: 'malformed_payload' }),
      ),
    );
  });

  it('rejects a tampered body and a wrong secret', async () => {
    const vector = vectors[0]!;
    const headers = await sdk.signPayloadAsync({ body: vector.body, secrets: vector.secrets, id: vector.id, timestamp: vector.timestamp });
    const now = { now: atSecond(vector.timestamp) };
    await expect(sdk.constructEvent(`${vector.body} `, headers, vector.secrets, now)).rejects.toMatchObject({ code: 'invalid_signature' });
    await expect(sdk.constructEvent(vector.body, headers, sdk.generateSecret(), now)).rejects.toMatchObject({ code: 'invalid_signature' });
  });
});
