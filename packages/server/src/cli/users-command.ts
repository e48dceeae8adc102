// `realid users …`: the operator creates dashboard users and resets their passwords. Passwords come from
// --password or, better (it stays out of shell history and `ps`), the REALID_PASSWORD environment variable.
import { ConfigError } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import type { ParsedValues } from './parse-command-line.ts';
import { withStore } from './with-store.ts';
import { checkNewCredentials, createUser, normalizeEmail } from '../web/create-user.ts';
import { hashPassword } from '../web/password-hash.ts';

function passwordFrom(values: ParsedValues): string {
  const password = (values.password as string | undefined) ?? process.env.REALID_PASSWORD;
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

export async function createUserCommand(values: ParsedValues): Promise<number> {
  const accountId = values.account as string;
  const email = values.email as string;
  const password = passwordFrom(values);
  const user = await asConfigError(() => withStore((store) => createUser(store, Date.now(), { accountId, email, password })));
  if (values.json) console.log(JSON.stringify({ user_id: user.id, account_id: user.accountId, email: user.email }, null, 2));
  else console.log(`Created user ${user.id} (${user.email}) for account ${user.accountId}. They can sign in to the web app now.`);
  return 0;
}

export async function listUsersCommand(values: ParsedValues): Promise<number> {
  const users = await withStore((store) => store.users.list(values.account as string | undefined));
  const rows = users.map((u) => ({ id: u.id, account_id: u.accountId, email: u.email, last_login_at: u.lastLoginAt && new Date(u.lastLoginAt).toISOString() }));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else for (const u of rows) console.log(`${u.id}  ${u.account_id}  ${u.email}`);
  return 0;
}

export async function setPasswordCommand(values: ParsedValues): Promise<number> {
  const email = values.email as string;
  const password = passwordFrom(values);
  await asConfigError(async () => checkNewCredentials(email, password));
  await withStore(async (store) => {
    const user = await store.users.findByEmail(normalizeEmail(email));
    if (!user) throw new ConfigError(`No user with the email ${email}`);
    await store.users.setPassword(user.id, await hashPassword(password));
    // A new password signs out every existing session of that user.
    await store.users.deleteSessionsOf(user.id);
  });
  console.log(`Changed the password of ${normalizeEmail(email)}; their sessions were signed out.`);
  return 0;
}
