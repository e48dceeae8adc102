// Names in an AAMVA barcode, whichever version wrote them: `DCS`/`DAC`/`DAD` (version 4 on), family name
// `DCS` with given names `DCT` (versions 2–3), or the full name `DAA` and `DAB`/`DAC`/`DAD` (version 1).

export interface AamvaNames {
  firstName: string;
  middleName: string;
  lastName: string;
}

/** Placeholders issuers write for "no middle name" or an unavailable name. */
const PLACEHOLDERS = new Set(['NONE', 'UNAVL', 'UNAVAILABLE', 'UNKNOWN', 'UNK', 'NMN', 'N/A']);

const clean = (value: string | undefined): string => {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  return PLACEHOLDERS.has(v.toUpperCase()) ? '' : v;
};

/**
 * `DCT`: given names, the first of them the first name. Separated by commas where the issuer used them
 * (then a first name may hold a space: `MARIA JOSE,LEE`), otherwise by spaces.
 */
function splitGiven(given: string): { first: string; middle: string } {
  const parts = given.split(/[,$]/.test(given) ? /[,$]/ : /\s+/).map(clean).filter(Boolean);
  return { first: parts[0] ?? '', middle: parts.slice(1).join(' ') };
}

/** `DAA` (version 1): family, given and middle names separated by commas (some issuers use `$`). */
function splitFullName(full: string): AamvaNames {
  const parts = full.split(/[,$]/).map(clean);
  if (parts.length >= 2) return { lastName: parts[0]!, firstName: parts[1]!, middleName: parts.slice(2).filter(Boolean).join(' ') };
  const words = full.split(/\s+/).map(clean).filter(Boolean);
  return { lastName: words[0] ?? '', firstName: words[1] ?? '', middleName: words.slice(2).join(' ') };
}

export function namesOf(values: ReadonlyMap<string, string>): AamvaNames {
  const full = values.has('DAA') ? splitFullName(values.get('DAA')!) : null;
  const given = values.has('DCT') ? splitGiven(values.get('DCT')!) : null;
  return {
    lastName: clean(values.get('DCS') ?? values.get('DAB')) || full?.lastName || '',
    firstName: clean(values.get('DAC')) || given?.first || full?.firstName || '',
    middleName: clean(values.get('DAD')) || given?.middle || full?.middleName || '',
  };
}
