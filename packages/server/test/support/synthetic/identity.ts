// Made-up people and their documents' data: names with accents, hyphens and middle names, dates that make
// them adult or not and their document valid or expired, numbers and addresses in US and Canadian shapes.
import type { Random } from './seeded-random.ts';

export type Sex = 'M' | 'F';

export interface Address {
  street: string;
  city: string;
  /** Two-letter state or province code. */
  state: string;
  postalCode: string;
}

export interface SyntheticIdentity {
  firstName: string;
  middleName?: string;
  lastName: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  issueDate: string;
  expiryDate: string;
  documentNumber: string;
  /** ISO 3166-1 alpha-3 of the issuing country. */
  country: 'USA' | 'CAN';
  /** Issuing state or province (two letters). */
  jurisdiction: string;
  /** ISO 3166-1 alpha-3 nationality, for passports. */
  nationality: string;
  address: Address;
}

export interface IdentityOptions {
  /** "Today" for the ages and expiry dates, YYYY-MM-DD. */
  today: string;
  /** Age in whole years on `today`; default 21–75. */
  age?: number;
  /** An expiry date in the past (default: 1–8 years ahead). */
  expired?: boolean;
  country?: 'USA' | 'CAN';
}

const FIRST_NAMES: Record<Sex, readonly string[]> = {
  F: ['Anna', 'María José', 'Zoë', 'Chloé', 'Mary-Kate', 'Siobhán', 'Émilie', 'Grace', 'Aiyana', 'Nguyễn Thị', 'Ingrid', 'Fatima'],
  M: ['John', 'José', 'Jean-Luc', 'Björn', 'Mohammed', 'Liam', 'Søren', 'Kwame', 'Mateo', 'François', 'Wei', 'Oliver'],
};
const MIDDLE_NAMES: readonly string[] = ['Lee', 'Marie', 'James', 'Ann', 'Élise', 'Paul', 'Rose', 'Thomas'];
const LAST_NAMES: readonly string[] = [
  'Smith', 'Eriksson', "O'Connor", 'García Márquez', 'Nguyen', 'Müller', 'Smith-Jones', 'Tremblay', 'Côté',
  'Johnson', 'Kowalski', 'van der Berg', 'Okafor', 'Fernández', 'Lefèvre', 'Zhang', 'MacDonald', 'Ivanova',
];
const US_STATES = ['CA', 'NY', 'TX', 'FL', 'WA', 'IL', 'MA', 'CO', 'GA', 'AZ'] as const;
const CA_PROVINCES = ['ON', 'QC', 'BC', 'AB', 'MB', 'NS'] as const;
const STREETS = ['Main St', 'Oak Ave', 'Maple Dr', 'Rue Saint-Denis', 'Elm St', 'King St W', 'Pine Rd'] as const;
const CITIES = ['Springfield', 'Riverside', 'Fairview', 'Montréal', 'Toronto', 'Franklin', 'Greenville'] as const;

const DAY = 24 * 3600 * 1000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A date `years` whole years before `today`, moved back by 1–300 days so the age is exactly `years`. */
function birthDateFor(today: string, years: number, random: Random): string {
  const t = new Date(`${today}T00:00:00Z`);
  const anniversary = Date.UTC(t.getUTCFullYear() - years, t.getUTCMonth(), t.getUTCDate());
  return isoDate(anniversary - random.int(1, 300) * DAY);
}

function postalCode(country: 'USA' | 'CAN', random: Random): string {
  if (country === 'USA') return String(random.int(10000, 99999));
  const letter = () => random.pick('ABCEGHJKLMNPRSTVXY'.split(''));
  return `${letter()}${random.int(0, 9)}${letter()} ${random.int(0, 9)}${letter()}${random.int(0, 9)}`;
}

export function syntheticIdentity(random: Random, options: IdentityOptions): SyntheticIdentity {
  const sex: Sex = random.chance(0.5) ? 'F' : 'M';
  const country = options.country ?? (random.chance(0.8) ? 'USA' : 'CAN');
  const jurisdiction = country === 'USA' ? random.pick(US_STATES) : random.pick(CA_PROVINCES);
  const today = Date.parse(`${options.today}T00:00:00Z`);
  const issued = today - random.int(30, 5 * 365) * DAY;
  const expiry = options.expired ? today - random.int(1, 3 * 365) * DAY : today + random.int(60, 8 * 365) * DAY;
  const age = options.age ?? random.int(21, 75);
  return {
    firstName: random.pick(FIRST_NAMES[sex]),
    ...(random.chance(0.4) ? { middleName: random.pick(MIDDLE_NAMES) } : {}),
    lastName: random.pick(LAST_NAMES),
    sex,
    birthDate: birthDateFor(options.today, age, random),
    issueDate: isoDate(issued),
    expiryDate: isoDate(expiry),
    documentNumber: `${random.pick('ABCDEFGHJKLMNPRSTUVWXYZ'.split(''))}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    country,
    jurisdiction,
    nationality: country,
    address: {
      street: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
      city: random.pick(CITIES),
      state: jurisdiction,
      postalCode: postalCode(country, random),
    },
  };
}
