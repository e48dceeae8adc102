// The machine-readable zone as printed: OCR-B at 10 characters per inch, lines 6 per inch apart (ICAO 9303
// part 3), drawn as SVG text for sharp (librsvg) with Debian's fonts-ocr-b.

/** Millimetres between character starts (10 cpi) and between baselines (6 lpi). */
export const MRZ_PITCH_MM = 2.54;
export const MRZ_LINE_MM = 4.23;

import { requireOcrB } from './ocr-b-font.ts';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * SVG text elements for the MRZ `lines`, the first baseline at `topBaselineMm`, starting at `leftMm`, at
 * `pxPerMm`. `textLength` pins each line to exactly 2.54 mm per character, whatever the font's advance.
 */
export function mrzSvg(lines: readonly string[], leftMm: number, topBaselineMm: number, pxPerMm: number): string {
  requireOcrB();
  const size = 3.5 * pxPerMm;
  return lines
    .map((line, i) => {
      const x = leftMm * pxPerMm;
      const y = (topBaselineMm + i * MRZ_LINE_MM) * pxPerMm;
      const length = line.length * MRZ_PITCH_MM * pxPerMm;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="OCR B" font-size="${size.toFixed(1)}" textLength="${length.toFixed(1)}" lengthAdjust="spacing" fill="#111">${escapeXml(line)}</text>`;
    })
    .join('\n');
}

export { escapeXml };
