// Parse machine-readable zone lines (TD1, TD2, TD3) into typed fields, verifying every check digit after
// undoing the OCR confusions the check digits can settle.
import { isValidCheckDigit } from './check-digit.ts';
import { correctMrz } from './mrz-correction.ts';
import { mrzBirthDate, mrzExpiryDate } from './mrz-dates.ts';
import { layoutFor } from './mrz-layouts.ts';
import type { MrzCheckName, MrzFieldName, MrzFormat, MrzLayout, MrzSpan } from './mrz-layouts.ts';
import { parseMrzNames } from './mrz-names.ts';

export type MrzSex = 'M' | 'F' | 'X';

export interface MrzDocument {
  format: MrzFormat;
  /** `P` passport, `I`/`ID`/`AC`… identity cards, `V` visas; fillers dropped. */
  documentCode: string;
  /** ICAO 9303 three-letter code (Germany is `D`). */
  issuingCountry: string;
  lastName: string;
  firstNames: string;
  documentNumber: string;
  nationality: string;
  /** YYYY-MM-DD, null when the field is not a calendar date (unknown day or month). */
  birthDate: string | null;
  sex: MrzSex;
  expiryDate: string | null;
  /** Personal number (TD3) or the optional data fields, fillers dropped. */
  optionalData: string;
  lines: string[];
}

export interface MrzCheckResult {
  name: MrzCheckName;
  valid: boolean;
  /** Whether OCR correction changed a character this check covers (its digit included). */
  corrected: boolean;
}

export type MrzParseResult =
  | { ok: true; document: MrzDocument; checks: MrzCheckResult[]; corrections: number }
  | { ok: false; reason: 'invalid_format' }
  | { ok: false; reason: MrzCheckFailure; document: MrzDocument; checks: MrzCheckResult[]; corrections: number };

/**
 * `check_digits_failed`: a check digit disagrees with what was read. `ambiguous`: the check digits hold for
 * more than one correction of what was read, so none can be trusted. `invalid_field`: the check digits hold
 * but a field cannot be what it says (a 31st month, a sex that is not M, F or `<`): a shifted line whose
 * digits happen to pass.
 */
export type MrzCheckFailure = 'check_digits_failed' | 'ambiguous' | 'invalid_field';

/** Dates of digits only must be calendar dates (ICAO allows `<` for an unknown day or month, nothing else). */
function fieldsValid(lines: readonly string[], layout: MrzLayout, document: MrzDocument): boolean {
  const dateOk = (name: 'birthDate' | 'expiryDate', parsed: string | null) => parsed !== null || !/^\d{6}$/.test(fieldText(lines, layout, name));
  return /^[MFX<]$/.test(fieldText(lines, layout, 'sex')) && dateOk('birthDate', document.birthDate) && dateOk('expiryDate', document.expiryDate);
}

export interface MrzParseOptions {
  /** YYYY-MM-DD, to infer the century of two-digit years. */
  today: string;
}

const text = (lines: readonly string[], s: MrzSpan): string => lines[s.line]!.slice(s.start, s.end);
const strip = (value: string): string => value.replace(/</g, '');

function fieldText(lines: readonly string[], layout: MrzLayout, name: MrzFieldName): string {
  const f = layout.fields[name];
  return f ? text(lines, f) : '';
}

/**
 * TD1 and TD2 numbers longer than nine characters: the check digit position holds `<`, and the number goes on
 * in the optional data up to a filler, the last character before it being the check digit (9303 part 5, 4.2.4).
 */
function documentNumberOf(lines: readonly string[], layout: MrzLayout): { number: string; valid: boolean } {
  const own = layout.checks.find((c) => c.name === 'documentNumber')!;
  const head = fieldText(lines, layout, 'documentNumber');
  const digit = lines[own.digit.line]![own.digit.at]!;
  if (digit !== '<' || layout.format === 'TD3') return { number: strip(head), valid: isValidCheckDigit(head, digit) };
  const tail = fieldText(lines, layout, 'optional1').split('<')[0] ?? '';
  const number = head + tail.slice(0, -1);
  return { number: strip(number), valid: tail.length > 0 && isValidCheckDigit(number, tail.slice(-1)) };
}

function runChecks(input: readonly string[], lines: readonly string[], layout: MrzLayout, documentNumberValid: boolean): MrzCheckResult[] {
  return layout.checks.map((c) => {
    const spans = [...c.covers, { line: c.digit.line, start: c.digit.at, end: c.digit.at + 1 }];
    const corrected = spans.some((s) => text(input, s) !== text(lines, s));
    if (c.name === 'documentNumber') return { name: c.name, valid: documentNumberValid, corrected };
    const covered = c.covers.map((s) => text(lines, s)).join('');
    return { name: c.name, valid: isValidCheckDigit(covered, lines[c.digit.line]![c.digit.at]!), corrected };
  });
}

/** Visas (MRV-A/B) carry no check digit on their optional data and no composite (9303 part 7). */
function layoutForCode(layout: MrzLayout, documentCode: string): MrzLayout {
  if (!documentCode.startsWith('V')) return layout;
  return { ...layout, checks: layout.checks.filter((c) => c.name !== 'optional1' && c.name !== 'composite') };
}

function buildDocument(lines: string[], layout: MrzLayout, documentNumber: string, today: string): MrzDocument {
  const names = parseMrzNames(fieldText(lines, layout, 'names'));
  const sex = fieldText(lines, layout, 'sex');
  const optional = layout.format === 'TD1' && documentNumber.length > 9 ? '' : fieldText(lines, layout, 'optional1');
  return {
    format: layout.format,
    documentCode: strip(fieldText(lines, layout, 'documentCode')),
    issuingCountry: strip(fieldText(lines, layout, 'issuingCountry')),
    ...names,
    documentNumber,
    nationality: strip(fieldText(lines, layout, 'nationality')),
    birthDate: mrzBirthDate(fieldText(lines, layout, 'birthDate'), today),
    sex: sex === 'M' || sex === 'F' ? sex : 'X',
    expiryDate: mrzExpiryDate(fieldText(lines, layout, 'expiryDate'), today),
    optionalData: [optional, fieldText(lines, layout, 'optional2')].map(strip).filter(Boolean).join(' '),
    lines,
  };
}

export function parseMrz(input: readonly string[], options: MrzParseOptions): MrzParseResult {
  const shape = layoutFor(input);
  if (!shape) return { ok: false, reason: 'invalid_format' };
  const layout = layoutForCode(shape, input[0]!.slice(0, 2));
  const { lines, corrections, ambiguous } = correctMrz(input, layout);
  const documentNumber = documentNumberOf(lines, layout);
  const checks = runChecks(input, lines, layout, documentNumber.valid);
  const document = buildDocument(lines, layout, documentNumber.number, options.today);
  const reason = !checks.every((c) => c.valid)
    ? 'check_digits_failed'
    : ambiguous
      ? 'ambiguous'
      : !fieldsValid(lines, layout, document)
        ? 'invalid_field'
        : null;
  if (reason === null) return { ok: true, document, checks, corrections };
  return { ok: false, reason, document, checks, corrections };
}
