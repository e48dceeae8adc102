// Runs the real service in-process on a real loopback port, on a fresh SQLite file or PostgreSQL schema.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { createAccount, type CreatedAccount } from '../../src/accounts/create-account.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { closeServices, createServices } from '../../src/app/create-services.ts';
import { extensionsFor } from '../../src/app/extensions.ts';
import { DeliveryWorker } from '../../src/webhooks/engine/delivery-worker.ts';
import { closeOutboundDispatchers } from '../../src/webhooks/engine/outbound/index.ts';
import type { Services } from '../../src/core/services.ts';
import { DEFAULTS, type Config } from '../../src/config/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import type { Plan } from '../../src/store/accounts-repo.ts';
import { POSTGRES_URL, dropSchema, uniqueSchema, type Dialect } from './databases.ts';

export interface TestService {
  services: Services;
  app: FastifyInstance;
  url: string;
  clock: ManualClock;
  dataDir: string;
  worker: DeliveryWorker | undefined;
  /** Moves the clock and lets the worker look at the queue again. */
  advance(ms: number): void;
  newAccount(plan?: Plan, name?: string): Promise<CreatedAccount>;
  api(key: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  config?: (c: Config) => void;
  /** Run a delivery worker in the test process (jitter fixed at zero, so retries fall on the schedule). */
  worker?: boolean;
}

export async function startTestService(dialect: Dialect, options: TestServiceOptions = {}): Promise<TestService> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'realid-test-'));
  const schema = dialect === 'postgres' ? uniqueSchema() : undefined;
  const config: Config = structuredClone({ ...DEFAULTS, dataDir, publicUrl: 'http://127.0.0.1', logLevel: 'silent' });
  // Live checks wait for the merchant here unless a test asks for the offline analyzer: its models take seconds
  // of CPU to load, which the tests of everything else need not pay (test/offline/ and a browser test use it).
  config.analyzers.live = 'manual';
  if (dialect === 'postgres') {
    config.databaseUrl = POSTGRES_URL;
    config.databaseSchema = schema;
  }
  options.config?.(config);
  const clock = new ManualClock(Date.now());
  const services = await createServices(config, { clock, logger: pino({ level: 'silent' }) });
  const app = await createApp(services, await extensionsFor(services));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  config.publicUrl = address;
  const worker = options.worker ? new DeliveryWorker(services, { random: () => 0.5, idleMs: 50 }) : undefined;
  await worker?.start();

  async function api(key: string | undefined, method: string, p: string, body?: unknown) {
    const response = await fetch(`${address}${p}`, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  return {
    services,
    app,
    url: address,
    clock,
    dataDir,
    worker,
    advance(ms: number) {
      clock.advance(ms);
      worker?.wake();
    },
    newAccount: (plan: Plan = 'enterprise', name = 'Acme') => createAccount(services.store, clock, { name, plan }),
    api,
    async close() {
      await app.close();
      await worker?.stop();
      await closeOutboundDispatchers();
      await closeServices(services);
      if (schema) await dropSchema(schema);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
