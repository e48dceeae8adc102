// Where deliveries may go, by endpoint mode, checked when an endpoint is created or changed and again on every
// attempt: live endpoints never reach loopback, private or metadata addresses, whatever the operator allows;
// REALID_WEBHOOKS_ALLOW_PRIVATE opens private networks to test endpoints and never loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/ids.ts';
import type { Endpoint } from '../src/store/endpoints-repo.ts';
import { startTcpReceiver, type TcpReceiver } from './outbound/loopback-receiver.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { waitFor } from './support/webhook-receiver.ts';

const LIVE_REFUSED = [
  'https://127.0.0.1/hooks', 'https://localhost/hooks', 'https://[::1]/hooks', 'https://2130706433/hooks', 'https://10.0.0.1/hooks',
  'https://192.168.1.1/hooks', 'https://172.16.0.1/hooks', 'https://100.64.0.1/hooks', 'https://169.254.3.4/hooks', 'https://[fd12::1]/hooks',
  'https://169.254.169.254/latest', 'https://[fd00:ec2::254]/',
];

describe.each(DIALECTS)('webhook destinations by mode on %s', (dialect) => {
  // Nothing may reach this listener: it counts connections, so a refusal must mean no connection at all.
  let listener: TcpReceiver;
  beforeAll(async () => {
    listener = await startTcpReceiver((socket) => socket.end());
  });
  afterAll(() => listener.close());

  async function insertEndpoint(t: TestService, accountId: string, mode: Endpoint['mode'], url: string): Promise<void> {
    // As an endpoint created before this rule, or whose name came to resolve somewhere else, would be.
    const now = t.clock.now();
    await t.services.store.endpoints.insert({
      id: newId('ep'), accountId, mode, url, eventTypes: ['check.delivered'], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now,
    });
  }
  async function firstAttempt(t: TestService, key: string) {
    await waitFor(async () => (await t.api(key, 'GET', '/api/v1/webhooks/messages')).body.messages[0]?.attempts === 1, 'the first attempt');
    const [message] = (await t.api(key, 'GET', '/api/v1/webhooks/messages')).body.messages;
    return (await t.api(key, 'GET', `/api/v1/webhooks/messages/${message.id}/attempts`)).body.attempts[0];
  }

  describe('with loopback and private networks both allowed', () => {
    let t: TestService;
    beforeAll(async () => {
      t = await startTestService(dialect, { worker: true, config: (c) => Object.assign(c.webhooks, { allowLoopback: true, allowPrivate: true }) });
    });
    afterAll(() => t.close());

    it('refuses live endpoints on loopback, private and metadata addresses, on create and on change', async () => {
      const { liveKey } = await t.newAccount();
      for (const url of LIVE_REFUSED) {
        const res = await t.api(liveKey, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['check.completed'] });
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({ url, status: 422, code: 'blocked_address' });
      }
      const created = await t.api(liveKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'https://93.184.215.14/hooks', event_types: ['check.completed'] });
      expect(created.body.endpoint).toMatchObject({ mode: 'live', url: 'https://93.184.215.14/hooks' });
      const id = created.body.endpoint.id as string;
      for (const url of LIVE_REFUSED) {
        const res = await t.api(liveKey, 'PATCH', `/api/v1/webhooks/endpoints/${id}`, { url });
        expect({ url, status: res.status, code: res.body.error?.code }).toEqual({ url, status: 422, code: 'blocked_address' });
      }
      expect((await t.api(liveKey, 'GET', `/api/v1/webhooks/endpoints/${id}`)).body.endpoint.url).toBe('https://93.184.215.14/hooks');
    });

    it('lets test endpoints reach loopback and private networks, never metadata', async () => {
      const { testKey } = await t.newAccount();
      for (const url of ['http://127.0.0.1:1/hooks', 'http://localhost:1/hooks', 'http://10.0.0.1/hooks', 'http://[fd12::1]/hooks']) {
        expect({ url, status: (await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['check.completed'] })).status }).toEqual({ url, status: 201 });
      }
      const metadata = await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://169.254.169.254/latest', event_types: ['check.completed'] });
      expect(metadata.body.error?.code).toBe('blocked_address');
    });

    it('refuses a live endpoint’s loopback destination again when connecting, after resolving its name', async () => {
      const { account, liveKey } = await t.newAccount();
      await insertEndpoint(t, account.id, 'live', `https://localhost:${listener.port}/hooks`);
      expect((await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { email: 'live@example.com' } })).status).toBe(201);
      expect(await firstAttempt(t, liveKey)).toMatchObject({ error_code: 'blocked_address', status_code: null });
      expect(listener.connections).toBe(0);
    });
  });

  describe('with private networks allowed and loopback not', () => {
    let t: TestService;
    beforeAll(async () => {
      t = await startTestService(dialect, { worker: true, config: (c) => Object.assign(c.webhooks, { allowLoopback: false, allowPrivate: true }) });
    });
    afterAll(() => t.close());

    it('refuses loopback for test endpoints, and allows private networks', async () => {
      const { testKey } = await t.newAccount();
      for (const url of [`http://127.0.0.1:${listener.port}/hooks`, `http://localhost:${listener.port}/hooks`, 'http://[::1]/hooks', 'http://0x7f.1/hooks']) {
        expect({ url, code: (await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url, event_types: ['check.completed'] })).body.error?.code }).toEqual({ url, code: 'blocked_address' });
      }
      expect((await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'http://192.168.1.1/hooks', event_types: ['check.completed'] })).status).toBe(201);
    });

    it('refuses a test endpoint’s loopback destination when connecting', async () => {
      const { account, testKey } = await t.newAccount();
      await insertEndpoint(t, account.id, 'test', `http://127.0.0.1:${listener.port}/hooks`);
      expect((await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'test@example.com' } })).status).toBe(201);
      expect(await firstAttempt(t, testKey)).toMatchObject({ error_code: 'blocked_address', status_code: null });
      expect(listener.connections).toBe(0);
    });
  });
});
