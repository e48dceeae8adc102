// Parses the two signature headers into raw MAC bytes; malformed entries simply never match.
import { fromBase64, fromHex } from './encoding.ts';

// A v1 signature is base64 of a 32-byte HMAC-SHA256: always 43 characters plus one '=' of padding.
const V1_ENTRY = /^v1,([A-Za-z0-9+/]{43}=),?$/;
const HEX_MAC = /^[0-9a-fA-F]{64}$/;

/** `webhook-signature`: space-separated `v1,<base64>` entries; other versions (e.g. `v1a`) are skipped. */
export function parseStandardSignatures(header: string): Uint8Array[] {
  const macs: Uint8Array[] = [];
  for (const entry of header.split(' ')) {
    const base64 = V1_ENTRY.exec(entry)?.[1];
    if (base64) macs.push(fromBase64(base64));
  }
  return macs;
}

/** `X-Real-ID-Signature`: lowercase hex (uppercase tolerated). */
export function parseBodySignature(header: string): Uint8Array | undefined {
  const value = header.trim();
  return HEX_MAC.test(value) ? fromHex(value) : undefined;
}
