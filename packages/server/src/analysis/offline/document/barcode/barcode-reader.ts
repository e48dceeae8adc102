// Reads the AAMVA PDF417 on the back of a US or Canadian licence or ID card from a photo. Load once per
// worker thread (the WebAssembly instance is reused), then read any number of photos.
import { decodeGrey } from '../image/grey-image.ts';
import { parseAamva } from '../aamva/parse-aamva.ts';
import type { AamvaLicence } from '../aamva/parse-aamva.ts';
import type { ReadResult } from '../read-result.ts';
import { pdf417Attempts } from './pdf417-attempts.ts';
import { loadPdf417Decoder } from './pdf417-decoder.ts';
import type { Pdf417Decoder } from './pdf417-decoder.ts';

export type AamvaReadResult = ReadResult<AamvaLicence>;

export interface BarcodeReader {
  /** `image`: the encoded photo (JPEG, PNG, WebP…) as uploaded. */
  readAamvaBarcode(image: Uint8Array): Promise<AamvaReadResult>;
}

/** The parsed licence of the first AAMVA payload, or why there is none. */
function resultOf(texts: string[], attempts: number): AamvaReadResult {
  for (const text of texts) {
    const parsed = parseAamva(text);
    if (!parsed.ok) continue;
    if (parsed.missing.length > 0) return { ok: false, reason: 'incomplete', attempts, partial: parsed.licence };
    return { ok: true, data: parsed.licence, confidence: 1, attempts };
  }
  return { ok: false, reason: 'unreadable', attempts };
}

/** Photos larger than this are scaled down first: a card filling a 12-megapixel frame has modules of 10+ pixels. */
const MAX_SIDE = 2400;

async function read(decoder: Pdf417Decoder, image: Uint8Array): Promise<AamvaReadResult> {
  // sharp throws only for bytes it cannot decode: HEIC without its codec, PDF, truncated files.
  const photo = await decodeGrey(image, MAX_SIDE).catch(() => null);
  if (!photo) return { ok: false, reason: 'unsupported_image', attempts: 0 };
  let attempts = 0;
  let found = false;
  for await (const candidate of pdf417Attempts(photo)) {
    attempts++;
    const symbols = await decoder.decode(candidate);
    found ||= symbols.length > 0;
    const texts = symbols.flatMap((s) => (s.text === null ? [] : [s.text]));
    if (texts.length > 0) return resultOf(texts, attempts);
  }
  return { ok: false, reason: found ? 'unreadable' : 'not_found', attempts };
}

export async function loadBarcodeReader(): Promise<BarcodeReader> {
  const decoder = await loadPdf417Decoder();
  return { readAamvaBarcode: (image) => read(decoder, image) };
}
