// Decodes a customer's photo once for every analysis: upright (EXIF orientation applied), no larger than a
// working size, as raw RGB. The original size is kept, since "too small" is about the camera's pixels.
import sharp from 'sharp';

export interface RgbImage {
  /** width × height × 3 bytes, row by row. */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface DecodedPhoto {
  rgb: RgbImage;
  /** The upright photo's size before any downscaling. */
  originalWidth: number;
  originalHeight: number;
}

/** Larger photos are refused before decoding (a decompression bomb would otherwise fill the thread's memory). */
const MAX_INPUT_PIXELS = 50_000_000;

export async function decodePhoto(bytes: Uint8Array, maxSide: number): Promise<DecodedPhoto> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const meta = await image.metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const { data, info } = await image
    .rotate()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    rgb: { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height },
    originalWidth: (turned ? meta.height : meta.width) ?? info.width,
    originalHeight: (turned ? meta.width : meta.height) ?? info.height,
  };
}
