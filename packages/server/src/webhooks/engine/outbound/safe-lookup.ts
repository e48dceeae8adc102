// Turns a URL host into one checked address to connect to: IP literals are checked as they are,
// names are resolved once and every answer is checked, so no answer can slip past by ordering.

import { classifyAddress, isAllowed } from './blocked-ranges.ts';
import type { AddressClass, AddressPolicy } from './blocked-ranges.ts';
import { parseIpAddress } from './ip-address.ts';
import type { IpAddress } from './ip-address.ts';
import type { Resolver } from './outbound-options.ts';

export type DestinationCheck =
  | { readonly ok: true; readonly address: IpAddress }
  | { readonly ok: false; readonly errorCode: 'blocked_address' | 'dns'; readonly errorMessage: string };

function describe(address: IpAddress, verdict: AddressClass): string {
  const via = verdict.embedded ? ` (embeds ${verdict.embedded.ipv4} via ${verdict.embedded.kind})` : '';
  return `${address.text}${via} is ${verdict.category.replace('_', ' ')}`;
}

const blocked = (errorMessage: string): DestinationCheck => ({ ok: false, errorCode: 'blocked_address', errorMessage });

export function checkAddress(address: IpAddress, policy: AddressPolicy): DestinationCheck {
  const verdict = classifyAddress(address);
  return isAllowed(verdict, policy) ? { ok: true, address } : blocked(`destination ${describe(address, verdict)}`);
}

/**
 * Checks a URL host that is an IP literal without touching DNS; returns null for a host name.
 * `hostname` is WHATWG's (IPv6 in brackets), but any IPv4 spelling is re-parsed to be safe.
 */
export function checkLiteralHost(hostname: string, policy: AddressPolicy): DestinationCheck | null {
  const address = parseIpAddress(hostname);
  if (address !== null) return checkAddress(address, policy);
  // A bracketed host is an IPv6 literal by definition; one we cannot read must not reach DNS instead.
  return hostname.startsWith('[') ? blocked(`destination ${hostname} is not a readable IPv6 address`) : null;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

const dnsFailure = (errorMessage: string): DestinationCheck => ({ ok: false, errorCode: 'dns', errorMessage });

/**
 * Resolves `hostname` and checks every answer. One blocked answer refuses the whole host: picking
 * the good answer would let an attacker's DNS decide, per connection, which one we use.
 * Rejects only when `signal` aborts (the attempt's timeout).
 */
export async function resolveAndCheck(
  hostname: string,
  policy: AddressPolicy,
  resolve: Resolver,
  signal: AbortSignal,
): Promise<DestinationCheck> {
  let answers;
  try {
    answers = await untilAborted(resolve(hostname), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    return dnsFailure(`DNS lookup of ${hostname} failed${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  let chosen: IpAddress | undefined;
  for (const answer of answers) {
    const address = parseIpAddress(answer.address);
    // An answer we cannot parse cannot be classified, so it cannot be trusted either.
    if (address === null) return blocked(`${hostname} resolves to an unparseable address`);
    const verdict = classifyAddress(address);
    if (!isAllowed(verdict, policy)) return blocked(`${hostname} resolves to ${describe(address, verdict)}`);
    // We connect to one address, without Happy Eyeballs, so prefer IPv4: it is what servers and
    // containers can nearly always reach, and "localhost" often lists ::1 first while a development
    // receiver listens on 127.0.0.1 only.
    if (chosen === undefined || (chosen.family === 6 && address.family === 4)) chosen = address;
  }
  return chosen === undefined ? dnsFailure(`DNS lookup of ${hostname} returned no addresses`) : { ok: true, address: chosen };
}
