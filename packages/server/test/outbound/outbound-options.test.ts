import { describe, expect, it } from 'vitest';
import { OUTBOUND_DEFAULTS, resolveOutboundOptions } from '../../src/webhooks/engine/outbound/index.ts';

describe('resolveOutboundOptions', () => {
  it('fills in the delivery policy defaults', () => {
    expect(resolveOutboundOptions(undefined)).toBe(OUTBOUND_DEFAULTS);
    expect(resolveOutboundOptions({ allowLoopback: true })).toMatchObject({
      allowLoopback: true,
      allowPrivate: false,
      requireHttps: false,
      connectTimeoutMs: 5_000,
      totalTimeoutMs: 15_000,
      maxResponseBytes: 16_384,
    });
  });

  it.each([{ connectTimeoutMs: 0 }, { totalTimeoutMs: -1 }, { maxResponseBytes: Number.NaN }, { totalTimeoutMs: Infinity }])(
    'refuses a limit that would disable itself: %j',
    (options) => {
      expect(() => resolveOutboundOptions(options)).toThrow(RangeError);
    },
  );
});
