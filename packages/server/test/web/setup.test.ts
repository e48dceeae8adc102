// The first-run page: open only while the service has no dashboard users, and only once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { startTestService, type TestService } from '../support/test-service.ts';
import { PASSWORD, WebClient, signedInUser } from './web-client.ts';

describe.each(DIALECTS)('first-run setup on %s', (dialect) => {
  let t: TestService;

  beforeEach(async () => {
    t = await startTestService(dialect);
  });
  afterEach(() => t.close());

  const setup = (client: WebClient, email = 'owner@example.com', password = PASSWORD) =>
    client.request('POST', '/auth/setup', { account_name: 'Corner Shop', email, password });

  it('creates the first account and its owner, signs them in, and then closes', async () => {
    const client = new WebClient(t.url);
    expect((await client.request('GET', '/auth/setup')).body).toEqual({ setup_needed: true });
    const res = await setup(client);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { email: 'owner@example.com' }, account: { name: 'Corner Shop', plan: 'enterprise' } });
    expect(res.body.api_keys.test).toMatch(/^sk_test_/);
    client.csrf = res.body.csrf_token;
    expect((await client.request('GET', '/api/v1/account')).body.account.name).toBe('Corner Shop');

    expect((await client.request('GET', '/auth/setup')).body).toEqual({ setup_needed: false });
    const again = await setup(new WebClient(t.url), 'intruder@example.com');
    expect(again.status).toBe(409);
    expect((await new WebClient(t.url).login('intruder@example.com')).status).toBe(401);
  });

  it('lets only one of two simultaneous setups win', async () => {
    const results = await Promise.all([setup(new WebClient(t.url), 'one@example.com'), setup(new WebClient(t.url), 'two@example.com')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.services.store.users.list()).toHaveLength(1);
  });

  it('is closed once a user exists from the command line', async () => {
    await signedInUser(t, 'cli-made@example.com');
    expect((await setup(new WebClient(t.url))).status).toBe(409);
  });

  it('asks for a real email and a long enough password', async () => {
    const res = await setup(new WebClient(t.url), 'not-an-email', 'short');
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['email', 'password']);
    expect((await new WebClient(t.url).request('GET', '/auth/setup')).body.setup_needed).toBe(true);
  });
});
