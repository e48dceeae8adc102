// The images a PDF417 decode is tried on, in order, each made only if the one before found nothing.
// Measured on generated backs (bench/eval-documents.ts): zxing-cpp's PDF417 detector gives up beyond about
// 3° of tilt, and a wide symbol's rows break with under 1° left, so the photo is deskewed first (two skew
// passes); a 2× upscale of it reads most of the rest, whose modules are under 2 pixels. The undeskewed photo
// added nothing.
import { measureSkew } from '../image/estimate-skew.ts';
import type { GreyImage } from '../image/grey-image.ts';
import { rotateGrey } from '../image/grey-image.ts';

/** Below this tilt, rotating only blurs. */
const MIN_SKEW = 0.2;
/** Upscaling helps low-resolution photos only; larger ones already give zxing 2+ pixels per module. */
const UPSCALE_BELOW = 1600;

export async function* pdf417Attempts(photo: GreyImage): AsyncGenerator<GreyImage> {
  const skew = await measureSkew(photo);
  const deskewed = Math.abs(skew) >= MIN_SKEW ? await rotateGrey(photo, -skew) : photo;
  yield deskewed;
  if (Math.max(photo.width, photo.height) < UPSCALE_BELOW) yield await rotateGrey(photo, -skew, 2);
}
