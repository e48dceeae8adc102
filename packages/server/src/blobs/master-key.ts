// The key that encrypts photos at rest: REALID_ENCRYPTION_KEY (best kept in a secret store), or a key file.
// The key file lives apart from the photos it protects, in keys/ of the data folder (or at REALID_KEY_FILE),
// and is created on first run with mode 0600. Installs from before kept it at data/master.key: it is moved.
import { randomBytes, hkdfSync } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config.ts';
import { StartupError } from '../errors/startup-error.ts';
import { checkFolderUsable, createPrivateFolder, PRIVATE_FILE } from '../files/private-files.ts';

export interface KeySettings {
  encryptionKey: string | undefined;
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
export function keyFiles(c: KeySettings): { file: string; legacy: string } {
  return { file: path.resolve(c.keyFile ?? path.join(c.dataDir, 'keys', 'master.key')), legacy: path.resolve(c.dataDir, 'master.key') };
}

function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartupError(`The key file ${file} cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  return decodeKey(text, `The key file ${file}`);
}

/** Checks that a master key can be had, creating and moving nothing: a start calls it before it writes. */
export function checkMasterKey(c: KeySettings): void {
  if (c.encryptionKey) {
    decodeKey(c.encryptionKey, 'REALID_ENCRYPTION_KEY');
    return;
  }
  const { file, legacy } = keyFiles(c);
  if (existsSync(file)) {
    const key = readKeyFile(file);
    if (existsSync(legacy) && !readKeyFile(legacy).equals(key)) {
      throw new StartupError(`Two different key files: ${file} and ${legacy}. Keep the one your photos were encrypted with, and remove the other.`);
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

/** The master key; with no key configured, from the key file, which is moved from data/ or created first. */
export function loadMasterKey(c: KeySettings, logger: Logger): Buffer {
  if (c.encryptionKey) return decodeKey(c.encryptionKey, 'REALID_ENCRYPTION_KEY');
  const { file, legacy } = keyFiles(c);
  if (!existsSync(file)) {
    createPrivateFolder(path.dirname(file));
    if (existsSync(legacy)) moveLegacyKey(legacy, file, logger);
    else createKeyFile(file);
  } else if (existsSync(legacy)) {
    logger.warn({ file, legacy }, 'An old copy of the key file remains beside the photos; delete it once your backups hold the key');
  }
  return readKeyFile(file);
}

function moveLegacyKey(legacy: string, file: string, logger: Logger): void {
  try {
    renameSync(legacy, file);
    // Placed by us, so made private by us: older installs created it 0600 already, and it is a secret either way.
    chmodSync(file, PRIVATE_FILE);
    logger.info({ from: legacy, to: file }, 'Moved the key file out of the folder of the photos it encrypts, mode 0600');
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

/** Separate keys for separate jobs, all derived from the master key. */
export const deriveKey = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `realid:${purpose}`, 32));
