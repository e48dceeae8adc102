// The head-and-shoulders picture printed on a synthetic document, cut around one source face.
import sharp from 'sharp';
import { clamp, photoOf, type FaceSource } from './face-sources.ts';

/** ID portraits are about 35 × 45 mm: a little taller than wide, the face filling half the width. */
export async function portraitOf(source: FaceSource, width: number, options: { grey?: boolean } = {}): Promise<Buffer> {
  const photo = await photoOf(source);
  const { width: photoWidth = 0, height: photoHeight = 0 } = await sharp(photo).metadata();
  const cropWidth = source.face.width * 1.9;
  const cropHeight = cropWidth * 1.28;
  const centreX = source.face.x + source.face.width / 2;
  const centreY = source.face.y + source.face.height * 0.6;
  const region = clamp({ x: centreX - cropWidth / 2, y: centreY - cropHeight / 2, width: cropWidth, height: cropHeight }, photoWidth, photoHeight);
  let pipeline = sharp(photo).extract(region).resize({ width, height: Math.round(width * 1.28), fit: 'cover' });
  if (options.grey) pipeline = pipeline.greyscale();
  // Printing never reaches the paper's full white or a true black: a clipped studio background would
  // otherwise read as glare on every photo of the card.
  pipeline = pipeline.linear(0.86, 12);
  return pipeline.png().toBuffer();
}
