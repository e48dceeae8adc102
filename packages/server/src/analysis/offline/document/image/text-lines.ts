// Text lines as boxes: ink smeared along rows (gaps narrower than a character bridged) and gathered into
// connected blobs, one per line of closely spaced characters.
import type { InkMask } from './ink-mask.ts';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Bridges horizontal gaps of up to `gap` pixels between ink on the same row. */
export function smearRows(mask: InkMask, gap: number): Uint8Array {
  const { width, height, data } = mask;
  const out = new Uint8Array(data);
  for (let y = 0; y < height; y++) {
    let lastInk = -1;
    for (let x = 0; x < width; x++) {
      if (!data[y * width + x]) continue;
      if (lastInk >= 0 && x - lastInk - 1 <= gap) out.fill(1, y * width + lastInk + 1, y * width + x);
      lastInk = x;
    }
  }
  return out;
}

/** Bounding boxes of 4-connected blobs of set pixels. */
export function blobs(pixels: Uint8Array, width: number, height: number): Box[] {
  const seen = new Uint8Array(pixels.length);
  const stack = new Int32Array(pixels.length);
  const boxes: Box[] = [];
  for (let start = 0; start < pixels.length; start++) {
    if (!pixels[start] || seen[start]) continue;
    const box = { left: width, top: height, right: 0, bottom: 0 };
    let size = 0;
    const push = (n: number) => {
      if (pixels[n] && !seen[n]) {
        seen[n] = 1;
        stack[size++] = n;
      }
    };
    push(start);
    while (size > 0) {
      const i = stack[--size]!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < box.left) box.left = x;
      if (x >= box.right) box.right = x + 1;
      if (y < box.top) box.top = y;
      if (y >= box.bottom) box.bottom = y + 1;
      if (x > 0) push(i - 1);
      if (x < width - 1) push(i + 1);
      if (y > 0) push(i - width);
      if (y < height - 1) push(i + width);
    }
    boxes.push(box);
  }
  return boxes;
}
