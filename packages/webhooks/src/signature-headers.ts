// Extracts the candidate signatures from the two headers, as the encoded strings the MACs are compared with.

const V1 = 'v1,';
// base64 of a 32-byte HMAC-SHA256 is 43 characters and one '=': a v1 entry is always 47 characters long.
const V1_LENGTH = 47;

/** `webhook-signature`: space-separated `v1,<base64>` entries; other versions (e.g. `v1a`) are skipped. */
export function parseStandardSignatures(header: string): string[] {
  const candidates: string[] = [];
  for (const entry of header.includes(' ') ? header.split(' ') : [header]) {
    // A trailing comma appears when a fetch Headers object joins repeated headers with ", ".
    const length = entry.endsWith(',') ? entry.length - 1 : entry.length;
    if (length === V1_LENGTH && entry.startsWith(V1)) candidates.push(entry.slice(V1.length, V1_LENGTH));
  }
  return candidates;
}

/** `X-Real-ID-Signature`: 64 lowercase hex characters (uppercase tolerated). */
export function parseBodySignature(header: string): string | undefined {
  const value = header.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(value) ? value : undefined;
}
