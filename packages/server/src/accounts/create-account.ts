// Creating a merchant account with a test key, a live key and a webhook signing secret.
import { generateSecret } from '@realid/webhooks';
import type { Clock } from '../core/clock.ts';
import { newId, newToken, sha256Hex } from '../ids.ts';
import type { Account, ApiKeyRecord, KeyMode, Plan } from '../store/accounts-repo.ts';
import type { SqlExecutor } from '../store/sql-driver.ts';
import type { Store } from '../store/store.ts';

export const PLANS: readonly Plan[] = ['free', 'pro', 'enterprise'];

export interface NewApiKey {
  record: ApiKeyRecord;
  /** Shown once; only its hash is stored. */
  key: string;
}

export async function addApiKey(store: Store, tx: SqlExecutor, accountId: string, mode: KeyMode, now: number, label?: string): Promise<NewApiKey> {
  const key = `sk_${mode}_${newToken(32)}`;
  const record: ApiKeyRecord = { id: newId('key'), accountId, mode, prefix: key.slice(0, 12), label: label ?? null, createdAt: now, revokedAt: null };
  await store.accounts.insertKey(tx, record, sha256Hex(key));
  return { record, key };
}

export interface CreatedAccount {
  account: Account;
  testKey: string;
  liveKey: string;
  /** One per mode: test deliveries are signed with the test secret, live ones with the live secret. */
  signingSecrets: Record<KeyMode, string>;
}

/** How long a finished check's personal data is kept unless the account says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

export async function createAccount(
  store: Store,
  clock: Clock,
  input: { name: string; plan: Plan; minimumAge?: number; retentionDays?: number; notifyEmail?: string },
): Promise<CreatedAccount> {
  const now = clock.now();
  const account: Account = {
    id: newId('acct'),
    name: input.name,
    plan: input.plan,
    minimumAge: input.minimumAge ?? 18,
    retentionDays: input.retentionDays ?? DEFAULT_RETENTION_DAYS,
    nameMatch: true,
    notifyEmail: input.notifyEmail ?? null,
    createdAt: now,
  };
  const signingSecrets = { test: generateSecret(), live: generateSecret() };
  return store.driver.transaction(async (tx) => {
    await store.accounts.insert(tx, account);
    const test = await addApiKey(store, tx, account.id, 'test', now, 'default test key');
    const live = await addApiKey(store, tx, account.id, 'live', now, 'default live key');
    for (const mode of ['test', 'live'] as const) {
      await store.accounts.insertSecret(tx, account.id, mode, { id: newId('sec'), secret: signingSecrets[mode], createdAt: now, expiresAt: null });
    }
    return { account, testKey: test.key, liveKey: live.key, signingSecrets };
  });
}
