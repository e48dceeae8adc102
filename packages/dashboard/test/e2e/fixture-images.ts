// Photo fixtures with real image bytes: a PNG encoded here, and a JPEG encoded by Chromium's canvas.
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of an ID-card-like picture: a light card with a dark photo box and text lines. */
export function idCardPng(width = 320, height = 200): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const inPhoto = x > 20 && x < 100 && y > 40 && y < 160;
      const inLine = x > 120 && x < 290 && [60, 90, 120, 150].some((l) => y >= l && y < l + 8);
      const [r, g, b] = inPhoto ? [90, 70, 60] : inLine ? [40, 40, 60] : [225, 232, 240];
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG "selfie" drawn and encoded by the browser itself. */
export async function selfieJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 320;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#cfd8e3';
    g.fillRect(0, 0, 240, 320);
    g.fillStyle = '#c68e6b';
    g.beginPath();
    g.ellipse(120, 140, 60, 80, 0, 0, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/jpeg', 0.85);
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}
