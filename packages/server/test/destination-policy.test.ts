// Where deliveries may go, by endpoint mode and the operator's settings: live endpoints reach public addresses
// only, whatever the settings; each setting opens its own ranges to test endpoints, and nothing else.
import { describe, expect, it } from 'vitest';
import { destinationPolicy } from '../src/webhooks/engine/destination-policy.ts';
import { classifyAddress, isAllowed } from '../src/webhooks/engine/outbound/index.ts';
import { parseIpAddress } from '../src/webhooks/engine/outbound/ip-address.ts';

const ADDRESSES = {
  public: ['93.184.215.14', '2606:4700::1'],
  loopback: ['127.0.0.1', '127.9.9.9', '::1'],
  private: ['10.0.0.1', '172.16.0.1', '192.168.1.1', 'fd12::1', '169.254.3.4', 'fe80::1', '100.64.0.1'],
  metadata: ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'],
} as const;

const SETTINGS = [false, true].flatMap((allowLoopback) => [false, true].map((allowPrivate) => ({ allowLoopback, allowPrivate })));

function reachable(address: string, policy: { allowLoopback: boolean; allowPrivate: boolean }): boolean {
  const parsed = parseIpAddress(address);
  if (parsed === null) throw new Error(`unparseable ${address}`);
  return isAllowed(classifyAddress(parsed), policy);
}

describe('destinationPolicy', () => {
  it.each(SETTINGS)('live endpoints reach public addresses only, over https (settings %o)', (settings) => {
    const policy = destinationPolicy(settings, 'live');
    expect(policy.requireHttps).toBe(true);
    for (const [kind, addresses] of Object.entries(ADDRESSES)) {
      for (const address of addresses) expect({ address, ok: reachable(address, policy) }).toEqual({ address, ok: kind === 'public' });
    }
  });

  it.each(SETTINGS)('test endpoints reach loopback and private networks only as each setting allows (settings %o)', (settings) => {
    const policy = destinationPolicy(settings, 'test');
    expect(policy.requireHttps).toBe(false);
    const expected = { public: true, loopback: settings.allowLoopback, private: settings.allowPrivate, metadata: false };
    for (const [kind, addresses] of Object.entries(ADDRESSES)) {
      for (const address of addresses) {
        expect({ address, ok: reachable(address, policy) }).toEqual({ address, ok: expected[kind as keyof typeof expected] });
      }
    }
  });
});
