// Data keys are stored wrapped by the current master key, as "<master id>:<sealed bytes in base64>", bound to
// what they protect (e.g. one check), so a wrapped key copied to another row does not unwrap there.
import { deriveKey, type MasterKey, type MasterKeys } from './master-keys.ts';
import { open, seal } from './sealed-box.ts';

const wrappingKey = (master: MasterKey): Buffer => deriveKey(master.key, 'wrap-data-keys');

export function wrapKey(master: MasterKey, context: string, dataKey: Buffer): string {
  return `${master.id}:${seal(wrappingKey(master), context, dataKey).toString('base64')}`;
}

export function unwrapKey(keys: MasterKeys, context: string, wrapped: string): Buffer {
  const [id, body] = wrapped.split(':');
  const master = id && keys.find(id);
  if (!master || !body) throw new Error(`A data key is wrapped by master key ${id ?? '?'}, which this process does not have`);
  return open(wrappingKey(master), context, Buffer.from(body, 'base64'));
}

/** The id of the master key that wrapped this key: what a rotation looks for. */
export const wrappedBy = (wrapped: string): string => wrapped.slice(0, wrapped.indexOf(':'));
