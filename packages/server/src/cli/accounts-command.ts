// `realid accounts …`: the operator creates merchant accounts and their keys from the command line.
import { parseArgs } from 'node:util';
import { createAccount, PLANS } from '../accounts/create-account.ts';
import { systemClock } from '../app/clock.ts';
import { ConfigError } from '../config/config.ts';
import type { Plan } from '../store/accounts-repo.ts';
import { withStore } from './with-store.ts';

function plan(value: string | undefined): Plan {
  const p = (value ?? 'enterprise') as Plan;
  if (!PLANS.includes(p)) throw new ConfigError(`--plan must be one of ${PLANS.join(', ')}`);
  return p;
}

export async function accountsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      plan: { type: 'string' },
      id: { type: 'string' },
      'minimum-age': { type: 'string' },
      'notify-email': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (sub === 'create') {
    if (!values.name?.trim()) throw new ConfigError('accounts create needs --name');
    const minimumAge = values['minimum-age'] === undefined ? undefined : Number(values['minimum-age']);
    if (minimumAge !== undefined && !(Number.isInteger(minimumAge) && minimumAge >= 0 && minimumAge <= 125)) {
      throw new ConfigError('--minimum-age must be a whole number from 0 to 125');
    }
    const created = await withStore((store) =>
      createAccount(store, systemClock, {
        name: values.name!.trim(),
        plan: plan(values.plan),
        ...(minimumAge !== undefined ? { minimumAge } : {}),
        ...(values['notify-email'] ? { notifyEmail: values['notify-email'] } : {}),
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
  if (sub === 'list') {
    const accounts = await withStore((store) => store.accounts.list());
    if (values.json) console.log(JSON.stringify(accounts, null, 2));
    else for (const a of accounts) console.log(`${a.id}  ${a.plan.padEnd(10)}  ${a.name}`);
    return 0;
  }
  if (sub === 'set-plan') {
    if (!values.id) throw new ConfigError('accounts set-plan needs --id');
    const p = plan(values.plan);
    await withStore(async (store) => {
      if (!(await store.accounts.get(values.id!))) throw new ConfigError(`No account ${values.id}`);
      await store.accounts.update(values.id!, { plan: p });
    });
    console.log(`Account ${values.id} is now on the ${p} plan.`);
    return 0;
  }
  throw new ConfigError('accounts takes create, list or set-plan');
}
