// Authenticates a delivery (Standard Webhooks by default, body-only on request), then parses its event.
import { WebhookVerificationError } from './errors.ts';
import type { RealIdEvent } from './event-types.ts';
import { hmacBackend } from './hmac-backend.ts';
import { decodeBody, parseEvent } from './parse-event.ts';
import { rawBytesOf, type RawBody } from './raw-body.ts';
import { headerReader, type HeadersInput, type ReadHeader } from './read-headers.ts';
import { parseSecrets, type SecretsInput, type SigningKey } from './secrets.ts';
import { parseBodySignature, parseStandardSignatures } from './signature-headers.ts';
import { checkTimestamp, DEFAULT_TOLERANCE_SECONDS, parseTimestamp } from './timestamp.ts';

export interface VerifyOptions {
  /** Accepted clock difference in seconds, both directions. Default 300. */
  toleranceSeconds?: number;
  /** Accept a request carrying only `X-Real-ID-Signature` (no replay protection). Default false. */
  allowBodyOnly?: boolean;
  /** Clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
}

interface DeliveryMeta {
  event: RealIdEvent;
  /** `X-Real-ID-Attempt` (1-based). Not covered by any signature: use it for logs only. */
  attempt: number | undefined;
}

export type VerifiedWebhook =
  | (DeliveryMeta & { scheme: 'standard-webhooks'; /** `webhook-id`: dedupe on it. */ id: string; timestamp: number })
  | (DeliveryMeta & { scheme: 'body-only'; id: undefined; timestamp: undefined });

const STANDARD_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** Verifies and parses a delivery, returning the event with its `webhook-id` for deduplication. */
export async function verifyWebhook(
  rawBody: RawBody,
  headers: HeadersInput,
  secrets: SecretsInput,
  options: VerifyOptions = {},
): Promise<VerifiedWebhook> {
  const toleranceSeconds = tolerance(options);
  const body = rawBytesOf(rawBody);
  const keys = parseSecrets(secrets);
  const read = headerReader(headers);
  const [id, timestampHeader, signatures] = STANDARD_HEADERS.map(read);
  const attempt = parseAttempt(read('x-real-id-attempt'));
  if (id === undefined && timestampHeader === undefined && signatures === undefined) {
    await verifyBodyOnly(body, read, keys, options);
    return { scheme: 'body-only', id: undefined, timestamp: undefined, attempt, event: parseEvent(decodeBody(body)) };
  }
  if (id === undefined || timestampHeader === undefined || signatures === undefined) {
    const missing = STANDARD_HEADERS.filter((name) => read(name) === undefined);
    throw new WebhookVerificationError('missing_signature', `Missing the ${missing.join(', ')} header(s); all three Standard Webhooks headers are required together.`);
  }
  const timestamp = parseTimestamp(timestampHeader);
  // The signature is checked before the clock, so a skew error is only ever reported for an authentic request.
  await verifyStandard(body, `${id}.${timestampHeader}.`, signatures, keys);
  checkTimestamp(timestamp, options.now?.() ?? new Date(), toleranceSeconds);
  return { scheme: 'standard-webhooks', id, timestamp, attempt, event: parseEvent(decodeBody(body)) };
}

/** Verifies and parses a delivery; `verifyWebhook` also returns its `webhook-id`. */
export async function constructEvent(
  rawBody: RawBody,
  headers: HeadersInput,
  secrets: SecretsInput,
  options?: VerifyOptions,
): Promise<RealIdEvent> {
  return (await verifyWebhook(rawBody, headers, secrets, options)).event;
}

async function verifyStandard(body: string | Uint8Array, prefix: string, header: string, keys: readonly SigningKey[]): Promise<void> {
  const candidates = parseStandardSignatures(header);
  if (candidates.length === 0) {
    throw new WebhookVerificationError('invalid_signature', 'The webhook-signature header holds no well-formed "v1,<base64>" signature.');
  }
  const backend = hmacBackend();
  for (const key of keys) {
    const expected = await backend.hmac(key.standardKey, prefix, body);
    if (candidates.some((candidate) => backend.equal(expected, candidate))) return;
  }
  throw noMatch('webhook-signature', keys.length);
}

async function verifyBodyOnly(body: string | Uint8Array, read: ReadHeader, keys: readonly SigningKey[], options: VerifyOptions): Promise<void> {
  const header = read('x-real-id-signature');
  if (header === undefined) {
    throw new WebhookVerificationError('missing_signature', 'The request carries no signature: expected webhook-id, webhook-timestamp and webhook-signature headers.');
  }
  if (!options.allowBodyOnly) {
    throw new WebhookVerificationError(
      'missing_signature',
      'Only X-Real-ID-Signature is present; the webhook-id, webhook-timestamp and webhook-signature headers are required because a ' +
        'body-only signature can be replayed forever. If a proxy strips them, fix the proxy; to accept body-only requests anyway, pass { allowBodyOnly: true }.',
    );
  }
  const candidate = parseBodySignature(header);
  if (!candidate) throw new WebhookVerificationError('invalid_signature', 'X-Real-ID-Signature is not 64 hex characters.');
  const backend = hmacBackend();
  for (const key of keys) {
    if (backend.equal(await backend.hmac(key.bodyKey, '', body), candidate)) return;
  }
  throw noMatch('X-Real-ID-Signature', keys.length);
}

function noMatch(header: string, secretCount: number): WebhookVerificationError {
  const secrets = secretCount === 1 ? 'the configured secret' : `any of the ${secretCount} configured secrets`;
  return new WebhookVerificationError(
    'invalid_signature',
    `No signature in ${header} matches ${secrets}. Check that it is this endpoint's account secret from Settings > DevTools, ` +
      'and that the body is passed exactly as received: re-serialised JSON never matches.',
  );
}

function parseAttempt(header: string | undefined): number | undefined {
  return header !== undefined && /^\d{1,6}$/.test(header) ? Number(header) : undefined;
}

function tolerance(options: VerifyOptions): number {
  const seconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(seconds) || seconds < 0) throw new TypeError('toleranceSeconds must be a finite number >= 0.');
  return seconds;
}
