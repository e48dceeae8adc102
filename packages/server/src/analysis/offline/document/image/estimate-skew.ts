// How far a document is tilted in a photo. Everything printed on a card or page (bars, text baselines, the
// card's own edges) lies along two perpendicular directions, so the strongest gradient orientation, folded
// into ±45°, is the tilt. Accurate to a fraction of a degree, which is what PDF417 and OCR need.
import type { GreyImage } from './grey-image.ts';
import { rotateGrey, shrinkGrey } from './grey-image.ts';

const BIN = 0.25;
const SPAN = 45;
const BINS = (2 * SPAN) / BIN;

/** Gradient orientations, folded to [-45°, 45°), weighted by edge strength. */
function orientationHistogram(image: GreyImage): Float64Array {
  const { width, height, data } = image;
  const histogram = new Float64Array(BINS);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const gx = data[i - width + 1]! + 2 * data[i + 1]! + data[i + width + 1]! - data[i - width - 1]! - 2 * data[i - 1]! - data[i + width - 1]!;
      const gy = data[i + width - 1]! + 2 * data[i + width]! + data[i + width + 1]! - data[i - width - 1]! - 2 * data[i - width]! - data[i - width + 1]!;
      const magnitude = Math.abs(gx) + Math.abs(gy);
      if (magnitude < 120) continue;
      const degrees = (Math.atan2(gy, gx) * 180) / Math.PI;
      const folded = ((((degrees + SPAN) % 90) + 90) % 90) - SPAN;
      histogram[Math.min(BINS - 1, Math.floor((folded + SPAN) / BIN))]! += magnitude;
    }
  }
  return histogram;
}

/** Summed over a window of ±2 bins, circularly (−45° and +45° are the same direction). */
function smooth(histogram: Float64Array): Float64Array {
  const out = new Float64Array(BINS);
  for (let i = 0; i < BINS; i++) {
    for (let k = -2; k <= 2; k++) out[i]! += histogram[(i + k + BINS) % BINS]! * (3 - Math.abs(k));
  }
  return out;
}

/**
 * The tilt in degrees within ±`maxDegrees` (positive: turned clockwise), refined between bins by a parabola
 * through the peak and its neighbours; 0 when the image has no edges.
 */
export function estimateSkew(image: GreyImage, maxDegrees = 20): number {
  const smoothed = smooth(orientationHistogram(image));
  let peak = -1;
  for (let i = 0; i < BINS; i++) {
    const degrees = i * BIN - SPAN + BIN / 2;
    if (Math.abs(degrees) > maxDegrees) continue;
    if (peak < 0 || smoothed[i]! > smoothed[peak]!) peak = i;
  }
  if (peak < 0 || smoothed[peak] === 0) return 0;
  const left = smoothed[(peak - 1 + BINS) % BINS]!;
  const right = smoothed[(peak + 1) % BINS]!;
  const curvature = left - 2 * smoothed[peak]! + right;
  const offset = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
  return (peak + 0.5 + offset) * BIN - SPAN;
}

/**
 * The tilt measured twice, the second time on the first correction: gradients on a pixel grid lean towards
 * the axes, so one pass undershoots a large tilt by about a tenth, enough to break the rows of a wide PDF417.
 */
export async function measureSkew(image: GreyImage, workingSide = 800): Promise<number> {
  const small = await shrinkGrey(image, workingSide);
  const first = estimateSkew(small);
  return first + estimateSkew(await rotateGrey(small, -first, 1, 128));
}
