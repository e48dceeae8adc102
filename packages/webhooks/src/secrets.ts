// Parses `whsec_…` signing secrets into the two keys the schemes use, with errors that name the mistake.
import { fromBase64, toBase64, utf8Bytes } from './encoding.ts';
import { WebhookVerificationError } from './errors.ts';

/** One secret, or all active ones during a rotation (oldest first when signing). */
export type SecretsInput = string | readonly string[];

/** The keys of the active secrets, in the order given. */
export interface SigningKeys {
  /** Key `webhook-signature`: the base64-decoded part after `whsec_`. */
  readonly standard: readonly Uint8Array[];
  /** Key `X-Real-ID-Signature`: the whole secret string, prefix included, as UTF-8. */
  readonly body: readonly Uint8Array[];
}

interface SigningKey {
  readonly standardKey: Uint8Array;
  readonly bodyKey: Uint8Array;
}

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const cache = new Map<string, SigningKey>();
// A single secret string is the common case; answering it from here allocates nothing per request.
const singles = new Map<string, SigningKeys>();

export function parseSecrets(input: unknown): SigningKeys {
  if (typeof input === 'string') {
    const hit = singles.get(input);
    if (hit) return hit;
  }
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  if (list.length === 0) throw invalid('No signing secret was given (the list is empty).');
  const keys = list.map((secret, i) => parseSecret(secret, list.length > 1 ? `Signing secret #${i + 1}` : 'The signing secret'));
  const parsed = { standard: keys.map((key) => key.standardKey), body: keys.map((key) => key.bodyKey) };
  if (typeof input === 'string') remember(singles, input, parsed);
  return parsed;
}

/** `whsec_` + base64 of 32 random bytes, the format the dashboard shows. */
export function generateSecret(): string {
  return PREFIX + toBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

function parseSecret(secret: unknown, label: string): SigningKey {
  if (typeof secret === 'string') {
    const cached = cache.get(secret);
    if (cached) return cached;
  }
  const key = decodeSecret(secret, label);
  remember(cache, secret as string, key);
  return key;
}

function remember<T>(map: Map<string, T>, secret: string, value: T): void {
  // Secrets come from configuration, so a handful of entries covers every real receiver; the cap only guards misuse.
  if (map.size >= 64) map.clear();
  map.set(secret, value);
}

function decodeSecret(secret: unknown, label: string): SigningKey {
  if (typeof secret !== 'string') {
    throw invalid(`${label} must be a string like "whsec_…", got ${secret === null ? 'null' : typeof secret}. Is the environment variable set?`);
  }
  if (secret.length === 0) throw invalid(`${label} is an empty string. Is the environment variable set?`);
  if (secret.trim() !== secret) {
    throw invalid(
      `${label} has leading or trailing whitespace (often a newline from a .env file or a shell). ` +
        'Remove it: signatures are computed over the exact secret.',
    );
  }
  if (!secret.startsWith(PREFIX)) throw invalid(`${label} ${describeWrongPrefix(secret)}`);
  const encoded = secret.slice(PREFIX.length);
  if (/\s/.test(encoded)) throw invalid(`${label} contains whitespace; copy it again from Settings > DevTools.`);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) {
    throw invalid(`${label} is not valid: the part after "whsec_" is not base64; copy the secret again from Settings > DevTools.`);
  }
  const standardKey = fromBase64(encoded);
  if (standardKey.length < 24 || standardKey.length > 64) {
    throw invalid(`${label} decodes to ${standardKey.length} bytes; a signing secret has 24 to 64 (realid issues 32).`);
  }
  return { bodyKey: utf8Bytes(secret), standardKey };
}

function describeWrongPrefix(secret: string): string {
  if (secret.toLowerCase().startsWith(PREFIX)) return 'must start with lowercase "whsec_".';
  const other = /^[A-Za-z]{1,10}_/.exec(secret)?.[0];
  if (other) return `starts with "${other}" instead of "whsec_": it is not a webhook signing secret (copy that from Settings > DevTools).`;
  return 'does not start with "whsec_". Copy the whole secret, prefix included: the prefix is part of the X-Real-ID-Signature key.';
}

function invalid(message: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_secret', message);
}
