// A DNS server in a function, injected the way the system resolver is: answers from a table,
// fails like getaddrinfo for unknown names, and records every question.

import type { ResolvedAddress, Resolver } from '../../src/webhooks/engine/outbound/index.ts';

export type FakeDns = Resolver & { readonly calls: string[] };

/** Each name maps to one answer list, or to a list of answer lists served in turn (the last repeats). */
export function fakeDns(table: Record<string, string[] | string[][]>): FakeDns {
  const calls: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    const asked = calls.filter((name) => name === hostname).length;
    calls.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const rounds = entry.every((item) => Array.isArray(item)) && entry.length > 0 ? (entry as string[][]) : [entry as string[]];
    const answers = rounds[Math.min(asked, rounds.length - 1)] ?? [];
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}
