// Runs every bench/*.bench.ts in turn (or the ones named on the command line) and prints their reports.
// Each bench measures against a reference in the same run and reports medians and ratios, never absolutes alone.
// With several benches, each runs in a process of its own, so one bench's heap and sockets cannot skew the next.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
// The peers bench needs PostgreSQL and Redis and runs for many minutes: only when named (`npm run bench -- peers`).
const ON_REQUEST = new Set(['peers.bench.ts']);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => (only.length === 0 ? !ON_REQUEST.has(f) : only.some((o) => f.startsWith(o))))
  .sort();

if (files.length > 1) {
  for (const file of files) {
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), file.replace(/\.bench\.ts$/, '')], { stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: Bench };
  console.log(`\n## ${file}`);
  const rows = await mod.default();
  for (const row of rows) {
    console.log(`${row.name.padEnd(58)} ${row.value.toFixed(3).padStart(12)} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
  }
}
