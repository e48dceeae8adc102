// HMAC-SHA256 through node:crypto where the runtime has it (synchronous, fastest), WebCrypto everywhere else.
import type * as NodeCrypto from 'node:crypto';
import { toBase64, toHex, utf8Bytes } from './encoding.ts';

export type MacEncoding = 'base64' | 'hex';

export interface HmacBackend {
  /** HMAC-SHA256 over `prefix` (ASCII) followed by `body`, encoded as the header carries it. */
  mac(key: Uint8Array, prefix: string, body: string | Uint8Array, encoding: MacEncoding): string | Promise<string>;
}

export interface SyncHmacBackend extends HmacBackend {
  mac(key: Uint8Array, prefix: string, body: string | Uint8Array, encoding: MacEncoding): string;
}

function createNodeBackend(crypto: typeof NodeCrypto): SyncHmacBackend {
  return {
    mac(key, prefix, body, encoding) {
      const hmac = crypto.createHmac('sha256', key);
      if (prefix) hmac.update(prefix);
      return hmac.update(body).digest(encoding);
    },
  };
}

function createWebBackend(subtle: SubtleCrypto): HmacBackend {
  const keys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
  return {
    async mac(key, prefix, body, encoding) {
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
      const mac = new Uint8Array(await subtle.sign('HMAC', await cryptoKey, data));
      return encoding === 'hex' ? toHex(mac) : toBase64(mac);
    },
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
