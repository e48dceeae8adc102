// API keys from the dashboard: listed without secrets, created once-shown, revoked for good; never managed
// with an API key, never across accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { startTestService, type TestService } from '../support/test-service.ts';
import { signedInUser } from './web-client.ts';

describe.each(DIALECTS)('API keys on %s', (dialect) => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(dialect);
  });
  afterAll(() => t.close());

  it('creates a key shown once, lists it by prefix, and revokes it', async () => {
    const { client } = await signedInUser(t, 'keys@example.com');
    const created = await client.request('POST', '/api/v1/api-keys', { mode: 'live', label: 'shop backend' });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^sk_live_/);
    expect(created.body.api_key).toMatchObject({ mode: 'live', label: 'shop backend', prefix: key.slice(0, 12), revoked_at: null });

    const listed = await client.request('GET', '/api/v1/api-keys');
    expect(listed.body.api_keys.map((k: { label: string }) => k.label).sort()).toEqual(['default live key', 'default test key', 'shop backend']);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const me = await t.api(key, 'GET', '/api/v1/account');
    expect(me.body.mode).toBe('live');

    const revoked = await client.request('DELETE', `/api/v1/api-keys/${created.body.api_key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.api_key.revoked_at).not.toBeNull();
    expect((await t.api(key, 'GET', '/api/v1/account')).status).toBe(401);
    expect((await client.request('DELETE', `/api/v1/api-keys/${created.body.api_key.id}`)).status).toBe(404);
  });

  it('validates the mode and label', async () => {
    const { client } = await signedInUser(t, 'validate@example.com');
    const res = await client.request('POST', '/api/v1/api-keys', { mode: 'prod', label: '' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('refuses API-key callers: a leaked test key cannot mint a live one', async () => {
    const { account } = await signedInUser(t, 'apikey-caller@example.com');
    for (const [method, path, body] of [['GET', '/api/v1/api-keys'], ['POST', '/api/v1/api-keys', { mode: 'live', label: 'x' }], ['DELETE', '/api/v1/api-keys/key_x']] as const) {
      const res = await t.api(account.testKey, method, path, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('never shows or revokes another account’s keys', async () => {
    const a = await signedInUser(t, 'tenant-a@example.com');
    const b = await signedInUser(t, 'tenant-b@example.com');
    const bKeys = (await b.client.request('GET', '/api/v1/api-keys')).body.api_keys as { id: string }[];
    const aKeys = (await a.client.request('GET', '/api/v1/api-keys')).body.api_keys as { id: string }[];
    expect(aKeys.map((k) => k.id)).not.toContain(bKeys[0]!.id);
    expect((await a.client.request('DELETE', `/api/v1/api-keys/${bKeys[0]!.id}`)).status).toBe(404);
    expect((await t.api(b.account.testKey, 'GET', '/api/v1/account')).status).toBe(200);
  });
});
