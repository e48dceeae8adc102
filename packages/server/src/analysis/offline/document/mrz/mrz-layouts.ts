// Where each field of a machine-readable zone sits, per ICAO 9303 format (parts 4, 5 and 6), and which
// spans each check digit covers. Positions are 0-based; `end` is exclusive.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** What a field may hold: OCR corrections pick substitutes from this alphabet. */
export type MrzFieldKind = 'alpha' | 'numeric' | 'alnum' | 'sex' | 'check';

export type MrzFieldName =
  | 'documentCode'
  | 'issuingCountry'
  | 'names'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'optional1'
  | 'optional2';

export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optional1' | 'composite';

export interface MrzSpan {
  line: number;
  start: number;
  end: number;
}

export interface MrzField extends MrzSpan {
  kind: MrzFieldKind;
}

export interface MrzCheckSpec {
  name: MrzCheckName;
  /** Where the digit is. */
  digit: { line: number; at: number };
  /** What it covers, concatenated in this order. */
  covers: MrzSpan[];
}

export interface MrzLayout {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  fields: Partial<Record<MrzFieldName, MrzField>>;
  checks: MrzCheckSpec[];
}

const field = (line: number, start: number, end: number, kind: MrzFieldKind): MrzField => ({ line, start, end, kind });
const span = (line: number, start: number, end: number): MrzSpan => ({ line, start, end });
const check = (name: MrzCheckName, line: number, at: number, covers: MrzSpan[]): MrzCheckSpec => ({
  name,
  digit: { line, at },
  covers,
});

/** Passports: two lines of 44. */
const TD3: MrzLayout = {
  format: 'TD3',
  lineCount: 2,
  lineLength: 44,
  fields: {
    documentCode: field(0, 0, 2, 'alpha'),
    issuingCountry: field(0, 2, 5, 'alpha'),
    names: field(0, 5, 44, 'alpha'),
    documentNumber: field(1, 0, 9, 'alnum'),
    nationality: field(1, 10, 13, 'alpha'),
    birthDate: field(1, 13, 19, 'numeric'),
    sex: field(1, 20, 21, 'sex'),
    expiryDate: field(1, 21, 27, 'numeric'),
    optional1: field(1, 28, 42, 'alnum'),
  },
  checks: [
    check('documentNumber', 1, 9, [span(1, 0, 9)]),
    check('birthDate', 1, 19, [span(1, 13, 19)]),
    check('expiryDate', 1, 27, [span(1, 21, 27)]),
    check('optional1', 1, 42, [span(1, 28, 42)]),
    check('composite', 1, 43, [span(1, 0, 10), span(1, 13, 20), span(1, 21, 43)]),
  ],
};

/** Cards and visas of the older TD2 size: two lines of 36. */
const TD2: MrzLayout = {
  format: 'TD2',
  lineCount: 2,
  lineLength: 36,
  fields: {
    documentCode: field(0, 0, 2, 'alpha'),
    issuingCountry: field(0, 2, 5, 'alpha'),
    names: field(0, 5, 36, 'alpha'),
    documentNumber: field(1, 0, 9, 'alnum'),
    nationality: field(1, 10, 13, 'alpha'),
    birthDate: field(1, 13, 19, 'numeric'),
    sex: field(1, 20, 21, 'sex'),
    expiryDate: field(1, 21, 27, 'numeric'),
    optional1: field(1, 28, 35, 'alnum'),
  },
  checks: [
    check('documentNumber', 1, 9, [span(1, 0, 9)]),
    check('birthDate', 1, 19, [span(1, 13, 19)]),
    check('expiryDate', 1, 27, [span(1, 21, 27)]),
    check('composite', 1, 35, [span(1, 0, 10), span(1, 13, 20), span(1, 21, 35)]),
  ],
};

/** ID cards (credit-card size): three lines of 30, the MRZ on the back. */
const TD1: MrzLayout = {
  format: 'TD1',
  lineCount: 3,
  lineLength: 30,
  fields: {
    documentCode: field(0, 0, 2, 'alpha'),
    issuingCountry: field(0, 2, 5, 'alpha'),
    documentNumber: field(0, 5, 14, 'alnum'),
    optional1: field(0, 15, 30, 'alnum'),
    birthDate: field(1, 0, 6, 'numeric'),
    sex: field(1, 7, 8, 'sex'),
    expiryDate: field(1, 8, 14, 'numeric'),
    nationality: field(1, 15, 18, 'alpha'),
    optional2: field(1, 18, 29, 'alnum'),
    names: field(2, 0, 30, 'alpha'),
  },
  checks: [
    check('documentNumber', 0, 14, [span(0, 5, 14)]),
    check('birthDate', 1, 6, [span(1, 0, 6)]),
    check('expiryDate', 1, 14, [span(1, 8, 14)]),
    check('composite', 1, 29, [span(0, 5, 30), span(1, 0, 7), span(1, 8, 15), span(1, 18, 29)]),
  ],
};

export const MRZ_LAYOUTS: Record<MrzFormat, MrzLayout> = { TD1, TD2, TD3 };

/** The layout whose shape matches these lines exactly, if any. */
export function layoutFor(lines: readonly string[]): MrzLayout | null {
  for (const layout of Object.values(MRZ_LAYOUTS)) {
    if (lines.length === layout.lineCount && lines.every((line) => line.length === layout.lineLength)) return layout;
  }
  return null;
}
