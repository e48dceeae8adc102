// Which pixels are ink: darker than their neighbourhood by a clear margin. A local threshold (mean over a
// window, from an integral image) copes with glare, shadows and tinted security backgrounds at once.
import type { GreyImage } from './grey-image.ts';

export interface InkMask {
  width: number;
  height: number;
  /** 1 for ink, 0 for paper. */
  data: Uint8Array;
}

function integral(image: GreyImage): Float64Array {
  const { width, height, data } = image;
  const sums = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x]!;
      sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1]! + row;
    }
  }
  return sums;
}

/**
 * Ink where a pixel is below `ratio` of its window's mean and at least `margin` grey levels under it. The
 * ratio keeps pale background patterns (about 0.88 of the paper) out; the margin keeps noise on dark areas out.
 */
export function inkMask(image: GreyImage, window: number, ratio = 0.75, margin = 24): InkMask {
  const { width, height, data } = image;
  const sums = integral(image);
  const half = Math.max(1, Math.floor(window / 2));
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const total = sums[y1 * (width + 1) + x1]! - sums[y0 * (width + 1) + x1]! - sums[y1 * (width + 1) + x0]! + sums[y0 * (width + 1) + x0]!;
      const mean = total / ((x1 - x0) * (y1 - y0));
      const value = data[y * width + x]!;
      out[y * width + x] = value < mean * ratio && mean - value >= margin ? 1 : 0;
    }
  }
  return { width, height, data: out };
}
