// One conformance suite for the storage port, run against every adapter.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/accounts/create-account.ts';
import { ManualClock } from '../src/core/clock.ts';
import { EVENT_TYPES, buildEvent } from '../src/events/event-types.ts';
import { newId } from '../src/ids.ts';
import { migrate } from '../src/store/migrations.ts';
import { EventRecipients } from '../src/webhooks/management/event-recipients.ts';
import { openDriver, openStore, type Store, type StoreLocation } from '../src/store/store.ts';
import { testMasterKeys } from './support/master-keys.ts';
import { POSTGRES_URL, DIALECTS, dropSchema, uniqueSchema } from './support/databases.ts';

describe.each(DIALECTS)('storage port on %s', (dialect) => {
  let location: StoreLocation;
  let store: Store;
  const clock = new ManualClock();
  const keys = testMasterKeys();

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'realid-store-'));
    location = dialect === 'postgres' ? { databaseUrl: POSTGRES_URL, dataDir, schema: uniqueSchema() } : { dataDir };
    store = await openStore(location, keys, new EventRecipients());
  });
  afterAll(async () => {
    await store.close();
    if (location.schema) await dropSchema(location.schema);
    await rm(location.dataDir, { recursive: true, force: true });
  });

  it('migrates safely when several processes start at once, and again later', async () => {
    const fresh: StoreLocation = { ...location, dataDir: await mkdtemp(path.join(tmpdir(), 'realid-store-')), ...(location.schema ? { schema: uniqueSchema() } : {}) };
    const drivers = [openDriver(fresh), openDriver(fresh), openDriver(fresh), openDriver(fresh)];
    const context = { now: clock.now(), masterKeys: keys };
    await Promise.all(drivers.map((d) => migrate(d, context)));
    await migrate(drivers[0]!, context);
    const rows = await drivers[0]!.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => Number(r.version))).toEqual([...new Set(rows.map((r) => Number(r.version)))]);
    expect(rows.length).toBeGreaterThan(0);
    await Promise.all(drivers.map((d) => d.close()));
    if (fresh.schema) await dropSchema(fresh.schema);
    await rm(fresh.dataDir, { recursive: true, force: true });
  });

  it('rolls back the state change and its events together', async () => {
    const { account } = await createAccount(store, clock, { name: 'Tx', plan: 'enterprise' });
    const before = await store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM events');
    await expect(
      store.driver.transaction(async (tx) => {
        await store.events.append(tx, { id: 'ROLLBK-0001', accountId: account.id, testing: true }, [
          buildEvent('check.opened', { id: 'ROLLBK-0001', testing: true }, clock.now()),
        ]);
        throw new Error('crash between the event and the commit');
      }),
    ).rejects.toThrow('crash');
    const after = await store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM events');
    expect(Number(after!.n)).toBe(Number(before!.n));
  });

  // Statements are prepared once per connection; a column added by another process (a rolling upgrade's
  // migration) must not break the ones that read `*`.
  it('keeps answering after another process changes a table under its prepared statements', async () => {
    const other = openDriver(location);
    await store.driver.run('CREATE TABLE prepared_probe (a INTEGER)');
    await store.driver.run('INSERT INTO prepared_probe (a) VALUES (?)', [1]);
    const readAll = () => Promise.all(Array.from({ length: 12 }, () => store.driver.all('SELECT * FROM prepared_probe')));
    expect((await readAll()).flat()[0]).toEqual({ a: 1 });
    await other.run('ALTER TABLE prepared_probe ADD COLUMN b INTEGER');
    await other.run('UPDATE prepared_probe SET b = ?', [2]);
    expect(new Set((await readAll()).flat().map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ a: 1, b: 2 })]));
    await store.driver.run('DROP TABLE prepared_probe');
    await other.close();
  });

  // Behind a pooler that gives each transaction another server connection, a statement prepared on one
  // connection is unknown on the next: there the operator turns them off.
  it.runIf(dialect === 'postgres')('prepares statements on the connection, unless told not to', async () => {
    const preparedOn = async (preparedStatements: boolean) => {
      const driver = openDriver({ ...location, preparedStatements });
      try {
        await driver.all('SELECT id FROM accounts WHERE plan = ?', ['enterprise']);
        // Whatever the pool does, each of these runs on some connection: count what that one has prepared.
        const rows = await driver.transaction(async (tx) => {
          await tx.all('SELECT id FROM accounts WHERE plan = ?', ['enterprise']);
          return tx.all<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'realid%'");
        });
        return rows.length;
      } finally {
        await driver.close();
      }
    };
    expect(await preparedOn(true)).toBeGreaterThan(0);
    expect(await preparedOn(false)).toBe(0);
  });

  // SQLite runs one transaction at a time, so this mistake would otherwise hang; the guard is on under tests only.
  it.runIf(dialect === 'sqlite')('fails loudly when code inside a transaction bypasses its executor', async () => {
    await expect(store.driver.transaction(() => store.driver.get('SELECT 1'))).rejects.toThrow('use the transaction executor');
    expect(await store.driver.get('SELECT 1 AS one')).toEqual({ one: 1 });
  });

  it('stores event payloads byte for byte, including non-ASCII text', async () => {
    const { account } = await createAccount(store, clock, { name: 'Bytes', plan: 'enterprise' });
    const event = buildEvent('check.completed', { id: 'BYTES0-ü✓', testing: false }, clock.now());
    const [stored] = await store.driver.transaction((tx) => store.events.append(tx, { id: 'BYTES0-ü✓', accountId: account.id, testing: false }, [event]));
    expect((await store.events.get(account.id, stored!.id))!.payload).toBe(event.payload);
    expect(await store.events.get('acct_other', stored!.id)).toBeUndefined();
  });

  it('keeps API keys hashed and finds them only while active', async () => {
    const created = await createAccount(store, clock, { name: 'Keys', plan: 'free' });
    const raw = await store.driver.all<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE account_id = ?', [created.account.id]);
    expect(raw.map((r) => r.key_hash)).not.toContain(created.testKey);
    const keys = await store.accounts.listKeys(created.account.id);
    expect(keys.map((k) => k.mode).sort()).toEqual(['live', 'test']);
    const live = keys.find((k) => k.mode === 'live')!;
    expect(await store.accounts.revokeKey(created.account.id, live.id, clock.now())).toBe(true);
    expect(await store.accounts.revokeKey('acct_other', keys[0]!.id, clock.now())).toBe(false);
  });

  it('leases a claimed delivery until it expires or is given back', async () => {
    const { account } = await createAccount(store, clock, { name: 'Leases', plan: 'enterprise' });
    const now = clock.now();
    const endpointId = newId('ep');
    await store.endpoints.insert({ id: endpointId, accountId: account.id, mode: 'test', url: 'https://example.com/hooks', eventTypes: [...EVENT_TYPES], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now });
    await store.driver.transaction(async (tx) => {
      for (const id of ['LEASE0-0001', 'LEASE0-0002']) {
        await store.events.append(tx, { id, accountId: account.id, testing: true }, [buildEvent('check.completed', { id, testing: true }, now)]);
      }
    });
    const claim = (workerId: string, at: number) => store.deliveries.claim({ workerId, now: at, leaseMs: 30_000, limit: 10 });
    const first = await claim('a', now);
    expect(first.map((d) => d.checkId).sort()).toEqual(['LEASE0-0001', 'LEASE0-0002']);
    expect(await claim('b', now + 1_000)).toEqual([]);
    // Given back: due again at once, for anyone.
    await store.deliveries.release('a', [first[0]!.id], now + 2_000);
    expect((await claim('b', now + 2_000)).map((d) => d.id)).toEqual([first[0]!.id]);
    // An expired lease is simply due again: that is the reaper.
    expect((await claim('c', now + 31_000)).map((d) => d.id)).toEqual([first[1]!.id]);
    // At the start of the one process that owns an SQLite queue, every lease is from a run that ended.
    expect(await store.deliveries.releaseAll(now + 32_000)).toBe(2);
    expect(await claim('d', now + 32_000)).toHaveLength(2);
  });

  it('brings with a claim, where one statement can, exactly what the worker would read: payload, endpoint, secrets in signing order', async () => {
    const { account } = await createAccount(store, clock, { name: 'Inputs', plan: 'enterprise' });
    const now = clock.now();
    // Two live secrets, the older one ending in an hour, and one already ended; the test-mode secret must not sign.
    await store.accounts.rotateSecret(account.id, 'live', { id: newId('whsec'), secret: 'whsec_next', createdAt: now, expiresAt: null }, now, now + 3_600_000);
    await store.driver.transaction((tx) => store.accounts.insertSecret(tx, account.id, 'live', { id: newId('whsec'), secret: 'whsec_ended', createdAt: now - 9, expiresAt: now - 1 }));
    const endpointId = newId('ep');
    await store.endpoints.insert({ id: endpointId, accountId: account.id, mode: 'live', url: 'https://example.com/ü?q=1', eventTypes: ['check.completed'], description: 'ü✓', enabled: true, disabledReason: null, failingSince: now - 5, createdAt: now, updatedAt: now });
    const events = await store.driver.transaction((tx) =>
      store.events.append(tx, { id: 'INPUTS-0001', accountId: account.id, testing: false }, [buildEvent('check.completed', { id: 'INPUTS-0001', testing: false }, now)]),
    );
    const [claimed] = await store.deliveries.claim({ workerId: 'w', now: now + 2, leaseMs: 30_000, limit: 10 });
    const separately = {
      endpoint: await store.endpoints.getById(endpointId),
      payload: (await store.deliveries.payloads([events[0]!.id])).get(events[0]!.id),
      secrets: (await store.accounts.activeSecretsOfEndpoint(endpointId, now + 2)).map((x) => x.secret),
    };
    expect(separately.secrets).toHaveLength(2);
    expect(separately.secrets[1]).toBe('whsec_next');
    if (store.driver.dialect.writesInWith) expect(claimed!.inputs).toEqual(separately);
    else expect(claimed!.inputs).toBeUndefined();
  });

  it('announces queued deliveries on commit with the endpoints that got them, in this process before the commit returns, once per payload, and never a rollback', async () => {
    const { account } = await createAccount(store, clock, { name: 'Notify', plan: 'enterprise' });
    const endpointId = newId('ep');
    await store.endpoints.insert({ id: endpointId, accountId: account.id, mode: 'test', url: 'https://example.com/hooks', eventTypes: [...EVENT_TYPES], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: clock.now(), updatedAt: clock.now() });
    const heard: string[] = [];
    const unlisten = await store.driver.listen('deliveries', (payload) => heard.push(payload));
    await expect(
      store.driver.transaction(async (tx) => {
        await store.events.append(tx, { id: 'NOTIFY-0000', accountId: account.id, testing: true }, [buildEvent('check.opened', { id: 'NOTIFY-0000', testing: true }, clock.now())]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await store.driver.transaction(async (tx) => {
      for (const id of ['NOTIFY-0001', 'NOTIFY-0002']) {
        await store.events.append(tx, { id, accountId: account.id, testing: true }, [buildEvent('check.opened', { id, testing: true }, clock.now())]);
      }
      expect(heard).toEqual([]);
    });
    // A listener in the committing process has heard it by the time the commit returns, and does not hear it
    // again when the server's NOTIFY (for other processes) comes back.
    expect(heard).toEqual([endpointId]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([endpointId]);
    await unlisten();
  });

  it('applies endpoint and plan changes to the very next event in this process', async () => {
    const { account } = await createAccount(store, clock, { name: 'Subscribers', plan: 'enterprise' });
    const now = clock.now();
    const endpoint = { id: newId('ep'), accountId: account.id, mode: 'test' as const, url: 'https://example.com/hooks', eventTypes: [...EVENT_TYPES], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now };
    let n = 0;
    const queued = async () => {
      const id = `SUBS${String(++n).padStart(2, '0')}-0001`;
      const [event] = await store.driver.transaction((tx) => store.events.append(tx, { id, accountId: account.id, testing: true }, [buildEvent('check.opened', { id, testing: true }, now)]));
      return Number((await store.driver.get<{ n: number }>('SELECT COUNT(*) AS n FROM deliveries WHERE event_id = ?', [event!.id]))!.n);
    };
    expect(await queued()).toBe(0);
    await store.endpoints.insert(endpoint);
    expect(await queued()).toBe(1);
    await store.endpoints.update({ ...endpoint, eventTypes: ['check.completed'] });
    expect(await queued()).toBe(0);
    await store.endpoints.update(endpoint);
    expect(await queued()).toBe(1);
    await store.accounts.update(account.id, { plan: 'pro' });
    expect(await queued()).toBe(0);
    await store.accounts.update(account.id, { plan: 'enterprise' });
    expect(await queued()).toBe(1);
    await store.driver.transaction((tx) => store.endpoints.disable(tx, endpoint.id, 'gone', now));
    store.events.recipientsChanged();
    expect(await queued()).toBe(0);
  });

  it('counts rate-limit hits in windows that start with their first hit, and forgets ended ones', async () => {
    const now = clock.now();
    const bucket = `conformance-${dialect}`;
    expect(await store.rateLimits.hit(bucket, 60_000, now)).toEqual({ hits: 1, resetAt: now + 60_000 });
    expect(await store.rateLimits.hit(bucket, 60_000, now + 59_999)).toEqual({ hits: 2, resetAt: now + 60_000 });
    expect((await store.rateLimits.peek([bucket, 'other'], now + 1)).get(bucket)).toEqual({ hits: 2, resetAt: now + 60_000 });
    expect((await store.rateLimits.peek([bucket], now + 60_000)).size).toBe(0);
    expect(await store.rateLimits.hit(bucket, 60_000, now + 60_000)).toEqual({ hits: 1, resetAt: now + 120_000 });
    await store.rateLimits.clear(bucket);
    expect((await store.rateLimits.peek([bucket], now)).size).toBe(0);
    await store.rateLimits.hit(bucket, 1_000, now);
    await store.rateLimits.prune(now + 1_000);
    expect(await store.driver.get('SELECT bucket FROM rate_limits WHERE bucket = ?', [bucket])).toBeUndefined();
  });

  it('claims an idempotency key once until it expires, and keeps the answer sealed with the check’s key', async () => {
    const { account } = await createAccount(store, clock, { name: 'Idem', plan: 'enterprise' });
    const scope = { accountId: account.id, mode: 'test' as const, keyHash: `hash-${dialect}` };
    const now = clock.now();
    const dataKey = Buffer.alloc(32, 7);
    const claim = (checkId: string, at: number) =>
      store.driver.transaction((tx) => store.idempotency.claim(tx, scope, { requestHash: 'r1', checkId, dataKey, answer: { check: { id: checkId } }, now: at, expiresAt: at + 1_000 }));
    expect(await claim('IDEMPO-0001', now)).toBe(true);
    expect(await claim('IDEMPO-0002', now + 999)).toBe(false);
    const sealed = await store.driver.get<{ answer: string }>('SELECT answer FROM idempotency_keys WHERE key_hash = ?', [scope.keyHash]);
    expect(sealed!.answer).not.toContain('IDEMPO-0001');
    // No check_keys row for this made-up check: the answer cannot be opened, as after a deletion.
    expect(await store.idempotency.find(scope, now + 999)).toEqual({ requestHash: 'r1', checkId: 'IDEMPO-0001', answer: undefined });
    expect(await store.idempotency.find({ ...scope, mode: 'live' }, now)).toBeUndefined();
    expect(await store.idempotency.find(scope, now + 1_000)).toBeUndefined();
    expect(await claim('IDEMPO-0003', now + 1_000)).toBe(true);
    expect((await store.idempotency.find(scope, now + 1_001))!.checkId).toBe('IDEMPO-0003');
  });
});

describe('identifiers', () => {
  it('sort by creation time, so B-tree inserts append instead of scattering, and never repeat', () => {
    const ids = Array.from({ length: 5_000 }, () => newId('dlv'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^dlv_[0-9A-Za-z]{20}$/);
  });
});
