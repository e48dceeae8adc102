// Creating a dashboard user (from the CLI, the first-run page or a test), with the rules for emails and passwords.
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import type { Store } from '../store/store.ts';
import type { UserRecord } from '../store/users-repo.ts';
import { hashPassword } from './password-hash.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function checkNewCredentials(email: string, password: string): void {
  const fields = [];
  if (!/^[^\s@]+@[^\s@]+$/.test(normalizeEmail(email)) || email.length > 254) fields.push({ field: 'email', message: 'must be an email address' });
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    fields.push({ field: 'password', message: `must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` });
  }
  if (fields.length) throw new AppError('validation_failed', fields.map((f) => `${f.field} ${f.message}`).join('; '), fields);
}

export async function createUser(
  store: Store,
  now: number,
  input: { accountId: string; email: string; password: string },
): Promise<UserRecord> {
  checkNewCredentials(input.email, input.password);
  const email = normalizeEmail(input.email);
  if (!(await store.accounts.get(input.accountId))) throw new AppError('not_found', `No account ${input.accountId}`);
  if (await store.users.findByEmail(email)) throw new AppError('conflict', 'A user with this email already exists.');
  const user: UserRecord = { id: newId('usr'), accountId: input.accountId, email, passwordHash: await hashPassword(input.password), createdAt: now, lastLoginAt: null };
  await store.users.insert(store.driver, user);
  return user;
}
