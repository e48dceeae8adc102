// Short-lived photo URLs: the URL itself is the capability, an HMAC over the photo id and expiry.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PHOTO_URL_TTL_MS = 5 * 60_000;

const signature = (key: Buffer, photoId: string, expires: number): string =>
  createHmac('sha256', key).update(`${photoId}.${expires}`).digest('base64url');

export function signedPhotoUrl(publicUrl: string, key: Buffer, photoId: string, expires: number): string {
  return `${publicUrl}/api/v1/photos/${photoId}?expires=${expires}&signature=${signature(key, photoId, expires)}`;
}

export function verifyPhotoSignature(key: Buffer, photoId: string, expires: number, given: string, now: number): boolean {
  if (!Number.isSafeInteger(expires) || expires < now) return false;
  const expected = Buffer.from(signature(key, photoId, expires));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
