// What the dashboard learns about the signed-in user: who, which account, and the CSRF token to send back.
import type { Account } from '../store/accounts-repo.ts';
import type { UserRecord } from '../store/users-repo.ts';

export function sessionView(user: UserRecord, account: Account, csrfToken: string, expiresAt: number) {
  return {
    user: { id: user.id, email: user.email },
    account: { id: account.id, name: account.name, plan: account.plan },
    csrf_token: csrfToken,
    expires_at: new Date(expiresAt).toISOString(),
  };
}
