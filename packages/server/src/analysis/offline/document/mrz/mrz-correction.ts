// Undo typical OCR confusions in MRZ lines: first by what each field may hold (a date has only digits, a
// country code only letters), then, where letters and digits both fit, by what the check digits accept.
import { isValidCheckDigit } from './check-digit.ts';
import type { MrzCheckSpec, MrzFieldKind, MrzLayout, MrzSpan } from './mrz-layouts.ts';

const TO_DIGIT: Readonly<Record<string, string>> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', T: '7', B: '8', A: '4' };
const TO_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '4': 'A', '5': 'S', '6': 'G', '7': 'T', '8': 'B' };
/** Pairs OCR mixes up in OCR-B, tried where both a letter and a digit are allowed. */
const CONFUSABLE: Readonly<Record<string, readonly string[]>> = {
  O: ['0', 'Q', 'D'], Q: ['0', 'O'], D: ['0', 'O'], '0': ['O', 'D', 'Q'],
  I: ['1'], '1': ['I'], Z: ['2'], '2': ['Z'], S: ['5'], '5': ['S'],
  G: ['6'], '6': ['G'], B: ['8'], '8': ['B'], A: ['4'], '4': ['A'], T: ['7'], '7': ['T'],
};
const MAX_CANDIDATES = 8;

export interface CorrectedLines {
  lines: string[];
  /** How many characters were changed. */
  corrections: number;
  /** Two readings fit the check digits equally well (say B and 8 at positions whose weights cancel out). */
  ambiguous: boolean;
}

function coerceChar(char: string, kind: MrzFieldKind): string {
  if (char === '<') return char;
  if (kind === 'numeric' || kind === 'check') return TO_DIGIT[char] ?? char;
  if (kind === 'alpha') return TO_LETTER[char] ?? char;
  if (kind === 'sex') return char === 'H' || char === 'N' ? 'M' : char === 'E' || char === 'P' ? 'F' : char;
  return char;
}

/** Digits read where only letters can be (names, codes) turned into the letters they are mistaken for. */
export const coerceToLetters = (text: string): string => [...text].map((c) => coerceChar(c, 'alpha')).join('');

const read = (lines: readonly string[][], s: MrzSpan): string => lines[s.line]!.slice(s.start, s.end).join('');

function write(lines: string[][], s: MrzSpan, text: string): void {
  for (let i = 0; i < text.length; i++) lines[s.line]![s.start + i] = text[i]!;
}

/** Every field coerced to its alphabet, every check digit to a digit. */
function coerceKinds(lines: string[][], layout: MrzLayout): number {
  let changes = 0;
  const coerce = (s: MrzSpan, kind: MrzFieldKind): void => {
    for (let i = s.start; i < s.end; i++) {
      const before = lines[s.line]![i]!;
      const after = coerceChar(before, kind);
      if (after !== before) changes++;
      lines[s.line]![i] = after;
    }
  };
  for (const f of Object.values(layout.fields)) coerce(f, f.kind);
  for (const c of layout.checks) coerce({ line: c.digit.line, start: c.digit.at, end: c.digit.at + 1 }, 'check');
  return changes;
}

/** `text` and its variants with one confusable character substituted, `text` first. */
export function confusableVariants(text: string): Array<{ text: string; changes: number }> {
  const out = [{ text, changes: 0 }];
  for (let i = 0; i < text.length; i++) {
    for (const alt of CONFUSABLE[text[i]!] ?? []) out.push({ text: text.slice(0, i) + alt + text.slice(i + 1), changes: 1 });
  }
  return out;
}

/**
 * Candidates for one alphanumeric field: those its own check digit accepts, or itself alone when none does.
 * One substitution at most: with two, some variant passes a mod-10 check for almost any misread. A field
 * with no check digit of its own is left as read: the composite alone would let a misread check digit
 * rewrite it.
 */
function candidatesFor(lines: string[][], own: MrzCheckSpec | undefined, s: MrzSpan): Array<{ text: string; changes: number }> {
  const text = read(lines, s);
  if (!own) return [{ text, changes: 0 }];
  const digit = lines[own.digit.line]![own.digit.at]!;
  if (digit === '<' && !/^<*$/.test(text)) return [{ text, changes: 0 }];
  const valid = confusableVariants(text).filter((v) => isValidCheckDigit(v.text, digit));
  return valid.length > 0 ? valid.slice(0, MAX_CANDIDATES) : [{ text, changes: 0 }];
}

function compositeHolds(lines: string[][], composite: MrzCheckSpec): boolean {
  const covered = composite.covers.map((s) => read(lines, s)).join('');
  return isValidCheckDigit(covered, lines[composite.digit.line]![composite.digit.at]!);
}

/** The alphanumeric fields: each with its own check if it has one. */
function alnumFields(layout: MrzLayout): Array<{ span: MrzSpan; own: MrzCheckSpec | undefined }> {
  const own = (name: 'documentNumber' | 'optional1') => layout.checks.find((c) => c.name === name);
  return (['documentNumber', 'optional1', 'optional2'] as const).flatMap((name) => {
    const f = layout.fields[name];
    return f ? [{ span: f, own: name === 'optional2' ? undefined : own(name) }] : [];
  });
}

interface Choice {
  changes: number;
  /** Another combination with as few changes passes every check too: the check digits cannot decide. */
  ambiguous: boolean;
}

/** The combination of candidates with the fewest changes that the composite check digit accepts. */
function chooseCandidates(lines: string[][], layout: MrzLayout): Choice {
  const fields = alnumFields(layout);
  const lists = fields.map((f) => candidatesFor(lines, f.own, f.span));
  const composite = layout.checks.find((c) => c.name === 'composite');
  let combos: Array<{ picks: number[]; changes: number }> = [{ picks: [], changes: 0 }];
  for (const list of lists) combos = combos.flatMap((c) => list.map((v, i) => ({ picks: [...c.picks, i], changes: c.changes + v.changes })));
  combos.sort((a, b) => a.changes - b.changes);
  const apply = (picks: number[]) => fields.forEach((f, i) => write(lines, f.span, lists[i]![picks[i]!]!.text));
  const holds = (picks: number[]) => {
    apply(picks);
    return !composite || compositeHolds(lines, composite);
  };
  const chosen = combos.find((c) => holds(c.picks)) ?? combos[0]!;
  const ambiguous = combos.some((c) => c !== chosen && c.changes === chosen.changes && chosen.changes > 0 && holds(c.picks));
  apply(chosen.picks);
  return { changes: chosen.changes, ambiguous };
}

export function correctMrz(input: readonly string[], layout: MrzLayout): CorrectedLines {
  const lines = input.map((line) => [...line]);
  const coerced = coerceKinds(lines, layout);
  const choice = chooseCandidates(lines, layout);
  return { lines: lines.map((l) => l.join('')), corrections: coerced + choice.changes, ambiguous: choice.ambiguous };
}
