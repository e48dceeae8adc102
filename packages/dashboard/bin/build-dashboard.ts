// Builds the web app into dist/ when its sources are newer than the last build, so that `npm start` and
// `npm test` both work from a clean clone. Parallel callers (two test runs in one checkout) build once.
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_DIR = path.join(PACKAGE_DIR, 'dist');
const STAMP = path.join(DIST_DIR, 'index.html');
const LOCK = path.join(PACKAGE_DIR, '.build.lock');
const INPUTS = ['src', 'index.html', 'public', 'package.json', 'bin/build-dashboard.ts'];
const LOCK_STALE_MS = 5 * 60_000;

async function newestMtime(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestMtime(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(STAMP).catch(() => undefined);
  if (!built) return true;
  const sources = await Promise.all(INPUTS.map((input) => newestMtime(path.join(PACKAGE_DIR, input))));
  return Math.max(...sources) > built.mtimeMs;
}

async function takeLock(): Promise<(() => Promise<void>) | undefined> {
  try {
    const handle = await open(LOCK, 'wx');
    await handle.close();
    return () => rm(LOCK, { force: true });
  } catch {
    const held = await stat(LOCK).catch(() => undefined);
    // A builder that died leaves its lock behind; after a while it no longer counts.
    if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) await rm(LOCK, { force: true });
    return undefined;
  }
}

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

/** Builds into a fresh directory and swaps it in, so a running server never serves a half-written build. */
async function buildAndSwap(): Promise<void> {
  const fresh = path.join(PACKAGE_DIR, `.dist-${process.pid}-${Date.now()}`);
  const old = `${fresh}-old`;
  try {
    await viteBuild(fresh);
    await rename(DIST_DIR, old).catch(() => undefined);
    await rename(fresh, DIST_DIR);
  } finally {
    await rm(fresh, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}

export async function buildDashboard(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  await mkdir(PACKAGE_DIR, { recursive: true });
  for (;;) {
    if (!options.force && !(await isStale())) return 'fresh';
    const release = await takeLock();
    if (release) {
      try {
        if (options.force || (await isStale())) {
          await buildAndSwap();
          return 'built';
        }
        return 'fresh';
      } finally {
        await release();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    options = { ...options, force: false };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await buildDashboard({ force: process.argv.includes('--force') });
  console.log(outcome === 'built' ? `Built the web app into ${path.relative(process.cwd(), DIST_DIR)}` : 'The web app build is up to date.');
}
