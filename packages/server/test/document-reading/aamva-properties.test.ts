// Property-based tests: licence fields written as an AAMVA payload, in any version and with real-world noise,
// parse back equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAamva } from '../../src/analysis/offline/document/aamva/parse-aamva.ts';
import { encodeAamva } from '../support/synthetic/aamva-encode.ts';
import type { AamvaFields } from '../support/synthetic/aamva-encode.ts';

const isoDay = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1) / 864e5, max: Date.UTC(to, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
const name = fc.stringMatching(/^[A-Z]{1,10}([ '-][A-Z]{1,8})?$/);
const states = fc.constantFrom('CA', 'NY', 'TX', 'FL', 'WA', 'VA', 'GA');
const provinces = fc.constantFrom('ON', 'QC', 'BC', 'AB', 'MB', 'NS');

const fieldsArb: fc.Arbitrary<AamvaFields> = fc.boolean().chain((canadian) =>
  fc.record({
    version: fc.integer({ min: 1, max: 10 }),
    jurisdiction: canadian ? provinces : states,
    country: fc.constant(canadian ? ('CAN' as const) : ('USA' as const)),
    documentType: fc.constantFrom('DL' as const, 'ID' as const),
    lastName: name,
    // A first name with a space is ambiguous in versions 2–3 when separated by spaces; the encoder uses commas.
    firstName: fc.stringMatching(/^[A-Z]{1,10}( [A-Z]{2,6})?$/),
    middleName: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z]{1,8}$/)),
    birthDate: isoDay(1920, 2010),
    expiryDate: isoDay(2000, 2040),
    issueDate: isoDay(1995, 2026),
    documentNumber: fc.stringMatching(/^[A-Z0-9]{4,15}$/),
    sex: fc.constantFrom('M' as const, 'F' as const),
    street: fc.stringMatching(/^[1-9][0-9]{0,3} [A-Z]{3,10} (ST|AVE|RD)$/),
    city: fc.stringMatching(/^[A-Z]{3,12}$/),
    postalCode: canadian ? fc.stringMatching(/^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$/) : fc.stringMatching(/^[0-9]{5}$/),
  }),
);

const noiseArb = fc.record(
  { offsetError: fc.integer({ min: -6, max: 6 }), noHeaderSpace: fc.boolean(), trailingSpaces: fc.boolean(), crlf: fc.boolean(), noneForMissingMiddle: fc.boolean() },
  { requiredKeys: [] },
);

describe('AAMVA properties', () => {
  it('parses back every field written, in every version, with or without noise', () => {
    fc.assert(
      fc.property(fieldsArb, noiseArb, (f, noise) => {
        const result = parseAamva(encodeAamva(f, noise));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.missing).toEqual([]);
        expect(result.licence).toEqual({
          documentType: f.documentType,
          aamvaVersion: f.version,
          jurisdictionVersion: f.version === 1 ? null : 0,
          iin: expect.stringMatching(/^\d{6}$/),
          jurisdiction: f.jurisdiction,
          country: f.country,
          lastName: f.lastName,
          firstName: f.firstName,
          middleName: f.middleName,
          birthDate: f.birthDate,
          expiryDate: f.expiryDate,
          issueDate: f.issueDate,
          documentNumber: f.documentNumber,
          sex: f.sex,
          address: { street: f.street, city: f.city, state: f.jurisdiction, postalCode: f.postalCode },
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 400 }), (text) => {
        const result = parseAamva(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
