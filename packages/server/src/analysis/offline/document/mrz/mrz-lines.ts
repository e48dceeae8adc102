// From OCR text to MRZ lines of the right count and length: keep the MRZ alphabet, pick the consecutive
// lines that fit a format, and mend lengths where OCR dropped or doubled a filler.
import { MRZ_LAYOUTS } from './mrz-layouts.ts';
import type { MrzLayout } from './mrz-layouts.ts';

/** Upper-case, fillers unified, everything outside `A–Z 0–9 <` dropped (spaces too: the MRZ has none). */
export function cleanMrzLine(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[«‹([{]/g, '<')
    .replace(/[^A-Z0-9<]/g, '');
}

/**
 * Stretch or shrink a line to `length` at its longest filler run, where a miscount is most likely and
 * harmless; a line without fillers is cut or padded at the end.
 */
export function fitLineLength(line: string, length: number): string {
  if (line.length === length) return line;
  const runs = [...line.matchAll(/<{2,}/g)];
  const longest = runs.reduce<RegExpMatchArray | undefined>((best, r) => (!best || r[0].length > best[0].length ? r : best), undefined);
  if (!longest || longest.index === undefined) return line.length > length ? line.slice(0, length) : line.padEnd(length, '<');
  const delta = length - line.length;
  const runLength = Math.max(1, longest[0].length + delta);
  const fitted = line.slice(0, longest.index) + '<'.repeat(runLength) + line.slice(longest.index + longest[0].length);
  return fitted.length === length ? fitted : fitted.length > length ? fitted.slice(0, length) : fitted.padEnd(length, '<');
}

/** How far these lines are from a layout's shape: summed length differences; Infinity when too far. */
function distance(lines: readonly string[], layout: MrzLayout): number {
  let total = 0;
  for (const line of lines) {
    const diff = Math.abs(line.length - layout.lineLength);
    if (diff > Math.max(3, layout.lineLength * 0.12)) return Infinity;
    total += diff;
  }
  return total;
}

export interface MrzCandidate {
  layout: MrzLayout;
  lines: string[];
}

/** The consecutive lines of `text` that best fit an MRZ format, mended to its exact length. */
export function pickMrzLines(text: string): MrzCandidate | null {
  const lines = text.split(/\r?\n/).map(cleanMrzLine).filter((l) => l.length >= 20);
  let best: { candidate: MrzCandidate; score: number } | null = null;
  for (const layout of Object.values(MRZ_LAYOUTS)) {
    for (let i = 0; i + layout.lineCount <= lines.length; i++) {
      const group = lines.slice(i, i + layout.lineCount);
      const score = distance(group, layout);
      if (score === Infinity || (best && best.score <= score)) continue;
      best = { candidate: { layout, lines: group.map((l) => fitLineLength(l, layout.lineLength)) }, score };
    }
  }
  return best?.candidate ?? null;
}
