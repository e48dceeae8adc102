// A database made by an earlier release keeps working: the migrations it already has are recognised, and
// its plaintext personal data is sealed with per-check keys on the way (migration 007), with old field names
// brought to today's. Built here by applying the first five migrations as the old runner did.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSql } from '../src/store/migrations.ts';
import { EventRecipients } from '../src/webhooks/management/event-recipients.ts';
import { openDriver, openStore, type Store, type StoreLocation } from '../src/store/store.ts';
import { DIALECTS, POSTGRES_URL, dropSchema, uniqueSchema } from './support/databases.ts';
import { testMasterKeys } from './support/master-keys.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/store/migrations');
const BEFORE_SEALING = ['001-init', '002-users', '003-queue-indexes', '004-check-shape', '005-secrets-per-mode'];

async function oldDatabase(location: StoreLocation): Promise<void> {
  const driver = openDriver(location);
  await driver.migrationTransaction(async (tx) => {
    await tx.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    for (const name of BEFORE_SEALING) {
      await tx.exec(renderSql(await readFile(path.join(MIGRATIONS, `${name}.sql`), 'utf8'), driver.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES (?, ?)', [Number(name.slice(0, 3)), name]);
    }
    await tx.run("INSERT INTO accounts (id, name, plan, minimum_age, created_at) VALUES ('acct_old', 'Old Shop', 'enterprise', 18, 1)");
    await tx.run(
      `INSERT INTO checks (id, account_id, testing, step, verdict, token_hash, link_expires_at, customer, order_data, rules, sub_checks,
         document, analyzer, retakes, decision, search_text, version, created_at, updated_at, finished_at)
       VALUES ('OLD001-aaaa', 'acct_old', ?, 'failed', 'failed', 'hash-old', 9999999999999, ?, ?, ?, ?, ?, 'manual', 0, ?, ?, 3, 1, 2, 2)`,
      [
        false,
        JSON.stringify({ firstName: 'Ada', last_name: 'Lovelace', email: 'ada@old.example', shopify_admin_graphql_id: 'gid://shopify/Customer/7', foo: 'bar' }),
        JSON.stringify({ name: '#77', wc_id: 77 }),
        JSON.stringify({ minimum_age: 21, id_type: 'id', back_required: true, max_retakes: 2 }),
        JSON.stringify([{ name: 'manual_review', status: 'failed', reasons: [{ code: 'manual_rejected', retryable: false, message: 'Her cousin called' }] }]),
        JSON.stringify({ type: 'drivers_license', country: 'US', first_name: 'Ada', last_name: 'Lovelace', date_of_birth: '1990-01-02', expires_on: '2030-01-01' }),
        JSON.stringify({ by: 'merchant', verdict: 'failed', reason: 'Her cousin called', at: 2 }),
        'ada@old.example ada lovelace #77',
      ],
    );
    await tx.run("INSERT INTO privacy_requests (id, account_id, check_id, kind, message, created_at) VALUES ('preq_old', 'acct_old', 'OLD001-aaaa', 'data_request', 'Send me everything', 3)");
  });
  await driver.close();
}

describe.each(DIALECTS)('upgrading a database from before sealed personal data, on %s', (dialect) => {
  let store: Store | undefined;
  let location: StoreLocation;
  afterEach(async () => {
    await store?.close();
    if (location.schema) await dropSchema(location.schema);
    await rm(location.dataDir, { recursive: true, force: true });
  });

  it('recognises the migrations already applied, seals the old plaintext and renames old fields', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'realid-upgrade-'));
    location = dialect === 'postgres' ? { databaseUrl: POSTGRES_URL, dataDir, schema: uniqueSchema() } : { dataDir };
    await oldDatabase(location);
    store = await openStore(location, testMasterKeys(), new EventRecipients());

    const versions = (await store.driver.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
    expect(versions.slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const check = (await store.checks.get('acct_old', 'OLD001-aaaa'))!;
    expect(check.customer).toEqual({ id: 'gid://shopify/Customer/7', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@old.example' });
    expect(check.order).toEqual({ id: 77, name: '#77' });
    expect(check.rules).toEqual({ signature_required: false, id_check_type: 'id', include_back_of_id: true, selfie_liveness: 'straight', minimum_age: 21, max_retakes: 2 });
    expect(check.decision).toEqual({ by: 'merchant', verdict: 'failed', reason: 'Her cousin called', at: 2 });
    expect(JSON.stringify(check.subChecks)).not.toContain('cousin');
    expect((await store.privacyRequests.list('acct_old', 'OLD001-aaaa'))[0]!.message).toBe('Send me everything');
    expect((await store.checks.list('acct_old', { search: 'ADA@old.example', limit: 10 })).map((c) => c.id)).toEqual(['OLD001-aaaa']);
    expect((await store.checks.list('acct_old', { search: 'lovelace', limit: 10 })).map((c) => c.id)).toEqual(['OLD001-aaaa']);

    // The plaintext columns are gone, and nothing personal is left in the clear in the rows that remain.
    await expect(store.driver.get('SELECT customer FROM checks')).rejects.toThrow();
    const raw = JSON.stringify(await store.driver.all('SELECT * FROM checks')) + JSON.stringify(await store.driver.all('SELECT * FROM privacy_requests'));
    for (const secret of ['ada@old.example', 'Lovelace', 'cousin', 'Send me everything', '1990-01-02']) expect(raw).not.toContain(secret);
  });
});
