// Where the master keys come from: REALID_ENCRYPTION_KEY (best kept in a secret store), with
// REALID_PREVIOUS_ENCRYPTION_KEYS during a rotation; or a key file, one key per line, the current one first.
// The key file lives apart from what it protects, in keys/ of the data folder (or at REALID_KEY_FILE), and is
// created on first run with mode 0600. Installs from before kept it at data/master.key: it is moved.
// `realid keys rotate` rewrites the file; running processes notice within a second.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config.ts';
import { StartupError } from '../errors/startup-error.ts';
import { checkFolderUsable, createPrivateFolder, PRIVATE_FILE } from '../files/private-files.ts';
import { MasterKeys } from './master-keys.ts';

export interface KeySettings {
  encryptionKey: string | undefined;
  previousEncryptionKeys: string[];
  keyFile: string | undefined;
  dataDir: string;
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${where} must be 32 bytes, as base64 or 64 hex digits`);
  return key;
}

/** Where the key file is, and where installs before keys/ kept it. */
export function keyFiles(c: Pick<KeySettings, 'keyFile' | 'dataDir'>): { file: string; legacy: string } {
  return { file: path.resolve(c.keyFile ?? path.join(c.dataDir, 'keys', 'master.key')), legacy: path.resolve(c.dataDir, 'master.key') };
}

/** The keys in a key file, current first. */
export function readKeyFile(file: string): Buffer[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartupError(`The key file ${file} cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  const keys = text.split('\n').filter((line) => line.trim()).map((line, i) => decodeKey(line, `The key file ${file}, line ${i + 1},`));
  if (keys.length === 0) throw new StartupError(`The key file ${file} holds no key.`);
  return keys;
}

/** Replaces the key file at once (write, then rename), so a reader sees the old keys or the new ones. */
export function writeKeyFile(file: string, keys: readonly Buffer[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, keys.map((k) => k.toString('base64')).join('\n') + '\n', { mode: PRIVATE_FILE });
  renameSync(temp, file);
}

function envKeys(c: KeySettings): Buffer[] {
  return [
    decodeKey(c.encryptionKey!, 'REALID_ENCRYPTION_KEY'),
    ...c.previousEncryptionKeys.map((k, i) => decodeKey(k, `REALID_PREVIOUS_ENCRYPTION_KEYS item ${i + 1}`)),
  ];
}

/** Checks that the master keys can be had, creating and moving nothing: a start calls it before it writes. */
export function checkMasterKey(c: KeySettings): void {
  if (c.encryptionKey) {
    envKeys(c);
    return;
  }
  const { file, legacy } = keyFiles(c);
  if (existsSync(file)) {
    const key = readKeyFile(file)[0]!;
    if (existsSync(legacy) && !readKeyFile(legacy)[0]!.equals(key)) {
      throw new StartupError(`Two different key files: ${file} and ${legacy}. Keep the one your data was encrypted with, and remove the other.`);
    }
    return;
  }
  if (c.keyFile !== undefined) {
    // An explicit path that is missing is more likely an unmounted secret than a first run: never invent a key.
    const move = existsSync(legacy) ? ` The data folder still holds the key at ${legacy}: move it there.` : '';
    throw new StartupError(`REALID_KEY_FILE names ${file}, which does not exist.${move} A new key: openssl rand -base64 32 > ${file} && chmod 600 ${file}`);
  }
  if (existsSync(legacy)) readKeyFile(legacy);
  checkFolderUsable(path.dirname(file), 'The key folder');
}

/** The master keys; with no key configured, from the key file, which is moved from data/ or created first. */
export function loadMasterKeys(c: KeySettings, logger?: Logger): MasterKeys {
  if (c.encryptionKey) {
    const keys = envKeys(c);
    return new MasterKeys(() => keys);
  }
  const { file, legacy } = keyFiles(c);
  if (!existsSync(file)) {
    createPrivateFolder(path.dirname(file));
    if (existsSync(legacy)) moveLegacyKey(legacy, file, logger);
    else createKeyFile(file);
  } else if (existsSync(legacy)) {
    logger?.warn({ file, legacy }, 'An old copy of the key file remains in the data folder; delete it once your backups hold the key');
  }
  return new MasterKeys({
    load: () => readKeyFile(file),
    version: () => {
      const info = statSync(file, { throwIfNoEntry: false });
      return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : '';
    },
  });
}

function moveLegacyKey(legacy: string, file: string, logger: Logger | undefined): void {
  try {
    renameSync(legacy, file);
    // Placed by us, so made private by us: older installs created it 0600 already, and it is a secret either way.
    chmodSync(file, PRIVATE_FILE);
    logger?.info({ from: legacy, to: file }, 'Moved the key file out of the data folder it protects, mode 0600');
  } catch (error) {
    // Another process starting at the same time may have moved it first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(file)) throw error;
  }
}

function createKeyFile(file: string): void {
  try {
    // `wx` fails if the file exists, so two processes starting together agree on one key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: PRIVATE_FILE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
