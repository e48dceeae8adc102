// Starting and stopping the real `realid` process: a start that cannot work (busy port, bad or unreachable
// database, unwritable or read-only data folder) says why in one line, exits non-zero and creates nothing; SIGTERM lets the
// webhook attempt in flight finish, records it, and says it stopped.
import { loadMasterKeys } from '../src/keys/master-key-source.ts';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRecipients } from '../src/webhooks/management/event-recipients.ts';
import { openStore } from '../src/store/store.ts';
import { DIALECTS, POSTGRES_URL } from './support/databases.ts';
import { freePort, runRealid, startRealid } from './support/realid-process.ts';
import { waitFor } from './support/webhook-receiver.ts';

const BIN = fileURLToPath(new URL('../../cli/bin/realid.js', import.meta.url));

async function listening(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: Server | ReturnType<typeof createHttpServer>) => (server.address() as AddressInfo).port;

/** One line on the terminal: the reason, nothing else (no stack trace, no banner). */
function expectOneLine(output: string, text: string): void {
  const lines = output.trim().split('\n');
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(/^realid: /);
  expect(lines[0]).toContain(text);
}

describe('a start that cannot work', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'realid-start-'));
    dataDir = path.join(root, 'data');
  });
  afterAll(async () => {
    await chmod(path.join(root, 'read-only'), 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('stops on a busy port', async () => {
    const busy = await listening();
    try {
      const { code, output } = await runRealid(['serve', '--host', '127.0.0.1', '--port', String(portOf(busy))], { REALID_DATA_DIR: dataDir });
      expect(code).toBe(1);
      expectOneLine(output, `Cannot listen on 127.0.0.1:${portOf(busy)}: the port is in use`);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      busy.close();
    }
  });

  it('stops on a DATABASE_URL that is not a URL, without showing its password', async () => {
    const { code, output } = await runRealid(['serve'], { REALID_DATA_DIR: dataDir, DATABASE_URL: 'postgres://realid:s3cret-pw@db:port/realid' });
    expect(code).toBe(2);
    expectOneLine(output, 'DATABASE_URL is not a valid URL');
    expect(output).not.toContain('s3cret-pw');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('stops when PostgreSQL does not answer, for the API and for a worker', async () => {
    const port = await freePort();
    for (const command of ['serve', 'worker']) {
      const { code, output } = await runRealid([command], { REALID_DATA_DIR: dataDir, DATABASE_URL: `postgres://realid:s3cret-pw@127.0.0.1:${port}/realid` });
      expect(code).toBe(1);
      expectOneLine(output, `Cannot use PostgreSQL at 127.0.0.1:${port}: connection refused`);
      expect(output).not.toContain('s3cret-pw');
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it.skipIf(!DIALECTS.includes('postgres'))('stops when the PostgreSQL database does not exist', async () => {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/realid_missing_${process.pid}`;
    const { code, output } = await runRealid(['serve', '--port', String(await freePort())], { REALID_DATA_DIR: dataDir, DATABASE_URL: url.href });
    expect(code).toBe(1);
    expectOneLine(output, `the database "realid_missing_${process.pid}" does not exist`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('stops on a data folder it cannot write, for the service and for a command', async (context) => {
    // Root writes through any mode, so as root the process runs as nobody, which the folder's mode does stop.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if ('uid' in user && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], user).status !== 0) {
      return context.skip('running as root, and user nobody cannot read this checkout to run realid as them');
    }
    await chmod(root, 0o755); // mkdtemp's 0700 would stop nobody before the folder under test does
    const readOnly = path.join(root, 'read-only');
    await mkdir(readOnly, { mode: 0o555 });
    await chmod(readOnly, 0o555);
    const inside = path.join(readOnly, 'data');
    const served = await runRealid(['serve', '--port', String(await freePort())], { REALID_DATA_DIR: inside }, user);
    expect(served.code).toBe(1);
    expectOneLine(served.output, `The data folder ${inside} cannot be created: ${readOnly} is not writable`);
    const listed = await runRealid(['accounts', 'list'], { REALID_DATA_DIR: readOnly }, user);
    expect(listed.code).toBe(1);
    expectOneLine(listed.output, `The folder of the SQLite database ${readOnly} is not writable`);
    expect(existsSync(inside)).toBe(false);
  });

  it('stops on a data folder on a read-only file system, whoever runs it', async (context) => {
    // A read-only tmpfs over the folder, in a mount namespace of the process's own (Linux user namespaces).
    const mountReadOnly = ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o ro none "$1" && shift && exec "$@"', 'sh'];
    const folder = path.join(root, 'read-only-fs');
    await mkdir(folder);
    if (spawnSync(mountReadOnly[0]!, [...mountReadOnly.slice(1), folder, 'true']).status !== 0) {
      return context.skip('cannot mount a read-only file system here (no unshare, or user namespaces are off)');
    }
    const wrapper = [...mountReadOnly, folder];
    const served = await runRealid(['serve', '--port', String(await freePort())], { REALID_DATA_DIR: folder }, { wrapper });
    expect(served.code).toBe(1);
    expectOneLine(served.output, `The data folder ${folder} is on a read-only file system.`);
    const migrated = await runRealid(['migrate'], { REALID_DATA_DIR: folder }, { wrapper });
    expect(migrated.code).toBe(1);
    expectOneLine(migrated.output, `The folder of the SQLite database ${folder} is on a read-only file system.`);
  });
});

describe('SIGTERM', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-stop-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('lets the webhook attempt in flight finish, records it, and logs that it stopped', async () => {
    // A receiver that holds each delivery until told to answer.
    const held: ServerResponse[] = [];
    const receiver = createHttpServer((request, response) => request.resume().on('end', () => held.push(response)));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const env = { REALID_DATA_DIR: dataDir, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(await freePort()) };
    const created = await runRealid(['accounts', 'create', '--name', 'Stop Shop', '--json'], env);
    const { test_key: key } = JSON.parse(created.output) as { test_key: string };
    const server = startRealid(['serve'], env);
    try {
      const base = `http://127.0.0.1:${env.PORT}/api/v1`;
      await waitFor(async () => (await fetch(`http://127.0.0.1:${env.PORT}/healthz`).catch(() => undefined))?.ok === true, `healthz (${server.output()})`, 30_000);
      const call = (p: string, body: unknown) =>
        fetch(`${base}${p}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await call('/webhooks/endpoints', { url: `http://127.0.0.1:${portOf(receiver)}/hooks`, event_types: ['check.delivered'] })).status).toBe(201);
      expect((await call('/checks', { customer: { email: 'stop@example.com' } })).status).toBe(201);
      await waitFor(() => held.length === 1, 'the delivery to reach the receiver');

      server.child.kill('SIGTERM');
      await waitFor(() => server.output().includes('realid is stopping'), 'the stopping line');
      held[0]!.writeHead(200).end('ok');
      expect(await server.exited).toBe(0);
    } finally {
      await server.kill('SIGKILL');
      receiver.closeAllConnections();
      receiver.close();
    }
    const output = server.output();
    expect(output.indexOf('realid stopped')).toBeGreaterThan(output.indexOf('realid is stopping'));
    expect(held).toHaveLength(1);

    const store = await openStore({ dataDir }, loadMasterKeys({ encryptionKey: undefined, previousEncryptionKeys: [], keyFile: undefined, dataDir }), new EventRecipients());
    try {
      const delivery = await store.driver.get<{ status: string; attempts: number }>(
        'SELECT d.status, (SELECT COUNT(*) FROM attempts a WHERE a.delivery_id = d.id) AS attempts FROM deliveries d',
      );
      expect(delivery).toEqual({ status: 'delivered', attempts: 1 });
    } finally {
      await store.close();
    }
  }, 90_000);
});
