// Draws the back of a US or Canadian driver's licence or ID card (ID-1, 85.6 × 54 mm): a real AAMVA PDF417
// made with bwip-js from the holder's fields, a Code 128 inventory number and some printed text.
import bwipjs from 'bwip-js/node';
import sharp from 'sharp';
import { encodeAamva } from './aamva-encode.ts';
import type { AamvaFields, AamvaNoise } from './aamva-encode.ts';
import type { Random } from './seeded-random.ts';

/** Rendering resolution: 12 pixels per millimetre (about 305 dpi). */
export const CARD_RENDER_DPI = 304.8;
const PX_PER_MM = CARD_RENDER_DPI / 25.4;
const CARD = { width: 85.6, height: 54 } as const;

export interface LicenceBackOptions {
  /** PDF417 data columns (AAMVA cards use about 8–17). */
  columns: number;
  /** Width of the PDF417 symbol in millimetres. */
  barcodeWidthMm: number;
  noise?: AamvaNoise;
}

export interface LicenceBack {
  png: Buffer;
  payload: string;
  /** Narrowest bar of the PDF417, in millimetres. */
  moduleMm: number;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const px = (mm: number): number => Math.round(mm * PX_PER_MM * 10) / 10;

/** The PDF417 as SVG content and its size in modules, to be placed at an exact size in millimetres. */
function pdf417(payload: string, columns: number): { body: string; width: number; height: number } {
  // PDF417's own options (BWIPP's), which bwip-js's types do not list.
  const options: bwipjs.RenderOptions & { columns: number; eclevel: number; rowmult: number } = { bcid: 'pdf417', text: payload, columns, eclevel: 5, rowmult: 3 };
  const svg = bwipjs.toSVG(options);
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  if (!box) throw new Error('bwip-js returned an SVG without a viewBox');
  return { body: svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, ''), width: Number(box[1]), height: Number(box[2]) };
}

function code128(text: string): { body: string; width: number; height: number } {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, height: 6 });
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
  return { body: svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, ''), width: Number(box[1]), height: Number(box[2]) };
}

function printedText(fields: AamvaFields): string {
  const lines = [
    [4, 6, 2.6, `${fields.jurisdiction} ${fields.documentType === 'DL' ? 'DRIVER LICENSE' : 'IDENTIFICATION CARD'}`],
    [4, 10, 2.0, `CLASS ${fields.documentType === 'DL' ? 'C' : '-'}   RESTR NONE   END NONE`],
    [4, 13.5, 2.0, `DD 0123456789ABCDEF   ISS ${fields.issueDate}`],
  ] as const;
  return lines
    .map(([x, y, size, t]) => `<text x="${px(x)}" y="${px(y)}" font-family="DejaVu Sans" font-size="${px(size)}" fill="#222">${escapeXml(t)}</text>`)
    .join('');
}

export async function licenceBack(fields: AamvaFields, options: LicenceBackOptions): Promise<LicenceBack> {
  const payload = encodeAamva(fields, options.noise);
  const symbol = pdf417(payload, options.columns);
  const barcodeHeightMm = (options.barcodeWidthMm * symbol.height) / symbol.width;
  const left = (CARD.width - options.barcodeWidthMm) / 2;
  const top = Math.min(16, CARD.height - 10 - barcodeHeightMm);
  const icn = code128(fields.documentNumber);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${px(CARD.width)}" height="${px(CARD.height)}">
    <rect width="100%" height="100%" rx="${px(3)}" fill="#f3efe4"/>
    <path d="M0 ${px(40)} Q ${px(40)} ${px(30)} ${px(85.6)} ${px(44)}" stroke="#d9cfb8" stroke-width="${px(0.6)}" fill="none"/>
    ${printedText(fields)}
    <svg x="${px(left)}" y="${px(top)}" width="${px(options.barcodeWidthMm)}" height="${px(barcodeHeightMm)}" viewBox="0 0 ${symbol.width} ${symbol.height}" preserveAspectRatio="none">${symbol.body}</svg>
    <svg x="${px(CARD.width - 34)}" y="${px(CARD.height - 8)}" width="${px(30)}" height="${px(5)}" viewBox="0 0 ${icn.width} ${icn.height}" preserveAspectRatio="none">${icn.body}</svg>
  </svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  // bwip-js draws 2 units per module: the symbol is `width / 2` modules wide.
  return { png, payload, moduleMm: options.barcodeWidthMm / (symbol.width / 2) };
}

/** A typical AAMVA symbol: 9–13 columns over 66–76 mm, so a module of about 0.22–0.33 mm. */
export function typicalLicenceBackOptions(random: Random): LicenceBackOptions {
  return { columns: random.int(9, 13), barcodeWidthMm: random.between(66, 76) };
}
