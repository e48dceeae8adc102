// A key of one account can never read, list, change or delete another account's checks, on any route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let t: TestService;
  let owner: string;
  let intruder: string;
  let checkId: string;

  beforeAll(async () => {
    t = await startTestService(dialect);
    owner = (await t.newAccount('enterprise', 'Owner')).testKey;
    intruder = (await t.newAccount('enterprise', 'Intruder')).testKey;
    const created = await t.api(owner, 'POST', '/api/v1/checks', { customer: { email: 'owner-customer@example.com' } });
    checkId = created.body.check.id;
  });
  afterAll(() => t.close());

  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/checks/{id}'],
    ['GET', '/api/v1/checks/{id}?withPhotos=true'],
    ['DELETE', '/api/v1/checks/{id}'],
    ['POST', '/api/v1/checks/{id}/approve', {}],
    ['POST', '/api/v1/checks/{id}/reject', { reason: 'no' }],
    ['POST', '/api/v1/checks/{id}/simulate', { action: 'pass' }],
  ];

  it.each(routes)('%s %s answers 404 for another account’s check', async (method, path, body) => {
    const res = await t.api(intruder, method, path.replace('{id}', checkId), body);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('does not list or find another account’s checks', async () => {
    expect((await t.api(intruder, 'GET', '/api/v1/checks')).body.checks).toEqual([]);
    expect((await t.api(intruder, 'GET', '/api/v1/checks?q=owner-customer')).body.checks).toEqual([]);
  });

  it('left the owner’s check untouched', async () => {
    const res = await t.api(owner, 'GET', `/api/v1/checks/${checkId}`);
    expect(res.body.check).toMatchObject({ step: 'delivered', deleted: false, customer: { email: 'owner-customer@example.com' } });
    expect(res.body.check.timeline).toHaveLength(1);
  });
});
