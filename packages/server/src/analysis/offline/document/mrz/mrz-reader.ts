// Reads the machine-readable zone of a passport data page or an ID card from a photo: deskew, find and crop
// the MRZ, read it with Tesseract's legacy engine and again with its LSTM (fillers erased), combine the two
// and verify every check digit. Load once per worker thread, read many photos, close at the end.
import { decodeGrey, encodePng } from '../image/grey-image.ts';
import type { ReadResult } from '../read-result.ts';
import { composeLine, decideFields, lstmLines } from './combine-readings.ts';
import type { ComposedLine, Reading } from './combine-readings.ts';
import { unconfirmedBlindSpots } from './check-digit-blind-spots.ts';
import { eraseFillers } from './filler-cells.ts';
import { namesConfirmed } from './name-confirmation.ts';
import { cropMrz } from './mrz-crop.ts';
import type { MrzCrop } from './mrz-crop.ts';
import { pickMrzLines } from './mrz-lines.ts';
import type { MrzCandidate } from './mrz-lines.ts';
import type { MrzLayout } from './mrz-layouts.ts';
import { loadMrzOcr } from './mrz-ocr.ts';
import type { MrzOcr } from './mrz-ocr.ts';
import { parseMrz } from './parse-mrz.ts';
import type { MrzDocument, MrzParseResult } from './parse-mrz.ts';

export type MrzReadResult = ReadResult<MrzDocument>;

export interface MrzReader {
  /** `image`: the encoded photo (JPEG, PNG, WebP…) as uploaded. */
  readMrz(image: Uint8Array): Promise<MrzReadResult>;
  /** Ends Tesseract's worker threads. */
  close(): Promise<void>;
}

export interface MrzReaderOptions {
  /** For the century of two-digit years; defaults to the system clock. */
  now?: () => Date;
}

const MAX_SIDE = 2000;

/** Share of the MRZ's characters that every engine's raw reading already had as they were finally taken. */
function agreementOf(final: readonly string[], readings: ReadonlyArray<readonly string[]>): number {
  const text = final.join('');
  const raws = readings.map((r) => r.join(''));
  const agreed = [...text].filter((c, i) => raws.every((raw) => raw[i] === c)).length;
  return agreed / text.length;
}

interface LstmReading {
  /** The LSTM's characters, one string per line. */
  lines: string[];
  /** Laid into the legacy lines. */
  composed: ComposedLine[];
}

/** The LSTM's reading of the crop with the legacy reading's fillers erased, and laid into the legacy lines. */
async function readWithLstm(ocr: MrzOcr, crop: MrzCrop, legacy: MrzCandidate): Promise<LstmReading | null> {
  if (crop.lines.length !== legacy.lines.length) return null;
  const erased = await encodePng(eraseFillers(crop.image, crop.lines, legacy.lines));
  const lines = lstmLines((await ocr.readLstm(erased)).text, legacy.lines);
  return { lines, composed: legacy.lines.map((line, i) => composeLine(line, lines[i] ?? '')) };
}

/**
 * A reading that passed its check digits is still ambiguous where they cannot see: an S, 8, G or 6 in the
 * document number or optional data that the LSTM did not read as such, or names whose letters are not the
 * LSTM's reading of them.
 */
function guardUnchecked(result: MrzParseResult, lstm: LstmReading | null, layout: MrzLayout): MrzParseResult {
  if (!result.ok) return result;
  const blind = unconfirmedBlindSpots(result.document.lines, lstm?.composed.map((c) => c.lstm) ?? [], layout);
  if (blind.length === 0 && namesConfirmed(result.document.lines, lstm?.lines ?? [], layout)) return result;
  return { ok: false, reason: 'ambiguous', document: result.document, checks: result.checks, corrections: result.corrections };
}

/**
 * The readings decided field by field; the legacy reading alone when the LSTM gave nothing usable. The
 * decided lines are already corrected: a field that still needs a correction was failed by both readings,
 * and a guess no engine read is not a reading.
 */
function decide(combined: Reading | null, legacy: Reading, layout: MrzLayout, today: string): MrzParseResult {
  if (!combined || !('document' in combined.parsed)) return legacy.parsed;
  const decided = decideFields(combined, legacy, layout);
  if (decided === 'ambiguous') return { ...combined.parsed, ok: false, reason: 'ambiguous' };
  if (!decided) return legacy.parsed;
  const final = parseMrz(decided, { today });
  if (final.ok && final.corrections > 0) return { ...final, ok: false, reason: 'check_digits_failed' };
  return final;
}

async function read(ocr: MrzOcr, image: Uint8Array, today: string): Promise<MrzReadResult> {
  // sharp throws only for bytes it cannot decode: HEIC without its codec, PDF, truncated files.
  const photo = await decodeGrey(image, MAX_SIDE).catch(() => null);
  if (!photo) return { ok: false, reason: 'unsupported_image', attempts: 0 };
  const crop = await cropMrz(photo);
  if (!crop) return { ok: false, reason: 'not_found', attempts: 0 };
  const legacy = pickMrzLines((await ocr.readLegacy(await encodePng(crop.image))).text);
  if (!legacy) return { ok: false, reason: 'unreadable', attempts: 1 };
  const legacyReading: Reading = { raw: legacy.lines, parsed: parseMrz(legacy.lines, { today }) };
  const lstm = await readWithLstm(ocr, crop, legacy);
  const raw = lstm?.composed.map((c) => c.line);
  const combined: Reading | null = raw ? { raw, parsed: parseMrz(raw, { today }) } : null;
  const result = guardUnchecked(decide(combined, legacyReading, legacy.layout, today), lstm, legacy.layout);
  if (result.ok) {
    const confidence = agreementOf(result.document.lines, [legacy.lines, ...(raw ? [raw] : [])]);
    return { ok: true, data: result.document, confidence, attempts: 2 };
  }
  if (result.reason === 'invalid_format') return { ok: false, reason: 'unreadable', attempts: 2 };
  if (result.reason === 'invalid_field') return { ok: false, reason: 'unreadable', attempts: 2, partial: result.document };
  return { ok: false, reason: result.reason, attempts: 2, partial: result.document };
}

export async function loadMrzReader(options: MrzReaderOptions = {}): Promise<MrzReader> {
  const ocr = await loadMrzOcr();
  const now = options.now ?? (() => new Date());
  return {
    readMrz: (image) => read(ocr, image, now().toISOString().slice(0, 10)),
    close: () => ocr.close(),
  };
}
