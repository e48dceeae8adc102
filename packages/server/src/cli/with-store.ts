// Opens the configured store for one CLI command (after checking it can, creating nothing otherwise) and
// closes it afterwards, whatever happens.
import { checkBeforeStart } from '../app/check-before-start.ts';
import { openConfiguredStore } from '../app/create-services.ts';
import { loadConfig } from '../config/config.ts';
import { loadMasterKeys } from '../keys/master-key-source.ts';
import type { Store } from '../store/store.ts';

export async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await checkBeforeStart(config, { services: false });
  const store = await openConfiguredStore(config, loadMasterKeys(config));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
