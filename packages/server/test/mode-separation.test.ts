// Test and live modes separate like accounts do: a key reaches only its own mode's checks, endpoints,
// messages and signing secret; the other mode's answer 404, as another account's objects do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(DIALECTS)('test and live modes on %s', (dialect) => {
  let t: TestService;
  let testKey: string;
  let liveKey: string;
  let liveCheck: string;
  let testCheck: string;

  beforeAll(async () => {
    t = await startTestService(dialect);
    ({ testKey, liveKey } = await t.newAccount('enterprise', 'Modes'));
    liveCheck = (await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { email: 'live@example.com', first_name: 'Liv' } })).body.check.id;
    testCheck = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'test@example.com' } })).body.check.id;
  });
  afterAll(() => t.close());

  it('keeps a test key away from live checks, and a live key away from test checks', async () => {
    const probes: [string, string, object?][] = [
      ['GET', `/api/v1/checks/${liveCheck}`],
      ['GET', `/api/v1/checks/${liveCheck}?withPhotos=true`],
      ['POST', `/api/v1/checks/${liveCheck}/approve`],
      ['POST', `/api/v1/checks/${liveCheck}/reject`, { reason: 'no' }],
      ['POST', `/api/v1/checks/${liveCheck}/simulate`],
      ['DELETE', `/api/v1/checks/${liveCheck}`],
    ];
    for (const [method, path, body] of probes) {
      const res = await t.api(testKey, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await t.api(liveKey, 'GET', `/api/v1/checks/${testCheck}`)).status).toBe(404);
    expect((await t.api(liveKey, 'DELETE', `/api/v1/checks/${testCheck}`)).status).toBe(404);

    const live = (await t.api(liveKey, 'GET', `/api/v1/checks/${liveCheck}`)).body.check;
    expect(live).toMatchObject({ step: 'delivered', deleted: false, customer: { first_name: 'Liv' } });
  });

  it('lists only the key’s own mode, whatever the testing filter asks', async () => {
    const ids = async (key: string, query = '') => (await t.api(key, 'GET', `/api/v1/checks${query}`)).body.checks.map((c: { id: string }) => c.id);
    expect(await ids(testKey)).toEqual([testCheck]);
    expect(await ids(testKey, '?testing=false')).toEqual([]);
    expect(await ids(testKey, '?testing=true')).toEqual([testCheck]);
    expect(await ids(liveKey)).toEqual([liveCheck]);
    expect(await ids(liveKey, '?testing=true')).toEqual([]);
    expect(await ids(testKey, '?q=live')).toEqual([]);
  });

  it('gives each mode its own signing secret, rotated separately', async () => {
    const secrets = async (key: string) => (await t.api(key, 'GET', '/api/v1/webhooks/secret')).body;
    const [test, live] = [await secrets(testKey), await secrets(liveKey)];
    expect(test.mode).toBe('test');
    expect(live.mode).toBe('live');
    expect(test.secrets[0].secret).toMatch(/^whsec_/);
    expect(live.secrets[0].secret).toMatch(/^whsec_/);
    expect(test.secrets[0].secret).not.toBe(live.secrets[0].secret);

    const rotated = await t.api(testKey, 'POST', '/api/v1/webhooks/secret/rotate');
    expect(rotated.body.mode).toBe('test');
    expect((await secrets(testKey)).secrets.map((x: { secret: string }) => x.secret)).toEqual([test.secrets[0].secret, rotated.body.secret]);
    expect((await secrets(liveKey)).secrets).toEqual(live.secrets);
  });

  it('keeps endpoints and their messages in their mode', async () => {
    const refused = await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'https://example.com/live', mode: 'live', event_types: ['check.completed'] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields[0].field).toBe('mode');

    const live = (await t.api(liveKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'https://example.com/live', event_types: ['check.completed'] })).body.endpoint;
    expect(live.mode).toBe('live');
    const test = (await t.api(testKey, 'POST', '/api/v1/webhooks/endpoints', { url: 'https://example.com/test', event_types: ['check.completed'] })).body.endpoint;
    expect(test.mode).toBe('test');

    const listed = async (key: string) => (await t.api(key, 'GET', '/api/v1/webhooks/endpoints')).body.endpoints.map((e: { id: string }) => e.id);
    expect(await listed(testKey)).toEqual([test.id]);
    expect(await listed(liveKey)).toEqual([live.id]);
    for (const [method, path, body] of [
      ['GET', `/api/v1/webhooks/endpoints/${live.id}`],
      ['PATCH', `/api/v1/webhooks/endpoints/${live.id}`, { url: 'https://attacker.example/steal' }],
      ['DELETE', `/api/v1/webhooks/endpoints/${live.id}`],
      ['POST', `/api/v1/webhooks/endpoints/${live.id}/test`, { event_type: 'check.completed' }],
      ['POST', `/api/v1/webhooks/endpoints/${live.id}/recover`, { since: new Date(0).toISOString() }],
    ] as [string, string, object?][]) {
      expect((await t.api(testKey, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await t.api(liveKey, 'GET', `/api/v1/webhooks/endpoints/${live.id}`)).body.endpoint.url).toBe('https://example.com/live');

    const queued = await t.api(liveKey, 'POST', `/api/v1/webhooks/endpoints/${live.id}/test`, { event_type: 'check.completed' });
    expect(queued.status).toBe(202);
    const messageId: string = queued.body.message_id;
    expect((await t.api(liveKey, 'GET', `/api/v1/webhooks/messages/${messageId}`)).status).toBe(200);
    for (const path of [`/api/v1/webhooks/messages/${messageId}`, `/api/v1/webhooks/messages/${messageId}/attempts`]) {
      expect((await t.api(testKey, 'GET', path)).status, path).toBe(404);
    }
    expect((await t.api(testKey, 'POST', `/api/v1/webhooks/messages/${messageId}/resend`)).status).toBe(404);
    expect((await t.api(testKey, 'GET', '/api/v1/webhooks/messages')).body.messages.map((m: { id: string }) => m.id)).not.toContain(messageId);
    expect((await t.api(liveKey, 'GET', '/api/v1/webhooks/messages')).body.messages.map((m: { id: string }) => m.id)).toContain(messageId);
  });
});
