// Writes AAMVA DL/ID barcode payloads (versions 1–10, US and Canadian) from licence fields, with correct
// header offsets by default and the kinds of noise real cards carry on request.
import { iinOf } from '../../../src/analysis/offline/document/aamva/aamva-issuers.ts';
import type { SyntheticIdentity } from './identity.ts';
import type { Random } from './seeded-random.ts';

export interface AamvaFields {
  version: number;
  jurisdiction: string;
  country: 'USA' | 'CAN';
  documentType: 'DL' | 'ID';
  /** Names, street and city in upper-case ASCII, as printed in the barcode (see aamvaText). */
  lastName: string;
  firstName: string;
  middleName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  expiryDate: string;
  issueDate: string;
  documentNumber: string;
  sex: 'M' | 'F';
  street: string;
  city: string;
  postalCode: string;
}

export interface AamvaNoise {
  /** Subfile offsets off by this many bytes. */
  offsetError?: number;
  /** `ANSI6360…` instead of `ANSI 6360…`. */
  noHeaderSpace?: boolean;
  /** Spaces after some values. */
  trailingSpaces?: boolean;
  /** CR LF between elements. */
  crlf?: boolean;
  /** `NONE` written for a missing middle name. */
  noneForMissingMiddle?: boolean;
}

const SPECIAL: Readonly<Record<string, string>> = { Ø: 'O', ß: 'SS', Æ: 'AE', Œ: 'OE', Đ: 'D', Ł: 'L', Þ: 'TH' };

/** Text as licences print it in the barcode: upper-case ASCII, diacritics dropped, hyphens and apostrophes kept. */
export function aamvaText(text: string): string {
  const upper = text.toUpperCase();
  return [...upper].map((c) => SPECIAL[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '')).join('').replace(/[^A-Z0-9 '-]/g, '');
}

function date(iso: string, fields: AamvaFields): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return fields.country === 'CAN' || fields.version === 1 ? `${y}${m}${d}` : `${m}${d}${y}`;
}

const postal = (f: AamvaFields): string =>
  (f.country === 'USA' ? `${f.postalCode}0000` : f.postalCode.replace(' ', '')).padEnd(11, ' ');

function nameElements(f: AamvaFields, noise: AamvaNoise): string[] {
  const middle = f.middleName || (noise.noneForMissingMiddle ? 'NONE' : '');
  if (f.version === 1) return [`DAA${f.lastName},${f.firstName}${f.middleName ? `,${f.middleName}` : ''}`];
  // Given names comma-separated, with a trailing comma after a lone first name of two words: with spaces
  // only, `MARIA JOSE` would read as first name MARIA and middle name JOSE.
  const given = f.middleName ? `${f.firstName},${f.middleName}` : f.firstName.includes(' ') ? `${f.firstName},` : f.firstName;
  if (f.version <= 3) return [`DCS${f.lastName}`, `DCT${given}`];
  return [`DCS${f.lastName}`, 'DDEN', `DAC${f.firstName}`, 'DDFN', ...(middle ? [`DAD${middle}`, 'DDGN'] : [])];
}

function dlElements(f: AamvaFields, noise: AamvaNoise): string[] {
  const pad = noise.trailingSpaces ? '   ' : '';
  return [
    `DAQ${f.documentNumber}${pad}`,
    ...(f.documentType === 'DL' && f.version >= 2 ? ['DCAC', 'DCBNONE', 'DCDNONE'] : []),
    ...nameElements(f, noise),
    `DBD${date(f.issueDate, f)}`,
    `DBB${date(f.birthDate, f)}`,
    `DBA${date(f.expiryDate, f)}`,
    `DBC${f.sex === 'M' ? '1' : '2'}`,
    'DAU070 IN',
    'DAYBRO',
    `DAG${f.street}${pad}`,
    `DAI${f.city}`,
    `DAJ${f.jurisdiction}`,
    `DAK${postal(f)}`,
    ...(f.version >= 2 ? ['DCF0123456789ABCDEF', `DCG${f.country}`] : []),
  ];
}

export function encodeAamva(f: AamvaFields, noise: AamvaNoise = {}): string {
  const separator = noise.crlf ? '\r\n' : '\n';
  const subfiles = [
    { type: f.documentType, data: `${f.documentType}${dlElements(f, noise).join(separator)}\r` },
    { type: `Z${f.jurisdiction[0]}`, data: `Z${f.jurisdiction[0]}Z${f.jurisdiction[0]}A${f.jurisdiction}\r` },
  ];
  const iin = iinOf(f.jurisdiction) ?? '636000';
  const versions = f.version === 1 ? '01' : `${String(f.version).padStart(2, '0')}00`;
  const head = `@\n\x1e\rANSI${noise.noHeaderSpace ? '' : ' '}${iin}${versions}${String(subfiles.length).padStart(2, '0')}`;
  let offset = head.length + subfiles.length * 10;
  const designators = subfiles.map((s) => {
    const d = `${s.type}${String(offset + (noise.offsetError ?? 0)).padStart(4, '0')}${String(s.data.length).padStart(4, '0')}`;
    offset += s.data.length;
    return d;
  });
  return head + designators.join('') + subfiles.map((s) => s.data).join('');
}

/** The barcode fields of a made-up person's licence or ID card, in the given AAMVA version. */
export function aamvaFieldsFor(identity: SyntheticIdentity, version: number, random: Random): AamvaFields {
  return {
    version,
    jurisdiction: identity.jurisdiction,
    country: identity.country,
    documentType: random.chance(0.75) ? 'DL' : 'ID',
    lastName: aamvaText(identity.lastName),
    firstName: aamvaText(identity.firstName),
    middleName: identity.middleName ? aamvaText(identity.middleName) : '',
    birthDate: identity.birthDate,
    expiryDate: identity.expiryDate,
    issueDate: identity.issueDate,
    documentNumber: identity.documentNumber,
    sex: identity.sex,
    street: aamvaText(identity.address.street),
    city: aamvaText(identity.address.city),
    postalCode: identity.address.postalCode,
  };
}
