// Photos on disk, encrypted with AES-256-GCM: a file is [12-byte IV][16-byte tag][ciphertext].
// The blob key is bound in as associated data, so a file moved under another name does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../files/private-files.ts';

export interface BlobStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export class EncryptedBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly key: Buffer,
  ) {}

  private file(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`Invalid blob key`);
    return path.join(this.root, ...key.split('/')) + '.bin';
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(key));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: PRIVATE_FILE });
    await rename(temp, file);
  }

  async get(key: string): Promise<Buffer | undefined> {
    let data: Buffer;
    try {
      data = await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAAD(Buffer.from(key));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    if (!SAFE_KEY.test(prefix)) throw new Error('Invalid blob prefix');
    await rm(path.join(this.root, ...prefix.split('/')), { recursive: true, force: true });
  }
}
