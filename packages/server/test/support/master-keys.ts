// A master key for tests that open a store themselves (the test service makes its own from its data folder).
import { randomBytes } from 'node:crypto';
import { MasterKeys } from '../../src/keys/master-keys.ts';

export const testMasterKeys = (...keys: Buffer[]): MasterKeys => {
  const list = keys.length ? keys : [randomBytes(32)];
  return new MasterKeys(() => list);
};
