// Identifiers and secrets: unguessable, URL-safe, and recognisable by prefix.
import { createHash, randomBytes, randomInt } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Check ids follow Real ID's shape, e.g. `7TWFOC-auPI`. */
export const newCheckId = (): string => `${pick(UPPER, 6)}-${pick(ALPHANUMERIC, 4)}`;

/** Prefixed ids for everything else: `evt_…`, `ep_…`, `acct_…`. */
export const newId = (prefix: string): string => `${prefix}_${pick(ALPHANUMERIC, 20)}`;

export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');
