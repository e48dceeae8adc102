// A busy SQLite database: its commits go to the WAL, and checkpoints (on a thread of their own) carry them into
// the database file, so the WAL stays bounded however much is written, and nothing is lost across a reopen.
import { migrate } from '../src/store/migrations.ts';
import { testMasterKeys } from './support/master-keys.ts';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDriver } from '../src/store/store.ts';
import type { SqlDriver } from '../src/store/sql-driver.ts';
import { waitFor } from './support/webhook-receiver.ts';

const MiB = 1024 * 1024;
const size = async (file: string): Promise<number> => (await stat(file).catch(() => ({ size: 0 }))).size;

describe('SQLite checkpoints', () => {
  let dataDir: string;
  let driver: SqlDriver;
  let file: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'realid-wal-'));
    file = path.join(dataDir, 'realid.sqlite');
    driver = openDriver({ dataDir });
    await migrate(driver, { now: Date.now(), masterKeys: testMasterKeys() });
    await driver.run('CREATE TABLE wal_probe (n INTEGER, data BLOB)');
  });
  afterEach(async () => {
    await driver.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('carries a long run of commits into the database file and keeps the WAL bounded', async () => {
    const blob = Buffer.alloc(64 * 1024, 7);
    // 128 MiB in 2,048 commits without a pause: SQLite only starts the WAL over at a write that finds all of
    // it checkpointed, which a writer that never pauses would never see if the driver did not see to it. The
    // bound is 16 MiB, plus what is written while the checkpointer thread copies.
    let largestWal = 0;
    for (let i = 0; i < 2048; i++) {
      await driver.transaction((tx) => tx.run('INSERT INTO wal_probe (n, data) VALUES (?, ?)', [i, blob]), { durability: 'relaxed' });
      if (i % 32 === 0) largestWal = Math.max(largestWal, await size(`${file}-wal`));
    }
    expect(largestWal).toBeLessThan(48 * MiB);
    await waitFor(async () => (await size(file)) >= 2048 * blob.length, 'every commit in the database file');

    await driver.close();
    driver = openDriver({ dataDir });
    const rows = await driver.get<{ n: number; total: number }>('SELECT COUNT(*) AS n, SUM(length(data)) AS total FROM wal_probe');
    expect(rows).toEqual({ n: 2048, total: 2048 * blob.length });
  });
});
