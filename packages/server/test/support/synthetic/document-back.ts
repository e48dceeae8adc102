// A stand-in for the back of a licence, for measuring photo quality and timing only: a card with a dense
// stripe pattern where the PDF417 sits. Not decodable: the real backs with AAMVA barcodes are made by the
// document-reading tooling.
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './document-front.ts';
import type { Random } from './seeded-random.ts';

export async function backStandIn(random: Random): Promise<Buffer> {
  const bars: string[] = [];
  for (let x = 60; x < CARD_WIDTH - 60; x += 6) {
    for (let row = 0; row < 12; row++) if (random.chance(0.5)) bars.push(`<rect x="${x}" y="${200 + row * 22}" width="6" height="22"/>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="DejaVu Sans">
    <rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="38" fill="#dde6ee"/>
    <text x="60" y="120" font-size="30">THIS CARD IS THE PROPERTY OF THE ISSUING AUTHORITY</text>
    <g fill="#111">${bars.join('')}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
