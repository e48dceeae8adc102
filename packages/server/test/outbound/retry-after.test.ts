import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/webhooks/engine/outbound/retry-after.ts';

const NOW = Date.parse('2024-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['120', 120_000],
    [' 30 ', 30_000],
    ['Fri, 01 Mar 2024 12:01:00 GMT', 60_000],
    ['Friday, 01-Mar-24 12:00:30 GMT', 30_000],
    ['Fri Mar  1 12:00:10 2024', 10_000],
    ['Fri, 01 Mar 2024 11:00:00 GMT', 0],
  ])('reads %j as %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([undefined, '', '-5', '1.5', '12 parsecs', 'soon', 'Fri, 99 Foo 2024', '9'.repeat(400)])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['5', '10'], NOW)).toBe(5_000);
  });

  it('reads any whole number of seconds exactly', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), NOW)).toBe(seconds * 1000);
      }),
    );
  });

  it('reads any future IMF-fixdate to the whole second', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 6 }), (seconds) => {
        expect(parseRetryAfter(new Date(NOW + seconds * 1000).toUTCString(), NOW)).toBe(seconds * 1000);
      }),
    );
  });
});
