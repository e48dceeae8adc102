// Re-wraps every data key and service key under the current master key, in batches of short transactions,
// so the service keeps running meanwhile. Nothing is decrypted but the keys themselves: the sealed data, the
// photos and the search tokens stay as they are.
import { rewrapServiceKeys } from './service-keys-repo.ts';
import type { Store } from './store.ts';

const BATCH = 500;

export interface RotationResult {
  dataKeys: number;
  serviceKeys: number;
}

export async function rewrapAll(store: Store): Promise<RotationResult> {
  const { cipher, driver } = store;
  let dataKeys = 0;
  for (;;) {
    const current = `${cipher.masterKeys.current.id}:%`;
    const rows = await driver.all<{ check_id: string; wrapped: string }>(
      'SELECT check_id, wrapped FROM check_keys WHERE wrapped NOT LIKE ? ORDER BY check_id LIMIT ?',
      [current, BATCH],
    );
    if (rows.length === 0) break;
    await driver.transaction(async (tx) => {
      for (const row of rows) {
        // Compare-and-set: a check deleted meanwhile stays deleted.
        dataKeys += await tx.run('UPDATE check_keys SET wrapped = ? WHERE check_id = ? AND wrapped = ?', [
          cipher.rewrap(row.check_id, row.wrapped), row.check_id, row.wrapped,
        ]);
      }
    });
  }
  const serviceKeys = await driver.transaction((tx) => rewrapServiceKeys(tx, cipher.masterKeys));
  return { dataKeys, serviceKeys };
}

/** How many data keys each master key wraps: what `realid keys status` shows. */
export async function keysByMaster(store: Store): Promise<Map<string, number>> {
  const rows = await store.driver.all<{ wrapped: string }>('SELECT wrapped FROM check_keys');
  const counts = new Map<string, number>();
  for (const { wrapped } of rows) {
    const id = wrapped.slice(0, wrapped.indexOf(':'));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
