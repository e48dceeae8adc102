// Worker threads start in both ways the server runs: from the compiled build (which the test setup made), and
// from the TypeScript sources through tsx, also when the process was given V8 flags (`npm run bench` passes
// --expose-gc), which Node refuses in a worker's own execArgv.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = new URL('../', import.meta.url);
const LOADER = fileURLToPath(new URL('src/runtime/typescript-loader.mjs', SERVER));

/** Starts the sender thread from `module` in a fresh Node process; answers whether it loaded and stayed up. */
async function senderThreadIn(module: string, nodeArgs: string[]): Promise<{ alive: boolean }> {
  const script = `
    const { SenderThread } = await import(${JSON.stringify(new URL(module, SERVER).href)});
    const sender = new SenderThread();
    await sender.start();
    console.log(JSON.stringify({ alive: sender.worker !== undefined }));
    process.exit(0);`;
  // A file, not `node -e`: a worker inherits the process's flags, and `--input-type` is refused for a file entry.
  const file = path.join(work, `start-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, script);
  const { stdout } = await promisify(execFile)(process.execPath, [...nodeArgs, file]);
  return JSON.parse(stdout) as { alive: boolean };
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realid-threads-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('startThread', () => {
  it('starts the compiled entry from the build', async () => {
    expect(await senderThreadIn('dist/webhooks/engine/sender/sender-thread.js', [])).toEqual({ alive: true });
  });

  it('starts the TypeScript entry from sources, with V8 flags on the process', async () => {
    const flags = ['--expose-gc', '--max-old-space-size=512', '--import', LOADER];
    expect(await senderThreadIn('src/webhooks/engine/sender/sender-thread.ts', flags)).toEqual({ alive: true });
  });
});
