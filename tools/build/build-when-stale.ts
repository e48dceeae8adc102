// Rebuilds a package only when its inputs changed since its last build, and lets parallel callers (two test
// runs, `npm start` beside `npm test`) build once. Output is written to a fresh folder and swapped in, so a
// running process never reads a half-written build.
import { open, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { isCurrent, type BuildTarget } from './build-targets.mjs';

const LOCK_STALE_MS = 5 * 60_000;

async function takeLock(file: string): Promise<(() => Promise<void>) | undefined> {
  try {
    await (await open(file, 'wx')).close();
    return () => rm(file, { force: true });
  } catch {
    const held = await stat(file).catch(() => undefined);
    // A builder that died leaves its lock behind; after a while it no longer counts.
    if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) await rm(file, { force: true });
    return undefined;
  }
}

/** Runs `build(outDir)` into a fresh folder beside `dist/`, then puts it in place of `dist/`. */
async function buildAndSwap(target: BuildTarget, build: (outDir: string) => Promise<void>): Promise<void> {
  const started = new Date();
  const dist = path.join(target.dir, 'dist');
  const fresh = path.join(target.dir, `.dist-${process.pid}-${Date.now()}`);
  const old = `${fresh}-old`;
  try {
    await build(fresh);
    // The stamp carries the build's start: an input saved while it ran is newer, so the next check rebuilds.
    await utimes(path.join(fresh, path.relative(dist, target.stamp)), started, started);
    await rename(dist, old).catch(() => undefined);
    await rename(fresh, dist);
  } finally {
    await rm(fresh, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}

export async function buildWhenStale(
  target: BuildTarget,
  build: (outDir: string) => Promise<void>,
  options: { force?: boolean } = {},
): Promise<'built' | 'fresh'> {
  let force = options.force ?? false;
  for (;;) {
    if (!force && isCurrent(target)) return 'fresh';
    const release = await takeLock(path.join(target.dir, '.build.lock'));
    if (release) {
      try {
        if (!force && isCurrent(target)) return 'fresh';
        await buildAndSwap(target, build);
        return 'built';
      } finally {
        await release();
      }
    }
    // Someone else is building: wait, then use their build if it is current.
    await new Promise((resolve) => setTimeout(resolve, 250));
    force = false;
  }
}
