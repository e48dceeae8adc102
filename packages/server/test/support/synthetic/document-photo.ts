// Photographs a rendered card or page: set on a table at a given resolution, then tilted, blurred, glared and
// JPEG-compressed by degrade(). Resolution is in dots per inch of the document, so 150 dpi means an ID-1 card
// about 505 pixels wide, however much the tilt grows the frame.
import sharp from 'sharp';
import { degrade } from './degrade.ts';
import type { Degradation } from './degrade.ts';
import type { Random } from './seeded-random.ts';

export interface PhotoOptions extends Omit<Degradation, 'width'> {
  /** Resolution of the document in the photo. */
  dpi: number;
  /** Table around the document, as a share of its width on each side. */
  margin?: number;
}

export interface PhotoConditions extends PhotoOptions {
  label: string;
}

/** `image` is rendered at `renderDpi`; the result shows it at `options.dpi`. */
export async function photograph(image: Buffer, renderDpi: number, options: PhotoOptions): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(image).metadata();
  const margin = Math.round(width * (options.margin ?? 0.06));
  const table = options.background ?? '#6b6b6b';
  const framed = await sharp(image)
    .flatten({ background: table })
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: table })
    .png()
    .toBuffer();
  const radians = ((options.rotateDegrees ?? 0) * Math.PI) / 180;
  const framedWidth = width + 2 * margin;
  const framedHeight = height + 2 * margin;
  const rotatedWidth = Math.abs(framedWidth * Math.cos(radians)) + Math.abs(framedHeight * Math.sin(radians));
  const scale = options.dpi / renderDpi;
  return degrade(framed, { ...options, width: Math.round(rotatedWidth * scale) });
}

/** Conditions of an everyday phone photo of a document: 150–300 dpi, ±10°, JPEG 60–95, sometimes slight blur. */
export function everydayConditions(random: Random, options: { glare?: boolean } = {}): PhotoConditions {
  const dpi = Math.round(random.between(150, 300));
  const rotateDegrees = Math.round(random.between(-10, 10) * 10) / 10;
  const jpegQuality = random.int(60, 95);
  const blurSigma = random.chance(0.3) ? Math.round(random.between(0.3, 0.8) * 100) / 100 : undefined;
  const brightness = Math.round(random.between(0.85, 1.15) * 100) / 100;
  const glare = options.glare ? { x: random.between(0.2, 0.8), y: random.between(0.2, 0.8), size: random.between(0.08, 0.18) } : undefined;
  const label = `${dpi}dpi ${rotateDegrees}° q${jpegQuality}${blurSigma ? ` blur${blurSigma}` : ''}${glare ? ' glare' : ''}`;
  return { label, dpi, rotateDegrees, jpegQuality, brightness, ...(blurSigma ? { blurSigma } : {}), ...(glare ? { glare } : {}) };
}
