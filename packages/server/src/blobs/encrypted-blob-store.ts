// Photos on disk, each sealed with its check's data key (AES-256-GCM, the blob key bound in as associated
// data, so a file moved under another name does not decrypt): once the check's data key is deleted, no copy of
// the file can be read. Files from before per-check keys were sealed with a key derived from the master key;
// they stay readable until their check is deleted.
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.ts';
import { open, seal } from '../keys/sealed-box.ts';

export interface BlobStore {
  put(key: string, bytes: Buffer, dataKey: Buffer): Promise<void>;
  get(key: string, dataKey: Buffer): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
/** Marks files sealed with a check's data key; older files start straight with their IV. */
const MAGIC = Buffer.from('RIDK1\n');

export class EncryptedBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    /** The keys older files were sealed with (one per master key that was ever current). */
    private readonly legacyKeys: () => readonly Buffer[],
  ) {}

  private file(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid blob key`);
    return path.join(this.root, ...key.split('/')) + '.bin';
  }

  async put(key: string, bytes: Buffer, dataKey: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, Buffer.concat([MAGIC, seal(dataKey, key, bytes)]), { mode: PRIVATE_FILE });
    await rename(temp, file);
  }

  async get(key: string, dataKey: Buffer): Promise<Buffer | undefined> {
    let data: Buffer;
    try {
      data = await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (data.subarray(0, MAGIC.length).equals(MAGIC)) return open(dataKey, key, data.subarray(MAGIC.length));
    for (const legacy of this.legacyKeys()) {
      try {
        return open(legacy, key, data);
      } catch {
        // Sealed under another master key; try the next.
      }
    }
    throw new Error(`Blob ${key} cannot be decrypted with any known key`);
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!SAFE_KEY.test(prefix)) throw new Error('Invalid blob prefix');
    await rm(path.join(this.root, ...prefix.split('/')), { recursive: true, force: true });
  }
}
