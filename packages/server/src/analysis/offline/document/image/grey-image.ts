// Photos as 8-bit greyscale pixels: decoded once with sharp (EXIF orientation applied), then handed to the
// barcode reader or cut and cleaned for OCR.
import sharp from 'sharp';

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  data: Uint8Array;
}

/** Decodes JPEG, PNG, WebP, TIFF or GIF bytes; throws for anything sharp cannot decode. */
export async function decodeGrey(bytes: Uint8Array, maxSide?: number): Promise<GreyImage> {
  let pipeline = sharp(bytes, { failOn: 'error' }).rotate().greyscale();
  if (maxSide) pipeline = pipeline.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

const raw = (image: GreyImage) => sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });

/**
 * Rotated by `degrees` (positive clockwise) about its centre, the canvas grown to fit, and resized by `scale`;
 * new corners are filled with `background`.
 */
export async function rotateGrey(image: GreyImage, degrees: number, scale = 1, background = 255): Promise<GreyImage> {
  let pipeline = raw(image);
  if (degrees !== 0) pipeline = pipeline.rotate(degrees, { background: { r: background, g: background, b: background } });
  if (scale !== 1) {
    const rotated = await pipeline.raw().toBuffer({ resolveWithObject: true });
    pipeline = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } })
      .resize({ width: Math.round(rotated.info.width * scale), kernel: 'cubic' });
  }
  const { data, info } = await pipeline.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Scaled down so that neither side exceeds `maxSide` (unchanged if it already fits). */
export async function shrinkGrey(image: GreyImage, maxSide: number): Promise<GreyImage> {
  if (Math.max(image.width, image.height) <= maxSide) return image;
  const { data, info } = await raw(image).resize({ width: maxSide, height: maxSide, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** A rectangle of the image (clamped to it). */
export async function cropGrey(image: GreyImage, box: { left: number; top: number; width: number; height: number }): Promise<GreyImage> {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const width = Math.min(image.width - left, Math.ceil(box.width));
  const height = Math.min(image.height - top, Math.ceil(box.height));
  const { data, info } = await raw(image).extract({ left, top, width, height }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Lossless PNG bytes, for readers that take encoded images. */
export const encodePng = (image: GreyImage): Promise<Buffer> => raw(image).png({ compressionLevel: 1 }).toBuffer();
