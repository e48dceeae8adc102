// Issuer identification numbers (IIN) of US and Canadian licensing authorities, from AAMVA's public IIN list:
// the barcode header names its issuer by IIN, which settles the jurisdiction and the country.

export type AamvaCountry = 'USA' | 'CAN';

export interface AamvaIssuer {
  jurisdiction: string;
  country: AamvaCountry;
}

const US: Readonly<Record<string, string>> = {
  '636033': 'AL', '636059': 'AK', '636026': 'AZ', '636021': 'AR', '636014': 'CA', '636020': 'CO', '636006': 'CT',
  '636011': 'DE', '636043': 'DC', '636010': 'FL', '636055': 'GA', '636047': 'HI', '636050': 'ID', '636035': 'IL',
  '636037': 'IN', '636018': 'IA', '636022': 'KS', '636046': 'KY', '636007': 'LA', '636041': 'ME', '636003': 'MD',
  '636002': 'MA', '636032': 'MI', '636038': 'MN', '636051': 'MS', '636030': 'MO', '636008': 'MT', '636054': 'NE',
  '636049': 'NV', '636039': 'NH', '636036': 'NJ', '636009': 'NM', '636001': 'NY', '636004': 'NC', '636034': 'ND',
  '636023': 'OH', '636058': 'OK', '636029': 'OR', '636025': 'PA', '636052': 'RI', '636005': 'SC', '636042': 'SD',
  '636053': 'TN', '636015': 'TX', '636040': 'UT', '636024': 'VT', '636000': 'VA', '636045': 'WA', '636061': 'WV',
  '636031': 'WI', '636060': 'WY', '604427': 'AS', '636019': 'GU', '604430': 'MP', '604431': 'PR', '636062': 'VI',
};

const CANADA: Readonly<Record<string, string>> = {
  '604432': 'AB', '636028': 'BC', '636048': 'MB', '636017': 'NB', '636016': 'NL', '636013': 'NS', '604434': 'NT',
  '604433': 'NU', '636012': 'ON', '604426': 'PE', '604428': 'QC', '636044': 'SK', '604429': 'YT',
};

const PROVINCES = new Set(Object.values(CANADA));

export function issuerOf(iin: string): AamvaIssuer | null {
  if (US[iin]) return { jurisdiction: US[iin], country: 'USA' };
  if (CANADA[iin]) return { jurisdiction: CANADA[iin], country: 'CAN' };
  return null;
}

/** The IIN of a jurisdiction, for writing test barcodes. */
export function iinOf(jurisdiction: string): string | null {
  const entry = Object.entries(US).find(([, j]) => j === jurisdiction) ?? Object.entries(CANADA).find(([, j]) => j === jurisdiction);
  return entry?.[0] ?? null;
}

/** The country of a state or province code (for barcodes whose IIN is unknown and that carry no `DCG`). */
export const countryOfJurisdiction = (code: string): AamvaCountry => (PROVINCES.has(code) ? 'CAN' : 'USA');
