// Misreads no check digit can catch. ICAO check digits weigh characters by their values mod 10, and S (28)
// and 8, G (16) and 6 differ by a multiple of 10: an OCR that swaps them leaves every check digit valid.
// Where both OCR engines did not read the same character, such a character is a guess, not a reading.
import type { MrzLayout } from './mrz-layouts.ts';

const BLIND_PARTNER: Readonly<Record<string, string>> = { S: '8', '8': 'S', G: '6', '6': 'G' };

/**
 * Positions in the alphanumeric fields (document number, optional data) holding S, 8, G or 6 that the two
 * engines did not agree on. `agreed`: per line and position, the character both read, or null.
 */
export function unconfirmedBlindSpots(lines: readonly string[], agreed: ReadonlyArray<ReadonlyArray<string | null>>, layout: MrzLayout): Array<{ line: number; at: number }> {
  const spots: Array<{ line: number; at: number }> = [];
  for (const name of ['documentNumber', 'optional1', 'optional2'] as const) {
    const field = layout.fields[name];
    if (!field) continue;
    for (let at = field.start; at < field.end; at++) {
      const char = lines[field.line]![at]!;
      if (BLIND_PARTNER[char] && agreed[field.line]?.[at] !== char) spots.push({ line: field.line, at });
    }
  }
  return spots;
}
