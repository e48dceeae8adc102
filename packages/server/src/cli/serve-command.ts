// `realid serve`, `realid worker` and `realid migrate`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startService } from '../app/start-service.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { storeLocation } from '../app/create-services.ts';
import { openStore } from '../store/store.ts';
import { loadMasterKeys } from '../keys/master-key-source.ts';

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'no-worker': { type: 'boolean' }, 'data-dir': { type: 'string' } },
  });
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new ConfigError(`--port must be a number, got "${values.port}"`);
  const config = loadConfig({
    overrides: {
      ...(values.port !== undefined ? { port: Number(values.port) } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
    },
  });
  const running = await startService(config, { http: true, worker: !values['no-worker'] });
  const database = running.services.store.driver.dialect.name === 'sqlite' ? `SQLite in ${path.resolve(config.dataDir)}` : 'PostgreSQL';
  console.log(
    `\nrealid is running at ${config.publicUrl}  (${database}${values['no-worker'] ? ', no delivery worker' : ''})\n` +
      `  dashboard  ${config.publicUrl}/\n  API        ${config.publicUrl}/api/v1  (OpenAPI: /api/v1/openapi.json)\n` +
      `  first account: npx realid accounts create --name "Acme" --plan enterprise --json\n`,
  );
  await waitForSignal();
  await running.stop();
  return 0;
}

export async function workerCommand(args: string[]): Promise<number> {
  parseArgs({ args, options: {} });
  const running = await startService(loadConfig(), { http: false, worker: true });
  await waitForSignal();
  await running.stop();
  return 0;
}

export async function migrateCommand(args: string[]): Promise<number> {
  parseArgs({ args, options: {} });
  const config = loadConfig();
  const store = await openStore(storeLocation(config), loadMasterKeys(config));
  await store.close();
  console.log('Migrations applied.');
  return 0;
}
