// Authenticates a delivery (Standard Webhooks by default, body-only on request), then parses its event.
// On Node the whole check runs synchronously inside one already-settled promise; elsewhere the MACs come from WebCrypto.
import { WebhookVerificationError } from './errors.ts';
import type { RealIdEvent } from './event-types.ts';
import { hmacBackend, nodeBackend } from './hmac-backend.ts';
import { decodeBody, parseEvent } from './parse-event.ts';
import type { RawBody } from './raw-body.ts';
import { readDelivery, type Delivery, type VerifyOptions } from './read-delivery.ts';
import type { HeadersInput } from './read-headers.ts';
import type { SecretsInput } from './secrets.ts';
import { checkTimestamp } from './timestamp.ts';
import { timingSafeEqual } from './timing-safe-equal.ts';

export type { VerifyOptions } from './read-delivery.ts';

/** Who signed what: the authenticated delivery metadata, without the parsed event. */
export type WebhookSignature =
  | {
      scheme: 'standard-webhooks';
      /** `webhook-id`: the event id, the same on every retry. Dedupe on it. */
      id: string;
      /** `webhook-timestamp` of this attempt, unix seconds. */
      timestamp: number;
      /** `X-Real-ID-Attempt` (1-based). Not covered by any signature: use it for logs only. */
      attempt: number | undefined;
    }
  | { scheme: 'body-only'; id: undefined; timestamp: undefined; attempt: number | undefined };

export type VerifiedWebhook = WebhookSignature & { event: RealIdEvent };

/** Verifies and parses a delivery, returning the event with its `webhook-id` for deduplication. */
export function verifyWebhook(rawBody: RawBody, headers: HeadersInput, secrets: SecretsInput, options: VerifyOptions = {}): Promise<VerifiedWebhook> {
  return verify(rawBody, headers, secrets, options, (signature, body) => {
    const event = parseEvent(decodeBody(body));
    return signature.scheme === 'standard-webhooks'
      ? { scheme: signature.scheme, id: signature.id, timestamp: signature.timestamp, attempt: signature.attempt, event }
      : { scheme: signature.scheme, id: undefined, timestamp: undefined, attempt: signature.attempt, event };
  });
}

/** Verifies and parses a delivery; `verifyWebhook` also returns its `webhook-id`. */
export function constructEvent(rawBody: RawBody, headers: HeadersInput, secrets: SecretsInput, options: VerifyOptions = {}): Promise<RealIdEvent> {
  return verify(rawBody, headers, secrets, options, (_signature, body) => parseEvent(decodeBody(body)));
}

/** Authenticity only, without parsing the body: for forwarding the raw bytes elsewhere. The fastest path. */
export function verifySignature(rawBody: RawBody, headers: HeadersInput, secrets: SecretsInput, options: VerifyOptions = {}): Promise<WebhookSignature> {
  return verify(rawBody, headers, secrets, options, (signature) => signature);
}

function verify<T>(
  rawBody: RawBody,
  headers: HeadersInput,
  secrets: SecretsInput,
  options: VerifyOptions,
  then: (signature: WebhookSignature, body: string | Uint8Array) => T,
): Promise<T> {
  try {
    const delivery = readDelivery(rawBody, headers, secrets, options);
    const node = nodeBackend;
    if (node) {
      const signature = authenticate(delivery, options, (key) => node.mac(key, delivery.prefix, delivery.body, delivery.encoding));
      return Promise.resolve(then(signature, delivery.body));
    }
    const backend = hmacBackend();
    return Promise.all(delivery.keys.map((key) => backend.mac(key, delivery.prefix, delivery.body, delivery.encoding))).then((macs) =>
      then(authenticate(delivery, options, (key) => macs[delivery.keys.indexOf(key)]!), delivery.body),
    );
  } catch (error) {
    return Promise.reject(error);
  }
}

function authenticate(delivery: Delivery, options: VerifyOptions, macFor: (key: Uint8Array) => string): WebhookSignature {
  if (!anyMatch(delivery, macFor)) throw noMatch(delivery.header, delivery.keys.length);
  if (delivery.scheme === 'body-only') return { scheme: 'body-only', id: undefined, timestamp: undefined, attempt: delivery.attempt };
  const timestamp = delivery.timestamp!;
  // Checked after the signature, so a clock-skew error is only ever reported for an authentic request.
  checkTimestamp(timestamp, options.now ? options.now().getTime() : Date.now(), delivery.toleranceSeconds);
  return { scheme: 'standard-webhooks', id: delivery.id!, timestamp, attempt: delivery.attempt };
}

function anyMatch(delivery: Delivery, macFor: (key: Uint8Array) => string): boolean {
  for (const key of delivery.keys) {
    const expected = macFor(key);
    for (const candidate of delivery.candidates) if (timingSafeEqual(expected, candidate)) return true;
  }
  return false;
}

function noMatch(header: string, secretCount: number): WebhookVerificationError {
  const secrets = secretCount === 1 ? 'the configured secret' : `any of the ${secretCount} configured secrets`;
  return new WebhookVerificationError(
    'invalid_signature',
    `No signature in ${header} matches ${secrets}. Check that it is this endpoint's account secret from Settings > DevTools, ` +
      'and that the body is passed exactly as received: re-serialised JSON never matches.',
  );
}
