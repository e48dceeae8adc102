// What a phone camera does to a clean synthetic image: tilt, blur, glare, low resolution and JPEG loss.
import sharp from 'sharp';
import type { Random } from './seeded-random.ts';

export interface Degradation {
  /** Degrees, positive clockwise. */
  rotateDegrees?: number;
  /** Gaussian sigma in pixels (sharp needs ≥ 0.3 to blur at all). */
  blurSigma?: number;
  /** A bright elliptical highlight over this share of the image's width (0–1). */
  glare?: { x: number; y: number; size: number };
  /** Resize the width to this many pixels (height follows). */
  width?: number;
  /** JPEG quality 1–100; absent: PNG. */
  jpegQuality?: number;
  /** Brightness multiplier (1 = unchanged). */
  brightness?: number;
  /** Background around a rotated image. */
  background?: string;
}

export async function degrade(image: Buffer, d: Degradation): Promise<Buffer> {
  let pipeline = sharp(image);
  if (d.glare) {
    const { width = 1, height = 1 } = await sharp(image).metadata();
    const rx = Math.round(width * d.glare.size);
    const ry = Math.round(rx * 0.6);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><radialGradient id="g"><stop offset="0%" stop-color="white" stop-opacity="1"/><stop offset="70%" stop-color="white" stop-opacity="0.95"/><stop offset="100%" stop-color="white" stop-opacity="0"/></radialGradient></defs>
      <ellipse cx="${Math.round(width * d.glare.x)}" cy="${Math.round(height * d.glare.y)}" rx="${rx}" ry="${ry}" fill="url(#g)"/></svg>`;
    pipeline = sharp(await pipeline.composite([{ input: Buffer.from(svg) }]).png().toBuffer());
  }
  if (d.rotateDegrees) pipeline = pipeline.rotate(d.rotateDegrees, { background: d.background ?? '#6b6b6b' });
  if (d.width) pipeline = sharp(await pipeline.png().toBuffer()).resize({ width: d.width });
  if (d.blurSigma && d.blurSigma >= 0.3) pipeline = pipeline.blur(d.blurSigma);
  if (d.brightness && d.brightness !== 1) pipeline = pipeline.modulate({ brightness: d.brightness });
  return d.jpegQuality ? pipeline.jpeg({ quality: d.jpegQuality }).toBuffer() : pipeline.png().toBuffer();
}

/** An everyday phone photo: a little tilt, mild JPEG loss, sometimes a slight blur. */
export function everydayDegradation(random: Random, maxRotation = 10): Degradation {
  return {
    rotateDegrees: random.between(-maxRotation, maxRotation),
    ...(random.chance(0.3) ? { blurSigma: random.between(0.3, 0.8) } : {}),
    jpegQuality: random.int(60, 95),
    brightness: random.between(0.85, 1.15),
  };
}
