// The MRZ test documents are drawn in OCR-B, from Debian's fonts-ocr-b. Without that font librsvg falls back to
// another one, which no MRZ reader should read, so the tests that read generated MRZs are skipped with a reason,
// unless REALID_TEST_FONTS=required (CI), which makes a missing font a failure. The generator itself refuses to
// draw an MRZ without it, so an evaluation never reports a fallback font's read rates.
import { execFileSync } from 'node:child_process';

function fontInstalled(family: string): boolean {
  try {
    return execFileSync('fc-list', [family, 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const INSTALL = "install Debian's fonts-ocr-b (apt-get install fonts-ocr-b)";

export const ocrBAvailable = fontInstalled('OCR B');

if (!ocrBAvailable && process.env.REALID_TEST_FONTS === 'required') {
  throw new Error(`REALID_TEST_FONTS=required but the OCR B font is not installed: ${INSTALL}.`);
}
if (!ocrBAvailable) console.warn(`MRZ reading tests skipped: the OCR B font is not installed; ${INSTALL}.`);

export function requireOcrB(): void {
  if (!ocrBAvailable) throw new Error(`Generated MRZs are drawn in OCR B, which is not installed: ${INSTALL}.`);
}
