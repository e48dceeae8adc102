// Parses IP address text into one canonical form, so that every safety check sees the same bytes
// whatever spelling an attacker chose (decimal, octal, hex, short IPv4 forms; compressed IPv6).

export interface IPv4Address {
  readonly family: 4;
  /** The address as an unsigned 32-bit integer. */
  readonly value: number;
  /** Canonical dotted-quad text. */
  readonly text: string;
}

export interface IPv6Address {
  readonly family: 6;
  readonly bytes: Uint8Array;
  /** Canonical RFC 5952 text, without brackets. */
  readonly text: string;
}

export type IpAddress = IPv4Address | IPv6Address;

const HEX_DIGITS = /^[0-9a-f]+$/i;
const OCTAL_DIGITS = /^[0-7]+$/;
const DECIMAL_DIGITS = /^[0-9]+$/;

/** One part of a WHATWG / inet_aton IPv4 address: `0x`-prefixed hex, `0`-prefixed octal, or decimal. */
function parseIPv4Part(part: string): number | null {
  if (part === '') return null;
  if (/^0x/i.test(part)) {
    const digits = part.slice(2);
    // WHATWG accepts a bare "0x" as zero; inet_aton agrees.
    if (digits === '') return 0;
    return HEX_DIGITS.test(digits) ? parseInt(digits, 16) : null;
  }
  if (part.length > 1 && part.startsWith('0')) {
    const digits = part.slice(1);
    return OCTAL_DIGITS.test(digits) ? parseInt(digits, 8) : null;
  }
  return DECIMAL_DIGITS.test(part) ? parseInt(part, 10) : null;
}

/**
 * Parses IPv4 the way the WHATWG URL standard and inet_aton(3) do: one to four parts, each in any
 * radix, the last part filling all remaining bytes (`127.1` is 127.0.0.1, `2130706433` too).
 * Returns null when the text is not an IPv4 address in any of these spellings.
 */
export function parseIPv4(text: string): IPv4Address | null {
  const parts = text.split('.');
  // A single trailing dot is allowed by WHATWG ("127.0.0.1." is 127.0.0.1).
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length > 4) return null;

  const numbers: number[] = [];
  for (const part of parts) {
    const value = parseIPv4Part(part);
    if (value === null) return null;
    numbers.push(value);
  }
  const last = numbers.pop();
  if (last === undefined || last >= 256 ** (4 - numbers.length)) return null;

  let value = last;
  for (const [index, byte] of numbers.entries()) {
    if (byte > 255) return null;
    value += byte * 256 ** (3 - index);
  }
  return ipv4FromNumber(value);
}

export function ipv4FromNumber(value: number): IPv4Address {
  const text = `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
  return { family: 4, value: value >>> 0, text };
}

/** Strict dotted-quad decimal, as allowed at the end of IPv6 text (`::ffff:1.2.3.4`). */
function parseDottedQuad(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    // Leading zeros are refused here, as in WHATWG's IPv6 parser: "010" is ambiguous.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    value = value * 256 + byte;
  }
  return value;
}

/** Parses the 16-bit groups on one side of a `::`; an embedded dotted quad counts as two groups. */
function parseGroups(text: string, allowDottedQuadAtEnd: boolean): number[] | null {
  if (text === '') return [];
  const pieces = text.split(':');
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    const isLast = index === pieces.length - 1;
    if (isLast && allowDottedQuadAtEnd && piece.includes('.')) {
      const quad = parseDottedQuad(piece);
      if (quad === null) return null;
      groups.push(quad >>> 16, quad & 0xffff);
    } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/**
 * Parses IPv6 text (no brackets, no zone id). Zone ids are refused on purpose: they only make sense
 * for link-local addresses, which are blocked unless explicitly allowed.
 */
export function parseIPv6(text: string): IPv6Address | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const [head = '', tail] = halves;

  let groups: number[];
  if (tail === undefined) {
    const all = parseGroups(head, true);
    if (all === null || all.length !== 8) return null;
    groups = all;
  } else {
    const left = parseGroups(head, false);
    const right = parseGroups(tail, true);
    // "::" must stand for at least one zero group.
    if (left === null || right === null || left.length + right.length > 7) return null;
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  }

  const bytes = new Uint8Array(16);
  for (const [index, group] of groups.entries()) {
    bytes[index * 2] = group >>> 8;
    bytes[index * 2 + 1] = group & 0xff;
  }
  return ipv6FromBytes(bytes);
}

function ipv6FromBytes(bytes: Uint8Array): IPv6Address {
  return { family: 6, bytes, text: formatIPv6(bytes) };
}

/** RFC 5952 text: lowercase, no leading zeros, the longest run (≥ 2) of zero groups as `::`. */
export function formatIPv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let index = 0; index < 16; index += 2) groups.push(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));

  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Parses any IP address text, in brackets or not, to its canonical form. IPv4 accepts every
 * WHATWG/inet_aton spelling, because a resolver or a URL may hand us any of them.
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.startsWith('[') && text.endsWith(']')) return parseIPv6(text.slice(1, -1));
  if (text.includes(':')) return parseIPv6(text);
  return parseIPv4(text);
}

/** Reads 32 bits starting at `offset` of an IPv6 address as an IPv4 address. */
export function ipv4At(bytes: Uint8Array, offset: number): IPv4Address {
  const value =
    (bytes[offset] ?? 0) * 0x1000000 +
    ((bytes[offset + 1] ?? 0) << 16) +
    ((bytes[offset + 2] ?? 0) << 8) +
    (bytes[offset + 3] ?? 0);
  return ipv4FromNumber(value);
}
