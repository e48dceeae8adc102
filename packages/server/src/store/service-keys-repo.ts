// The service's own secrets (the search-index key, the photo-URL signing key): random, created once by the
// first process that needs them, stored wrapped by the master key so a master key rotation re-wraps them.
import { randomBytes } from 'node:crypto';
import { unwrapKey, wrapKey } from '../keys/key-wrap.ts';
import type { MasterKeys } from '../keys/master-keys.ts';
import type { SqlExecutor } from './sql-driver.ts';

export type ServiceKeyName = 'search-index' | 'photo-urls';

const context = (name: string): string => `realid:service-key:${name}`;

export async function serviceKey(db: SqlExecutor, keys: MasterKeys, name: ServiceKeyName, now: number): Promise<Buffer> {
  // Two processes starting together may both try; the first insert wins and both read it back.
  await db.run('INSERT INTO service_keys (name, wrapped, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [
    name, wrapKey(keys.current, context(name), randomBytes(32)), now,
  ]);
  const row = await db.get<{ wrapped: string }>('SELECT wrapped FROM service_keys WHERE name = ?', [name]);
  return unwrapKey(keys, context(name), row!.wrapped);
}

export async function rewrapServiceKeys(db: SqlExecutor, keys: MasterKeys): Promise<number> {
  const rows = await db.all<{ name: string; wrapped: string }>('SELECT name, wrapped FROM service_keys');
  let changed = 0;
  for (const row of rows.filter((r) => !r.wrapped.startsWith(`${keys.current.id}:`))) {
    const key = unwrapKey(keys, context(row.name), row.wrapped);
    changed += await db.run('UPDATE service_keys SET wrapped = ? WHERE name = ?', [wrapKey(keys.current, context(row.name), key), row.name]);
  }
  return changed;
}
