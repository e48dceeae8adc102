// The real readers on generated photos: a read rate, and every field of every read equal to the document's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBarcodeReader } from '../../src/analysis/offline/document/barcode/barcode-reader.ts';
import type { BarcodeReader } from '../../src/analysis/offline/document/barcode/barcode-reader.ts';
import { loadMrzReader } from '../../src/analysis/offline/document/mrz/mrz-reader.ts';
import type { MrzReader } from '../../src/analysis/offline/document/mrz/mrz-reader.ts';
import type { PhotoConditions } from '../support/synthetic/document-photo.ts';
import { everydayConditions } from '../support/synthetic/document-photo.ts';
import { SAMPLE_TODAY } from '../support/synthetic/document-samples.ts';
import { evaluateDocumentReading } from '../support/synthetic/evaluate-document-reading.ts';
import type { Random } from '../support/synthetic/seeded-random.ts';
import { ocrBAvailable } from '../support/synthetic/ocr-b-font.ts';

// Seeds of their own (the evaluation script starts at 1), so a test never rests on the set that tuned the readers.
const seeds = Array.from({ length: 20 }, (_, i) => 90_001 + i);
/** The hard end of the range, for half of the documents: 150–170 dpi, 7–10° either way, JPEG 60–70. */
const hard = (random: Random): PhotoConditions => {
  const everyday = everydayConditions(random);
  if (!random.chance(0.5)) return everyday;
  const rotateDegrees = (random.chance(0.5) ? 1 : -1) * random.between(7, 10);
  return { ...everyday, dpi: random.int(150, 170), rotateDegrees, jpegQuality: random.int(60, 70), label: `hard ${everyday.label}` };
};

let barcodeReader: BarcodeReader;
let mrzReader: MrzReader;

beforeAll(async () => {
  barcodeReader = await loadBarcodeReader();
  mrzReader = await loadMrzReader({ now: () => new Date(`${SAMPLE_TODAY}T12:00:00Z`) });
});

afterAll(async () => {
  await mrzReader?.close();
});

describe('reading generated documents', () => {
  it('reads the PDF417 of 20 licence backs, every field right', { timeout: 120_000 }, async () => {
    const [backs] = await evaluateDocumentReading({ seeds, kinds: ['licence-back'], barcodeReader, conditions: hard });
    expect(backs!.misses).toEqual([]);
    expect(backs!.correct).toBe(20);
  });

  it.skipIf(!ocrBAvailable)('reads the MRZ of 20 data pages and cards, never confidently wrong', { timeout: 240_000 }, async () => {
    const report = await evaluateDocumentReading({
      seeds: seeds.slice(0, 10),
      kinds: ['passport-td3', 'id-card-td1'],
      mrzReader,
      conditions: hard,
    });
    const total = report.reduce((sum, k) => sum + k.documents, 0);
    const correct = report.reduce((sum, k) => sum + k.correct, 0);
    expect(total).toBe(20);
    expect(report.flatMap((k) => k.misses).filter((m) => m.outcome.startsWith('wrong'))).toEqual([]);
    expect(correct).toBeGreaterThanOrEqual(18);
  });
});
