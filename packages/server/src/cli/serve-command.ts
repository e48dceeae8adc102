// `realid serve`, `realid worker` and `realid migrate`.
import path from 'node:path';
import { checkBeforeStart } from '../app/check-before-start.ts';
import { openConfiguredStore } from '../app/create-services.ts';
import { startService } from '../app/start-service.ts';
import { stopOnSignal } from '../app/stop-on-signal.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { loadMasterKeys } from '../keys/master-key-source.ts';
import type { ParsedValues } from './parse-command-line.ts';

function banner(url: string, database: string, noWorker: boolean): string {
  return (
    `\nrealid is running at ${url}  (${database}${noWorker ? ', no delivery worker' : ''})\n` +
    `  dashboard  ${url}/\n  API        ${url}/api/v1  (OpenAPI: /api/v1/openapi.json)\n` +
    `  first account: npx realid accounts create --name "Acme" --plan enterprise --json\n\n`
  );
}

export async function serveCommand(values: ParsedValues): Promise<number> {
  const port = values.port as string | undefined;
  if (port !== undefined && !/^\d+$/.test(port)) throw new ConfigError(`--port must be a number, got "${port}"`);
  const config = loadConfig({
    overrides: {
      ...(port !== undefined ? { port: Number(port) } : {}),
      ...(values.host !== undefined ? { host: values.host as string } : {}),
      ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] as string } : {}),
    },
  });
  const running = await startService(config, { http: true, worker: !values['no-worker'] });
  // stdout carries only JSON log lines (startService logged where it listens); a person at a terminal also
  // gets a short banner, on stderr so that piping stdout to a log collector stays pure JSON.
  if (process.stderr.isTTY) process.stderr.write(banner(config.publicUrl, running.services.store.driver.dialect.name === 'sqlite' ? `SQLite in ${path.resolve(config.dataDir)}` : 'PostgreSQL', Boolean(values['no-worker'])));
  await stopOnSignal(running);
  return 0;
}

export async function workerCommand(): Promise<number> {
  const running = await startService(loadConfig(), { http: false, worker: true });
  await stopOnSignal(running);
  return 0;
}

export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  await checkBeforeStart(config, { services: false });
  const store = await openConfiguredStore(config, loadMasterKeys(config));
  await store.close();
  console.log('Migrations applied.');
  return 0;
}
