// Photos as 8-bit greyscale pixels: decoded once with sharp (EXIF orientation applied), then handed to the
// barcode reader or cut and cleaned for OCR.
import sharp from 'sharp';
import type { Sharp } from 'sharp';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  data: Uint8Array;
}

/** Runs a pipeline to one-channel pixels: sharp turns single-channel input into sRGB unless told otherwise. */
async function toGrey(pipeline: Sharp): Promise<GreyImage> {
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, sharp gave ${info.channels}`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

const raw = (image: GreyImage): Sharp => sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });

/** Decodes JPEG, PNG, WebP, TIFF or GIF bytes; throws for anything sharp cannot decode. */
export function decodeGrey(bytes: Uint8Array, maxSide?: number): Promise<GreyImage> {
  let pipeline = sharp(bytes, { failOn: 'error' }).rotate();
  if (maxSide) pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  return toGrey(pipeline);
}

/**
 * Rotated by `degrees` (positive clockwise) about its centre, the canvas grown to fit, and resized by `scale`;
 * new corners are filled with `background`.
 */
export async function rotateGrey(image: GreyImage, degrees: number, scale = 1, background = 255): Promise<GreyImage> {
  const fill = { r: background, g: background, b: background };
  const rotated = degrees === 0 ? image : await toGrey(raw(image).rotate(degrees, { background: fill }));
  if (scale === 1) return rotated;
  return toGrey(raw(rotated).resize({ width: Math.max(1, Math.round(rotated.width * scale)), kernel: 'cubic' }));
}

/** Scaled down so that neither side exceeds `maxSide` (unchanged if it already fits). */
export function shrinkGrey(image: GreyImage, maxSide: number): Promise<GreyImage> {
  if (Math.max(image.width, image.height) <= maxSide) return Promise.resolve(image);
  return toGrey(raw(image).resize({ width: maxSide, height: maxSide, fit: 'inside' }));
}

/** The part of a rectangle that lies inside the image. */
export function cropGrey(image: GreyImage, box: { left: number; top: number; width: number; height: number }): Promise<GreyImage> {
  const left = Math.min(image.width - 1, Math.max(0, Math.floor(box.left)));
  const top = Math.min(image.height - 1, Math.max(0, Math.floor(box.top)));
  const width = Math.max(1, Math.min(image.width, Math.ceil(box.left + box.width)) - left);
  const height = Math.max(1, Math.min(image.height, Math.ceil(box.top + box.height)) - top);
  return toGrey(raw(image).extract({ left, top, width, height }));
}

/** Lossless PNG bytes, for readers that take encoded images. */
export const encodePng = (image: GreyImage): Promise<Buffer> => raw(image).png({ compressionLevel: 1 }).toBuffer();
