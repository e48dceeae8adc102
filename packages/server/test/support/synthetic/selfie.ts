// Synthetic selfies: one source face cropped, scaled, mirrored (front cameras), turned and lit as a phone
// would take it; and the hard cases — two people, nobody, blurry, too dark, too small.
import sharp from 'sharp';
import { degrade, type Degradation } from './degrade.ts';
import { clamp, demoPhoto, FACELESS_REGIONS, photoOf, type FaceSource } from './face-sources.ts';
import type { Random } from './seeded-random.ts';

export interface SelfieOptions {
  /** Output width in pixels (default 640–1080). */
  width?: number;
  /** Overrides the random everyday degradation. */
  degradation?: Degradation;
}

/** Portrait 3:4, the face filling 40–50 % of the width, off-centre by up to a tenth of the face. */
async function cropSelfie(source: FaceSource, random: Random, width: number): Promise<Buffer> {
  const photo = await photoOf(source);
  const { width: photoWidth = 0, height: photoHeight = 0 } = await sharp(photo).metadata();
  const cropWidth = source.face.width * random.between(2.0, 2.5);
  const cropHeight = (cropWidth * 4) / 3;
  const centreX = source.face.x + source.face.width * (0.5 + random.between(-0.1, 0.1));
  const centreY = source.face.y + source.face.height * (0.6 + random.between(-0.1, 0.1));
  const region = clamp({ x: centreX - cropWidth / 2, y: centreY - cropHeight / 2, width: cropWidth, height: cropHeight }, photoWidth, photoHeight);
  let pipeline = sharp(photo).extract(region).resize({ width });
  if (random.chance(0.5)) pipeline = pipeline.flop();
  return pipeline.png().toBuffer();
}

export function everydaySelfie(random: Random): Degradation {
  return {
    rotateDegrees: random.between(-12, 12),
    brightness: random.between(0.75, 1.2),
    jpegQuality: random.int(55, 92),
    ...(random.chance(0.3) ? { blurSigma: random.between(0.3, 1) } : {}),
  };
}

export async function selfie(source: FaceSource, random: Random, options: SelfieOptions = {}): Promise<Buffer> {
  const width = options.width ?? random.int(640, 1080);
  return degrade(await cropSelfie(source, random, width), options.degradation ?? everydaySelfie(random));
}

/** Two people side by side in one frame. */
export async function twoPersonSelfie(a: FaceSource, b: FaceSource, random: Random): Promise<Buffer> {
  const [left, right] = await Promise.all([cropSelfie(a, random, 480), cropSelfie(b, random, 480)]);
  const height = Math.max((await sharp(left).metadata()).height ?? 0, (await sharp(right).metadata()).height ?? 0);
  const canvas = sharp({ create: { width: 960, height, channels: 3, background: '#808080' } });
  const both = await canvas.composite([{ input: left, left: 0, top: 0 }, { input: right, left: 480, top: 0 }]).png().toBuffer();
  return degrade(both, { jpegQuality: random.int(70, 92) });
}

/** A photo of a room with nobody in it, at a selfie's size. */
export async function facelessPhoto(random: Random): Promise<Buffer> {
  const { file, region } = random.pick(FACELESS_REGIONS);
  const photo = await demoPhoto(file);
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const crop = await sharp(photo).extract(clamp(region, width, height)).resize({ width: 720, height: 960, fit: 'cover' }).png().toBuffer();
  return degrade(crop, { jpegQuality: random.int(70, 92) });
}
