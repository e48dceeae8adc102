// Property-based tests: any fields encoded as an MRZ parse back equal, and a changed digit is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MrzFormat } from '../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { MRZ_LAYOUTS } from '../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { parseMrz } from '../../src/analysis/offline/document/mrz/parse-mrz.ts';
import { encodeMrz } from '../support/synthetic/mrz-encode.ts';
import type { MrzFields } from '../support/synthetic/mrz-encode.ts';

const today = '2026-11-30';
const word = (max: number) => fc.stringMatching(new RegExp(`^[A-Z]{1,${max}}$`));
const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{${min},${max}}$`));
const isoDay = (from: number, to: number) =>
  fc.integer({ min: Date.UTC(from, 0, 1) / 864e5, max: Date.UTC(to, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));

/** Names that fit the format's name field, so nothing is truncated. */
const fieldsArb = (format: MrzFormat): fc.Arbitrary<MrzFields> => {
  const nameRoom = MRZ_LAYOUTS[format].fields.names!.end - MRZ_LAYOUTS[format].fields.names!.start;
  const optionalMax = format === 'TD3' ? 14 : format === 'TD2' ? 7 : 15;
  return fc.record({
    format: fc.constant(format),
    documentCode: format === 'TD3' ? fc.constantFrom('P', 'PD', 'PO') : fc.constantFrom('I', 'ID', 'AC', 'IR'),
    issuingCountry: fc.stringMatching(/^[A-Z]{3}$/),
    lastName: fc.array(word(8), { minLength: 1, maxLength: 2 }).map((w) => w.join('<')),
    firstNames: fc.array(word(7), { minLength: 0, maxLength: 2 }).map((w) => w.join('<')),
    documentNumber: alnum(format === 'TD3' ? 9 : 6, 9),
    nationality: fc.stringMatching(/^[A-Z]{3}$/),
    birthDate: isoDay(1930, 2025),
    sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
    expiryDate: isoDay(2000, 2045),
    optional1: alnum(0, optionalMax - (format === 'TD3' ? 0 : 1)),
    optional2: format === 'TD1' ? alnum(0, 11) : fc.constant(''),
  }).filter((f) => f.lastName.length + 2 + f.firstNames.length <= nameRoom);
};
const anyFields = fc.oneof(fieldsArb('TD1'), fieldsArb('TD2'), fieldsArb('TD3'));

const replaceAt = (line: string, at: number, char: string): string => line.slice(0, at) + char + line.slice(at + 1);

describe('MRZ properties', () => {
  it('parses back what was encoded, in every format', () => {
    fc.assert(
      fc.property(anyFields, (f) => {
        const result = parseMrz(encodeMrz(f), { today });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.document).toMatchObject({
          format: f.format,
          documentCode: f.documentCode,
          issuingCountry: f.issuingCountry,
          lastName: f.lastName.replace(/</g, ' '),
          firstNames: f.firstNames.replace(/</g, ' '),
          documentNumber: f.documentNumber,
          nationality: f.nationality,
          birthDate: f.birthDate,
          sex: f.sex,
          expiryDate: f.expiryDate,
        });
        expect(result.corrections).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('catches any changed digit in a date or in a check digit other than the document number’s', () => {
    fc.assert(
      fc.property(anyFields, fc.nat(), fc.integer({ min: 1, max: 9 }), (f, pick, shift) => {
        const lines = encodeMrz(f);
        const layout = MRZ_LAYOUTS[f.format];
        const dates = [layout.fields.birthDate!, layout.fields.expiryDate!].flatMap((s) =>
          Array.from({ length: s.end - s.start }, (_, i) => ({ line: s.line, at: s.start + i })));
        const digits = layout.checks.filter((c) => c.name !== 'documentNumber').map((c) => c.digit);
        const target = [...dates, ...digits][pick % (dates.length + digits.length)]!;
        const old = lines[target.line]![target.at]!;
        if (!/\d/.test(old)) return;
        const changed = [...lines];
        changed[target.line] = replaceAt(lines[target.line]!, target.at, String((Number(old) + shift) % 10));
        expect(parseMrz(changed, { today }).ok).toBe(false);
      }),
      { numRuns: 600 },
    );
  });

  it('catches a changed document-number check digit unless it moved by 5', () => {
    // The composite covers the number with the same weights as its own check: a substitution in the number
    // that matches a check digit moved by d also matches the composite only when 8·d ≡ 0 (mod 10), i.e. d = 5.
    fc.assert(
      fc.property(anyFields.filter((f) => f.documentNumber.length <= 9), fc.integer({ min: 1, max: 9 }), (f, shift) => {
        const lines = encodeMrz(f);
        const at = MRZ_LAYOUTS[f.format].checks.find((c) => c.name === 'documentNumber')!.digit;
        const old = Number(lines[at.line]![at.at]);
        const changed = [...lines];
        changed[at.line] = replaceAt(lines[at.line]!, at.at, String((old + shift) % 10));
        const result = parseMrz(changed, { today });
        if (shift !== 5) expect(result.ok).toBe(false);
        else if (result.ok) expect(result.document.documentNumber).not.toBe(f.documentNumber);
      }),
      { numRuns: 600 },
    );
  });

  it('never reports letters in a date or digits in a country code', () => {
    fc.assert(
      fc.property(anyFields, fc.nat(), (f, pick) => {
        const lines = encodeMrz(f);
        const layout = MRZ_LAYOUTS[f.format];
        const country = layout.fields.issuingCountry!;
        const at = country.start + (pick % 3);
        const swapped = { O: '0', I: '1', S: '5', B: '8', Z: '2', G: '6' }[lines[0]![at]!];
        if (!swapped) return;
        const result = parseMrz([replaceAt(lines[0]!, at, swapped), ...lines.slice(1)], { today });
        expect(result.ok && result.document.issuingCountry).toBe(f.issuingCountry);
      }),
      { numRuns: 300 },
    );
  });
});
