// Crash safety and scale-out with real processes: kill -9 in the middle of thousands of deliveries, restart,
// and everything still arrives (duplicates only for attempts in flight); three workers on PostgreSQL share
// 20,000 deliveries in per-check order, and stopping one mid-run loses nothing.
import { loadMasterKeys } from '../../src/keys/master-key-source.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/accounts/create-account.ts';
import { systemClock } from '../../src/core/clock.ts';
import { newId } from '../../src/ids.ts';
import { EventRecipients } from '../../src/webhooks/management/event-recipients.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { DIALECTS, POSTGRES_URL, dropSchema, uniqueSchema, type Dialect } from '../support/databases.ts';
import { startRealid, type RealidProcess } from '../support/realid-process.ts';
import { seedDeliveries, STEPS } from '../support/seed-deliveries.ts';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from '../support/webhook-receiver.ts';

interface Setup {
  store: Store;
  env: Record<string, string>;
  dataDir: string;
  schema?: string;
  receiver: WebhookReceiver;
  expected: Map<string, string[]>;
}

async function setUp(dialect: Dialect, checks: number): Promise<Setup> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'realid-scale-'));
  const schema = dialect === 'postgres' ? uniqueSchema() : undefined;
  // The key file the service processes will also find in the data folder.
  const keys = loadMasterKeys({ encryptionKey: undefined, previousEncryptionKeys: [], keyFile: undefined, dataDir });
  const store = await openStore(schema ? { databaseUrl: POSTGRES_URL, dataDir, schema } : { dataDir }, keys, new EventRecipients());
  const receiver = await startWebhookReceiver();
  const { account } = await createAccount(store, systemClock, { name: 'Scale', plan: 'enterprise' });
  const now = Date.now();
  const endpointId = newId('ep');
  await store.endpoints.insert({ id: endpointId, accountId: account.id, mode: 'test', url: receiver.url, eventTypes: [...STEPS], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now });
  const expected = await seedDeliveries(store, account.id, endpointId, checks, now);
  const env: Record<string, string> = { REALID_DATA_DIR: dataDir, REALID_WEBHOOKS_TIMEOUT_MS: '1000', PORT: '0' };
  if (schema) Object.assign(env, { DATABASE_URL: POSTGRES_URL, REALID_DB_SCHEMA: schema });
  return { store, env, dataDir, ...(schema ? { schema } : {}), receiver, expected };
}

async function tearDown(s: Setup): Promise<void> {
  await s.store.close();
  await s.receiver.close();
  if (s.schema) await dropSchema(s.schema);
  await rm(s.dataDir, { recursive: true, force: true });
}

/** Every event arrived; per check, first arrivals are in creation order; returns how many were duplicates. */
function verify(s: Setup): number {
  const firstSeen = new Map<string, number>();
  s.receiver.deliveries.forEach((d, i) => {
    const id = String(d.headers['webhook-id']);
    if (!firstSeen.has(id)) firstSeen.set(id, i);
  });
  for (const [checkId, ids] of s.expected) {
    const positions = ids.map((id) => firstSeen.get(id));
    expect(positions.every((p) => p !== undefined), `all events of ${checkId}`).toBe(true);
    expect([...positions].sort((a, b) => a! - b!), `order of ${checkId}`).toEqual(positions);
  }
  return s.receiver.deliveries.length - firstSeen.size;
}

const total = (s: Setup) => [...s.expected.values()].reduce((n, ids) => n + ids.length, 0);
const uniqueReceived = (s: Setup) => new Set(s.receiver.deliveries.map((d) => String(d.headers['webhook-id']))).size;
const pendingCount = async (s: Setup) => Number((await s.store.driver.get<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'waiting')"))!.n);

describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  let s: Setup;
  const processes: RealidProcess[] = [];
  beforeAll(async () => {
    s = await setUp(dialect, 1000);
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill('SIGKILL');
  });
  afterAll(() => tearDown(s));

  it(`kill -9 of the ${dialect === 'sqlite' ? 'single serving process' : 'worker'} mid-run loses nothing`, async () => {
    const args = dialect === 'sqlite' ? ['serve'] : ['worker'];
    const first = startRealid(args, s.env);
    processes.push(first);
    await waitFor(() => uniqueReceived(s) >= total(s) / 3, `a third of the deliveries (${first.output()})`, 60_000);
    await first.kill('SIGKILL');
    const received = uniqueReceived(s);
    expect(received).toBeLessThan(total(s));
    processes.push(startRealid(args, s.env));
    await waitFor(async () => uniqueReceived(s) === total(s) && (await pendingCount(s)) === 0, 'every delivery after the restart', 90_000);
    const duplicates = verify(s);
    // Only attempts that were in flight when the process died may arrive twice.
    expect(duplicates).toBeLessThanOrEqual(256);
  }, 180_000);
});

describe.skipIf(!DIALECTS.includes('postgres'))('scale-out on postgres', () => {
  let s: Setup;
  const workers: RealidProcess[] = [];
  beforeAll(async () => {
    s = await setUp('postgres', 5000);
  });
  afterAll(async () => {
    for (const w of workers) await w.kill('SIGKILL');
    await tearDown(s);
  });

  it('three workers share 20,000 deliveries in per-check order; stopping one mid-run loses nothing', async () => {
    expect(total(s)).toBe(20_000);
    for (let i = 0; i < 3; i++) workers.push(startRealid(['worker'], s.env));
    await waitFor(() => uniqueReceived(s) >= total(s) / 4, 'a quarter of the deliveries', 90_000);
    await workers[0]!.kill('SIGTERM');
    expect(await workers[0]!.exited).toBe(0);
    await waitFor(async () => uniqueReceived(s) === total(s) && (await pendingCount(s)) === 0, 'all 20,000 deliveries', 180_000);
    expect(verify(s)).toBe(0);
    const byWorker = await s.store.driver.all<{ worker: string; n: number }>('SELECT worker, COUNT(*) AS n FROM attempts GROUP BY worker');
    expect(byWorker.length).toBe(3);
  }, 300_000);
});
