// The master keys: the current one wraps every new data key; previous ones still unwrap what they wrapped
// until `realid keys rotate` has re-wrapped it all. Each key is known by a fingerprint, never by its bytes.
import { createHash, hkdfSync } from 'node:crypto';

export interface MasterKey {
  /** The first 16 hex digits of SHA-256(key): names the key in stored values without revealing it. */
  readonly id: string;
  readonly key: Buffer;
}

export const masterKey = (key: Buffer): MasterKey => ({ id: createHash('sha256').update(key).digest('hex').slice(0, 16), key });

/** A separate key for each job, derived from a master key, so one job's ciphertext never meets another's key. */
export const deriveKey = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `realid:${purpose}`, 32));

export interface KeySource {
  /** The keys, current first. */
  load(): Buffer[];
  /** Changes when the keys may have: a key file's modification time. Absent: the keys never change. */
  version?(): string;
}

/** How often a process looks for a rotation made by another one (`realid keys rotate` waits longer). */
export const KEY_RELOAD_MS = 1000;

export class MasterKeys {
  private keys: MasterKey[];
  private seenVersion: string | undefined;
  private checkedAt = 0;

  constructor(private readonly source: KeySource | (() => Buffer[])) {
    this.keys = this.read();
  }

  private get loader(): KeySource {
    return typeof this.source === 'function' ? { load: this.source } : this.source;
  }

  private read(): MasterKey[] {
    this.seenVersion = this.loader.version?.();
    const keys = this.loader.load().map(masterKey);
    if (keys.length === 0) throw new Error('No master key');
    return keys;
  }

  /** The key new data keys are wrapped with: re-read when the source changed, at most once a second. */
  get current(): MasterKey {
    const now = Date.now();
    if (this.loader.version && now - this.checkedAt >= KEY_RELOAD_MS) {
      this.checkedAt = now;
      if (this.loader.version() !== this.seenVersion) this.keys = this.read();
    }
    return this.keys[0]!;
  }

  /** Every known key, current first. */
  get all(): readonly MasterKey[] {
    return this.keys;
  }

  /** The key with this id; another process may have rotated, so an unknown id reloads the keys once. */
  find(id: string): MasterKey | undefined {
    const known = this.keys.find((k) => k.id === id);
    if (known) return known;
    this.keys = this.read();
    return this.keys.find((k) => k.id === id);
  }

  /** Picks up a rotation made by another process (a new current key). */
  reload(): void {
    this.keys = this.read();
  }
}
