// Sign-in sessions: a random id in the cookie, only its SHA-256 in the database, a CSRF token per session,
// and a fixed lifetime from sign-in.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../core/services.ts';
import { newToken, sha256Hex } from '../ids.ts';
import type { Account } from '../store/accounts-repo.ts';
import type { SessionRecord, UserRecord } from '../store/users-repo.ts';
import { readSessionToken } from './session-cookie.ts';

export const SESSION_TTL_MS = 12 * 3600 * 1000;

export interface StartedSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

export interface ActiveSession {
  session: SessionRecord;
  user: UserRecord;
  account: Account;
}

export async function startSession(s: Services, user: UserRecord): Promise<StartedSession> {
  const now = s.clock.now();
  const token = newToken(32);
  const csrfToken = newToken(32);
  const expiresAt = now + SESSION_TTL_MS;
  await s.store.users.deleteExpiredSessions(now);
  await s.store.users.insertSession({ idHash: sha256Hex(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
  await s.store.users.recordLogin(user.id, now);
  return { token, csrfToken, expiresAt };
}

export async function activeSession(s: Services, request: FastifyRequest): Promise<ActiveSession | undefined> {
  const token = readSessionToken(request);
  if (!token) return undefined;
  const found = await s.store.users.findSession(sha256Hex(token), s.clock.now());
  if (!found) return undefined;
  const account = await s.store.accounts.get(found.user.accountId);
  return account && { ...found, account };
}

export async function endSession(s: Services, request: FastifyRequest): Promise<void> {
  const token = readSessionToken(request);
  if (token) await s.store.users.deleteSession(sha256Hex(token));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must echo the session's CSRF token; a cross-site form cannot read it. */
export function csrfSatisfied(request: FastifyRequest, session: SessionRecord): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
