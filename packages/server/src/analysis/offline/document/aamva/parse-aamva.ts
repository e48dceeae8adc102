// Parse the text of an AAMVA DL/ID PDF417 barcode (versions 1–10, US and Canada) into typed licence data.
import { countryOfJurisdiction, issuerOf } from './aamva-issuers.ts';
import type { AamvaCountry } from './aamva-issuers.ts';
import { parseAamvaDate } from './aamva-dates.ts';
import { readAamvaElements } from './aamva-elements.ts';
import { parseAamvaHeader } from './aamva-header.ts';
import type { AamvaHeader } from './aamva-header.ts';
import { namesOf } from './aamva-names.ts';

export interface AamvaAddress {
  street: string;
  city: string;
  /** Two-letter state or province code. */
  state: string;
  /** `12345`, `12345-6789` or `A1A 1A1`. */
  postalCode: string;
}

export interface AamvaLicence {
  /** `DL` driver's licence, `ID` identification card. */
  documentType: 'DL' | 'ID';
  aamvaVersion: number | null;
  jurisdictionVersion: number | null;
  iin: string | null;
  /** Issuing state or province. */
  jurisdiction: string;
  country: AamvaCountry;
  firstName: string;
  middleName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string | null;
  expiryDate: string | null;
  issueDate: string | null;
  documentNumber: string;
  sex: 'M' | 'F' | 'X' | null;
  address: AamvaAddress;
}

/** The fields a licence must have for a check: when one is missing, the read is incomplete. */
export type AamvaRequiredField = 'lastName' | 'firstName' | 'birthDate' | 'expiryDate' | 'documentNumber';

export type AamvaParseResult =
  | { ok: true; licence: AamvaLicence; missing: AamvaRequiredField[]; deviations: string[] }
  | { ok: false; reason: 'not_aamva' };

function sexOf(value: string | undefined): AamvaLicence['sex'] {
  const v = value?.trim().toUpperCase();
  if (v === '1' || v === 'M') return 'M';
  if (v === '2' || v === 'F') return 'F';
  if (v === '9' || v === 'X') return 'X';
  return null;
}

function postalCodeOf(value: string, country: AamvaCountry): string {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (country === 'CAN' && /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact)) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  // The standard pads a five-digit ZIP with 0000 for the unknown +4.
  if (/^\d{9}$/.test(compact)) return compact.endsWith('0000') ? compact.slice(0, 5) : `${compact.slice(0, 5)}-${compact.slice(5)}`;
  return value.trim();
}

function countryOf(values: Map<string, string>, header: AamvaHeader | null, state: string): AamvaCountry {
  const declared = values.get('DCG')?.toUpperCase();
  if (declared === 'USA' || declared === 'CAN') return declared;
  return (header && issuerOf(header.iin)?.country) ?? countryOfJurisdiction(state);
}

function missingOf(licence: AamvaLicence): AamvaRequiredField[] {
  const required: AamvaRequiredField[] = ['lastName', 'firstName', 'birthDate', 'expiryDate', 'documentNumber'];
  return required.filter((f) => !licence[f]);
}

export function parseAamva(text: string): AamvaParseResult {
  const header = parseAamvaHeader(text);
  const { values, subfileType, offsetWrong } = readAamvaElements(text, header);
  if (!values.has('DAQ') && !values.has('DCS') && !values.has('DAA')) return { ok: false, reason: 'not_aamva' };
  const get = (id: string): string => values.get(id)?.trim() ?? '';
  const state = get('DAJ').toUpperCase();
  const country = countryOf(values, header, state);
  const order = country === 'CAN' || header?.aamvaVersion === 1 ? 'CCYYMMDD' : 'MMDDCCYY';
  const licence: AamvaLicence = {
    documentType: subfileType ?? 'DL',
    aamvaVersion: header?.aamvaVersion ?? null,
    jurisdictionVersion: header?.jurisdictionVersion ?? null,
    iin: header?.iin ?? null,
    jurisdiction: (header && issuerOf(header.iin)?.jurisdiction) ?? state,
    country,
    ...namesOf(values),
    birthDate: parseAamvaDate(get('DBB'), order),
    expiryDate: parseAamvaDate(get('DBA'), order),
    issueDate: parseAamvaDate(get('DBD'), order),
    documentNumber: get('DAQ'),
    sex: sexOf(values.get('DBC')),
    address: { street: [get('DAG'), get('DAH')].filter(Boolean).join(', '), city: get('DAI'), state, postalCode: postalCodeOf(get('DAK'), country) },
  };
  const deviations = [...(header?.deviations ?? ['no_header']), ...(offsetWrong ? ['subfile_offset'] : [])];
  return { ok: true, licence, missing: missingOf(licence), deviations };
}
