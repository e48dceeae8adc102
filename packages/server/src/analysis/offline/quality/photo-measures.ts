// The measures shared by document and selfie checks, on the decoded photo's greyscale copy.
import type { RgbImage } from '../image/decode-photo.ts';
import { resample, type GreyImage, type Rect } from '../image/grey-image.ts';
import { laplacianVariance } from './laplacian-variance.ts';
import { QUALITY_THRESHOLDS } from './quality-thresholds.ts';

/** Sharpness of `rect` (default: the whole image) at a normalised width. */
export function sharpnessOf(image: GreyImage, rect: Rect = wholeOf(image), width: number = QUALITY_THRESHOLDS.sharpnessWidth): number {
  return laplacianVariance(resample(image, rect, width));
}

export const wholeOf = (image: GreyImage): Rect => ({ x: 0, y: 0, width: image.width, height: image.height });

/** The central half of an image by area: where a selfie's face is. */
export function centreOf(image: GreyImage): Rect {
  return { x: image.width * 0.15, y: image.height * 0.15, width: image.width * 0.7, height: image.height * 0.7 };
}

export function meanLumaIn(image: GreyImage, rect: Rect): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(rect.y); y < Math.min(image.height, rect.y + rect.height); y++) {
    for (let x = Math.floor(rect.x); x < Math.min(image.width, rect.x + rect.width); x++) {
      sum += image.data[y * image.width + x]!;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Share of the (masked) pixels blown out to white: every channel at or above `level`. Requiring all three
 * keeps a pale yellow or cream card, whose blue channel stays lower, from reading as glare.
 */
export function saturatedShare(image: RgbImage, level: number, mask?: Uint8Array): number {
  let saturated = 0;
  let inside = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    if (mask && mask[i] === 0) continue;
    inside++;
    const j = i * 3;
    if (Math.min(image.data[j]!, image.data[j + 1]!, image.data[j + 2]!) >= level) saturated++;
  }
  return inside === 0 ? 0 : saturated / inside;
}
