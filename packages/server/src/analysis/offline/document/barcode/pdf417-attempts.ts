// The images a PDF417 decode is tried on, in order, each made only if the one before found nothing.
// Measured on generated backs (bench/eval-documents.ts): zxing-cpp's PDF417 detector gives up beyond about
// 3° of tilt, so the photo is deskewed first (that alone reads 95 % at 150 dpi); a 2× upscale of it reads the
// rest, whose modules are under 2 pixels. A second skew pass and the undeskewed photo added nothing.
import { estimateSkew } from '../image/estimate-skew.ts';
import type { GreyImage } from '../image/grey-image.ts';
import { rotateGrey, shrinkGrey } from '../image/grey-image.ts';

/** Skew is measured on a smaller copy: edges, not detail, decide it. */
const SKEW_SIDE = 800;
/** Below this tilt, rotating only blurs. */
const MIN_SKEW = 0.5;
/** Upscaling helps low-resolution photos only; larger ones already give zxing 2+ pixels per module. */
const UPSCALE_BELOW = 1600;

export async function* pdf417Attempts(photo: GreyImage): AsyncGenerator<GreyImage> {
  const skew = estimateSkew(await shrinkGrey(photo, SKEW_SIDE));
  const deskewed = Math.abs(skew) >= MIN_SKEW ? await rotateGrey(photo, -skew) : photo;
  yield deskewed;
  if (Math.max(photo.width, photo.height) < UPSCALE_BELOW) yield await rotateGrey(photo, -skew, 2);
}
