// The readers' edges: what they say about photos that hold no document, or no image at all, and that loading
// them fetches and writes nothing.
import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBarcodeReader } from '../../src/analysis/offline/document/barcode/barcode-reader.ts';
import type { BarcodeReader } from '../../src/analysis/offline/document/barcode/barcode-reader.ts';
import { loadMrzReader } from '../../src/analysis/offline/document/mrz/mrz-reader.ts';
import type { MrzReader } from '../../src/analysis/offline/document/mrz/mrz-reader.ts';
import { NOT_AN_IMAGE } from '../support/images.ts';
import { licenceBackSample, mrzSample } from '../support/synthetic/document-samples.ts';
import { ocrBAvailable } from '../support/synthetic/ocr-b-font.ts';

let barcodeReader: BarcodeReader;
let mrzReader: MrzReader;
let cwdBefore: string[];
let blank: Buffer;

beforeAll(async () => {
  cwdBefore = await readdir(process.cwd());
  barcodeReader = await loadBarcodeReader();
  mrzReader = await loadMrzReader({ now: () => new Date('2026-11-30T12:00:00Z') });
  blank = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#f4efe6' } }).jpeg().toBuffer();
});

afterAll(async () => {
  await mrzReader?.close();
});

describe('document readers', () => {
  it('say unsupported_image for bytes that are no image', async () => {
    expect(await barcodeReader.readAamvaBarcode(NOT_AN_IMAGE)).toEqual({ ok: false, reason: 'unsupported_image', attempts: 0 });
    expect(await mrzReader.readMrz(NOT_AN_IMAGE)).toEqual({ ok: false, reason: 'unsupported_image', attempts: 0 });
  });

  it('say not_found for a photo without a barcode or an MRZ', async () => {
    expect(await barcodeReader.readAamvaBarcode(blank)).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await mrzReader.readMrz(blank)).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it.skipIf(!ocrBAvailable)('find no MRZ on a licence back and no PDF417 on a passport page', async () => {
    const back = await licenceBackSample(7);
    const page = await mrzSample(7, 'passport-td3');
    expect(await mrzReader.readMrz(back.photo)).toMatchObject({ ok: false });
    expect(await barcodeReader.readAamvaBarcode(page.photo)).toMatchObject({ ok: false, reason: 'not_found' });
  }, 60_000);

  it('are reused across photos: one loaded reader reads several documents', async () => {
    for (const seed of [11, 12, 13]) {
      const back = await licenceBackSample(seed);
      const result = await barcodeReader.readAamvaBarcode(back.photo);
      expect(result.ok && result.data.documentNumber).toBe(back.fields.documentNumber);
      expect(result.ok && result.confidence).toBe(1);
    }
  }, 60_000);

  it.skipIf(!ocrBAvailable)('give an MRZ read the share of characters both engines agreed on as its confidence', async () => {
    const page = await mrzSample(31, 'passport-td3', { conditions: () => ({ label: 'clean', dpi: 300 }) });
    const result = await mrzReader.readMrz(page.photo);
    expect(result.ok && result.data.lines).toEqual(page.lines);
    expect(result.ok && result.confidence).toBeGreaterThan(0.9);
    expect(result.ok && result.confidence).toBeLessThanOrEqual(1);
  }, 60_000);

  it('wrote nothing to the working directory (no traineddata cache)', async () => {
    expect(await readdir(process.cwd())).toEqual(cwdBefore);
  });
});
