// Writes machine-readable zones (ICAO 9303 TD1, TD2, TD3) from document fields, with real check digits:
// the source of truth that the MRZ parser and reader are tested against.
import { checkDigit } from '../../../src/analysis/offline/document/mrz/check-digit.ts';
import type { MrzFormat } from '../../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { transliterateForMrz } from '../../../src/analysis/offline/document/mrz/mrz-transliterate.ts';
import type { SyntheticIdentity } from './identity.ts';
import type { Random } from './seeded-random.ts';

export interface MrzFields {
  format: MrzFormat;
  /** `P`, `ID`, `I`, `AC`…; padded with a filler to two characters. */
  documentCode: string;
  issuingCountry: string;
  /** Already in MRZ characters (see transliterateForMrz). */
  lastName: string;
  firstNames: string;
  documentNumber: string;
  nationality: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  /** TD3: personal number (≤ 14); TD1/TD2: optional data. */
  optional1: string;
  /** TD1 only: the second optional data field (≤ 11). */
  optional2: string;
}

const LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const pad = (text: string, length: number): string => text.padEnd(length, '<').slice(0, length);
const yymmdd = (iso: string): string => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const digit = (field: string): string => String(checkDigit(field));
const sexChar = (sex: MrzFields['sex']): string => (sex === 'X' ? '<' : sex);

/** The name field, cut to fit: given names are shortened first, as ICAO 9303 part 3 truncation does. */
export function mrzNameField(lastName: string, firstNames: string, length: number): string {
  const full = firstNames ? `${lastName}<<${firstNames}` : lastName;
  return pad(full.replace(/<+$/, ''), length);
}

/** Document numbers over nine characters continue in the optional data, after `<` (TD1 and TD2). */
function numberAndOptional(f: MrzFields, optionalLength: number): { number: string; optional: string } {
  if (f.documentNumber.length <= 9) return { number: pad(f.documentNumber, 9) + digit(pad(f.documentNumber, 9)), optional: pad(f.optional1, optionalLength) };
  const head = f.documentNumber.slice(0, 9);
  const tail = f.documentNumber.slice(9) + digit(f.documentNumber);
  return { number: `${head}<`, optional: pad(`${tail}<${f.optional1}`, optionalLength) };
}

function td3(f: MrzFields): string[] {
  const line1 = pad(`${pad(f.documentCode, 2)}${f.issuingCountry}`, 5) + mrzNameField(f.lastName, f.firstNames, 39);
  const number = pad(f.documentNumber, 9) + digit(pad(f.documentNumber, 9));
  const birth = yymmdd(f.birthDate) + digit(yymmdd(f.birthDate));
  const expiry = yymmdd(f.expiryDate) + digit(yymmdd(f.expiryDate));
  const personal = pad(f.optional1, 14) + digit(pad(f.optional1, 14));
  const body = `${number}${pad(f.nationality, 3)}${birth}${sexChar(f.sex)}${expiry}${personal}`;
  return [line1, body + digit(number + birth + expiry + personal)];
}

function td2(f: MrzFields): string[] {
  const line1 = pad(`${pad(f.documentCode, 2)}${f.issuingCountry}`, 5) + mrzNameField(f.lastName, f.firstNames, 31);
  const { number, optional } = numberAndOptional(f, 7);
  const birth = yymmdd(f.birthDate) + digit(yymmdd(f.birthDate));
  const expiry = yymmdd(f.expiryDate) + digit(yymmdd(f.expiryDate));
  const body = `${number}${pad(f.nationality, 3)}${birth}${sexChar(f.sex)}${expiry}${optional}`;
  return [line1, body + digit(number + birth + expiry + optional)];
}

function td1(f: MrzFields): string[] {
  const { number, optional } = numberAndOptional(f, 15);
  const line1 = pad(`${pad(f.documentCode, 2)}${f.issuingCountry}`, 5) + number + optional;
  const birth = yymmdd(f.birthDate) + digit(yymmdd(f.birthDate));
  const expiry = yymmdd(f.expiryDate) + digit(yymmdd(f.expiryDate));
  const optional2 = pad(f.optional2, 11);
  const line2 = `${birth}${sexChar(f.sex)}${expiry}${pad(f.nationality, 3)}${optional2}`;
  const composite = digit(line1.slice(5, 30) + birth + expiry + optional2);
  return [line1, line2 + composite, mrzNameField(f.lastName, f.firstNames, 30)];
}

export function encodeMrz(fields: MrzFields): string[] {
  const lines = fields.format === 'TD3' ? td3(fields) : fields.format === 'TD2' ? td2(fields) : td1(fields);
  for (const line of lines) {
    if (line.length !== LENGTH[fields.format]) throw new Error(`MRZ line of ${line.length} characters for ${fields.format}`);
  }
  return lines;
}

const given = (identity: SyntheticIdentity): string =>
  [identity.firstName, identity.middleName].filter(Boolean).map((n) => transliterateForMrz(n!)).join('<');

/** The MRZ fields of a made-up person's passport (TD3) or identity card (TD1, TD2). */
export function mrzFieldsFor(identity: SyntheticIdentity, format: MrzFormat, random: Random): MrzFields {
  const personal = random.chance(0.5) ? String(random.int(0, 10 ** 9)).padStart(10, '0') : '';
  return {
    format,
    documentCode: format === 'TD3' ? 'P' : random.pick(['ID', 'I', 'AC']),
    issuingCountry: identity.country,
    lastName: transliterateForMrz(identity.lastName),
    firstNames: given(identity),
    documentNumber: identity.documentNumber,
    nationality: identity.nationality,
    birthDate: identity.birthDate,
    sex: identity.sex,
    expiryDate: identity.expiryDate,
    optional1: format === 'TD1' ? personal.slice(0, 9) : personal.slice(0, format === 'TD2' ? 7 : 14),
    optional2: format === 'TD1' && random.chance(0.3) ? String(random.int(0, 99_999)) : '',
  };
}
