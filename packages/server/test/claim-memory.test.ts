// The worker's memory of what its claims showed: which claims past full endpoints can only come back empty,
// and every way new work can come due that must make it look again.
import { describe, expect, it } from 'vitest';
import { ClaimMemory } from '../src/webhooks/engine/claim-memory.ts';

const rows = (...endpoints: string[]) => endpoints.map((endpointId) => ({ endpointId }));
const answer = (value: { endpointId: string }[]) => () => Promise.resolve(value);

describe('claim memory', () => {
  it('after a claim that found less than it asked for, skips claims past the same full endpoints', async () => {
    const m = new ClaimMemory(60_000);
    expect(m.worthClaiming(['A'])).toBe(true);
    await m.claim(['A'], 10, answer(rows('B')));
    expect(m.worthClaiming(['A'])).toBe(false);
    expect(m.worthClaiming(['A', 'C'])).toBe(false);
    // A has room again: its due deliveries can be claimed.
    expect(m.worthClaiming([])).toBe(true);
  });

  it('looks again when work comes due for another endpoint, not for the full one', async () => {
    const m = new ClaimMemory(60_000);
    await m.claim(['A'], 10, answer([]));
    m.due(['A']);
    expect(m.worthClaiming(['A'])).toBe(false);
    m.due(['A', 'B']);
    expect(m.worthClaiming(['A'])).toBe(true);
    await m.claim(['A'], 10, answer([]));
    m.due(undefined);
    expect(m.worthClaiming(['A'])).toBe(true);
  });

  it('learns nothing from a claim while work came due elsewhere', async () => {
    const m = new ClaimMemory(60_000);
    await m.claim(['A'], 10, async () => {
      m.due(['B']);
      return [];
    });
    expect(m.worthClaiming(['A'])).toBe(true);
    await m.claim(['A'], 10, async () => {
      m.due(['A']);
      return [];
    });
    expect(m.worthClaiming(['A'])).toBe(false);
    await m.claim([], 10, async () => {
      m.forget();
      return [];
    });
    expect(m.worthClaiming([])).toBe(true);
  });

  it('keeps what it knew across full batches from the known endpoints only', async () => {
    const m = new ClaimMemory(60_000);
    await m.claim(['A'], 10, answer([]));
    await m.claim([], 2, answer(rows('A', 'A')));
    expect(m.worthClaiming(['A'])).toBe(false);
    await m.claim([], 2, answer(rows('A', 'B')));
    expect(m.worthClaiming(['A'])).toBe(true);
  });

  it('forgets when told, and when what it knew grows old', async () => {
    const m = new ClaimMemory(60_000);
    await m.claim(['A'], 10, answer([]));
    m.forget();
    expect(m.worthClaiming(['A'])).toBe(true);
    const brief = new ClaimMemory(5);
    await brief.claim(['A'], 10, answer([]));
    expect(brief.worthClaiming(['A'])).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(brief.worthClaiming(['A'])).toBe(true);
  });
});
