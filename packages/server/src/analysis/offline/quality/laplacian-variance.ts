// Sharpness as the variance of the Laplacian: edges in focus give large second derivatives, a blurred
// photo gives small ones. Only comparable between images of the same size, so callers resample first.
import type { GreyImage } from '../image/grey-image.ts';

export function laplacianVariance(image: GreyImage): number {
  const { data, width, height } = image;
  let sum = 0;
  let sumOfSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const laplacian = 4 * data[i]! - data[i - 1]! - data[i + 1]! - data[i - width]! - data[i + width]!;
      sum += laplacian;
      sumOfSquares += laplacian * laplacian;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}
