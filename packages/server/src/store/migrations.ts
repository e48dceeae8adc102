// One schema for both engines: numbered, forward-only migrations in `store/migrations/`, applied in order
// inside one transaction under the dialect's migration lock, so several processes may start at once.
// A migration is SQL (`NNN-name.sql`, with `{{…}}` for the few types the dialects spell differently) or
// TypeScript (`NNN-name.ts` exporting `up(tx, context)`) when a change needs code, such as sealing old rows.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MasterKeys } from '../keys/master-keys.ts';
import type { DialectCapabilities, ScriptExecutor, SqlDriver } from './sql-driver.ts';

/** What code migrations may need beyond the database. */
export interface MigrationContext {
  readonly now: number;
  /** To seal personal data in old rows. */
  readonly masterKeys: MasterKeys;
}

export interface CodeMigration {
  up(tx: ScriptExecutor, context: MigrationContext): Promise<void>;
}

interface Migration {
  version: number;
  name: string;
  apply(tx: ScriptExecutor, context: MigrationContext): Promise<void>;
}

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE = /^(\d{3})-(.+)\.(sql|ts|js)$/;

/** The only words the dialects spell differently in a schema. */
const spellings = (dialect: DialectCapabilities): Record<string, string> => ({
  serial_primary_key: dialect.name === 'postgres' ? 'BIGSERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT',
  bytes: dialect.name === 'postgres' ? 'BYTEA' : 'BLOB',
});

export function renderSql(sql: string, dialect: DialectCapabilities): string {
  const words = spellings(dialect);
  return sql.replace(/\{\{(\w+)\}\}/g, (whole, word: string) => {
    const spelled = words[word];
    if (spelled === undefined) throw new Error(`Unknown migration placeholder ${whole}`);
    return spelled;
  });
}

async function loadMigrations(dialect: DialectCapabilities): Promise<Migration[]> {
  const files = (await readdir(DIR)).filter((f) => FILE.test(f) && !f.endsWith('.d.ts')).sort();
  return Promise.all(
    files.map(async (file): Promise<Migration> => {
      const [, version, name, kind] = FILE.exec(file)!;
      const base = { version: Number(version), name: `${version}-${name}` };
      if (kind === 'sql') {
        const sql = renderSql(await readFile(path.join(DIR, file), 'utf8'), dialect);
        return { ...base, apply: (tx) => tx.exec(sql) };
      }
      const code = (await import(pathToFileURL(path.join(DIR, file)).href)) as CodeMigration;
      return { ...base, apply: (tx, context) => code.up(tx, context) };
    }),
  );
}

export async function migrate(driver: SqlDriver, context: MigrationContext): Promise<void> {
  const migrations = await loadMigrations(driver.dialect);
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length) throw new Error('Two migrations share a number');
  await driver.migrationTransaction(async (tx) => {
    // The same table as every earlier release's runner: databases they migrated carry on from where they are.
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const m of migrations.filter((m) => !done.has(m.version))) {
      await m.apply(tx, context);
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES (?, ?)', [m.version, m.name]);
    }
  });
}
