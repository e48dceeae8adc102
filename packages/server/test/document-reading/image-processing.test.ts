// The image steps under the readers, on images drawn here: greyscale plumbing, skew, ink, lines, fillers.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew, measureSkew } from '../../src/analysis/offline/document/image/estimate-skew.ts';
import { cropGrey, decodeGrey, rotateGrey, shrinkGrey } from '../../src/analysis/offline/document/image/grey-image.ts';
import type { GreyImage } from '../../src/analysis/offline/document/image/grey-image.ts';
import { inkMask } from '../../src/analysis/offline/document/image/ink-mask.ts';
import { blobs, smearRows } from '../../src/analysis/offline/document/image/text-lines.ts';
import { eraseFillers } from '../../src/analysis/offline/document/mrz/filler-cells.ts';

/** Black bars and text lines on paper, like a card, as a PNG. */
async function card(rotate = 0): Promise<Buffer> {
  const bars = Array.from({ length: 30 }, (_, i) => `<rect x="${100 + i * 20}" y="200" width="${6 + (i % 3) * 3}" height="150" fill="#111"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="560"><rect width="100%" height="100%" fill="#f1ede4"/>
    <text x="60" y="80" font-family="DejaVu Sans" font-size="36">DRIVER LICENSE  CLASS C</text>${bars}
    <text x="60" y="460" font-family="OCR B" font-size="40">ABCDEFGHIJKLMNOPQRSTUVWXYZ&lt;&lt;&lt;&lt;</text></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#6b6b6b' }).rotate(rotate, { background: '#6b6b6b' }).png().toBuffer();
}

const grey = (width: number, height: number, fill: (x: number, y: number) => number): GreyImage => {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = fill(x, y);
  return { width, height, data };
};

describe('grey images', () => {
  it('stay one byte per pixel through decode, rotate, shrink and crop', async () => {
    const image = await decodeGrey(await card());
    expect(image.data.length).toBe(image.width * image.height);
    const rotated = await rotateGrey(image, 5, 0.5);
    expect(rotated.data.length).toBe(rotated.width * rotated.height);
    const small = await shrinkGrey(image, 300);
    expect(Math.max(small.width, small.height)).toBe(300);
    const crop = await cropGrey(image, { left: -10, top: 10, width: 100, height: 50 });
    expect([crop.width, crop.height, crop.data.length]).toEqual([90, 50, 4500]);
  });

  it('refuse bytes that are no image', async () => {
    await expect(decodeGrey(Buffer.from('%PDF-1.7'))).rejects.toThrow();
  });
});

describe('skew', () => {
  it('is measured within half a degree, both ways, up to 10°', async () => {
    for (const degrees of [-10, -6.5, -2, 0, 3.3, 8, 10]) {
      const measured = await measureSkew(await decodeGrey(await card(degrees)));
      expect(Math.abs(measured - degrees)).toBeLessThan(0.5);
    }
  });

  it('is 0 for an image without edges', () => {
    expect(estimateSkew(grey(200, 100, () => 200))).toBe(0);
  });
});

describe('ink and lines', () => {
  it('marks dark strokes as ink and leaves a pale pattern out', () => {
    // Paper 240, a pale band 215 (a security pattern, about 0.9 of the paper), a dark stroke 30.
    const image = grey(120, 40, (x) => (x >= 60 && x < 64 ? 30 : x >= 20 && x < 40 ? 215 : 240));
    const mask = inkMask(image, 31);
    expect(mask.data[20 * 120 + 61]).toBe(1);
    expect(mask.data[20 * 120 + 30]).toBe(0);
    expect(mask.data[20 * 120 + 5]).toBe(0);
  });

  it('smears characters of a line into one blob and keeps lines apart', () => {
    const pixels = new Uint8Array(100 * 30);
    for (const [y0, y1] of [[2, 8], [16, 22]] as const) {
      for (let y = y0; y < y1; y++) for (let x = 5; x < 95; x++) if (x % 6 < 3) pixels[y * 100 + x] = 1;
    }
    const boxes = blobs(smearRows({ width: 100, height: 30, data: pixels }, 4), 100, 30);
    expect(boxes).toEqual([
      { left: 6, top: 2, right: 93, bottom: 8 },
      { left: 6, top: 16, right: 93, bottom: 22 },
    ]);
  });
});

describe('eraseFillers', () => {
  it('paints out the cells of `<` and leaves the others', () => {
    const image = grey(400, 40, () => 0);
    const erased = eraseFillers(image, [{ left: 0, top: 10, right: 396, bottom: 30 }], ['AB<<']);
    const at = (x: number) => erased.data[20 * 400 + x];
    expect([at(50), at(150)]).toEqual([0, 0]);
    expect([at(250), at(350)]).toEqual([255, 255]);
  });
});
