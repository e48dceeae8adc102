// The merchant's checks API over real HTTP, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';

describe.each(DIALECTS)('checks API on %s', (dialect) => {
  let t: TestService;
  let key: string;
  let liveKey: string;

  beforeAll(async () => {
    t = await startTestService(dialect);
    ({ testKey: key, liveKey } = await t.newAccount());
  });
  afterAll(() => t.close());

  it('creates a check from Real ID’s body, records check.delivered, and returns the link once', async () => {
    const res = await t.api(key, 'POST', '/api/v1/checks', {
      customer: { email: 'jane@example.com', first_name: 'Jane', last_name: 'Doe', wc_id: 42 },
      order: { name: '#1001', wc_id: 1001 },
    });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe('Delivered ID check');
    expect(res.body.check).toMatchObject({ step: 'delivered', verdict: 'pending', rules: { testing: true }, customer: { email: 'jane@example.com', id: 42 } });
    expect(res.body.check.id).toMatch(/^[A-Z0-9]{6}-[A-Za-z0-9]{4}$/);
    expect(res.body.check.link).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/);

    const detail = await t.api(key, 'GET', `/api/v1/checks/${res.body.check.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.check.timeline.map((e: { event: string }) => e.event)).toEqual(['check.delivered']);
    expect(detail.body.check.link).toBeUndefined();
    expect(detail.body.check.sub_checks.map((s: { name: string }) => s.name)).toContain('face_match');
  });

  it('drives a new test check to an event in one request, checking the whole request before creating anything', async () => {
    const { testKey, liveKey: live } = await t.newAccount('pro', 'Trigger Shop');
    const trigger = (body: unknown, k = testKey) => t.api(k, 'POST', '/api/v1/checks/trigger', body);
    const refusals: [unknown, number, string, RegExp][] = [
      [{ event: 'check.failed', reason: 'x'.repeat(500) }, 422, 'validation_failed', /reason/],
      [{ event: 'check.failed', reason: 'photo_blurry' }, 422, 'validation_failed', /final reason "photo_blurry": use one of .*document_expired/],
      [{ event: 'check.completed', reason: 'underage' }, 422, 'validation_failed', /check\.failed only/],
      [{ event: 'check.created' }, 422, 'validation_failed', /event/],
      [{}, 422, 'validation_failed', /event/],
    ];
    for (const [body, status, code, message] of refusals) {
      const res = await trigger(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect((await trigger({ event: 'check.completed' }, live)).body.error.code).toBe('test_mode_only');
    expect((await t.api(testKey, 'GET', '/api/v1/checks')).body.checks).toEqual([]);
    expect((await t.api(live, 'GET', '/api/v1/checks')).body.checks).toEqual([]);

    const failed = await trigger({ event: 'check.failed', reason: 'underage' });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ event: 'check.failed', check: { step: 'failed', verdict: 'failed', rules: { testing: true } } });
    expect(failed.body.check.link).toMatch(/\/c\/[A-Za-z0-9_-]{43}$/);
    const detail = (await t.api(testKey, 'GET', `/api/v1/checks/${failed.body.check.id}`)).body.check;
    expect(detail.timeline.map((e: { event: string }) => e.event)).toEqual(['check.delivered', 'check.opened', 'check.submitted-photo', 'check.failed']);
    expect(detail.sub_checks.find((sc: { name: string }) => sc.name === 'minimum_age').reasons[0].code).toBe('underage');

    const asked = await trigger({ event: 'customer.data_deletion_request' });
    expect(asked.body.check.step).toBe('delivered');
    const timeline = (await t.api(testKey, 'GET', `/api/v1/checks/${asked.body.check.id}`)).body.check.timeline;
    expect(timeline.map((e: { event: string }) => e.event)).toEqual(['check.delivered', 'customer.data_deletion_request']);
    expect((await trigger({ event: 'check.failed' })).body.check.step).toBe('failed');
  });

  it('sets testing from the key’s mode', async () => {
    const res = await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { phone: '+1 555 010 0000' } });
    expect(res.status).toBe(201);
    expect(res.body.check.rules.testing).toBe(false);
    expect((await t.api(liveKey, 'GET', `/api/v1/checks/${res.body.check.id}`)).body.check.analyzer).toBe(t.services.config.analyzers.live);
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const before = (await t.api(key, 'GET', '/api/v1/checks?limit=100')).body.checks.length;
    const missing = await t.api(key, 'POST', '/api/v1/checks', { customer: { first_name: 'No contact' } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['customer.email', 'customer.phone']);

    const wrongType = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'a@b.co' }, rules: { minimum_age: '21' } });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.fields[0].field).toBe('rules.minimum_age');

    const badEmail = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'not-an-email' } });
    expect(badEmail.status).toBe(422);

    const malformed = await t.api(key, 'POST', '/api/v1/checks', '{"customer": {');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');

    const huge = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'a@b.co' }, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');

    const noBody = await t.api(key, 'POST', '/api/v1/checks');
    expect(noBody.status).toBeGreaterThanOrEqual(400);
    expect(noBody.status).toBeLessThan(500);

    expect((await t.api(key, 'GET', '/api/v1/checks?limit=100')).body.checks.length).toBe(before);
  });

  it('accepts bodiless requests sent with a JSON content type, and still refuses a broken body', async () => {
    const { testKey } = await t.newAccount('enterprise', 'Bodiless');
    const bodiless = (method: string, p: string, body?: string) =>
      fetch(`${t.url}${p}`, { method, headers: { authorization: `Bearer ${testKey}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body } : {}) });
    const create = async () => (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'b@example.com' } })).body.check.id as string;

    const simulated = await bodiless('POST', `/api/v1/checks/${await create()}/simulate`);
    expect(simulated.status).toBe(200);
    expect(((await simulated.json()) as any).check.step).toBe('completed');

    const approved = await bodiless('POST', `/api/v1/checks/${await create()}/approve`);
    expect(approved.status).toBe(200);

    const rotated = await bodiless('POST', '/api/v1/webhooks/secret/rotate');
    expect(rotated.status).toBe(200);

    const id = await create();
    const deleted = await bodiless('DELETE', `/api/v1/checks/${id}`);
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as any).check.id).toBe(id);
    expect((await t.api(testKey, 'GET', `/api/v1/checks/${id}`)).body.check.deleted).toBe(true);

    const broken = await bodiless('POST', `/api/v1/checks/${await create()}/approve`, '{"reason":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).error.code).toBe('invalid_json');
  });

  it('requires a valid API key', async () => {
    expect((await t.api(undefined, 'GET', '/api/v1/checks')).body.error.code).toBe('unauthorized');
    expect((await t.api('sk_test_' + 'x'.repeat(43), 'GET', '/api/v1/checks')).status).toBe(401);
    expect((await t.api('garbage', 'GET', '/api/v1/checks')).status).toBe(401);
  });

  it('lists with filters, search and cursor pagination', async () => {
    const { testKey } = await t.newAccount('enterprise', 'Lister');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      const res = await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: `c${i}@example.com`, last_name: i === 3 ? 'Zebra%_' : 'Smith' }, order: { name: `#${i}` } });
      ids.push(res.body.check.id);
    }
    await t.api(testKey, 'POST', `/api/v1/checks/${ids[0]}/simulate`, { action: 'pass' });

    const first = await t.api(testKey, 'GET', '/api/v1/checks?limit=2');
    expect(first.body.checks.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3]]);
    const second = await t.api(testKey, 'GET', `/api/v1/checks?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.checks.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const third = await t.api(testKey, 'GET', `/api/v1/checks?limit=2&cursor=${second.body.next_cursor}`);
    expect(third.body.checks.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(third.body.next_cursor).toBeNull();

    expect((await t.api(testKey, 'GET', '/api/v1/checks?step=completed')).body.checks.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?verdict=passed')).body.checks).toHaveLength(1);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=zebra%25_')).body.checks.map((c: { id: string }) => c.id)).toEqual([ids[3]]);
    // Search matches whole words through blind tokens: an email, its local part, a name, an order name.
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=%25')).body.checks).toHaveLength(0);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=C1%40Example.com')).body.checks.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=c4')).body.checks.map((c: { id: string }) => c.id)).toEqual([ids[4]]);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=SMITH')).body.checks).toHaveLength(4);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=smi')).body.checks).toHaveLength(0);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?q=%232')).body.checks.map((c: { id: string }) => c.id)).toEqual([ids[2]]);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?testing=false')).body.checks).toHaveLength(0);
    const after = new Date(t.clock.now() - 2500).toISOString();
    expect((await t.api(testKey, 'GET', `/api/v1/checks?created_after=${after}`)).body.checks).toHaveLength(3);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?step=nonsense')).status).toBe(422);
    expect((await t.api(testKey, 'GET', '/api/v1/checks?cursor=bogus')).body.error.code).toBe('bad_request');
  });

  it('approves and rejects with the override events, and refuses impossible transitions with 409', async () => {
    const created = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'r@example.com' } });
    const id = created.body.check.id;
    const noReason = await t.api(key, 'POST', `/api/v1/checks/${id}/reject`, {});
    expect(noReason.status).toBe(422);
    const rejected = await t.api(key, 'POST', `/api/v1/checks/${id}/reject`, { reason: 'Looks edited' });
    expect(rejected.body.check).toMatchObject({ step: 'failed', verdict: 'failed', decision: { by: 'merchant', reason: 'Looks edited' } });
    const again = await t.api(key, 'POST', `/api/v1/checks/${id}/reject`, { reason: 'twice' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    const approved = await t.api(key, 'POST', `/api/v1/checks/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.check).toMatchObject({ step: 'completed', verdict: 'passed' });
    expect(approved.body.check.timeline.map((e: { event: string }) => e.event)).toEqual(['check.delivered', 'check.failed', 'check.completed']);
  });

  it('deletes personal data and photos, keeping a consistent tombstone', async () => {
    const created = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'del@example.com', first_name: 'Del' }, order: { name: '#9' } });
    const id = created.body.check.id;
    await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'submit_photo' });
    const deleted = await t.api(key, 'DELETE', `/api/v1/checks/${id}`);
    expect(deleted.status).toBe(200);
    const after = await t.api(key, 'GET', `/api/v1/checks/${id}?withPhotos=true`);
    expect(after.body.check).toMatchObject({
      id,
      deleted: true,
      customer: { id: null, first_name: '', last_name: '', email: '', phone: '' },
      order: { id: null, name: '' },
      result: { document: {}, scores: {} },
      photos_received: [],
    });
    expect(after.body.check.photos).toBeUndefined();
    expect(after.body.check.step).toBe('submitted-photo');
    expect((await t.api(key, 'GET', '/api/v1/checks?q=del@example.com')).body.checks).toHaveLength(0);
    expect((await t.api(key, 'POST', `/api/v1/checks/${id}/approve`)).body.error.code).toBe('check_deleted');
    expect((await t.api(key, 'DELETE', `/api/v1/checks/${id}`)).status).toBe(200);
    expect((await fetch(created.body.check.link.replace('/c/', '/api/v1/customer/'))).status).toBe(404);
  });

  it('answers unknown checks and routes with 404', async () => {
    expect((await t.api(key, 'GET', '/api/v1/checks/NOPE00-0000')).body.error.code).toBe('not_found');
    expect((await t.api(key, 'GET', '/api/v1/nothing-here')).status).toBe(404);
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await t.api(undefined, 'GET', '/healthz')).body).toEqual({ status: 'ok', database: dialect });
    expect(await t.api(undefined, 'GET', '/readyz')).toEqual({ status: 200, body: { status: 'ok', database: dialect } });
    expect(await t.api(undefined, 'GET', '/livez')).toEqual({ status: 200, body: { status: 'ok' } });
    const openapi = await t.api(undefined, 'GET', '/api/v1/openapi.json');
    expect(Object.keys(openapi.body.paths)).toContain('/api/v1/checks/{id}');
  });
});
