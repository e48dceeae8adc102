// Builds what the service runs, each part only when its sources changed since its last build (or all of them
// with --force): @realid/webhooks (the server imports its build), the server, the web app. `npm install`
// (prepare), `npm start` (prestart), `npm run build` and the test setup run it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDashboard } from '../../packages/dashboard/bin/build-dashboard.ts';
import { buildServer } from '../../packages/server/bin/build-server.ts';
import { buildWebhooks } from '../../packages/webhooks/bin/build-webhooks.ts';

const PARTS = [
  ['@realid/webhooks', buildWebhooks],
  ['@realid/server', buildServer],
  ['the web app', buildDashboard],
] as const;

export async function buildAll(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  for (const [name, build] of PARTS) {
    const started = Date.now();
    const outcome = await build({ force: options.force ?? false });
    if (outcome === 'built') options.log?.(`Built ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
}
