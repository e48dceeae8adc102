// Seeds many events and their deliveries at once (multi-row inserts), as if checks had moved on quickly.
import { newId } from '../../src/ids.ts';
import type { Store } from '../../src/store/store.ts';

export const STEPS = ['check.delivered', 'check.opened', 'check.submitted-photo', 'check.completed'] as const;

/** `checks × STEPS.length` deliveries to one endpoint; returns the event ids in creation order per check. */
export async function seedDeliveries(store: Store, accountId: string, endpointId: string, checks: number, at: number): Promise<Map<string, string[]>> {
  const perCheck = new Map<string, string[]>();
  const rows: { id: string; checkId: string; type: string; payload: string }[] = [];
  for (let c = 0; c < checks; c++) {
    const checkId = `SEED${String(c).padStart(6, '0')}`;
    const ids: string[] = [];
    for (const type of STEPS) {
      const id = newId('evt');
      ids.push(id);
      rows.push({ id, checkId, type, payload: JSON.stringify({ event: type, created_at: new Date(at).toISOString(), check: { id: checkId, step: type.slice(6), testing: true } }) });
    }
    perCheck.set(checkId, ids);
  }
  for (let i = 0; i < rows.length; i += 400) {
    const batch = rows.slice(i, i + 400);
    await store.driver.transaction(async (tx) => {
      // One statement per event keeps seq in creation order on both engines.
      const seqs: number[] = [];
      for (const r of batch) {
        const row = await tx.get<{ seq: number }>(
          'INSERT INTO events (id, account_id, check_id, type, testing, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
          [r.id, accountId, r.checkId, r.type, true, r.payload, at],
        );
        seqs.push(row!.seq);
      }
      const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)').join(', ');
      await tx.run(
        `INSERT INTO deliveries (id, account_id, endpoint_id, event_id, event_seq, check_id, event_type, status, attempts, next_attempt_at, created_at, updated_at) VALUES ${values}`,
        // The first event of each check heads its line; the rest wait behind it, as queueDelivery would have it.
        batch.flatMap((r, j) => [newId('dlv'), accountId, endpointId, r.id, seqs[j]!, r.checkId, r.type, r.type === STEPS[0] ? 'pending' : 'waiting', at, at, at]),
      );
    });
  }
  return perCheck;
}
