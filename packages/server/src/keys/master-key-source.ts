// Where the master keys come from: `REALID_ENCRYPTION_KEY` (and `REALID_PREVIOUS_ENCRYPTION_KEYS` during a
// rotation), from a secret store; otherwise a key file created on first run (mode 0600), one key per line,
// the current one first. `realid keys rotate` writes the file; running processes re-read it when they meet
// a key they do not know yet.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config.ts';
import { MasterKeys } from './master-keys.ts';

export interface MasterKeyConfig {
  encryptionKey: string | undefined;
  previousEncryptionKeys: string[];
  dataDir: string;
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${where} must be 32 bytes, as base64 or 64 hex digits`);
  return key;
}

export const keyFilePath = (dataDir: string): string => path.join(dataDir, 'master.key');

export function readKeyFile(file: string): Buffer[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim());
  return lines.map((line, i) => decodeKey(line, `${file} line ${i + 1}`));
}

function ensureKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting together agree on one key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Replaces the key file at once (write, then rename), so a reader sees the old keys or the new ones. */
export function writeKeyFile(file: string, keys: readonly Buffer[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, keys.map((k) => k.toString('base64')).join('\n') + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

export function loadMasterKeys(config: MasterKeyConfig): MasterKeys {
  if (config.encryptionKey) {
    const current = decodeKey(config.encryptionKey, 'REALID_ENCRYPTION_KEY');
    const previous = config.previousEncryptionKeys.map((k, i) => decodeKey(k, `REALID_PREVIOUS_ENCRYPTION_KEYS item ${i + 1}`));
    return new MasterKeys(() => [current, ...previous]);
  }
  const file = keyFilePath(config.dataDir);
  ensureKeyFile(file);
  return new MasterKeys({
    load: () => readKeyFile(file),
    version: () => {
      const info = statSync(file, { throwIfNoEntry: false });
      return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : '';
    },
  });
}
