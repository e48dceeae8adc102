// Each check's personal data is sealed with a data key of its own, stored wrapped by the master key beside
// the check; deleting that wrapped key is deleting the data, wherever copies of the ciphertext remain
// ("crypto-shredding"). Search goes through blind tokens made with a key of its own.
import { randomBytes } from 'node:crypto';
import { blindToken, queryWords, searchWords, type Searchable } from './blind-index.ts';
import { unwrapKey, wrapKey } from './key-wrap.ts';
import type { MasterKeys } from './master-keys.ts';
import { openText, sealText } from './sealed-box.ts';

const keyContext = (checkId: string): string => `realid:check-key:${checkId}`;
const dataContext = (checkId: string, what: string): string => `realid:check:${checkId}:${what}`;

export interface DataKey {
  key: Buffer;
  wrapped: string;
}

export class CheckCipher {
  constructor(
    readonly masterKeys: MasterKeys,
    private readonly searchKey: Buffer,
  ) {}

  newDataKey(checkId: string): DataKey {
    const key = randomBytes(32);
    return { key, wrapped: wrapKey(this.masterKeys.current, keyContext(checkId), key) };
  }

  unwrap(checkId: string, wrapped: string): Buffer {
    return unwrapKey(this.masterKeys, keyContext(checkId), wrapped);
  }

  /** The same data key wrapped by the current master key (for `realid keys rotate`). */
  rewrap(checkId: string, wrapped: string): string {
    return wrapKey(this.masterKeys.current, keyContext(checkId), this.unwrap(checkId, wrapped));
  }

  /** `what` names the field (e.g. `personal`, `privacy:<id>`), so sealed values cannot be swapped between fields. */
  seal(key: Buffer, checkId: string, what: string, value: unknown): string {
    return sealText(key, dataContext(checkId, what), JSON.stringify(value));
  }

  open<T>(key: Buffer, checkId: string, what: string, sealed: string): T {
    return JSON.parse(openText(key, dataContext(checkId, what), sealed)) as T;
  }

  searchTokens(accountId: string, searchable: Searchable): string[] {
    return searchWords(searchable).map((word) => blindToken(this.searchKey, accountId, word));
  }

  queryTokens(accountId: string, query: string): string[] {
    return [...new Set(queryWords(query).map((word) => blindToken(this.searchKey, accountId, word)))];
  }
}
