import { describe, expect, it } from 'vitest';
import { newCheckId, newId } from '../src/ids.ts';

/** How often each character appears in `count` strings from `make`, after skipping `from` characters. */
function frequencies(make: () => string, from: number, count: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) for (const c of make().slice(from)) seen.set(c, (seen.get(c) ?? 0) + 1);
  return seen;
}

describe('ids', () => {
  it('have the documented shapes', () => {
    expect(newId('evt')).toMatch(/^evt_[0-9A-Za-z]{20}$/);
    expect(newCheckId()).toMatch(/^[A-Z0-9]{6}-[A-Za-z0-9]{4}$/);
  });

  it('increase within the process, so rows append to the end of their indexes', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('dlv'));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]!.slice(0, 14) >= ids[i - 1]!.slice(0, 14)).toBe(true);
  });

  it('draw their random characters uniformly from the whole alphabet', () => {
    // 2,000,000 characters over 62 symbols: about 32,258 each, with a standard deviation near 178. Taking
    // bytes modulo 62 without skipping the top ones would give 8 characters a quarter more than the rest.
    const counts = frequencies(() => newId('x'), 12, 200_000);
    expect(counts.size).toBe(62);
    for (const n of counts.values()) expect(Math.abs(n / (2_000_000 / 62) - 1)).toBeLessThan(0.03);

    // Check ids: 6 characters of 36 symbols, about 33,333 each.
    const upper = frequencies(() => newCheckId().slice(0, 6), 0, 200_000);
    expect(upper.size).toBe(36);
    for (const n of upper.values()) expect(Math.abs(n / (1_200_000 / 36) - 1)).toBeLessThan(0.03);
  });
});
