// Merchant authentication: `Authorization: Bearer sk_test_…|sk_live_…`. Keys are stored as SHA-256 hashes;
// a key is 32 random bytes, so the lookup by hash reveals nothing a timing attack could use.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { sha256Hex } from '../ids.ts';
import type { Actor } from '../store/access-log-repo.ts';
import type { Account, KeyMode } from '../store/accounts-repo.ts';
import { limitApiRequests } from './api-rate-limit.ts';

export interface Principal {
  account: Account;
  /** Which kind of checks this caller creates: a test key's are `testing: true`. */
  mode: KeyMode;
  via: 'api_key' | 'session';
  userId?: string;
  /** Who is acting, for the access log: the API key's id or the signed-in user's. */
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const KEY_PATTERN = /^sk_(test|live)_[A-Za-z0-9_-]{20,100}$/;

export async function authenticateApiKey(s: Services, header: string | undefined): Promise<Principal | undefined> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match) return undefined;
  const key = match[1]!;
  if (!KEY_PATTERN.test(key)) return undefined;
  const record = await s.store.accounts.findActiveKey(sha256Hex(key));
  if (!record) return undefined;
  const account = await s.store.accounts.get(record.accountId);
  return account && { account, mode: record.mode, via: 'api_key', actor: { type: 'api_key', id: record.id } };
}

/** The authenticated caller, set by the `requireMerchant` hook. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'Authentication required.');
  return request.principal;
}

export type SessionAuthenticator = (request: FastifyRequest) => Promise<Principal | undefined>;

export function requireMerchant(s: Services, session?: SessionAuthenticator) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const principal = header ? await authenticateApiKey(s, header) : await session?.(request);
    if (!principal) {
      throw new AppError('unauthorized', header ? 'The API key is not valid or was revoked.' : 'Send your API key as "Authorization: Bearer sk_…".');
    }
    await limitApiRequests(s, principal);
    request.principal = principal;
  };
}
