// Numbered, forward-only migration files per dialect: store/<dialect>/migrations/NNN-name.sql.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dialect: 'sqlite' | 'postgres'): Promise<Migration[]> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), dialect, 'migrations');
  const files = (await readdir(dir)).filter((f) => /^\d{3}-.+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql: await readFile(path.join(dir, file), 'utf8'),
    })),
  );
}
