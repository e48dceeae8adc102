// HMAC-SHA256 through node:crypto where the runtime has it (synchronous, fastest), WebCrypto everywhere else.
import type * as NodeCrypto from 'node:crypto';
import { utf8Bytes } from './encoding.ts';
import { timingSafeEqual } from './timing-safe-equal.ts';

export interface HmacBackend {
  /** HMAC-SHA256 over `prefix` (ASCII) followed by `body`. */
  hmac(key: Uint8Array, prefix: string, body: string | Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** Constant-time; `false` (not an exception) when the lengths differ. */
  equal(expected: Uint8Array, actual: Uint8Array): boolean;
}

export interface SyncHmacBackend extends HmacBackend {
  hmac(key: Uint8Array, prefix: string, body: string | Uint8Array): Uint8Array;
}

export function createNodeBackend(crypto: typeof NodeCrypto): SyncHmacBackend {
  // A KeyObject skips re-importing the key bytes on every createHmac call.
  const keys = new WeakMap<Uint8Array, NodeCrypto.KeyObject>();
  return {
    hmac(key, prefix, body) {
      let keyObject = keys.get(key);
      if (!keyObject) {
        keyObject = crypto.createSecretKey(key);
        keys.set(key, keyObject);
      }
      const mac = crypto.createHmac('sha256', keyObject);
      if (prefix) mac.update(prefix);
      return mac.update(body).digest();
    },
    equal: (expected, actual) => expected.length === actual.length && crypto.timingSafeEqual(expected, actual),
  };
}

export function createWebBackend(subtle: SubtleCrypto): HmacBackend {
  const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
  return {
    async hmac(key, prefix, body) {
      let cryptoKey = keys.get(key);
      if (!cryptoKey) {
        cryptoKey = subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
        keys.set(key, cryptoKey);
      }
      const head = utf8Bytes(prefix);
      const tail = typeof body === 'string' ? utf8Bytes(body) : body;
      const data = new Uint8Array(head.length + tail.length);
      data.set(head);
      data.set(tail, head.length);
      return new Uint8Array(await subtle.sign('HMAC', await cryptoKey, data));
    },
    equal: timingSafeEqual,
  };
}

function loadNodeCrypto(): typeof NodeCrypto | undefined {
  // getBuiltinModule (Node >= 20.16, Bun, Deno) is synchronous and invisible to bundlers, unlike import('node:crypto').
  try {
    return globalThis.process?.getBuiltinModule?.('node:crypto');
  } catch {
    return undefined;
  }
}

const nodeCrypto = loadNodeCrypto();

/** Present on Node-compatible runtimes; the synchronous signer needs it. */
export const nodeBackend: SyncHmacBackend | undefined = nodeCrypto ? createNodeBackend(nodeCrypto) : undefined;

let webBackend: HmacBackend | undefined;

export function hmacBackend(): HmacBackend {
  if (nodeBackend) return nodeBackend;
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('@realid/webhooks needs node:crypto or WebCrypto (globalThis.crypto.subtle); this runtime has neither.');
  webBackend ??= createWebBackend(subtle);
  return webBackend;
}
