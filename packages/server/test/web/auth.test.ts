// Dashboard sign-in over real HTTP on each database: cookies, sessions stored as hashes, CSRF, expiry,
// sign-out, rate limiting, and the same answer for a wrong password as for an unknown email.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/ids.ts';
import { DIALECTS } from '../support/databases.ts';
import { startTestService, type TestService } from '../support/test-service.ts';
import { PASSWORD, WebClient, signedInUser } from './web-client.ts';

describe.each(DIALECTS)('dashboard sign-in on %s', (dialect) => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(dialect);
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly, SameSite=Lax cookie and stores only a hash of the session id', async () => {
    const { client } = await signedInUser(t, 'Owner@Example.com');
    const token = client.cookie!.split('=')[1]!;
    const res = await new WebClient(t.url).login('owner@example.com');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^realid_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.body).toMatchObject({ user: { email: 'owner@example.com' }, account: { plan: 'enterprise' } });
    const rows = await t.services.store.driver.all<{ id_hash: string }>('SELECT id_hash FROM sessions');
    expect(rows.map((r) => r.id_hash)).toContain(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('uses the session for the same REST API the merchants call', async () => {
    const { client, account } = await signedInUser(t, 'api@example.com');
    expect((await client.request('GET', '/auth/session')).body).toMatchObject({ user: { email: 'api@example.com' }, csrf_token: client.csrf });
    const me = await client.request('GET', '/api/v1/account');
    expect(me.status).toBe(200);
    expect(me.body.account.id).toBe(account.account.id);
    const test = await client.request('POST', '/api/v1/checks', { customer: { email: 'c@example.com' } });
    expect(test.status).toBe(201);
    expect(test.body.check.rules.testing).toBe(true);
    const live = await client.request('POST', '/api/v1/checks', { customer: { email: 'c@example.com' } }, { headers: { 'x-realid-mode': 'live' } });
    expect(live.body.check.rules.testing).toBe(false);
  });

  it('refuses cookie-authenticated writes without the right CSRF token, but not API-key requests', async () => {
    const { client, account } = await signedInUser(t, 'csrf@example.com');
    const body = { customer: { email: 'c@example.com' } };
    const missing = await client.request('POST', '/api/v1/checks', body, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_failed');
    // Another last character (a fixed one would leave the token unchanged 1 time in 64).
    const csrf = client.csrf!;
    const wrong = await client.request('POST', '/api/v1/checks', body, { csrf: `${csrf.slice(0, -1)}${csrf.endsWith('x') ? 'y' : 'x'}` });
    expect(wrong.body.error.code).toBe('csrf_failed');
    expect((await client.request('POST', '/auth/logout', undefined, { csrf: false })).status).toBe(403);
    expect((await client.request('GET', '/auth/session')).status).toBe(200);
    expect((await t.api(account.testKey, 'POST', '/api/v1/checks', body)).status).toBe(201);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    await signedInUser(t, 'known@example.com');
    const wrong = await new WebClient(t.url).login('known@example.com', 'not the password');
    const unknown = await new WebClient(t.url).login('nobody@example.com', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('signs out: the session is gone and its cookie no longer works', async () => {
    const { client } = await signedInUser(t, 'leaver@example.com');
    const old = client.cookie;
    const res = await client.request('POST', '/auth/logout');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/realid_session=;.*Max-Age=0/);
    client.cookie = old;
    expect((await client.request('GET', '/auth/session')).status).toBe(401);
    expect((await client.request('GET', '/api/v1/account')).status).toBe(401);
  });

  it('expires sessions twelve hours after sign-in', async () => {
    const { client } = await signedInUser(t, 'sleeper@example.com');
    t.clock.advance(12 * 3600 * 1000 - 1000);
    expect((await client.request('GET', '/api/v1/account')).status).toBe(200);
    t.clock.advance(2000);
    expect((await client.request('GET', '/auth/session')).status).toBe(401);
    expect((await client.request('GET', '/api/v1/account')).status).toBe(401);
  });

  it('slows down guessing per email, for known and unknown emails alike', async () => {
    await signedInUser(t, 'target@example.com');
    for (const email of ['target@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 5; i++) expect((await new WebClient(t.url).login(email, `guess ${i}`)).status).toBe(401);
      const limited = await new WebClient(t.url).login(email, PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    t.clock.advance(15 * 60_000);
    expect((await new WebClient(t.url).login('target@example.com')).status).toBe(200);
  });

  it('marks the cookie Secure when the service is reached over https', async () => {
    await signedInUser(t, 'secure@example.com');
    const previous = t.services.config.publicUrl;
    t.services.config.publicUrl = 'https://id.example.com';
    try {
      expect((await new WebClient(t.url).login('secure@example.com')).headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      t.services.config.publicUrl = previous;
    }
  });
});
