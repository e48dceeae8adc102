// The offline analyzer's decisions that need no model: what a read document settles (age, expiry, required
// fields, the customer's name), whether two sides agree, and how quality problems are put to the customer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qualityReasons } from '../../src/analysis/offline/quality-reasons.ts';
import { namesMatch } from '../../src/analysis/offline/rules/name-match.ts';
import { ageOn, documentSubChecks, sidesAgree } from '../../src/analysis/offline/rules/document-rules.ts';
import type { DocumentData, Rules } from '../../src/checks/check-types.ts';
import { aamvaText } from '../support/synthetic/aamva-encode.ts';
import { syntheticIdentity } from '../support/synthetic/identity.ts';
import { seededRandom } from '../support/synthetic/seeded-random.ts';
import { transliterateForMrz } from '../../src/analysis/offline/document/index.ts';

const RULES: Rules = { signature_required: false, id_check_type: 'idv', include_back_of_id: true, selfie_liveness: 'straight', minimum_age: 21, max_retakes: 3, name_match: true };
const DOC: DocumentData = { source: 'barcode', first_name: 'ZOE', middle_name: 'ANN', last_name: 'SMITH-JONES', birth_date: '2000-06-15', expiration_date: '2027-01-01', document_number: 'D1234567' };
const statuses = (checks: { name: string; status: string; reasons: { code: string }[] }[]) =>
  Object.fromEntries(checks.map((c) => [c.name, c.status === 'failed' ? c.reasons[0]!.code : c.status]));

describe('what a read document settles', () => {
  it('counts age in whole years from the birthday itself', () => {
    expect(ageOn('2000-06-15', '2021-06-14')).toBe(20);
    expect(ageOn('2000-06-15', '2021-06-15')).toBe(21);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
  });

  it('passes a valid adult document for the right customer, through the last day it is valid', () => {
    const customer = { first_name: 'Zoë', last_name: 'Smith-Jones' };
    expect(statuses(documentSubChecks(DOC, { rules: RULES, customer, today: '2027-01-01' }))).toEqual({
      document_readable: 'passed', required_fields: 'passed', not_expired: 'passed', minimum_age: 'passed', name_match: 'passed',
    });
    expect(statuses(documentSubChecks(DOC, { rules: RULES, customer, today: '2027-01-02' })).not_expired).toBe('document_expired');
  });

  it('fails under age, skips the age rule at 0 and the name rule when off, and wants the fields a check needs', () => {
    const customer = { first_name: 'Zoe', last_name: 'Smith Jones' };
    expect(statuses(documentSubChecks(DOC, { rules: RULES, customer, today: '2021-06-14' })).minimum_age).toBe('underage');
    const relaxed = documentSubChecks(DOC, { rules: { ...RULES, minimum_age: 0, name_match: false }, customer: { first_name: 'Bob' }, today: '2021-06-14' });
    expect(Object.keys(statuses(relaxed))).toEqual(['document_readable', 'required_fields', 'not_expired']);
    const noBirth: DocumentData = { ...DOC };
    delete noBirth.birth_date;
    expect(statuses(documentSubChecks(noBirth, { rules: RULES, customer, today: '2026-01-01' }))).toEqual({ document_readable: 'passed', required_fields: 'missing_required_fields' });
  });
});

describe('the name on the ID against the customer’s', () => {
  const doc = (first: string, last: string, middle = ''): DocumentData => ({ source: 'mrz', first_name: first, middle_name: middle, last_name: last });

  it.each([
    ['case and accents', { first_name: 'zoë', last_name: 'côté' }, doc('ZOE', 'COTE')],
    ['hyphens and spaces', { first_name: 'Mary-Kate', last_name: 'Smith-Jones' }, doc('MARY', 'SMITH JONES', 'KATE')],
    ['apostrophes dropped by ICAO', { first_name: 'Siobhán', last_name: "O'Connor" }, doc('SIOBHAN', 'OCONNOR')],
    ['ICAO transliteration', { first_name: 'Jürgen', last_name: 'Müller' }, doc('JUERGEN', 'MUELLER')],
    ['middle names only on the ID', { first_name: 'Anna', last_name: 'Eriksson' }, doc('ANNA', 'ERIKSSON', 'MARIA LOUISE')],
    ['going by a middle name', { first_name: 'Louise', last_name: 'Eriksson' }, doc('ANNA', 'ERIKSSON', 'LOUISE')],
    ['a surname written joined up', { first_name: 'Jan', last_name: 'van der Berg' }, doc('JAN', 'VANDERBERG')],
  ])('matches across %s', (_, customer, document) => expect(namesMatch(customer, document)).toBe(true));

  it.each([
    ['another surname', { first_name: 'Anna', last_name: 'Smyth' }, doc('ANNA', 'SMITH')],
    ['another first name', { first_name: 'Annie', last_name: 'Smith' }, doc('ANNA', 'SMITH')],
    ['a surname the ID lacks part of', { first_name: 'Anna', last_name: 'Smith-Ward' }, doc('ANNA', 'SMITH')],
    ['an ID with no name read', { first_name: 'Anna', last_name: 'Smith' }, { source: 'barcode' } as DocumentData],
  ])('does not match %s', (_, customer, document) => expect(namesMatch(customer, document)).toBe(false));

  it('matches every made-up person with their own licence and passport, and never with another surname', () => {
    // One part of a double surname is not another surname: a customer who gave "Smith" matches an ID reading
    // SMITH-JONES (every word the customer gave is on the ID), as the rule intends.
    const words = (name: string) => name.toLowerCase().split(/[-\s]+/);
    const partOf = (part: string, whole: string) => words(part).every((w) => words(whole).includes(w));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const p = syntheticIdentity(seededRandom(seed), { today: '2026-11-30' });
        const customer = { first_name: p.firstName, last_name: p.lastName };
        const licence = doc(aamvaText(p.firstName), aamvaText(p.lastName), p.middleName ? aamvaText(p.middleName) : '');
        const passport = doc(transliterateForMrz(p.firstName), transliterateForMrz(p.lastName));
        const stranger = syntheticIdentity(seededRandom(seed + 1), { today: '2026-11-30' });
        return namesMatch(customer, licence) && namesMatch(customer, passport) && (partOf(stranger.lastName, p.lastName) || !namesMatch({ ...customer, last_name: stranger.lastName }, licence));
      }),
    );
  });

  it('agrees sides read from one person, not from two', () => {
    expect(sidesAgree(doc('ANNA', 'SMITH'), { ...doc('ANNA', 'SMITH', 'MARIA'), birth_date: '1990-01-01' })).toBe(true);
    expect(sidesAgree({ ...doc('ANNA', 'SMITH'), birth_date: '1990-01-02' }, { ...doc('ANNA', 'SMITH'), birth_date: '1990-01-01' })).toBe(false);
    expect(sidesAgree(doc('ANNA', 'SMITH'), doc('ANNA', 'JONES'))).toBe(false);
  });
});

describe('quality problems as the customer hears them', () => {
  it('says the most useful thing first, each a retake', () => {
    const reasons = qualityReasons(['glare', 'blurry', 'document_cut_off']);
    expect(reasons.map((r) => r.code)).toEqual(['document_cut_off', 'photo_blurry', 'glare']);
    expect(reasons.every((r) => r.retryable)).toBe(true);
  });
});
