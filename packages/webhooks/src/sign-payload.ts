// Produces every header of a delivery. `signPayload` is synchronous (node:crypto) for the sender's hot path;
// `signPayloadAsync` runs anywhere WebCrypto does.
import { isEventType, type RealIdEventType } from './event-types.ts';
import { hmacBackend, nodeBackend, type HmacBackend } from './hmac-backend.ts';
import { parseSecrets, type SecretsInput, type SigningKeys } from './secrets.ts';

export interface SignPayloadInput {
  /** The exact body that will be sent. */
  body: string | Uint8Array;
  /** Active secrets, OLDEST FIRST: `X-Real-ID-Signature` uses the first, `webhook-signature` carries one entry per secret. */
  secrets: SecretsInput;
  /** Event id (`evt_…`), the same on every retry. No dots or whitespace. */
  id: string;
  /** This attempt's time, in unix seconds. */
  timestamp: number;
  /** Defaults to the body's `"event"` field. */
  event?: RealIdEventType;
  /** 1-based attempt number. Default 1. */
  attempt?: number;
}

// A type alias, not an interface, so it is assignable to Record<string, string> (fetch, undici, node:http).
export type WebhookHeaders = {
  'Content-Type': 'application/json';
  'X-Real-ID-Signature': string;
  'X-Real-ID-Event': RealIdEventType;
  'X-Real-ID-Attempt': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

interface Prepared {
  keys: SigningKeys;
  prefix: string;
  event: RealIdEventType;
  attempt: number;
}

export function signPayload(input: SignPayloadInput): WebhookHeaders {
  const backend = nodeBackend;
  if (!backend) throw new Error('signPayload needs node:crypto (Node >= 20.16, Bun, Deno); use signPayloadAsync on this runtime.');
  const prepared = prepare(input);
  const standard = prepared.keys.standard.map((key) => backend.mac(key, prepared.prefix, input.body, 'base64'));
  return headersOf(input, prepared, backend.mac(prepared.keys.body[0]!, '', input.body, 'hex'), standard);
}

export async function signPayloadAsync(input: SignPayloadInput): Promise<WebhookHeaders> {
  const prepared = prepare(input);
  const backend: HmacBackend = hmacBackend();
  const standard = await Promise.all(prepared.keys.standard.map((key) => backend.mac(key, prepared.prefix, input.body, 'base64')));
  return headersOf(input, prepared, await backend.mac(prepared.keys.body[0]!, '', input.body, 'hex'), standard);
}

function prepare(input: SignPayloadInput): Prepared {
  // Dots would let id and timestamp trade characters inside "id.timestamp.body"; whitespace cannot go in a header.
  if (typeof input.id !== 'string' || !/^[\x21-\x2d\x2f-\x7e]+$/.test(input.id)) {
    throw new TypeError('id must be a non-empty string of printable ASCII without dots or whitespace.');
  }
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) throw new TypeError('timestamp must be integer unix seconds.');
  const attempt = input.attempt ?? 1;
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new TypeError('attempt must be an integer >= 1.');
  const keys = parseSecrets(input.secrets);
  return { keys, prefix: `${input.id}.${input.timestamp}.`, event: input.event ?? eventOf(input.body), attempt };
}

function headersOf(input: SignPayloadInput, prepared: Prepared, bodyMac: string, standard: string[]): WebhookHeaders {
  return {
    'Content-Type': 'application/json',
    'X-Real-ID-Signature': bodyMac,
    'X-Real-ID-Event': prepared.event,
    'X-Real-ID-Attempt': String(prepared.attempt),
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': standard.map((mac) => `v1,${mac}`).join(' '),
  };
}

function eventOf(body: string | Uint8Array): RealIdEventType {
  let event: unknown;
  try {
    event = (JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)) as { event?: unknown }).event;
  } catch {
    event = undefined;
  }
  if (typeof event === 'string' && isEventType(event)) return event;
  throw new TypeError('Pass `event`: the body has no known "event" field to take it from.');
}
