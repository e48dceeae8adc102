// Draws a passport data page (TD3, 125 × 88 mm) or a TD2 card (105 × 74 mm): background pattern, a portrait
// area, the visual inspection zone with the holder's names (accents and all) and dates, and the MRZ in OCR-B.
import sharp from 'sharp';
import type { MrzFields } from './mrz-encode.ts';
import { encodeMrz } from './mrz-encode.ts';
import { escapeXml, MRZ_LINE_MM, mrzSvg } from './mrz-block.ts';
import type { SyntheticIdentity } from './identity.ts';

export const PAGE_RENDER_DPI = 304.8;
const PX_PER_MM = PAGE_RENDER_DPI / 25.4;
const SIZE = { TD3: { width: 125, height: 88 }, TD2: { width: 105, height: 74 } } as const;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export interface DataPage {
  png: Buffer;
  lines: string[];
}

const px = (mm: number): string => (mm * PX_PER_MM).toFixed(1);
const printedDate = (iso: string): string => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function field(x: number, y: number, label: string, value: string): string {
  return `<text x="${px(x)}" y="${px(y)}" font-family="DejaVu Sans" font-size="${px(1.6)}" fill="#445">${escapeXml(label)}</text>
    <text x="${px(x)}" y="${px(y + 3)}" font-family="DejaVu Sans" font-size="${px(2.6)}" fill="#111">${escapeXml(value)}</text>`;
}

function background(width: number, height: number): string {
  const waves = Array.from({ length: 9 }, (_, i) => {
    const y = (height / 9) * i + 4;
    return `<path d="M0 ${px(y)} C ${px(width / 3)} ${px(y - 6)}, ${px((2 * width) / 3)} ${px(y + 6)}, ${px(width)} ${px(y)}" stroke="#c9d8e6" stroke-width="${px(0.25)}" fill="none"/>`;
  });
  return `<rect width="100%" height="100%" fill="#eef3f7"/>${waves.join('')}`;
}

/** A neutral head-and-shoulders shape where the portrait goes (portraits are the fronts' business). */
function portraitArea(x: number, y: number, w: number, h: number): string {
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" fill="#d7dde3"/>
    <ellipse cx="${px(x + w / 2)}" cy="${px(y + h * 0.38)}" rx="${px(w * 0.22)}" ry="${px(h * 0.2)}" fill="#9aa4ad"/>
    <path d="M${px(x + w * 0.12)} ${px(y + h)} Q ${px(x + w / 2)} ${px(y + h * 0.5)} ${px(x + w * 0.88)} ${px(y + h)} Z" fill="#9aa4ad"/>`;
}

function vizFields(identity: SyntheticIdentity, f: MrzFields, left: number): string {
  const given = [identity.firstName, identity.middleName].filter(Boolean).join(' ');
  return [
    field(left, 14, 'Type / Type', f.documentCode),
    field(left + 22, 14, 'Code / Code', f.issuingCountry),
    field(left + 44, 14, 'No. / No', f.documentNumber),
    field(left, 22, 'Surname / Nom', identity.lastName.toUpperCase()),
    field(left, 30, 'Given names / Prénoms', given.toUpperCase()),
    field(left, 38, 'Nationality / Nationalité', f.nationality),
    field(left, 46, 'Date of birth / Date de naissance', printedDate(f.birthDate)),
    field(left + 44, 46, 'Sex / Sexe', f.sex),
    field(left, 54, 'Date of expiry / Date d’expiration', printedDate(f.expiryDate)),
  ].join('\n');
}

export async function dataPage(identity: SyntheticIdentity, fields: MrzFields): Promise<DataPage> {
  if (fields.format === 'TD1') throw new Error('TD1 cards carry the MRZ on the back: see id-card-back.ts');
  const size = SIZE[fields.format];
  const lines = encodeMrz(fields);
  const lineMm = lines[0]!.length * 2.54;
  const left = (size.width - lineMm) / 2;
  const title = fields.format === 'TD3' ? 'PASSPORT / PASSEPORT' : 'IDENTITY CARD / CARTE D’IDENTITÉ';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${px(size.width)}" height="${px(size.height)}">
    ${background(size.width, size.height)}
    <text x="${px(left)}" y="${px(7)}" font-family="DejaVu Sans" font-weight="bold" font-size="${px(3.2)}" fill="#234">${escapeXml(title)}</text>
    ${portraitArea(left, 11, 28, 36)}
    ${vizFields(identity, fields, left + 33)}
    ${mrzSvg(lines, left, size.height - 5 - MRZ_LINE_MM, PX_PER_MM)}
  </svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), lines };
}
