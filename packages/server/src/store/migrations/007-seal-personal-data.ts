// Seals the personal data of checks written before 006: each gets a data key, its customer, order, document,
// scores, content, decision reason and privacy messages are sealed with it, its search words become blind
// tokens, and the plaintext columns are dropped. Rows from before 004 get Real ID's rule names on the way.
import { CheckCipher } from '../../keys/check-cipher.ts';
import type { MigrationContext } from '../migrations.ts';
import { serviceKey } from '../service-keys-repo.ts';
import type { Row, ScriptExecutor } from '../sql-driver.ts';

const json = (value: unknown): Record<string, unknown> | null => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : null);

/** Rules as 004 names them, from the names before it. */
function currentRules(rules: Record<string, unknown>): Record<string, unknown> {
  if (!('id_type' in rules)) return rules;
  const { id_type, back_required, ...rest } = rules;
  return { signature_required: false, id_check_type: id_type === 'id' ? 'id' : 'idv', include_back_of_id: back_required === true, selfie_liveness: 'straight', ...rest };
}

/** A customer or order as 004 names it: one platform id, current spellings. */
function currentParty(party: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!party) return null;
  const { shopify_admin_graphql_id, wc_id, firstName, lastName, ...rest } = party;
  const id = rest.id ?? shopify_admin_graphql_id ?? wc_id;
  const known = { ...rest, ...(id !== undefined ? { id } : {}), ...(firstName && !rest.first_name ? { first_name: firstName } : {}), ...(lastName && !rest.last_name ? { last_name: lastName } : {}) };
  const allowed = ['id', 'email', 'phone', 'first_name', 'last_name', 'name'];
  return Object.fromEntries(Object.entries(known).filter(([k, v]) => allowed.includes(k) && v !== undefined && v !== null));
}

interface SubCheckRow {
  reasons: { code: string; message: string }[];
}

/** A merchant's rejection note was copied into the sub-check's reason; it now lives only, sealed, in the decision. */
const withoutNotes = (subChecks: SubCheckRow[]): SubCheckRow[] =>
  subChecks.map((sc) => ({
    ...sc,
    reasons: sc.reasons.map((r) => (r.code === 'manual_rejected' ? { ...r, message: 'The merchant rejected the check after review.' } : r)),
  }));

async function sealCheck(tx: ScriptExecutor, cipher: CheckCipher, row: Row, now: number): Promise<void> {
  const id = row.id as string;
  const accountId = row.account_id as string;
  const decision = json(row.decision);
  const { reason, ...plainDecision } = decision ?? {};
  const customer = currentParty(json(row.customer));
  const order = currentParty(json(row.order_data));
  let sealed: string | null = null;
  if (row.deleted_at === null) {
    const dataKey = cipher.newDataKey(id);
    await tx.run('INSERT INTO check_keys (check_id, account_id, wrapped, created_at) VALUES (?, ?, ?, ?)', [id, accountId, dataKey.wrapped, now]);
    const personal = { customer, order, document: json(row.document), scores: json(row.scores) ?? {}, content: json(row.content), decision_reason: reason ?? null };
    sealed = cipher.seal(dataKey.key, id, 'personal', personal);
    const tokens = cipher.searchTokens(accountId, {
      email: customer?.email as string | undefined,
      phone: customer?.phone as string | undefined,
      names: [customer?.first_name as string | undefined, customer?.last_name as string | undefined],
      order: order?.name as string | undefined,
    });
    for (const token of new Set(tokens)) await tx.run('INSERT INTO check_search (account_id, token, check_id) VALUES (?, ?, ?)', [accountId, token, id]);
    const messages = await tx.all<{ id: string; message: string | null }>('SELECT id, message FROM privacy_requests WHERE check_id = ? AND message IS NOT NULL', [id]);
    for (const m of messages) {
      await tx.run('UPDATE privacy_requests SET message = ? WHERE id = ?', [cipher.seal(dataKey.key, id, `privacy:${m.id}`, m.message), m.id]);
    }
  }
  await tx.run('UPDATE checks SET sealed = ?, rules = ?, decision = ?, sub_checks = ? WHERE id = ?', [
    sealed, JSON.stringify(currentRules(json(row.rules) ?? {})), decision ? JSON.stringify(plainDecision) : null,
    JSON.stringify(withoutNotes(JSON.parse(row.sub_checks as string) as SubCheckRow[])), id,
  ]);
}

export async function up(tx: ScriptExecutor, context: MigrationContext): Promise<void> {
  const cipher = new CheckCipher(context.masterKeys, await serviceKey(tx, context.masterKeys, 'search-index', context.now));
  const rows = await tx.all('SELECT id, account_id, customer, order_data, rules, sub_checks, document, scores, content, decision, deleted_at FROM checks');
  for (const row of rows) await sealCheck(tx, cipher, row, context.now);
  for (const column of ['customer', 'order_data', 'document', 'scores', 'content', 'search_text']) {
    await tx.exec(`ALTER TABLE checks DROP COLUMN ${column}`);
  }
}
