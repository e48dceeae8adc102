// Builds the web app (Vite + Preact) into dist/ when its sources are newer than the last build, so that
// `npm start` and `npm test` both work from a clean clone. Parallel callers (two test runs in one checkout) build once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS } from '../../../tools/build/build-targets.mjs';
import { buildWhenStale } from '../../../tools/build/build-when-stale.ts';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    root: PACKAGE_DIR,
    configFile: false,
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
  });
}

export function buildDashboard(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  return buildWhenStale(TARGETS.dashboard, viteBuild, options);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await buildDashboard({ force: process.argv.includes('--force') });
  console.log(outcome === 'built' ? 'Built the web app into packages/dashboard/dist' : 'The web app build is up to date.');
}
