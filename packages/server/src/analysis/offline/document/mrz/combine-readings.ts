// Two OCR readings of one MRZ made into one: the legacy engine's lines give the layout and the fillers, the
// LSTM's characters (read with the fillers erased) replace the others; where a check digit rejects a field of
// the combined reading and accepts the legacy one, the legacy field is kept.
import type { MrzLayout } from './mrz-layouts.ts';
import type { MrzParseResult } from './parse-mrz.ts';

/** Pairs of positions in `a` and `b` that an edit-distance alignment matches (equal or substituted). */
function alignedPairs(a: string, b: string): Array<[number, number]> {
  const cost = Array.from({ length: a.length + 1 }, (_, i) => new Int32Array(b.length + 1).fill(0).map((_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitute = cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cost[i]![j] = Math.min(substitute, cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = a.length, j = b.length; i > 0 && j > 0; ) {
    if (cost[i]![j] === cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) pairs.unshift([--i, --j]);
    else if (cost[i]![j] === cost[i - 1]![j]! + 1) i--;
    else j--;
  }
  return pairs;
}

export interface ComposedLine {
  line: string;
  /** Per position, the character both engines read there, or null where they differ or the LSTM read nothing. */
  agreed: Array<string | null>;
}

/**
 * `legacy`'s line with its non-filler characters taken from `lstm` (the LSTM's reading of that line, fillers
 * erased). When the counts agree the characters are placed in order; otherwise by alignment, and legacy
 * characters the LSTM skipped stay. Fillers count as agreed: only the legacy engine reads them, and reliably.
 */
export function composeLine(legacy: string, lstm: string): ComposedLine {
  const slots = [...legacy].flatMap((c, i) => (c === '<' ? [] : [i]));
  const chars = lstm.replace(/[^A-Z0-9]/g, '');
  const out = [...legacy];
  const agreed: Array<string | null> = [...legacy].map((c) => (c === '<' ? c : null));
  const place = (slot: number, char: string) => {
    out[slot] = char;
    agreed[slot] = char === legacy[slot] ? char : null;
  };
  if (chars.length === slots.length) slots.forEach((slot, k) => place(slot, chars[k]!));
  else {
    const known = slots.map((slot) => legacy[slot]!).join('');
    for (const [k, m] of alignedPairs(known, chars)) place(slots[k]!, chars[m]!);
  }
  return { line: out.join(''), agreed };
}

/** The LSTM's text as one string per line: blank lines dropped; if the count is off, all of it split by the slots. */
export function lstmLines(text: string, legacy: readonly string[]): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[^A-Z0-9]/g, '')).filter(Boolean);
  if (lines.length === legacy.length) return lines;
  const all = lines.join('');
  let at = 0;
  return legacy.map((line) => {
    const count = [...line].filter((c) => c !== '<').length;
    const part = all.slice(at, at + count);
    at += count;
    return part;
  });
}

/**
 * The combined reading's lines, with each field whose check digit it fails replaced by the legacy reading's
 * field if that one passes. Both readings come already corrected by parseMrz.
 */
export function mergeByChecks(combined: MrzParseResult, legacy: MrzParseResult, layout: MrzLayout): string[] | null {
  if (combined.ok || !('document' in combined) || !('document' in legacy)) return null;
  const out = combined.document.lines.map((l) => [...l]);
  for (const check of combined.checks) {
    const other = legacy.checks.find((c) => c.name === check.name);
    if (check.valid || !other?.valid || check.name === 'composite') continue;
    const spec = layout.checks.find((c) => c.name === check.name)!;
    for (const span of [...spec.covers, { line: spec.digit.line, start: spec.digit.at, end: spec.digit.at + 1 }]) {
      for (let i = span.start; i < span.end; i++) out[span.line]![i] = legacy.document.lines[span.line]![i]!;
    }
  }
  return out.map((l) => l.join(''));
}
