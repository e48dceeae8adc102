// `realid accounts …`: the operator creates merchant accounts and their keys from the command line.
import { createAccount, PLANS } from '../accounts/create-account.ts';
import { systemClock } from '../core/clock.ts';
import { ConfigError } from '../config/config.ts';
import type { Plan } from '../store/accounts-repo.ts';
import type { ParsedValues } from './parse-command-line.ts';
import { withStore } from './with-store.ts';

function plan(value: string | undefined): Plan {
  const p = (value ?? 'enterprise') as Plan;
  if (!PLANS.includes(p)) throw new ConfigError(`--plan must be one of ${PLANS.join(', ')}`);
  return p;
}

function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new ConfigError('The retention period must be a whole number of days from 1 to 3650');
  return n;
}

export async function setRetentionCommand(values: ParsedValues): Promise<number> {
  const id = values.id as string;
  const retentionDays = days(values.days as string);
  await withStore(async (store) => {
    if (!(await store.accounts.get(id))) throw new ConfigError(`No account ${id}`);
    await store.accounts.update(id, { retentionDays });
  });
  console.log(`Finished checks of ${id} keep their personal data for ${retentionDays} days.`);
  return 0;
}

export async function createAccountCommand(values: ParsedValues): Promise<number> {
  const name = (values.name as string).trim();
  if (!name) throw new ConfigError('accounts create needs a --name that is not blank');
  const minimumAge = values['minimum-age'] === undefined ? undefined : Number(values['minimum-age']);
  if (minimumAge !== undefined && !(Number.isInteger(minimumAge) && minimumAge >= 0 && minimumAge <= 125)) {
    throw new ConfigError('--minimum-age must be a whole number from 0 to 125');
  }
  const retentionDays = values['retention-days'] === undefined ? undefined : days(values['retention-days'] as string);
  const accountPlan = plan(values.plan as string | undefined);
  const created = await withStore((store) =>
    createAccount(store, systemClock, {
      name,
      plan: accountPlan,
      ...(minimumAge !== undefined ? { minimumAge } : {}),
      ...(retentionDays !== undefined ? { retentionDays } : {}),
      ...(values['notify-email'] ? { notifyEmail: values['notify-email'] as string } : {}),
    }),
  );
  const out = {
    account_id: created.account.id,
    name: created.account.name,
    plan: created.account.plan,
    test_key: created.testKey,
    live_key: created.liveKey,
    signing_secrets: created.signingSecrets,
  };
  if (values.json) console.log(JSON.stringify(out, null, 2));
  else {
    console.log(`Created account ${out.account_id} (${out.name}, ${out.plan} plan).`);
    console.log(`Test key:            ${out.test_key}\nLive key:            ${out.live_key}\nTest signing secret: ${out.signing_secrets.test}\nLive signing secret: ${out.signing_secrets.live}`);
    console.log('The keys are shown once; only their hashes are stored.');
  }
  return 0;
}

export async function listAccountsCommand(values: ParsedValues): Promise<number> {
  const accounts = await withStore((store) => store.accounts.list());
  if (values.json) console.log(JSON.stringify(accounts, null, 2));
  else for (const a of accounts) console.log(`${a.id}  ${a.plan.padEnd(10)}  ${a.name}`);
  return 0;
}

export async function setPlanCommand(values: ParsedValues): Promise<number> {
  const id = values.id as string;
  const p = plan(values.plan as string);
  await withStore(async (store) => {
    if (!(await store.accounts.get(id))) throw new ConfigError(`No account ${id}`);
    await store.accounts.update(id, { plan: p });
  });
  console.log(`Account ${id} is now on the ${p} plan.`);
  return 0;
}
