// Hostile URLs and hostile DNS answers: every one is refused before a connection is made.
// The DNS is a fake resolver (injected like the system one), not a mock of our code.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLiteralHost, closeOutboundDispatchers, sendWebhook } from '../../src/webhooks/engine/outbound/index.ts';
import type { OutboundOptions } from '../../src/webhooks/engine/outbound/index.ts';
import { fakeDns } from './fake-dns.ts';
import { expectNoOpenSockets, startReceiver } from './loopback-receiver.ts';
import type { Receiver } from './loopback-receiver.ts';

const body = '{"event":"check.completed","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"7TWFOC-auPI","step":"completed","testing":true}}';
const headers = { 'content-type': 'application/json' };

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver((_request, response) => response.end('ok'));
});
afterAll(async () => {
  await receiver.close();
  await closeOutboundDispatchers();
  await expectNoOpenSockets();
});

const send = (url: string, options: OutboundOptions = {}) => sendWebhook({ url, headers, body, options });

describe('hostile URLs', () => {
  // Loopback spellings point at a live receiver: a refusal must also mean it saw nothing.
  const loopbackSpellings = (port: number): string[] =>
    ['127.0.0.1', '2130706433', '017700000001', '0177.0.0.1', '0x7f.1', '0x7f000001', '0X7F.0.0.0x1', '127.1', '127.0.1', '127.0.0.1.'].map(
      (host) => `http://${host}:${port}/`,
    );
  // Never allowed by the development switch: loopback smuggled inside IPv6, "this host", and the rest.
  const neverLoopback = (port: number): string[] => [
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::ffff:7f00:1]:${port}/`,
    `http://[::127.0.0.1]:${port}/`,
    `http://[0:0:0:0:0:ffff:7f00:0001]:${port}/`,
    `http://[2002:7f00:1::]:${port}/`,
    `http://[64:ff9b::127.0.0.1]:${port}/`,
    `http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://0:${port}/`,
    `http://[::]:${port}/`,
    'http://169.254.169.254/latest/meta-data/',
    'http://0xa9fea9fe/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://100.100.100.200/',
    'http://10.0.0.1/',
    'http://012.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.0.1/',
    'http://0xc0a80001/',
    'http://[fc00::1]/',
    'http://[fe80::1]/',
    'http://169.254.0.1/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://240.0.0.1/',
    'http://198.18.0.1/',
    'http://192.0.2.1/',
    'http://[2001:db8::1]/',
    'http://[ff02::1]/',
    'https://[64:ff9b:1::a00:1]/',
  ];

  it('refuses every one with blocked_address, and nothing reaches the receiver', async () => {
    for (const url of [...loopbackSpellings(receiver.port), `http://[::1]:${receiver.port}/`, ...neverLoopback(receiver.port)]) {
      const result = await send(url);
      expect({ url, errorCode: result.errorCode, ok: result.ok }).toEqual({ url, errorCode: 'blocked_address', ok: false });
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps refusing embedded, unspecified and non-loopback forms when loopback is allowed for development', async () => {
    for (const url of neverLoopback(receiver.port)) {
      expect({ url, errorCode: (await send(url, { allowLoopback: true })).errorCode }).toEqual({ url, errorCode: 'blocked_address' });
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps refusing every loopback spelling when only private networks are allowed', async () => {
    for (const url of [...loopbackSpellings(receiver.port), `http://[::1]:${receiver.port}/`]) {
      expect({ url, errorCode: (await send(url, { allowPrivate: true })).errorCode }).toEqual({ url, errorCode: 'blocked_address' });
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it('checks the canonical address: every loopback spelling reaches the loopback receiver when allowed', async () => {
    const urls = loopbackSpellings(receiver.port);
    for (const url of urls) expect({ url, ok: (await send(url, { allowLoopback: true })).ok }).toEqual({ url, ok: true });
    expect(receiver.requests.map((request) => request.headers.host)).toEqual(urls.map(() => `127.0.0.1:${receiver.port}`));
    receiver.requests.length = 0;
  });

  it.each([
    ['ftp://example.com/hook', 'invalid_url'],
    ['file:///etc/passwd', 'invalid_url'],
    ['https://user:secret@example.com/hook', 'invalid_url'],
    ['https://:secret@example.com/hook', 'invalid_url'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['http://1.2.3.4.5/', 'invalid_url'],
    ['http://256.0.0.1/', 'invalid_url'],
  ])('refuses %s with %s', async (url, errorCode) => {
    const result = await send(url);
    expect(result).toMatchObject({ ok: false, errorCode });
    expect(result.errorMessage).not.toContain('secret');
  });

  it('requires https in live mode', async () => {
    expect(await send('http://example.com/hook', { requireHttps: true })).toMatchObject({ ok: false, errorCode: 'https_required' });
  });
});

describe('hostile DNS answers', () => {
  const dns = fakeDns({
    'loopback.test': ['127.0.0.1'],
    'private.test': ['10.0.0.5'],
    'mixed.test': ['93.184.215.14', '192.168.1.10'],
    'mixed-v6.test': ['2606:4700::1', 'fe80::1'],
    'metadata.test': ['169.254.169.254'],
    'mapped.test': ['::ffff:169.254.169.254'],
    'mapped-hex.test': ['::ffff:a9fe:a9fe'],
    'nat64.test': ['64:ff9b::a00:1'],
    '6to4.test': ['2002:c0a8:101::1'],
    'unspecified.test': ['0.0.0.0'],
    'unspecified-v6.test': ['::'],
    'odd-spelling.test': ['0x7f.1'],
    'garbage.test': ['not-an-address'],
    'imds-v6.test': ['fd00:ec2::254'],
  });

  it.each([
    'loopback.test', 'private.test', 'mixed.test', 'mixed-v6.test', 'metadata.test', 'mapped.test', 'mapped-hex.test',
    'nat64.test', '6to4.test', 'unspecified.test', 'unspecified-v6.test', 'odd-spelling.test', 'garbage.test', 'imds-v6.test',
  ])('refuses %s with blocked_address', async (host) => {
    const result = await send(`https://${host}/hook`, { resolve: dns });
    expect(result).toMatchObject({ ok: false, errorCode: 'blocked_address' });
    expect(result.errorMessage).toContain(host);
  });

  it('refuses a host with one public and one private answer, whatever the order', async () => {
    const reversed = fakeDns({ 'mixed.test': ['192.168.1.10', '93.184.215.14'] });
    expect(await send('https://mixed.test/', { resolve: reversed })).toMatchObject({ errorCode: 'blocked_address' });
  });

  it('never lets allowPrivate reach loopback or metadata addresses', async () => {
    for (const host of ['loopback.test', 'metadata.test', 'imds-v6.test', 'mapped.test']) {
      expect(await send(`http://${host}/`, { resolve: dns, allowPrivate: true })).toMatchObject({ errorCode: 'blocked_address' });
    }
  });

  it('reports a failed or empty lookup as dns', async () => {
    expect(await send('https://unknown.test/', { resolve: dns })).toMatchObject({ ok: false, errorCode: 'dns' });
    expect(await send('https://empty.test/', { resolve: fakeDns({ 'empty.test': [] }) })).toMatchObject({ errorCode: 'dns' });
  });

  it('skips DNS for IP-literal hosts', async () => {
    const calls = dns.calls.length;
    await send('http://10.0.0.1/', { resolve: dns });
    await send('http://[fe80::1]/', { resolve: dns });
    expect(dns.calls.length).toBe(calls);
  });
});

describe('checkLiteralHost', () => {
  const strict = { allowLoopback: false, allowPrivate: false };

  it('checks IP literals without DNS and leaves names to the resolver', () => {
    expect(checkLiteralHost('8.8.8.8', strict)).toMatchObject({ ok: true, address: { text: '8.8.8.8' } });
    expect(checkLiteralHost('[2606:4700::1]', strict)).toMatchObject({ ok: true, address: { text: '2606:4700::1' } });
    expect(checkLiteralHost('webhooks.example.com', strict)).toBeNull();
  });

  it('refuses a bracketed host it cannot read rather than sending it to DNS', () => {
    expect(checkLiteralHost('[fe80::1%25eth0]', strict)).toMatchObject({ ok: false, errorCode: 'blocked_address' });
  });
});
