// Misreads no check digit can catch. ICAO check digits weigh characters by their values mod 10, and S (28)
// and 8, G (16) and 6 differ by a multiple of 10: an OCR that swaps them leaves every check digit valid. Of
// the two engines, the LSTM reads OCR-B's S and G right and the legacy engine reads them as 8 and 6, so an S,
// 8, G or 6 counts as read only where the LSTM read that very character.
import type { MrzLayout } from './mrz-layouts.ts';

const BLIND_PARTNER: Readonly<Record<string, string>> = { S: '8', '8': 'S', G: '6', '6': 'G' };

export const isBlindPair = (a: string, b: string): boolean => BLIND_PARTNER[a] === b;

/**
 * Positions in the alphanumeric fields (document number, optional data) whose S, 8, G or 6 is a guess: the
 * LSTM read nothing there, or read the character's blind partner. `lstm`: per line and position, what the
 * LSTM read, or null.
 */
export function unconfirmedBlindSpots(lines: readonly string[], lstm: ReadonlyArray<ReadonlyArray<string | null>>, layout: MrzLayout): Array<{ line: number; at: number }> {
  const spots: Array<{ line: number; at: number }> = [];
  for (const name of ['documentNumber', 'optional1', 'optional2'] as const) {
    const field = layout.fields[name];
    if (!field) continue;
    for (let at = field.start; at < field.end; at++) {
      const char = lines[field.line]![at]!;
      const read = lstm[field.line]?.[at] ?? null;
      if (BLIND_PARTNER[char] && (read === null || read === BLIND_PARTNER[char])) spots.push({ line: field.line, at });
    }
  }
  return spots;
}
