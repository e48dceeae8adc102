// The package as a merchant gets it: `npm pack`, installed from the tarball into an empty folder with no
// network, then used from plain ES modules, CommonJS, a real Express app over loopback, the Fetch-API adapter,
// and TypeScript (NodeNext and Bundler resolution, strict, without skipLibCheck); and linted for its types.
import { spawn, execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../src/index.ts';
import { completed, NEWER_SECRET, nowSeconds, SECRET } from './fixtures.ts';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));
const CONSUMER_FILES = fileURLToPath(new URL('./consumer/', import.meta.url));
/** What the merchant's project has besides our package: linked from the monorepo, since there is no network. */
const LINKED = ['express', 'fastify', '@types/node', '@types/express'];

// Child npm processes must not inherit the settings `npm test` exported for this workspace.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

const body = JSON.stringify(completed);
const delivery = {
  secret: SECRET,
  body,
  headers: signPayload({ body, secrets: SECRET, id: 'evt_packed_1', timestamp: nowSeconds() }),
  forged: signPayload({ body, secrets: NEWER_SECRET, id: 'evt_packed_1', timestamp: nowSeconds() }),
};
const scriptEnv = { ...env, REALID_DELIVERY: JSON.stringify(delivery) };

let work: string;
let app: string;
let tarball: string;
let packed: string[];

async function node(script: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [script], { cwd: app, env: scriptEnv });
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function tsc(project: string): Promise<{ code: number; output: string }> {
  const bin = path.join(REPO_MODULES, 'typescript/bin/tsc');
  return run(process.execPath, [bin, '-p', project], { cwd: app, env }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
  );
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realid-packed-'));
  // `npm pack` runs the package's prepack script, which builds dist/ if the sources changed since the test setup did.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: PACKAGE_DIR, env });
  // The prepack script's own output comes first on stdout; npm's JSON report follows it.
  const [info] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  app = path.join(work, 'shop');
  await mkdir(app);
  await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }));
  await cp(CONSUMER_FILES, app, { recursive: true });
  // --offline: the tarball has no dependencies, so nothing may come from a registry.
  const cache = path.join(work, 'npm-cache');
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', `--cache=${cache}`, tarball], { cwd: app, env });
  for (const name of LINKED) {
    await mkdir(path.dirname(path.join(app, 'node_modules', name)), { recursive: true });
    await symlink(path.join(REPO_MODULES, name), path.join(app, 'node_modules', name), 'dir');
  }
}, 180_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the packed @realid/webhooks', () => {
  it('holds the built JavaScript and declarations, and nothing else a user does not need', () => {
    expect(packed.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['README.md', 'package.json']);
    for (const entry of ['index', 'adapters/express', 'adapters/fastify', 'adapters/web']) {
      for (const format of ['esm', 'cjs']) {
        expect(packed).toContain(`dist/${format}/${entry}.js`);
        expect(packed).toContain(`dist/${format}/${entry}.d.ts`);
      }
    }
    expect(packed).toContain('dist/cjs/package.json');
  });

  it('works from plain ES modules, resolved inside the shop', async () => {
    const out = await node('esm.mjs');
    expect(out).toEqual({
      event: 'check.completed',
      checkId: completed.check.id,
      refused: 'invalid_signature',
      eventTypes: 8,
      resolved: expect.stringContaining(`/shop/node_modules/@realid/webhooks/dist/esm/index.js`),
    });
  });

  it('works from CommonJS require, every entry point', async () => {
    const out = await node('commonjs.cjs');
    expect(out).toEqual({
      event: 'check.completed',
      checkId: completed.check.id,
      refused: 'invalid_signature',
      adapters: ['function', 'function', 'function'],
      resolved: expect.stringContaining(`/shop/node_modules/@realid/webhooks/dist/cjs/index.js`),
    });
  });

  it('receives a signed delivery in a real Express app over loopback, and refuses a forged one', async () => {
    const child = spawn(process.execPath, ['express-app.mjs'], { cwd: app, env: scriptEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
      const { url } = JSON.parse(line!) as { url: string };
      const post = (headers: Record<string, string>) => fetch(`${url}/webhooks/realid`, { method: 'POST', body, headers });
      const accepted = await post(delivery.headers);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ received: 'check.completed', checkId: completed.check.id, id: 'evt_packed_1' });
      const forged = await post(delivery.forged);
      expect(forged.status).toBe(400);
      expect(await forged.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);

  it('answers Fetch-API Requests with Responses', async () => {
    const out = await node('web.mjs');
    expect(out).toEqual({
      accepted: { status: 200, body: { received: 'check.completed', id: 'evt_packed_1' } },
      refused: { status: 400, body: { error: { code: 'invalid_signature', message: expect.any(String) } } },
    });
  });

  it.each(['nodenext', 'bundler'])('type-checks a strict TypeScript project with %s resolution, libraries included', async (resolution) => {
    const { code, output } = await tsc(`tsconfig-${resolution}.json`);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 180_000); // checking @types/node, Express's and Fastify's declarations takes a while on a busy machine

  it('has no problems according to @arethetypeswrong/cli, in any resolution mode', async () => {
    const bin = path.join(REPO_MODULES, '@arethetypeswrong/cli/dist/index.js');
    const { stdout } = await run(process.execPath, [bin, tarball, '--format', 'json'], { env }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(['.', './express', './fastify', './package.json', './web']);
    expect(report.analysis.problems).toEqual([]);
  }, 120_000);
});
