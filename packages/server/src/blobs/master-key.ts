// The key that encrypts photos at rest: from configuration, or a key file created on first run (mode 0600).
import { randomBytes, hkdfSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config.ts';

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${where} must be 32 bytes, as base64 or 64 hex digits`);
  return key;
}

export function loadMasterKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return decodeKey(configured, 'REALID_ENCRYPTION_KEY');
  const file = path.join(dataDir, 'master.key');
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if the file exists, so two processes starting together agree on one key.
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeKey(readFileSync(file, 'utf8'), file);
}

/** Separate keys for separate jobs, all derived from the master key. */
export const deriveKey = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `realid:${purpose}`, 32));
