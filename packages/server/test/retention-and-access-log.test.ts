// The two things privacy regulators ask for: personal data kept no longer than the account says (deleted
// automatically, with a timeline entry, and announced on the check beforehand), and an append-only log of who
// looked at a check's personal data, by API key or dashboard user, which holds no personal data itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, deleteExpiredPersonalData } from '../src/checks/retention.ts';
import { sha256Hex } from '../src/ids.ts';
import { DIALECTS } from './support/databases.ts';
import { startTestService, type TestService } from './support/test-service.ts';
import { signedInUser } from './web/web-client.ts';

describe.each(DIALECTS)('retention and the access log on %s', (dialect) => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(dialect);
  });
  afterAll(() => t.close());

  it('logs who created, listed, viewed, saw the photos of and decided a check, by key id, and exports it', async () => {
    const { testKey, liveKey } = await t.newAccount('enterprise', 'Audited');
    const keyId = (await t.services.store.accounts.findActiveKey(sha256Hex(testKey)))!.id;
    const id: string = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'audited@example.com', first_name: 'Audrey' } })).body.check.id;
    await t.api(testKey, 'GET', '/api/v1/checks');
    await t.api(testKey, 'GET', `/api/v1/checks/${id}`);
    await t.api(testKey, 'GET', `/api/v1/checks/${id}?withPhotos=true`);
    await t.api(testKey, 'POST', `/api/v1/checks/${id}/approve`);

    const log = (await t.api(testKey, 'GET', `/api/v1/checks/${id}/access-log`)).body.entries;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['created', 'listed', 'viewed', 'viewed_photos', 'approved']);
    for (const entry of log) expect(entry.actor).toEqual({ type: 'api_key', id: keyId });
    expect(JSON.stringify(log)).not.toMatch(/audited@|Audrey/);

    const exported = await t.api(testKey, 'GET', '/api/v1/access-log?limit=3');
    expect(exported.body.entries).toHaveLength(3);
    const rest = await t.api(testKey, 'GET', `/api/v1/access-log?cursor=${exported.body.next_cursor}`);
    expect([...exported.body.entries, ...rest.body.entries].map((e: { action: string }) => e.action)).toEqual(log.map((e: { action: string }) => e.action));
    const csv = await fetch(`${t.url}/api/v1/access-log?format=csv`, { headers: { authorization: `Bearer ${testKey}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('time,check_id,actor_type,actor_id,action');
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(log.map((e: { action: string }) => e.action));

    // The other mode's key sees neither the check's log nor its entries in the export.
    expect((await t.api(liveKey, 'GET', `/api/v1/checks/${id}/access-log`)).status).toBe(404);
    expect((await t.api(liveKey, 'GET', '/api/v1/access-log')).body.entries).toEqual([]);
  });

  it('logs a dashboard user by their user id', async () => {
    const { client } = await signedInUser(t, 'auditor@example.com');
    const created = await client.request('POST', '/api/v1/checks', { customer: { email: 'viewed@example.com' } });
    await client.request('GET', `/api/v1/checks/${created.body.check.id}`);
    const session = await client.request('GET', '/auth/session');
    const log = (await client.request('GET', `/api/v1/checks/${created.body.check.id}/access-log`)).body.entries;
    expect(log.map((e: { action: string; actor: { type: string; id: string } }) => [e.action, e.actor.type, e.actor.id])).toEqual([
      ['created', 'user', session.body.user.id],
      ['viewed', 'user', session.body.user.id],
    ]);
  });

  it('deletes finished checks’ personal data after the retention period, says when beforehand, and leaves a timeline entry', async () => {
    const { account, testKey } = await t.newAccount('enterprise', 'Retaining');
    const finished: string = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'old@example.com', first_name: 'Olga' } })).body.check.id;
    await t.api(testKey, 'POST', `/api/v1/checks/${finished}/simulate`);
    const open: string = (await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'open@example.com' } })).body.check.id;

    const before = (await t.api(testKey, 'GET', `/api/v1/checks/${finished}`)).body.check;
    expect(Date.parse(before.personal_data_expires_at) - Date.parse(before.finished_at)).toBe(90 * DAY_MS);
    expect((await t.api(testKey, 'GET', `/api/v1/checks/${open}`)).body.check.personal_data_expires_at).toBeNull();

    t.clock.advance(90 * DAY_MS - 60_000);
    await deleteExpiredPersonalData(t.services);
    expect((await t.api(testKey, 'GET', `/api/v1/checks/${finished}`)).body.check.deleted).toBe(false);

    t.clock.advance(60_000);
    expect(await deleteExpiredPersonalData(t.services)).toBeGreaterThanOrEqual(1);
    const after = (await t.api(testKey, 'GET', `/api/v1/checks/${finished}`)).body.check;
    expect(after).toMatchObject({ deleted: true, customer: { email: '', first_name: '' }, personal_data_expires_at: null });
    expect(after.timeline.at(-1)).toMatchObject({ event: 'personal_data.deleted', by: 'retention' });
    const log = (await t.api(testKey, 'GET', `/api/v1/checks/${finished}/access-log`)).body.entries;
    expect(log.at(-1)).toMatchObject({ action: 'retention_deleted', actor: { type: 'service', id: 'retention' } });
    // A check still in progress keeps its data, whatever its age.
    expect((await t.api(testKey, 'GET', `/api/v1/checks/${open}`)).body.check.customer.email).toBe('open@example.com');
    expect((await t.services.store.accounts.get(account.id))!.retentionDays).toBe(90);
  });

  it('lets a signed-in user, not an API key, change the retention period', async () => {
    const { account, client } = await signedInUser(t, 'privacy-officer@example.com');
    const keyHolder = await t.api(account.testKey, 'PATCH', '/api/v1/account', { retention_days: 1 });
    expect(keyHolder.status).toBe(403);
    expect((await client.request('PATCH', '/api/v1/account', { retention_days: 0 })).status).toBe(422);
    const changed = await client.request('PATCH', '/api/v1/account', { retention_days: 30 });
    expect(changed.status).toBe(200);
    expect(changed.body.account.retention_days).toBe(30);
    expect((await t.api(account.testKey, 'GET', '/api/v1/account')).body.account.retention_days).toBe(30);
  });
});
