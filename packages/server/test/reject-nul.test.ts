// The NUL check at the edge: it finds a NUL wherever it hides in a JSON value, names the field, and no nesting
// depth can make it overflow the stack (which would be a 500).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldWithNul } from '../src/http/reject-nul.ts';

describe('fieldWithNul', () => {
  it('finds a NUL exactly when the value holds one, in a value or a property name', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '\u0000', '.', ' ') });
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value')), fc.dictionary(text, tie('value'))),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(fieldWithNul(value, '') !== undefined).toBe(JSON.stringify(value).includes('\\u0000'));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field as validation errors do', () => {
    expect(fieldWithNul({ customer: { first_name: 'Ja\u0000ne' } }, '')).toBe('customer.first_name');
    expect(fieldWithNul({ event_types: ['ok', 'b\u0000'] }, '')).toBe('event_types.1');
    expect(fieldWithNul({ q: '\u0000' }, 'querystring')).toBe('querystring.q');
    expect(fieldWithNul({ customer: { 'x\u0000': 1 } }, '')).toBe('customer.x\\u0000');
    expect(fieldWithNul({ customer: { first_name: 'Jane' } }, '')).toBeUndefined();
  });

  it('walks any nesting depth without recursion', () => {
    let deep: unknown = ['\u0000'];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(fieldWithNul(deep, '')).toMatch(/^(0\.){200000}0$/);
  });
});
