// Signed headers for merchants' own tests: build a delivery exactly as realid would send it.
import { toHex } from './encoding.ts';
import type { RealIdEvent } from './event-types.ts';
import type { SecretsInput } from './secrets.ts';
import { signPayloadAsync, type WebhookHeaders } from './sign-payload.ts';

export interface TestHeadersOptions {
  /** Default: a random `evt_test_…`. */
  id?: string;
  /** Unix seconds. Default: now. */
  timestamp?: number;
  attempt?: number;
}

export interface TestDelivery {
  /** The exact body the headers sign: send or pass this string, not the object. */
  body: string;
  headers: WebhookHeaders;
}

export async function generateTestHeaders(
  payload: RealIdEvent | string,
  secrets: SecretsInput,
  options: TestHeadersOptions = {},
): Promise<TestDelivery> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers = await signPayloadAsync({
    body,
    secrets,
    id: options.id ?? `evt_test_${toHex(globalThis.crypto.getRandomValues(new Uint8Array(10)))}`,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    ...(options.attempt === undefined ? {} : { attempt: options.attempt }),
  });
  return { body, headers };
}
