// `realid keys rotate` while the service runs: every data key is re-wrapped under a new master key, the old key
// leaves the key file, and the running service goes on reading old checks and creating new ones throughout.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyFile } from '../src/keys/master-key-source.ts';
import { masterKey } from '../src/keys/master-keys.ts';
import { PNG, tokenOf, uploadPhoto } from './support/images.ts';
import { freePort, runRealid, startRealid, type RealidProcess } from './support/realid-process.ts';
import { waitFor } from './support/webhook-receiver.ts';

describe('rotating the master key', () => {
  let dataDir: string;
  let server: RealidProcess;
  let base: string;
  let key: string;
  const env = () => ({ REALID_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-rotate-'));
    const created = await runRealid(['accounts', 'create', '--name', 'Rotor', '--json'], env());
    key = (JSON.parse(created.output) as { test_key: string }).test_key;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startRealid(['serve', '--port', String(port), '--host', '127.0.0.1'], env());
    await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok === true, 'the service', 30_000);
  }, 60_000);
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${p}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as any;
  };

  it('re-wraps every data key without downtime and retires the old key', async () => {
    const keyFile = path.join(dataDir, 'keys', 'master.key');
    const [oldKey] = readKeyFile(keyFile);
    const before = await api('POST', '/checks', { customer: { email: 'before@example.com' } });
    expect((await uploadPhoto(base, tokenOf(before.check.link), 'front', PNG)).status).toBe(201);

    // Creating checks all through the rotation: none may fail, before, during or after.
    let creating = true;
    const created: string[] = [];
    const traffic = (async () => {
      while (creating) created.push((await api('POST', '/checks', { customer: { email: `during${created.length}@example.com` } })).check.id);
    })();
    const rotated = await runRealid(['keys', 'rotate', '--grace-seconds', '2'], env());
    creating = false;
    await traffic;
    expect(rotated.code, rotated.output).toBe(0);
    expect(created.length).toBeGreaterThan(0);

    const keys = readKeyFile(keyFile);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.equals(oldKey!)).toBe(false);
    const status = JSON.parse((await runRealid(['keys', 'status', '--json'], env())).output);
    expect(status.current).toBe(masterKey(keys[0]!).id);
    expect(Object.keys(status.data_keys_by_master_key)).toEqual([status.current]);

    // The running service read the new key file by itself: old and new checks, and the old photo, all readable.
    for (const id of [before.check.id, ...created]) expect((await api('GET', `/checks/${id}`)).check.customer.email).toMatch(/@example\.com$/);
    const photo = (await api('GET', `/checks/${before.check.id}?withPhotos=true`)).check.photos[0];
    expect((await fetch(photo.url)).status).toBe(200);
    expect((await api('POST', '/checks', { customer: { email: 'after@example.com' } })).check.customer.email).toBe('after@example.com');
  }, 60_000);
});
