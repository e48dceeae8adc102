// Names carry no check digit, so nothing in the MRZ can catch a misread name. The name line (with the
// document code and issuing state before the names on TD2 and TD3) holds letters and fillers only: its
// letters, as finally taken, must be exactly the letters the LSTM read there. When they are not, the legacy
// engine's layout and the LSTM's letters were laid together by a guess, and the names are not a reading.
import { coerceToLetters } from './mrz-correction.ts';
import type { MrzLayout } from './mrz-layouts.ts';

/** Whether the letters of the final name line are the LSTM's reading of that line (`lstm`: one string per line). */
export function namesConfirmed(lines: readonly string[], lstm: readonly string[], layout: MrzLayout): boolean {
  const line = layout.fields.names!.line;
  const letters = lines[line]!.replace(/</g, '');
  return letters === coerceToLetters(lstm[line] ?? '');
}
