import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv6, ipv4FromNumber, parseIPv4, parseIPv6, parseIpAddress } from '../../src/webhooks/engine/outbound/ip-address.ts';

/** What Node's WHATWG URL parser makes of a host, or null when it refuses the URL. */
function whatwgHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

const radix = fc.constantFrom('dec', 'oct', 'hex', 'HEX');
function spell(value: number, style: string): string {
  if (style === 'oct') return `0${value.toString(8)}`;
  if (style === 'hex') return `0x${value.toString(16)}`;
  if (style === 'HEX') return `0X${value.toString(16).toUpperCase()}`;
  return String(value);
}

/** Any inet_aton spelling of `value`: 1–4 parts, the last one holding all remaining bytes, each in any radix. */
const ipv4Spelling = fc
  .tuple(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 4 }), fc.array(radix, { minLength: 4, maxLength: 4 }))
  .map(([value, partCount, styles]) => {
    const parts: string[] = [];
    for (let index = 0; index < partCount - 1; index++) parts.push(spell((value >>> (24 - 8 * index)) & 255, styles[index] ?? 'dec'));
    const restBits = 8 * (5 - partCount);
    const rest = restBits >= 32 ? value : value % 2 ** restBits;
    parts.push(spell(rest, styles[partCount - 1] ?? 'dec'));
    return { value, text: parts.join('.') };
  });

describe('parseIPv4', () => {
  it.each([
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0x7F.0.0.0x1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['169.254.43518', '169.254.169.254'],
  ])('reads %s as %s, as WHATWG URL does', (text, canonical) => {
    expect(parseIPv4(text)?.text).toBe(canonical);
    expect(whatwgHost(text)).toBe(canonical);
  });

  it.each(['example.com', '1.2.3.4.5', '256.1.1.1', '1.2.3.256', '08.1.1.1', '0x1g.1', '1..2', '', '.', '4294967296', 'localhost'])(
    'does not read %j as IPv4',
    (text) => {
      expect(parseIPv4(text)).toBeNull();
    },
  );

  it('reads every inet_aton spelling of an address to its canonical dotted quad, like WHATWG URL', () => {
    fc.assert(
      fc.property(ipv4Spelling, ({ value, text }) => {
        const canonical = ipv4FromNumber(value).text;
        expect(parseIPv4(text)?.text).toBe(canonical);
        expect(whatwgHost(text)).toBe(canonical);
      }),
    );
  });

  it('agrees with WHATWG URL on arbitrary digit soup', () => {
    const soup = fc.string({ unit: fc.constantFrom(...'0123456789abcdefxX.'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(soup, (text) => {
        const ours = parseIPv4(text);
        const theirs = whatwgHost(text);
        if (ours !== null) expect(theirs).toBe(ours.text);
        // When WHATWG produced a dotted quad, it took the text as IPv4, and so must we.
        if (theirs !== null && /^\d+\.\d+\.\d+\.\d+$/.test(theirs)) {
          expect(ours?.text).toBe(theirs);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const bytes16 = fc.uint8Array({ minLength: 16, maxLength: 16 });
/** Biased towards zero runs so that `::` compression gets exercised. */
const sparseBytes16 = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 255 })), { minLength: 16, maxLength: 16 }).map((values) => Uint8Array.from(values));

const fullForm = (bytes: Uint8Array): string =>
  Array.from({ length: 8 }, (_, index) => (((bytes[2 * index] ?? 0) << 8) | (bytes[2 * index + 1] ?? 0)).toString(16).padStart(4, '0')).join(':');

describe('IPv6', () => {
  it('formats like WHATWG URL (RFC 5952) and parses back to the same bytes', () => {
    fc.assert(
      fc.property(fc.oneof(bytes16, sparseBytes16), (bytes) => {
        const text = formatIPv6(bytes);
        expect(`[${text}]`).toBe(whatwgHost(`[${fullForm(bytes)}]`));
        expect(parseIPv6(text)?.bytes).toEqual(bytes);
        expect(parseIPv6(fullForm(bytes))?.text).toBe(text);
      }),
    );
  });

  it('reads a trailing dotted quad as the last 32 bits', () => {
    fc.assert(
      fc.property(sparseBytes16, (bytes) => {
        const groups = fullForm(bytes).split(':').slice(0, 6).join(':');
        expect(parseIPv6(`${groups}:${bytes.slice(12).join('.')}`)?.bytes).toEqual(bytes);
      }),
    );
  });

  it.each(['::ffff:127.0.0.1', '::127.0.0.1', '64:ff9b::10.0.0.1', '0:0:0:0:0:0:0:1', '::', '1::', '::1'])('parses %s as WHATWG does', (text) => {
    expect(`[${parseIPv6(text)?.text}]`).toBe(whatwgHost(`[${text}]`));
  });

  it.each([':::', '1:::2', '1::2::3', '12345::', 'g::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '::1.2.3', '::01.2.3.4', 'fe80::1%eth0', '::1.2.3.4:5'])(
    'refuses %j',
    (text) => {
      expect(parseIPv6(text)).toBeNull();
    },
  );
});

describe('parseIpAddress', () => {
  it('accepts bracketed IPv6, bare IPv6 and any IPv4 spelling, and nothing else', () => {
    expect(parseIpAddress('[::1]')?.text).toBe('::1');
    expect(parseIpAddress('::ffff:7f00:1')?.family).toBe(6);
    expect(parseIpAddress('0x7f.1')?.text).toBe('127.0.0.1');
    expect(parseIpAddress('webhooks.example.com')).toBeNull();
  });
});
