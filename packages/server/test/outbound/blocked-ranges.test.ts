import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IPV4_RANGES,
  IPV6_RANGES,
  classifyAddress,
  classifyIPv4,
  isAllowed,
} from '../../src/webhooks/engine/outbound/blocked-ranges.ts';
import type { AddressPolicy } from '../../src/webhooks/engine/outbound/blocked-ranges.ts';
import { formatIPv6, ipv4FromNumber, parseIPv6, parseIpAddress } from '../../src/webhooks/engine/outbound/ip-address.ts';

const STRICT: AddressPolicy = { allowLoopback: false, allowPrivate: false };
const LOOPBACK: AddressPolicy = { allowLoopback: true, allowPrivate: false };
const PRIVATE: AddressPolicy = { allowLoopback: false, allowPrivate: true };

function classify(text: string): ReturnType<typeof classifyAddress> {
  const address = parseIpAddress(text);
  if (address === null) throw new Error(`test address ${text} does not parse`);
  return classifyAddress(address);
}
const allowed = (text: string, policy: AddressPolicy): boolean => isAllowed(classify(text), policy);

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['::1', 'loopback'],
    ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
    ['fc00::1', 'private'], ['fd12:3456::1', 'private'],
    ['169.254.1.1', 'link_local'], ['fe80::1', 'link_local'],
    ['100.64.0.1', 'cgnat'], ['100.127.255.255', 'cgnat'],
    ['169.254.169.254', 'metadata'], ['fd00:ec2::254', 'metadata'], ['100.100.100.200', 'metadata'], ['169.254.170.2', 'metadata'],
    ['0.0.0.0', 'unspecified'], ['::', 'unspecified'], ['0.1.2.3', 'this_network'],
    ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'], ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'], ['240.0.0.1', 'reserved'], ['192.0.0.170', 'reserved'],
    ['198.18.0.1', 'benchmarking'], ['198.19.255.255', 'benchmarking'], ['2001:2::1', 'benchmarking'],
    ['192.0.2.1', 'documentation'], ['198.51.100.7', 'documentation'], ['203.0.113.9', 'documentation'], ['2001:db8::1', 'documentation'],
    ['64:ff9b:1::a00:1', 'reserved'], ['100::1', 'reserved'], ['4000::1', 'reserved'],
  ])('%s is %s', (text, category) => {
    expect(classify(text).category).toBe(category);
    expect(allowed(text, STRICT)).toBe(false);
  });

  it.each([
    ['::ffff:7f00:1', 'ipv4_mapped', '127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'ipv4_mapped', '169.254.169.254', 'metadata'],
    ['::127.0.0.1', 'ipv4_compatible', '127.0.0.1', 'loopback'],
    ['::ffff:0:10.0.0.1', 'ipv4_translated', '10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'nat64', '127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'nat64', '169.254.169.254', 'metadata'],
    ['2002:7f00:1::', '6to4', '127.0.0.1', 'loopback'],
    ['2002:c0a8:101:1::1', '6to4', '192.168.1.1', 'private'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo', '127.0.0.1', 'loopback'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'teredo', '10.0.0.1', 'private'],
  ])('%s carries %s %s (%s)', (text, kind, ipv4, category) => {
    expect(classify(text)).toEqual({ category, embedded: { kind, ipv4 } });
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])(
    '%s is public and allowed',
    (text) => {
      expect(classify(text).category).toBe('public');
      expect(allowed(text, STRICT)).toBe(true);
    },
  );
});

describe('isAllowed', () => {
  it('allowLoopback allows 127/8 and ::1 only', () => {
    for (const text of ['127.0.0.1', '127.9.9.9', '::1']) expect(allowed(text, LOOPBACK)).toBe(true);
    for (const text of ['10.0.0.1', '0.0.0.0', '::', '::ffff:127.0.0.1', '64:ff9b::7f00:1', '169.254.169.254', 'fe80::1']) {
      expect(allowed(text, LOOPBACK)).toBe(false);
    }
  });

  it('allowPrivate allows private, link-local and CGNAT, but never loopback, metadata or other special ranges', () => {
    for (const text of ['10.0.0.1', '172.20.1.1', '192.168.0.10', 'fd12::1', 'fe80::1', '169.254.3.4', '100.64.1.1']) {
      expect(allowed(text, PRIVATE)).toBe(true);
    }
    for (const text of ['127.0.0.1', '127.9.9.9', '::1', '169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '0.0.0.0', '::', '224.0.0.1', '240.0.0.1', '::ffff:a00:1', '2002:a00:1::']) {
      expect(allowed(text, PRIVATE)).toBe(false);
    }
  });
});

/** Addresses near every range boundary, plus uniformly random ones. */
const ipv4Value = fc.oneof(
  fc.nat({ max: 0xffffffff }),
  fc.tuple(fc.constantFrom(...IPV4_RANGES), fc.integer({ min: -2, max: 2 }), fc.boolean()).map(([[cidr], delta, atEnd]) => {
    const [base = '', prefix = '32'] = cidr.split('/');
    const start = parseIpAddress(base) as { value: number };
    const edge = atEnd ? start.value + 2 ** (32 - Number(prefix)) - 1 : start.value;
    return (edge + delta + 2 ** 32) % 2 ** 32;
  }),
);

describe('range matching agrees with node:net BlockList', () => {
  it('IPv4', () => {
    const oracle = new BlockList();
    for (const [cidr] of IPV4_RANGES) {
      const [base = '', prefix = ''] = cidr.split('/');
      oracle.addSubnet(base, Number(prefix), 'ipv4');
    }
    fc.assert(
      fc.property(ipv4Value, (value) => {
        const address = ipv4FromNumber(value);
        expect(classifyIPv4(address) !== 'public').toBe(oracle.check(address.text, 'ipv4'));
      }),
      { numRuns: 5000 },
    );
  });

  it('native IPv6 (global unicast space outside the 6to4 and Teredo prefixes)', () => {
    const oracle = new BlockList();
    for (const [cidr] of IPV6_RANGES) {
      const [base = '', prefix = ''] = cidr.split('/');
      oracle.addSubnet(base, Number(prefix), 'ipv6');
    }
    const globalUnicast = fc
      .tuple(fc.oneof(fc.constantFrom(...IPV6_RANGES.map(([cidr]) => cidr.split('/')[0] ?? '')), fc.constant('2000::')), fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.nat({ max: 127 }))
      .map(([base, noise, keepBits]) => {
        // Keep a random number of the base's leading bits and randomise the rest.
        const bytes = Uint8Array.from((parseIPv6(base) as { bytes: Uint8Array }).bytes);
        for (let bit = keepBits; bit < 128; bit++) {
          const mask = 0x80 >> (bit & 7);
          bytes[bit >> 3] = ((bytes[bit >> 3] ?? 0) & ~mask) | ((noise[bit >> 3] ?? 0) & mask);
        }
        return bytes;
      })
      .filter((bytes) => (bytes[0] ?? 0) >> 5 === 1 && !(bytes[0] === 0x20 && bytes[1] === 0x02) && !(bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0 && bytes[3] === 0));
    fc.assert(
      fc.property(globalUnicast, (bytes) => {
        const text = formatIPv6(bytes);
        expect(classify(text).category !== 'public').toBe(oracle.check(text, 'ipv6'));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('IPv4 embedded in IPv6', () => {
  const embeddings: [string, (v4: number) => string][] = [
    ['ipv4_mapped', (v4) => `::ffff:${ipv4FromNumber(v4).text}`],
    ['ipv4_translated', (v4) => `::ffff:0:${ipv4FromNumber(v4).text}`],
    ['nat64', (v4) => `64:ff9b::${ipv4FromNumber(v4).text}`],
    ['6to4', (v4) => `2002:${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}::1`],
    // Teredo: public server 65.54.227.120, client address inverted in the last 32 bits.
    ['teredo', (v4) => `2001:0:4136:e378:8000:63bf:${((~v4 >>> 16) & 0xffff).toString(16)}:${(~v4 & 0xffff).toString(16)}`],
    ['ipv4_compatible', (v4) => `::${ipv4FromNumber(v4).text}`],
  ];

  it.each(embeddings)('%s: blocked exactly when the IPv4 address is, under every policy', (kind, embed) => {
    fc.assert(
      fc.property(ipv4Value.filter((v4) => kind !== 'ipv4_compatible' || v4 > 1), (v4) => {
        const expected = classifyIPv4(ipv4FromNumber(v4));
        const verdict = classify(embed(v4));
        expect(verdict.category).toBe(expected);
        expect(verdict.embedded).toEqual({ kind, ipv4: ipv4FromNumber(v4).text });
        const everything: AddressPolicy = { allowLoopback: true, allowPrivate: true };
        expect(isAllowed(verdict, everything)).toBe(expected === 'public');
      }),
      { numRuns: 1000 },
    );
  });
});
