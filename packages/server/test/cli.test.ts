// The `realid` command as an operator uses it: create an account with keys, serve, and clear config errors.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startRealid } from './support/realid-process.ts';
import { waitFor } from './support/webhook-receiver.ts';

/** Linux: the processes `pid` started (tsx would have an esbuild service process running beside it). */
async function childProcesses(pid: number): Promise<string[]> {
  const tasks = await readdir(`/proc/${pid}/task`);
  const children = await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8')));
  return children.join(' ').split(/\s+/).filter(Boolean);
}

async function run(args: string[], env: Record<string, string>) {
  const p = startRealid(args, env);
  const code = await p.exited;
  return { code, output: p.output() };
}

describe('realid CLI', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates an account with a test and a live key, printed once as JSON, and serves requests with them', async () => {
    const created = await run(['accounts', 'create', '--name', 'Acme', '--plan', 'enterprise', '--json'], { REALID_DATA_DIR: dataDir });
    expect(created.code).toBe(0);
    const out = JSON.parse(created.output) as { account_id: string; test_key: string; live_key: string; signing_secrets: { test: string; live: string } };
    expect(out.account_id).toMatch(/^acct_/);
    expect(out.test_key).toMatch(/^sk_test_/);
    expect(out.live_key).toMatch(/^sk_live_/);
    expect(out.signing_secrets.test).toMatch(/^whsec_/);
    expect(out.signing_secrets.live).toMatch(/^whsec_/);
    expect(out.signing_secrets.live).not.toBe(out.signing_secrets.test);

    const listed = await run(['accounts', 'list'], { REALID_DATA_DIR: dataDir });
    expect(listed.output).toContain(out.account_id);
    expect(listed.output).not.toContain(out.test_key);

    const port = await freePort();
    const server = startRealid(['serve', '--port', String(port), '--host', '127.0.0.1'], { REALID_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok === true, `healthz (${server.output()})`, 30_000);
      // JSON lines only (no banner when stderr is not a terminal), one of which says where it listens.
      const lines = () => server.output().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { msg: string; url?: string });
      // The line is written once the port is open, so it may reach us just after the first answer.
      await waitFor(() => lines().some((l) => l.msg.startsWith('realid is listening')), `the listening line (${server.output()})`);
      expect(lines().find((l) => l.msg.startsWith('realid is listening'))?.url).toBe(`http://localhost:${port}`);
      // The test setup built the server, so it runs compiled JavaScript: nothing compiles TypeScript beside it.
      if (process.platform === 'linux') expect(await childProcesses(server.child.pid!)).toEqual([]);
      const create = async (customer: object) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/checks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${out.live_key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ customer }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { check: { id: string; link: string; rules: { testing: boolean } } }).check;
      };
      // Without SMTP_URL, with an email address (the mail that is not sent) and without one (nothing to send):
      // the merchant gets the link in the answer; the log says a check was created, never its link.
      const emailed = await create({ email: 'jane@example.com' });
      const phoned = await create({ phone: '+1 555 0100' });
      expect(emailed.rules.testing).toBe(false);
      for (const check of [emailed, phoned]) {
        expect(check.link).toMatch(new RegExp(`^http://localhost:${port}/c/[A-Za-z0-9_-]{20,}$`));
        await waitFor(() => server.output().includes(check.id), `the log line of ${check.id}`);
        expect(server.output()).not.toContain(check.link.split('/c/')[1]!);
      }
      expect(server.output()).not.toContain('/c/');
      expect(server.output()).not.toContain('+1 555 0100');
      expect(lines().length).toBeGreaterThan(2);
      expect(server.output()).not.toContain('jane@example.com');
      expect(server.output()).not.toContain(out.live_key);
    } finally {
      await server.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('answers --help and --version for every command at once, creating nothing', async () => {
    const untouched = path.join(dataDir, 'untouched');
    const help = await run(['--help'], { REALID_DATA_DIR: untouched });
    expect(help).toMatchObject({ code: 0, output: expect.stringContaining('Usage: realid <command> [options]') });
    const create = await run(['accounts', 'create', '--help'], { REALID_DATA_DIR: untouched });
    expect(create).toMatchObject({ code: 0, output: expect.stringContaining('Usage: realid accounts create --name NAME [options]') });
    const serve = await run(['serve', '--help'], { REALID_DATA_DIR: untouched });
    expect(serve).toMatchObject({ code: 0, output: expect.stringContaining('--no-worker') });
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'], {})).toEqual({ code: 0, output: `realid ${version}\n` });
    expect(existsSync(untouched)).toBe(false);
  }, 60_000);

  it('refuses bad configuration with a clear message and exit code 2', async () => {
    const badPort = await run(['serve', '--port', 'abc'], { REALID_DATA_DIR: dataDir });
    expect(badPort.code).toBe(2);
    expect(badPort.output).toContain('--port must be a number');
    const badUrl = await run(['migrate'], { REALID_DATA_DIR: dataDir, DATABASE_URL: 'mysql://nope' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.output).toContain('DATABASE_URL must start with');
    const badPlan = await run(['accounts', 'create', '--name', 'X', '--plan', 'platinum'], { REALID_DATA_DIR: dataDir });
    expect(badPlan.code).toBe(2);
    expect(badPlan.output).toContain('--plan must be one of');
    const unknown = await run(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    const unknownOption = await run(['serve', '--prot', '4001'], {});
    expect(unknownOption).toMatchObject({ code: 2, output: expect.stringContaining("Unknown option '--prot'") });
  }, 60_000);
});
