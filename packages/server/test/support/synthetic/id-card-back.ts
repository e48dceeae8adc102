// Draws the back of an identity card (TD1, ID-1 size 85.6 × 54 mm): address and authority lines above the
// three-line MRZ in OCR-B.
import sharp from 'sharp';
import type { SyntheticIdentity } from './identity.ts';
import type { MrzFields } from './mrz-encode.ts';
import { encodeMrz } from './mrz-encode.ts';
import { escapeXml, MRZ_LINE_MM, mrzSvg } from './mrz-block.ts';

export const ID_CARD_RENDER_DPI = 304.8;
const PX_PER_MM = ID_CARD_RENDER_DPI / 25.4;
const CARD = { width: 85.6, height: 54 } as const;

export interface IdCardBack {
  png: Buffer;
  lines: string[];
}

const px = (mm: number): string => (mm * PX_PER_MM).toFixed(1);

function printedText(identity: SyntheticIdentity): string {
  const rows = [
    [4, 6, 'Address / Adresse'],
    [4, 10, `${identity.address.street}, ${identity.address.city} ${identity.address.state} ${identity.address.postalCode}`],
    [4, 16, 'Authority / Autorité'],
    [4, 20, `${identity.jurisdiction} ${identity.country}   Issued ${identity.issueDate}`],
  ] as const;
  return rows
    .map(([x, y, t], i) => `<text x="${px(x)}" y="${px(y)}" font-family="DejaVu Sans" font-size="${px(i % 2 === 0 ? 1.6 : 2.4)}" fill="${i % 2 === 0 ? '#445' : '#111'}">${escapeXml(t)}</text>`)
    .join('\n');
}

export async function idCardBack(identity: SyntheticIdentity, fields: MrzFields): Promise<IdCardBack> {
  if (fields.format !== 'TD1') throw new Error('only TD1 cards carry the MRZ on the back');
  const lines = encodeMrz(fields);
  const left = (CARD.width - 30 * 2.54) / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${px(CARD.width)}" height="${px(CARD.height)}">
    <rect width="100%" height="100%" rx="${px(3)}" fill="#f1f4ee"/>
    <circle cx="${px(70)}" cy="${px(14)}" r="${px(9)}" fill="none" stroke="#cfd9c4" stroke-width="${px(0.4)}"/>
    ${printedText(identity)}
    ${mrzSvg(lines, left, CARD.height - 4 - 2 * MRZ_LINE_MM, PX_PER_MM)}
  </svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), lines };
}
