// `realid keys …`: the master key's rotation, without downtime. With a key file, rotate makes a new key current,
// waits for running processes to pick it up, re-wraps every data key under it, and retires the old key; with
// REALID_ENCRYPTION_KEY, the operator has already made the new key current (the old one in
// REALID_PREVIOUS_ENCRYPTION_KEYS) and rotate re-wraps everything under it.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, ConfigError } from '../config/config.ts';
import { keyFiles, readKeyFile, writeKeyFile } from '../keys/master-key-source.ts';
import { masterKey, KEY_RELOAD_MS } from '../keys/master-keys.ts';
import { keysByMaster, rewrapAll } from '../store/rotate-master-key.ts';
import type { ParsedValues } from './parse-command-line.ts';
import { withStore } from './with-store.ts';

function graceMs(values: ParsedValues): number {
  const seconds = values['grace-seconds'] === undefined ? 5 : Number(values['grace-seconds']);
  if (!Number.isFinite(seconds) || seconds < 0) throw new ConfigError('--grace-seconds must be a number of seconds, 0 or more');
  return Math.max(seconds * 1000, 0);
}

export async function rotateKeysCommand(values: ParsedValues): Promise<number> {
  const config = loadConfig();
  const grace = graceMs(values);
  let retire: (() => void) | undefined;
  if (!config.encryptionKey) {
    const { file } = keyFiles(config);
    const old = readKeyFile(file);
    const fresh = randomBytes(32);
    writeKeyFile(file, [fresh, ...old]);
    console.log(`New master key ${masterKey(fresh).id} is current in ${file}; the old ones still unwrap.`);
    // Running processes re-read the file within KEY_RELOAD_MS; until they do they may still wrap with the old key.
    await sleep(Math.max(grace, 2 * KEY_RELOAD_MS));
    if (!values['keep-old']) retire = () => writeKeyFile(file, [fresh]);
  }
  const { result, left } = await withStore(async (store) => {
    const result = await rewrapAll(store);
    return { result, left: await keysByMaster(store) };
  });
  const current = [...left.keys()];
  console.log(`Re-wrapped ${result.dataKeys} data keys and ${result.serviceKeys} service keys; data keys by master key: ${JSON.stringify(Object.fromEntries(left))}.`);
  if (current.length > 1) throw new Error('Some data keys are still wrapped by an older master key; run `realid keys rotate` again.');
  if (retire) {
    retire();
    console.log('The old master keys are retired: copies of the data made before now (backups, replicas) can no longer be decrypted with this key file.');
  } else if (config.encryptionKey && config.previousEncryptionKeys.length) {
    console.log('Nothing is wrapped by REALID_PREVIOUS_ENCRYPTION_KEYS any more: remove it from every process and destroy the old keys.');
  }
  return 0;
}

export async function keysStatusCommand(values: ParsedValues): Promise<number> {
  const status = await withStore(async (store) => ({
    current: store.cipher.masterKeys.current.id,
    known: store.cipher.masterKeys.all.map((k) => k.id),
    data_keys_by_master_key: Object.fromEntries(await keysByMaster(store)),
  }));
  if (values.json) console.log(JSON.stringify(status, null, 2));
  else {
    console.log(`Current master key: ${status.current} (known: ${status.known.join(', ')})`);
    for (const [id, n] of Object.entries(status.data_keys_by_master_key)) console.log(`  ${id}: ${n} data keys`);
  }
  return 0;
}
