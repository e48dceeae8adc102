// `realid users …` as an operator runs it: a real process on a real SQLite file, then a real sign-in.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from '../support/test-service.ts';
import { WebClient } from './web-client.ts';

const BIN = path.resolve(import.meta.dirname, '../../../cli/bin/realid.js');

describe('realid users', () => {
  let dataDir: string;
  const run = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...args], {
        env: { ...process.env, REALID_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-users-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('creates a user who can then sign in, reading the password from REALID_PASSWORD', async () => {
    const account = JSON.parse((await run(['accounts', 'create', '--name', 'CLI Shop', '--json'])).stdout) as { account_id: string };
    const created = await run(['users', 'create', '--account', account.account_id, '--email', 'Ops@Example.com'], { REALID_PASSWORD: 'a long enough password' });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('ops@example.com');
    expect(created.stdout).not.toContain('a long enough password');

    const duplicate = await run(['users', 'create', '--account', account.account_id, '--email', 'ops@example.com', '--password', 'another long password']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');
    expect((await run(['users', 'create', '--account', 'acct_nope', '--email', 'x@example.com', '--password', 'long enough pw'])).stderr).toContain('No account');
    expect((await run(['users', 'create', '--account', account.account_id, '--email', 'y@example.com'])).stderr).toContain('REALID_PASSWORD');

    const changed = await run(['users', 'set-password', '--email', 'ops@example.com'], { REALID_PASSWORD: 'a brand new password' });
    expect(changed.code).toBe(0);

    const t = await startTestService('sqlite', { config: (c) => (c.dataDir = dataDir) });
    try {
      expect((await new WebClient(t.url).login('ops@example.com', 'a long enough password')).status).toBe(401);
      expect((await new WebClient(t.url).login('ops@example.com', 'a brand new password')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
