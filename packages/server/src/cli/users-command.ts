// `realid users …`: the operator creates dashboard users and resets their passwords. Passwords come from
// --password or, better (it stays out of shell history and `ps`), the REALID_PASSWORD environment variable.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { withStore } from './with-store.ts';
import { checkNewCredentials, createUser, normalizeEmail } from '../web/create-user.ts';
import { hashPassword } from '../web/password-hash.ts';

function passwordFrom(values: { password?: string | undefined }): string {
  const password = values.password ?? process.env.REALID_PASSWORD;
  if (!password) throw new ConfigError('Give the password with --password or the REALID_PASSWORD environment variable.');
  return password;
}

/** Domain refusals (bad email, duplicate user, unknown account) are the operator's input errors here. */
async function asConfigError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throw new ConfigError(error.message);
    throw error;
  }
}

export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { account: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (sub === 'create') {
    if (!values.account || !values.email) throw new ConfigError('users create needs --account ACCOUNT_ID and --email EMAIL');
    const password = passwordFrom(values);
    const user = await asConfigError(() =>
      withStore((store) => createUser(store, Date.now(), { accountId: values.account!, email: values.email!, password })),
    );
    if (values.json) console.log(JSON.stringify({ user_id: user.id, account_id: user.accountId, email: user.email }, null, 2));
    else console.log(`Created user ${user.id} (${user.email}) for account ${user.accountId}. They can sign in to the web app now.`);
    return 0;
  }
  if (sub === 'list') {
    const users = await withStore((store) => store.users.list(values.account));
    const rows = users.map((u) => ({ id: u.id, account_id: u.accountId, email: u.email, last_login_at: u.lastLoginAt && new Date(u.lastLoginAt).toISOString() }));
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else for (const u of rows) console.log(`${u.id}  ${u.account_id}  ${u.email}`);
    return 0;
  }
  if (sub === 'set-password') {
    if (!values.email) throw new ConfigError('users set-password needs --email EMAIL');
    const password = passwordFrom(values);
    await asConfigError(async () => checkNewCredentials(values.email!, password));
    await withStore(async (store) => {
      const user = await store.users.findByEmail(normalizeEmail(values.email!));
      if (!user) throw new ConfigError(`No user with the email ${values.email}`);
      await store.users.setPassword(user.id, await hashPassword(password));
      // A new password signs out every existing session of that user.
      await store.users.deleteSessionsOf(user.id);
    });
    console.log(`Changed the password of ${normalizeEmail(values.email)}; their sessions were signed out.`);
    return 0;
  }
  throw new ConfigError('users takes create, list or set-password');
}
