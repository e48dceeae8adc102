// What each package builds from, and the output file whose modification time marks its last build. Plain
// JavaScript: the `realid` launcher reads it before any TypeScript loader is registered.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const target = (name, dir, inputs, stamp) => ({
  name,
  dir: path.join(REPO_ROOT, dir),
  inputs: inputs.map((input) => path.join(REPO_ROOT, dir, input)),
  stamp: path.join(REPO_ROOT, dir, stamp),
});

// The TypeScript packages also depend on the shared compiler options in the root tsconfig.json.
const TYPESCRIPT = ['src', 'package.json', 'tsconfig.build.json', 'bin', '../../tsconfig.json'];

export const TARGETS = {
  webhooks: target('@realid/webhooks', 'packages/webhooks', TYPESCRIPT, 'dist/esm/index.js'),
  server: target('@realid/server', 'packages/server', TYPESCRIPT, 'dist/cli/main.js'),
  dashboard: target('@realid/dashboard', 'packages/dashboard', ['src', 'index.html', 'public', 'package.json', 'bin'], 'dist/index.html'),
};

/** The newest modification time under `entry` (0 when it does not exist). */
export function newestMtime(entry) {
  let info;
  try {
    info = statSync(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when the target was built after its inputs last changed. Synchronous: it takes a few milliseconds. */
export function isCurrent(t) {
  let built;
  try {
    built = statSync(t.stamp).mtimeMs;
  } catch {
    return false;
  }
  return Math.max(...t.inputs.map(newestMtime)) <= built;
}
