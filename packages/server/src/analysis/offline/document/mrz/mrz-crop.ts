// The MRZ cut out of a photo and made easy for Tesseract: deskewed, found, cropped with a margin, and scaled so its lines are about
// 32 pixels tall: 28–40 read equally well, smaller is faster.
import { measureSkew } from '../image/estimate-skew.ts';
import type { GreyImage } from '../image/grey-image.ts';
import { cropGrey, rotateGrey, shrinkGrey } from '../image/grey-image.ts';
import { findMrzRegion } from './mrz-region.ts';
import type { MrzRegion } from './mrz-region.ts';
import type { Box } from '../image/text-lines.ts';

const SEARCH_SIDE = 1400;
const TARGET_LINE_HEIGHT = 32;

export interface MrzCrop {
  image: GreyImage;
  region: MrzRegion;
  /** The lines' boxes in `image`'s pixels. */
  lines: Box[];
}

export async function cropMrz(photo: GreyImage): Promise<MrzCrop | null> {
  const skew = await measureSkew(photo);
  const deskewed = Math.abs(skew) >= 0.2 ? await rotateGrey(photo, -skew, 1, 128) : photo;
  const search = await shrinkGrey(deskewed, SEARCH_SIDE);
  const found = findMrzRegion(search);
  if (!found) return null;
  const k = deskewed.width / search.width;
  const pad = found.lineHeight * 0.8;
  const box = { left: (found.left - pad) * k, top: (found.top - pad) * k, width: (found.right - found.left + 2 * pad) * k, height: (found.bottom - found.top + 2 * pad) * k };
  const crop = await cropGrey(deskewed, box);
  const scale = TARGET_LINE_HEIGHT / (found.lineHeight * k);
  const image = await rotateGrey(crop, 0, scale);
  const origin = { x: Math.max(0, Math.floor(box.left)), y: Math.max(0, Math.floor(box.top)) };
  const toCrop = (b: Box): Box => ({
    left: (b.left * k - origin.x) * scale,
    right: (b.right * k - origin.x) * scale,
    top: (b.top * k - origin.y) * scale,
    bottom: (b.bottom * k - origin.y) * scale,
  });
  return { image, region: found, lines: found.lines.map(toCrop) };
}
