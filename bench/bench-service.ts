// The real service pieces, in this process, on a fresh SQLite file: what the benches measure.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createAccount } from '../packages/server/src/accounts/create-account.ts';
import { closeServices, createServices } from '../packages/server/src/app/create-services.ts';
import type { Services } from '../packages/server/src/core/services.ts';
import { DEFAULTS, type Config } from '../packages/server/src/config/config.ts';
import { EVENT_TYPES } from '../packages/server/src/events/event-types.ts';
import { newId } from '../packages/server/src/ids.ts';

export interface BenchService {
  s: Services;
  accountId: string;
  testKey: string;
  /** The account's test-mode signing secret: what its test deliveries are signed with. */
  testSecret: string;
  addEndpoint(url: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchService(tune: (c: Config) => void = () => undefined): Promise<BenchService> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'realid-bench-'));
  const config: Config = structuredClone({ ...DEFAULTS, dataDir, publicUrl: 'http://127.0.0.1', logLevel: 'silent' });
  // BENCH_DATABASE_URL=postgres://… runs the same bench on PostgreSQL, in a schema of its own.
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) Object.assign(config, { databaseUrl: pgUrl, databaseSchema: `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}` });
  // BENCH_SENDER_THREAD=true|false overrides the engine's default (on with SQLite, off with PostgreSQL).
  if (process.env.BENCH_SENDER_THREAD) config.webhooks.senderThread = process.env.BENCH_SENDER_THREAD === 'true';
  tune(config);
  const s = await createServices(config, { logger: pino({ level: 'silent' }) });
  const { account, testKey, signingSecrets } = await createAccount(s.store, { now: () => Date.now() }, { name: 'Bench', plan: 'enterprise' });
  return {
    s,
    accountId: account.id,
    testKey,
    testSecret: signingSecrets.test,
    async addEndpoint(url) {
      const now = Date.now();
      const id = newId('ep');
      await s.store.endpoints.insert({ id, accountId: account.id, mode: 'test', url, eventTypes: [...EVENT_TYPES], description: '', enabled: true, disabledReason: null, failingSince: null, createdAt: now, updatedAt: now });
      return id;
    },
    async close() {
      if (config.databaseSchema) await s.store.driver.run(`DROP SCHEMA IF EXISTS ${config.databaseSchema} CASCADE`);
      await closeServices(s);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
