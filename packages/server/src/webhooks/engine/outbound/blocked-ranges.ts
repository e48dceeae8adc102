// Classifies a canonical IP address as public or as one of the special-purpose ranges a webhook must
// never reach (IANA special-purpose registries), looking inside IPv6 forms that carry an IPv4 address.

import { ipv4At, ipv4FromNumber, parseIPv4, parseIPv6 } from './ip-address.ts';
import type { IPv4Address, IPv6Address, IpAddress } from './ip-address.ts';

export type AddressCategory =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'cgnat'
  | 'metadata'
  | 'unspecified'
  | 'this_network'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'benchmarking'
  | 'documentation';

/** IPv6 forms that route to an IPv4 address (directly or through a translator or relay). */
export type EmbeddingKind = 'ipv4_mapped' | 'ipv4_compatible' | 'ipv4_translated' | 'nat64' | '6to4' | 'teredo';

export interface AddressClass {
  readonly category: AddressCategory;
  /** Set when the category comes from an IPv4 address embedded in an IPv6 one. */
  readonly embedded?: { readonly kind: EmbeddingKind; readonly ipv4: string };
}

export interface AddressPolicy {
  readonly allowLoopback: boolean;
  readonly allowPrivate: boolean;
}

// First match wins, so the cloud metadata addresses come before the link-local and CGNAT ranges
// that contain them: they stay blocked even when private addresses are allowed.
export const IPV4_RANGES: readonly (readonly [cidr: string, category: AddressCategory])[] = [
  ['169.254.169.254/32', 'metadata'], // AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle
  ['169.254.170.2/32', 'metadata'], // AWS ECS task credentials
  ['169.254.170.23/32', 'metadata'], // AWS EKS pod identity
  ['100.100.100.200/32', 'metadata'], // Alibaba Cloud
  ['0.0.0.0/32', 'unspecified'],
  ['0.0.0.0/8', 'this_network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link_local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'], // IETF protocol assignments
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
];

// Native IPv6 ranges, checked after the embedded-IPv4 forms have been unwrapped.
export const IPV6_RANGES: readonly (readonly [cidr: string, category: AddressCategory])[] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fd00:ec2::254/128', 'metadata'], // AWS IMDS over IPv6
  ['fd00:ec2::23/128', 'metadata'], // AWS EKS pod identity over IPv6
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link_local'],
  ['fec0::/10', 'private'], // deprecated site-local, still routed inside some networks
  ['ff00::/8', 'multicast'],
  ['100::/64', 'reserved'], // discard-only
  // Local-use NAT64: the operator picks where the IPv4 address sits, so we cannot unwrap it.
  ['64:ff9b:1::/48', 'reserved'],
  ['2001:2::/48', 'benchmarking'],
  ['2001:10::/28', 'reserved'], // ORCHID
  ['2001:20::/28', 'reserved'], // ORCHIDv2
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
];

interface Range<Bits> {
  readonly base: Bits;
  readonly prefix: number;
  readonly category: AddressCategory;
}

function compileV4(cidr: string, category: AddressCategory): Range<number> {
  const [address = '', prefix = ''] = cidr.split('/');
  const parsed = parseIPv4(address);
  if (parsed === null) throw new Error(`bad IPv4 range ${cidr}`);
  return { base: parsed.value, prefix: Number(prefix), category };
}

function ipv6Bytes(text: string): Uint8Array {
  const parsed = parseIPv6(text);
  if (parsed === null) throw new Error(`bad IPv6 address ${text}`);
  return parsed.bytes;
}

function compileV6(cidr: string, category: AddressCategory): Range<Uint8Array> {
  const [address = '', prefix = ''] = cidr.split('/');
  return { base: ipv6Bytes(address), prefix: Number(prefix), category };
}

const V4 = IPV4_RANGES.map(([cidr, category]) => compileV4(cidr, category));
const V6 = IPV6_RANGES.map(([cidr, category]) => compileV6(cidr, category));

function inV4(value: number, base: number, prefix: number): boolean {
  // `>>> 32` is a no-op in JavaScript, so a /0 needs its own branch.
  return prefix === 0 || (value ^ base) >>> (32 - prefix) === 0;
}

/** True when the first `prefix` bits of `bytes` equal those of `base`. */
function inV6(bytes: Uint8Array, base: Uint8Array, prefix: number): boolean {
  const fullBytes = prefix >>> 3;
  for (let index = 0; index < fullBytes; index++) if (bytes[index] !== base[index]) return false;
  const remainingBits = prefix & 7;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((bytes[fullBytes] ?? 0) & mask) === ((base[fullBytes] ?? 0) & mask);
}

export function classifyIPv4(address: IPv4Address): AddressCategory {
  for (const range of V4) if (inV4(address.value, range.base, range.prefix)) return range.category;
  return 'public';
}

const COMPATIBLE = new Uint8Array(16);
const MAPPED = ipv6Bytes('::ffff:0:0');
const TRANSLATED = ipv6Bytes('::ffff:0:0:0');
const NAT64 = ipv6Bytes('64:ff9b::');
const SIX_TO_FOUR = ipv6Bytes('2002::');
const TEREDO = ipv6Bytes('2001::');
const GLOBAL_UNICAST = ipv6Bytes('2000::');

interface Embedding {
  readonly kind: EmbeddingKind;
  /** Every IPv4 address the packet could end up at; Teredo carries two (server and client). */
  readonly addresses: readonly IPv4Address[];
}

function embeddedIPv4(bytes: Uint8Array): Embedding | null {
  if (inV6(bytes, MAPPED, 96)) return { kind: 'ipv4_mapped', addresses: [ipv4At(bytes, 12)] };
  if (inV6(bytes, COMPATIBLE, 96)) {
    const ipv4 = ipv4At(bytes, 12);
    // "::" and "::1" are native IPv6 addresses (unspecified, loopback), not IPv4-compatible ones.
    return ipv4.value <= 1 ? null : { kind: 'ipv4_compatible', addresses: [ipv4] };
  }
  if (inV6(bytes, TRANSLATED, 96)) return { kind: 'ipv4_translated', addresses: [ipv4At(bytes, 12)] };
  if (inV6(bytes, NAT64, 96)) return { kind: 'nat64', addresses: [ipv4At(bytes, 12)] };
  if (inV6(bytes, SIX_TO_FOUR, 16)) return { kind: '6to4', addresses: [ipv4At(bytes, 2)] };
  if (inV6(bytes, TEREDO, 32)) {
    // RFC 4380: the client address is stored inverted, so that NATs do not rewrite it.
    const client = ipv4FromNumber((ipv4At(bytes, 12).value ^ 0xffffffff) >>> 0);
    return { kind: 'teredo', addresses: [ipv4At(bytes, 4), client] };
  }
  return null;
}

export function classifyIPv6(address: IPv6Address): AddressClass {
  const { bytes } = address;
  const embedding = embeddedIPv4(bytes);
  if (embedding !== null) {
    let last = '';
    for (const ipv4 of embedding.addresses) {
      const category = classifyIPv4(ipv4);
      if (category !== 'public') return { category, embedded: { kind: embedding.kind, ipv4: ipv4.text } };
      last = ipv4.text;
    }
    return { category: 'public', embedded: { kind: embedding.kind, ipv4: last } };
  }
  for (const range of V6) if (inV6(bytes, range.base, range.prefix)) return { category: range.category };
  // Only 2000::/3 is allocated for global unicast; anything else cannot be a real receiver.
  if (!inV6(bytes, GLOBAL_UNICAST, 3)) return { category: 'reserved' };
  return { category: 'public' };
}

export function classifyAddress(address: IpAddress): AddressClass {
  return address.family === 4 ? { category: classifyIPv4(address) } : classifyIPv6(address);
}

/**
 * Whether a policy lets us connect to an address of this class. The allow switches cover native
 * addresses only: an IPv4 address smuggled inside IPv6 is never treated as a local receiver. Each switch
 * opens its own ranges and no other: allowing private networks does not allow this machine's loopback.
 */
export function isAllowed(verdict: AddressClass, policy: AddressPolicy): boolean {
  if (verdict.category === 'public') return true;
  if (verdict.embedded !== undefined) return false;
  switch (verdict.category) {
    case 'loopback':
      return policy.allowLoopback;
    case 'private':
    case 'link_local':
    case 'cgnat':
      return policy.allowPrivate;
    default:
      return false;
  }
}
