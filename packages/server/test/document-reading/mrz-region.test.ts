import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeGrey } from '../../src/analysis/offline/document/image/grey-image.ts';
import { cropMrz } from '../../src/analysis/offline/document/mrz/mrz-crop.ts';
import { findMrzRegion } from '../../src/analysis/offline/document/mrz/mrz-region.ts';
import { mrzSample } from '../support/synthetic/document-samples.ts';
import { ocrBAvailable } from '../support/synthetic/ocr-b-font.ts';

describe('finding the MRZ', () => {
  it.skipIf(!ocrBAvailable)('finds the two lines of a passport page and the three of an ID card back', async () => {
    const page = await mrzSample(3, 'passport-td3', { conditions: () => ({ label: 'flat', dpi: 200 }) });
    const card = await mrzSample(3, 'id-card-td1', { conditions: () => ({ label: 'flat', dpi: 200 }) });
    const pageRegion = findMrzRegion(await decodeGrey(page.photo));
    const cardRegion = findMrzRegion(await decodeGrey(card.photo));
    expect(pageRegion?.lineCount).toBe(2);
    expect(cardRegion?.lineCount).toBe(3);
    // The MRZ is the bottom of the document: below the middle of the photo.
    const photo = await sharp(page.photo).metadata();
    expect(pageRegion!.top).toBeGreaterThan(photo.height! / 2);
  });

  it.skipIf(!ocrBAvailable)('crops a tilted MRZ to lines of about 32 pixels', async () => {
    const page = await mrzSample(4, 'passport-td3', { conditions: () => ({ label: 'tilted', dpi: 170, rotateDegrees: -9, jpegQuality: 70 }) });
    const crop = await cropMrz(await decodeGrey(page.photo));
    expect(crop?.lines).toHaveLength(2);
    for (const line of crop!.lines) expect(line.bottom - line.top).toBeGreaterThan(26);
    expect(crop!.image.width).toBeGreaterThan(crop!.image.height * 8);
  });

  it('finds nothing in a photo of plain paper', async () => {
    const blank = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#eef3f7' } }).png().toBuffer();
    expect(findMrzRegion(await decodeGrey(blank))).toBeNull();
  });
});
