// Greyscale working copies for the quality measures: luminance from RGB, and smaller copies by area
// averaging, so every measure sees the same scale whatever the camera's resolution.
import type { RgbImage } from './decode-photo.ts';

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Rec. 601 luma, in integers. */
export function toGrey(rgb: RgbImage): GreyImage {
  const data = new Uint8Array(rgb.width * rgb.height);
  for (let i = 0, j = 0; i < data.length; i++, j += 3) {
    data[i] = (rgb.data[j]! * 299 + rgb.data[j + 1]! * 587 + rgb.data[j + 2]! * 114 + 500) / 1000;
  }
  return { data, width: rgb.width, height: rgb.height };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region `rect` of `image`, resampled (area average, or nearest when enlarging) to `width` pixels wide. */
export function resample(image: GreyImage, rect: Rect, width: number): GreyImage {
  const height = Math.max(1, Math.round((rect.height * width) / rect.width));
  const data = new Uint8Array(width * height);
  const sx = rect.width / width;
  const sy = rect.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(rect.y + y * sy);
    const y1 = Math.max(y0 + 1, Math.floor(rect.y + (y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(rect.x + x * sx);
      const x1 = Math.max(x0 + 1, Math.floor(rect.x + (x + 1) * sx));
      data[y * width + x] = areaMean(image, x0, y0, x1, y1);
    }
  }
  return { data, width, height };
}

function areaMean(image: GreyImage, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      sum += image.data[y * image.width + x]!;
      count++;
    }
  }
  return count === 0 ? 0 : Math.round(sum / count);
}
