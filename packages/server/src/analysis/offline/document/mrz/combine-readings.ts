// Two OCR readings of one MRZ made into one: the legacy engine's lines give the layout and the fillers, the
// LSTM's characters (read with the fillers erased) replace the others, and the check digits decide, field by
// field, between the combined reading and the legacy one.
import type { MrzCheckSpec, MrzLayout, MrzSpan } from './mrz-layouts.ts';
import type { MrzParseResult } from './parse-mrz.ts';
import { isBlindPair } from './check-digit-blind-spots.ts';
import { isValidCheckDigit } from './check-digit.ts';

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
  /** Per position, the character the LSTM read there, or null where it read none (fillers, skipped cells). */
  lstm: Array<string | null>;
}

/**
 * `legacy`'s line with its non-filler characters taken from `lstm` (the LSTM's reading of that line, fillers
 * erased). When the counts agree the characters are placed in order; otherwise by alignment, and legacy
 * characters the LSTM skipped stay.
 */
export function composeLine(legacy: string, read: string): ComposedLine {
  const slots = [...legacy].flatMap((c, i) => (c === '<' ? [] : [i]));
  const chars = read.replace(/[^A-Z0-9]/g, '');
  const out = [...legacy];
  const lstm: Array<string | null> = [...legacy].map(() => null);
  const place = (slot: number, char: string) => {
    out[slot] = char;
    lstm[slot] = char;
  };
  if (chars.length === slots.length) slots.forEach((slot, k) => place(slot, chars[k]!));
  else {
    const known = slots.map((slot) => legacy[slot]!).join('');
    for (const [k, m] of alignedPairs(known, chars)) place(slots[k]!, chars[m]!);
  }
  return { line: out.join(''), lstm };
}

/** Look-alikes the LSTM, unrestricted, reads for OCR-B characters: `$` is its usual S. */
const LOOK_ALIKES: Readonly<Record<string, string>> = { $: 'S', '§': 'S', '|': 'I', '€': 'E' };

/** A line of LSTM text in MRZ characters: upper-cased, look-alikes mapped, the rest (spaces too) dropped. */
const lstmCharacters = (line: string): string =>
  [...line.toUpperCase()].map((c) => LOOK_ALIKES[c] ?? c).join('').replace(/[^A-Z0-9]/g, '');

/** The LSTM's text as one string per line: blank lines dropped; if the count is off, all of it split by the slots. */
export function lstmLines(text: string, legacy: readonly string[]): string[] {
  const lines = text.split(/\r?\n/).map(lstmCharacters).filter(Boolean);
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

/** The lines of `spans` copied from `from` into `into`. */
function copySpans(into: string[][], from: readonly string[], spans: readonly MrzSpan[]): void {
  for (const span of spans) for (let i = span.start; i < span.end; i++) into[span.line]![i] = from[span.line]![i]!;
}

const spansOf = (check: MrzCheckSpec): MrzSpan[] => [...check.covers, { line: check.digit.line, start: check.digit.at, end: check.digit.at + 1 }];

/** Whether two readings of a field differ only where one has S or G and the other 8 or 6. */
const onlyBlindPairs = (a: string, b: string): boolean => [...a].every((c, i) => c === b[i] || isBlindPair(c, b[i]!));

/** One engine's reading: its lines as OCR gave them, and as parseMrz corrected and checked them. */
export interface Reading {
  raw: readonly string[];
  parsed: MrzParseResult;
}

type Parsed = Extract<MrzParseResult, { document: unknown }>;
interface ParsedReading {
  raw: readonly string[];
  parsed: Parsed;
}
type Choice = 'combined' | 'legacy' | 'ambiguous';

const textOf = (lines: readonly string[], spans: readonly MrzSpan[]): string => spans.map((s) => lines[s.line]!.slice(s.start, s.end)).join('');

/**
 * Whether every character that correction changed in `reading`'s field is the one the other engine read
 * there: a correction alone passes a mod-10 check one time in ten, so it needs the other engine's support.
 */
function supported(spans: readonly MrzSpan[], reading: ParsedReading, other: ParsedReading): boolean {
  const raw = textOf(reading.raw, spans);
  const corrected = textOf(reading.parsed.document.lines, spans);
  const otherRaw = textOf(other.raw, spans);
  return [...corrected].every((c, i) => c === raw[i] || c === otherRaw[i]);
}

/** Which reading's field to keep, under its check digit. */
function choose(check: MrzCheckSpec, combined: ParsedReading, legacy: ParsedReading): Choice {
  const spans = spansOf(check);
  const a = textOf(combined.parsed.document.lines, spans);
  const b = textOf(legacy.parsed.document.lines, spans);
  if (a === b) return 'combined';
  const mine = combined.parsed.checks.find((c) => c.name === check.name);
  const theirs = legacy.parsed.checks.find((c) => c.name === check.name);
  if (mine?.valid && theirs?.valid) {
    if (mine.corrected !== theirs.corrected) return mine.corrected ? 'legacy' : 'combined';
    return onlyBlindPairs(a, b) ? 'combined' : 'ambiguous';
  }
  if (theirs?.valid) return !theirs.corrected || supported(spans, legacy, combined) ? 'legacy' : 'ambiguous';
  if (mine?.valid && mine.corrected && !supported(spans, combined, legacy)) return 'ambiguous';
  return 'combined';
}

/** The composite digit of whichever reading makes the composite hold over the decided lines. */
function chooseCompositeDigit(out: string[][], layout: MrzLayout, legacy: Parsed): void {
  const composite = layout.checks.find((c) => c.name === 'composite');
  if (!composite) return;
  const covered = textOf(out.map((l) => l.join('')), composite.covers);
  const { line, at } = composite.digit;
  const theirs = legacy.document.lines[line]![at]!;
  if (!isValidCheckDigit(covered, out[line]![at]!) && isValidCheckDigit(covered, theirs)) out[line]![at] = theirs;
}

/**
 * One set of lines from the two readings, decided field by field under the check digits: a field both read
 * alike is kept; where they differ, the one whose check digit holds wins, if it holds as read or the other
 * engine read what its correction put there. Where both hold, one that holds as read beats one that holds
 * only after a correction; readings that differ only by S/8 or G/6 keep the LSTM's (the legacy engine reads
 * OCR-B's S and G as 8 and 6, measured on generated pages); otherwise nothing can tell which is right and
 * the result is `ambiguous`. The composite digit is the legacy one when only that one holds: the LSTM reads
 * a lone digit after a run of erased fillers poorly. Unchecked fields (names, codes, sex) come from the
 * combined reading, whose letters are the LSTM's.
 */
export function decideFields(combined: Reading, legacy: Reading, layout: MrzLayout): string[] | 'ambiguous' | null {
  if (!('document' in combined.parsed) || !('document' in legacy.parsed)) return null;
  const mine: ParsedReading = { raw: combined.raw, parsed: combined.parsed };
  const theirs: ParsedReading = { raw: legacy.raw, parsed: legacy.parsed };
  const out = mine.parsed.document.lines.map((l) => [...l]);
  for (const check of layout.checks) {
    if (check.name === 'composite') continue;
    const choice = choose(check, mine, theirs);
    if (choice === 'ambiguous') return choice;
    if (choice === 'legacy') copySpans(out, theirs.parsed.document.lines, spansOf(check));
  }
  chooseCompositeDigit(out, layout, theirs.parsed);
  return out.map((l) => l.join(''));
}
