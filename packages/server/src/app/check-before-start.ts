// Everything a start needs, checked before it creates anything (no data folder, no key file, no database
// file): the data folder and the key can be had, the database answers, the port is free. Each failure is a
// StartupError with one line for the operator.
import { checkMasterKey } from '../keys/master-key-source.ts';
import type { Config } from '../config/config.ts';
import { checkFolderUsable } from '../files/private-files.ts';
import { checkStoreLocation } from '../store/store.ts';
import { checkPortFree } from './check-port.ts';
import { storeLocation } from './create-services.ts';

export interface StartNeeds {
  /** The service itself (photos, the key), not only the database: `serve` and `worker`. */
  services: boolean;
  listen?: { host: string; port: number };
}

export async function checkBeforeStart(config: Config, needs: StartNeeds): Promise<void> {
  if (needs.services) {
    checkFolderUsable(config.dataDir, 'The data folder');
    checkMasterKey(config);
  }
  await checkStoreLocation(storeLocation(config));
  if (needs.listen) await checkPortFree(needs.listen.host, needs.listen.port);
}
