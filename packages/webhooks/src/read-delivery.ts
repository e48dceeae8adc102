// Reads everything a verification needs from the request, synchronously, before any MAC is computed.
import { WebhookVerificationError } from './errors.ts';
import type { MacEncoding } from './hmac-backend.ts';
import { rawBytesOf, type RawBody } from './raw-body.ts';
import { headerReader, type HeadersInput } from './read-headers.ts';
import { parseSecrets, type SecretsInput } from './secrets.ts';
import { parseBodySignature, parseStandardSignatures } from './signature-headers.ts';
import { DEFAULT_TOLERANCE_SECONDS, parseTimestamp } from './timestamp.ts';

export interface VerifyOptions {
  /** Accepted clock difference in seconds, both directions. Default 300. */
  toleranceSeconds?: number;
  /** Accept a request carrying only `X-Real-ID-Signature` (no replay protection). Default false. */
  allowBodyOnly?: boolean;
  /** Clock, for tests. Default `() => new Date()`. */
  now?: () => Date;
}

/** What to MAC, with which keys, and which signatures may match. */
export interface Delivery {
  scheme: 'standard-webhooks' | 'body-only';
  header: 'webhook-signature' | 'X-Real-ID-Signature';
  body: string | Uint8Array;
  /** Signed ahead of the body: `${id}.${timestamp}.` for Standard Webhooks, empty for body-only. */
  prefix: string;
  keys: readonly Uint8Array[];
  /** Received signatures, encoded as `encoding`. */
  candidates: string[];
  encoding: MacEncoding;
  id: string | undefined;
  timestamp: number | undefined;
  attempt: number | undefined;
  toleranceSeconds: number;
}

export function readDelivery(rawBody: RawBody, headers: HeadersInput, secrets: SecretsInput, options: VerifyOptions): Delivery {
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) throw new TypeError('toleranceSeconds must be a finite number >= 0.');
  const body = rawBytesOf(rawBody);
  const secretKeys = parseSecrets(secrets);
  const read = headerReader(headers);
  const id = read('webhook-id');
  const timestampHeader = read('webhook-timestamp');
  const signatures = read('webhook-signature');
  const attemptHeader = read('x-real-id-attempt');
  const attempt = attemptHeader !== undefined && /^\d{1,6}$/.test(attemptHeader) ? Number(attemptHeader) : undefined;

  if (id !== undefined && timestampHeader !== undefined && signatures !== undefined) {
    const candidates = parseStandardSignatures(signatures);
    if (candidates.length === 0) {
      throw new WebhookVerificationError('invalid_signature', 'The webhook-signature header holds no well-formed "v1,<base64>" signature.');
    }
    const timestamp = parseTimestamp(timestampHeader);
    const keys = secretKeys.standard;
    const prefix = `${id}.${timestampHeader}.`;
    // Spelled out, not spread from a shared object: spreading here cost more than the HMAC itself.
    return { scheme: 'standard-webhooks', header: 'webhook-signature', body, prefix, keys, candidates, encoding: 'base64', id, timestamp, attempt, toleranceSeconds };
  }
  if (id !== undefined || timestampHeader !== undefined || signatures !== undefined) {
    const missing = [id === undefined && 'webhook-id', timestampHeader === undefined && 'webhook-timestamp', signatures === undefined && 'webhook-signature'];
    throw new WebhookVerificationError(
      'missing_signature',
      `Missing the ${missing.filter(Boolean).join(', ')} header(s); the three Standard Webhooks headers are required together.`,
    );
  }
  const bodySignature = read('x-real-id-signature');
  if (bodySignature === undefined) {
    throw new WebhookVerificationError('missing_signature', 'The request carries no signature: expected webhook-id, webhook-timestamp and webhook-signature headers.');
  }
  if (!options.allowBodyOnly) {
    throw new WebhookVerificationError(
      'missing_signature',
      'Only X-Real-ID-Signature is present; the webhook-id, webhook-timestamp and webhook-signature headers are required because a ' +
        'body-only signature can be replayed forever. If a proxy strips them, fix the proxy; to accept body-only requests anyway, pass { allowBodyOnly: true }.',
    );
  }
  const candidate = parseBodySignature(bodySignature);
  if (!candidate) throw new WebhookVerificationError('invalid_signature', 'X-Real-ID-Signature is not 64 hex characters.');
  const keys = secretKeys.body;
  const candidates = [candidate];
  return { scheme: 'body-only', header: 'X-Real-ID-Signature', body, prefix: '', keys, candidates, encoding: 'hex', id: undefined, timestamp: undefined, attempt, toleranceSeconds };
}
