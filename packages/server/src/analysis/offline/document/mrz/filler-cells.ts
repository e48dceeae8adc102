// The MRZ with its filler characters painted out. Tesseract's LSTM reads OCR-B letters and digits better than
// its legacy engine but turns runs of `<` into K, L and C; with the fillers (placed from the legacy reading,
// which gets them right) erased, it reads only what it is good at.
import type { GreyImage } from '../image/grey-image.ts';
import type { Box } from '../image/text-lines.ts';

/**
 * A copy of `image` with each `<` of `lines` painted white. Characters sit at a fixed pitch (ICAO 9303), so
 * cell `i` of a line starts `i` pitches after its box's left edge; the last glyph ends about a quarter pitch
 * before its cell does.
 */
export function eraseFillers(image: GreyImage, boxes: readonly Box[], lines: readonly string[]): GreyImage {
  const data = new Uint8Array(image.data);
  lines.forEach((line, index) => {
    const box = boxes[index]!;
    const pitch = (box.right - box.left) / (line.length - 0.25);
    const margin = (box.bottom - box.top) * 0.25;
    const top = Math.max(0, Math.floor(box.top - margin));
    const bottom = Math.min(image.height, Math.ceil(box.bottom + margin));
    for (let cell = 0; cell < line.length; cell++) {
      if (line[cell] !== '<') continue;
      const left = Math.max(0, Math.floor(box.left + (cell - 0.12) * pitch));
      const right = Math.min(image.width, Math.ceil(box.left + (cell + 0.92) * pitch));
      for (let y = top; y < bottom; y++) data.fill(255, y * image.width + left, y * image.width + right);
    }
  });
  return { ...image, data };
}
