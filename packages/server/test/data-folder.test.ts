// The data folder after real starts of `realid`: private modes on everything it creates (the SQLite database and
// its WAL, encrypted photos, the key file), the key file apart from the photos (and moved there from where
// older installs kept it), a warning for a folder others can read, and REALID_KEY_FILE never invented.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, tokenOf, uploadPhoto } from './support/images.ts';
import { freePort, runRealid, startRealid, type RealidProcess } from './support/realid-process.ts';
import { waitFor } from './support/webhook-receiver.ts';

/** Starts `realid serve` and waits until it answers; the caller stops it. */
async function serve(env: Record<string, string>): Promise<{ server: RealidProcess; base: string }> {
  const port = await freePort();
  const server = startRealid(['serve', '--host', '127.0.0.1', '--port', String(port)], env);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true, `healthz (${server.output()})`, 30_000);
  return { server, base };
}

/** Every folder and file under `dir` (itself included) with its permission bits, as `ls -l` shows them in octal. */
async function modes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { '.': ((await stat(dir)).mode & 0o777).toString(8) };
  for (const entry of await readdir(dir, { recursive: true })) {
    out[entry] = ((await stat(path.join(dir, entry))).mode & 0o777).toString(8);
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'realid-data-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('is created 0700, and everything in it 0600 (folders 0700): database, WAL, photos, key file', async () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const env = { REALID_DATA_DIR: dataDir };
    const created = await runRealid(['accounts', 'create', '--name', 'Modes', '--json'], env);
    const { test_key: key } = JSON.parse(created.output) as { test_key: string };
    const { server, base } = await serve(env);
    try {
      const response = await fetch(`${base}/api/v1/checks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { email: 'modes@example.com' } }),
      });
      const { check } = (await response.json()) as { check: { link: string } };
      expect((await uploadPhoto(base, tokenOf(check.link), 'front', PNG)).status).toBe(201);

      const found = await modes(dataDir);
      const photos = Object.keys(found).filter((p) => p.startsWith('photos'));
      expect(photos.some((p) => p.endsWith('.bin'))).toBe(true);
      expect(Object.keys(found)).toEqual(expect.arrayContaining(['realid.sqlite', 'realid.sqlite-wal', 'realid.sqlite-shm', 'keys', 'keys/master.key']));
      expect(existsSync(path.join(dataDir, 'master.key'))).toBe(false);
      for (const [entry, mode] of Object.entries(found)) {
        const isFolder = (await stat(path.join(dataDir, entry))).isDirectory();
        expect({ entry, mode }).toEqual({ entry, mode: isFolder ? '700' : '600' });
      }
      expect(server.output()).not.toContain('Other users of this machine');
    } finally {
      await server.kill('SIGTERM');
    }
  }, 90_000);

  it('moves master.key of an older install into keys/, keeps its key, and warns that the old folder is open', async () => {
    const dataDir = path.join(root, 'older');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    const key = randomBytes(32).toString('base64');
    await writeFile(path.join(dataDir, 'master.key'), `${key}\n`, { mode: 0o644 });
    const { server } = await serve({ REALID_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    await server.kill('SIGTERM');

    expect(existsSync(path.join(dataDir, 'master.key'))).toBe(false);
    expect((await readFile(path.join(dataDir, 'keys', 'master.key'), 'utf8')).trim()).toBe(key);
    expect(await modes(dataDir)).toMatchObject({ '.': '755', keys: '700', 'keys/master.key': '600' });
    expect(server.output()).toContain('Moved the key file out of the data folder it protects');
    const warning = server.output().split('\n').find((line) => line.includes('Other users of this machine'));
    expect(warning).toContain(`${dataDir} (0755)`);
  }, 90_000);

  it('uses REALID_KEY_FILE where it is, and refuses to start, creating nothing, when that file is missing', async () => {
    const dataDir = path.join(root, 'explicit');
    const keyFile = path.join(root, 'secrets', 'realid.key');
    const missing = await runRealid(['serve', '--port', String(await freePort())], { REALID_DATA_DIR: dataDir, REALID_KEY_FILE: keyFile });
    expect(missing.code).toBe(1);
    expect(missing.output.trim()).toBe(
      `realid: REALID_KEY_FILE names ${keyFile}, which does not exist. A new key: openssl rand -base64 32 > ${keyFile} && chmod 600 ${keyFile}`,
    );
    expect(existsSync(dataDir)).toBe(false);

    await mkdir(path.dirname(keyFile));
    await writeFile(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    const { server } = await serve({ REALID_DATA_DIR: dataDir, REALID_KEY_FILE: keyFile });
    await server.kill('SIGTERM');
    expect(existsSync(path.join(dataDir, 'keys'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'realid.sqlite'))).toBe(true);
  }, 90_000);

  it('creates no key file when REALID_ENCRYPTION_KEY holds the key', async () => {
    const dataDir = path.join(root, 'from-env');
    const { server } = await serve({ REALID_DATA_DIR: dataDir, REALID_ENCRYPTION_KEY: randomBytes(32).toString('base64') });
    await server.kill('SIGTERM');
    expect(existsSync(path.join(dataDir, 'keys'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'master.key'))).toBe(false);
  }, 90_000);
});
