// Synthetic fronts of driver's licences and ID cards (ID-1, 85.6 × 54 mm at 300 dpi) with a portrait, a faint
// ghost portrait and the printed fields of a made-up identity; and photos of them lying on a table.
import sharp from 'sharp';
import { degrade, type Degradation } from './degrade.ts';
import type { FaceSource } from './face-sources.ts';
import type { SyntheticIdentity } from './identity.ts';
import { portraitOf } from './portrait.ts';
import type { Random } from './seeded-random.ts';

export const CARD_WIDTH = 1012;
export const CARD_HEIGHT = 638;

const JURISDICTIONS: Record<string, string> = {
  CA: 'CALIFORNIA', NY: 'NEW YORK', TX: 'TEXAS', FL: 'FLORIDA', WA: 'WASHINGTON', IL: 'ILLINOIS', MA: 'MASSACHUSETTS',
  CO: 'COLORADO', GA: 'GEORGIA', AZ: 'ARIZONA', ON: 'ONTARIO', QC: 'QUÉBEC', BC: 'BRITISH COLUMBIA', AB: 'ALBERTA',
  MB: 'MANITOBA', NS: 'NOVA SCOTIA',
};

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** US cards print MM/DD/YYYY; Canadian ones YYYY/MM/DD. */
function printedDate(iso: string, country: SyntheticIdentity['country']): string {
  const [y, m, d] = iso.split('-');
  return country === 'USA' ? `${m}/${d}/${y}` : `${y}/${m}/${d}`;
}

function cardSvg(person: SyntheticIdentity, kind: 'drivers_license' | 'id_card', hue: number): string {
  const field = (x: number, y: number, label: string, value: string, size = 30) =>
    `<text x="${x}" y="${y}" font-size="17" fill="#7a2020">${label}</text><text x="${x}" y="${y + size + 2}" font-size="${size}" font-weight="bold">${escape(value)}</text>`;
  const date = (iso: string) => printedDate(iso, person.country);
  const given = [person.firstName, person.middleName].filter(Boolean).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="DejaVu Sans">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,88%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,80%)"/></linearGradient></defs>
    <rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="38" fill="url(#bg)"/>
    <rect y="0" width="${CARD_WIDTH}" height="112" rx="38" fill="hsl(${hue},60%,32%)"/><rect y="70" width="${CARD_WIDTH}" height="42" fill="hsl(${hue},60%,32%)"/>
    <text x="40" y="66" font-size="50" font-weight="bold" fill="#fff">${escape(JURISDICTIONS[person.jurisdiction] ?? person.jurisdiction)}</text>
    <text x="${CARD_WIDTH - 40}" y="98" font-size="28" fill="#fff" text-anchor="end">${kind === 'drivers_license' ? 'DRIVER LICENSE' : 'IDENTIFICATION CARD'}</text>
    <g fill="#111">
      ${field(370, 150, kind === 'drivers_license' ? 'DL' : 'ID', person.documentNumber, 38)}
      ${field(370, 220, 'EXP', date(person.expiryDate))}
      ${field(620, 220, 'ISS', date(person.issueDate))}
      ${field(370, 285, 'LN', person.lastName.toUpperCase())}
      ${field(370, 350, 'FN', given.toUpperCase())}
      <text x="370" y="420" font-size="24">${escape(person.address.street.toUpperCase())}</text>
      <text x="370" y="450" font-size="24">${escape(`${person.address.city.toUpperCase()}, ${person.address.state} ${person.address.postalCode}`)}</text>
      ${field(370, 480, 'DOB', date(person.birthDate))}
      ${field(620, 480, 'SEX', person.sex)}
    </g>
    <text x="40" y="${CARD_HEIGHT - 30}" font-size="34" font-style="italic" fill="#223">${escape(`${person.firstName} ${person.lastName}`)}</text>
  </svg>`;
}

export interface FrontOptions {
  kind?: 'drivers_license' | 'id_card';
  /** The small, faint second portrait most licences carry (default: yes). */
  ghost?: boolean;
}

/** The flat card as a PNG with transparent rounded corners. */
export async function documentFront(person: SyntheticIdentity, face: FaceSource, random: Random, options: FrontOptions = {}): Promise<Buffer> {
  const hue = random.int(0, 359);
  const portrait = await portraitOf(face, 300);
  const layers: sharp.OverlayOptions[] = [{ input: portrait, left: 40, top: 140 }];
  if (options.ghost ?? true) {
    const ghost = await sharp(await portraitOf(face, 120, { grey: true })).ensureAlpha(0.35).png().toBuffer();
    layers.push({ input: ghost, left: 850, top: 400 });
  }
  return sharp(Buffer.from(cardSvg(person, options.kind ?? 'drivers_license', hue))).composite(layers).png().toBuffer();
}

export interface PhotoOptions {
  /** The card's width as a share of the photo's width (default 0.55–0.8). */
  scale?: number;
  /** Degrees (default ±8). */
  rotateDegrees?: number;
  /** Push this share of the card's width out of the frame, to the right. */
  cutOff?: number;
  /** Applied to the whole photo after the card is placed. */
  degradation?: Degradation;
  photoWidth?: number;
}

/** A phone photo of `card` lying on a table: a textured surface, the card turned and placed, then `degradation`. */
export async function photographDocument(card: Buffer, random: Random, options: PhotoOptions = {}): Promise<Buffer> {
  const width = options.photoWidth ?? 1600;
  const height = Math.round(width * 0.75);
  const cardWidth = Math.round(width * (options.scale ?? random.between(0.55, 0.8)));
  const turned = await sharp(await sharp(card).resize({ width: cardWidth }).png().toBuffer())
    .rotate(options.rotateDegrees ?? random.between(-8, 8), { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const placed = await sharp(turned).metadata();
  const free = { x: width - (placed.width ?? 0), y: height - (placed.height ?? 0) };
  const left = options.cutOff ? Math.round(width - (placed.width ?? 0) * (1 - options.cutOff)) : Math.round(free.x * random.between(0.2, 0.8));
  const top = Math.round(free.y * random.between(0.2, 0.8));
  const photo = await sharp(await table(width, height, random)).composite([{ input: turned, left, top }]).png().toBuffer();
  return degrade(photo, options.degradation ?? { jpegQuality: random.int(70, 92) });
}

/** The table with no document on it. */
export async function emptyTablePhoto(random: Random, width = 1600): Promise<Buffer> {
  return degrade(await table(width, Math.round(width * 0.75), random), { jpegQuality: random.int(70, 92) });
}

const SURFACES = ['#3b2f25', '#4a4a4f', '#2f3b45', '#5b4636', '#55504a', '#263028'] as const;

/** A dark, slightly textured surface: the card stands out from it as it does on most tables. */
async function table(width: number, height: number, random: Random): Promise<Buffer> {
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(2)
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: random.pick(SURFACES) } })
    .composite([{ input: grain, blend: 'soft-light' }])
    .png()
    .toBuffer();
}
